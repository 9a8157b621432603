"""File-level directives besides suppressions: `pcsc-procure: profile NAME`.

A clause pack (or any draft) can say what kind of purchase it is, so that
linting it applies that profile's domains instead of inferring them from its
text: a pack's own clauses name cameras, devices and hosting, and inference
would add the surveillance, IoT and cloud rules the profile left out. Written
where suppression markers are: an HTML comment in Markdown or text, a line of
its own in text, a Word comment in .docx. A profile given on the command line
or in the config (or `--domain`) wins over the document's.
"""

from __future__ import annotations

import re

_HTML = re.compile(r"<!--\s*pcsc-procure:\s*profile\s+([\w-]+)\s*-->")
_LINE = re.compile(r"^[ \t]*pcsc-procure:[ \t]*profile[ \t]+([\w-]+)[ \t]*$", re.MULTILINE)
_WORD = re.compile(r"pcsc-procure:\s*profile\s+([\w-]+)")


def marker(profile: str) -> str:
    """The directive's text, as `pack` writes it."""
    return f"pcsc-procure: profile {profile}"


def declared_profile(doc) -> str | None:
    """The first `pcsc-procure: profile NAME` the document declares, if any."""
    if doc.format in ("md", "txt"):
        found = [m for rx in ((_HTML, _LINE) if doc.format == "txt" else (_HTML,)) for m in rx.finditer(doc.text)]
        if found:
            return min(found, key=lambda m: m.start()).group(1)
    for block in doc.blocks:
        for comment in getattr(block, "comments", None) or ():
            m = _WORD.search(comment)
            if m:
                return m.group(1)
    return None
