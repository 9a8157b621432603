"""Give every block its place in the clause structure.

Fills in, for each block: the enclosing section number ("12.3", "12.3(b)"),
the nearest heading or inline caption above it, and a numbered clause's own
caption ("12. Governing Law. This Agreement..." -> "Governing Law", and a
numbered block that is only a caption: "14. Insurance.").
"""

from __future__ import annotations

import re

from pcsc_procure.document.model import Document
from pcsc_procure.segment.headings import VERBISH, inline_caption, looks_like_heading, numbered_title
from pcsc_procure.segment.numbering import ClauseNumber, match_number

# A run-in caption in sentence case: a capitalised word, up to five lower-case ones, a full stop,
# then a capitalised sentence ("Licence audit. The Vendor may ..."); `numbered_title` vets the words.
_SENTENCE_CASE_CAPTION = re.compile(r"([A-Z][a-z]+(?: [a-z]+){0,5})\.[ \t]+(?=[A-Z])")
_CAPTION_LEVEL = 100  # a heading that came from a numbered clause's own caption


def clause_caption(text: str, num: ClauseNumber, end: int) -> str | None:
    """The caption of the numbered clause whose number `num` starts a block ending at `end`."""
    pos = num.end
    while pos < end and text[pos] in " \t":
        pos += 1
    cap = inline_caption(text, pos)
    if cap and cap[1] <= end:
        return cap[0]
    m = _SENTENCE_CASE_CAPTION.match(text, pos, end)
    if m and numbered_title(m.group(1)) and VERBISH.intersection(text[m.end() : end].lower().split()):
        return m.group(1)  # "2. Licence audit. The Vendor may ...": sentence case, then a sentence
    rest = text[pos:end].strip().rstrip(".:;-–— ").strip()
    if rest and len(rest) < 80 and "\n" not in rest and looks_like_heading(rest):
        return rest
    return None


def annotate_structure(doc: Document) -> None:
    text = doc.analysis_text
    section: str | None = None
    heading: str | None = None
    heading_level = 99
    for block in doc.blocks:
        num = match_number(text, block.start) if block.kind != "list-item" else None
        key = None
        if num is not None:
            if num.style in ("decimal", "word"):
                key = num.key
                section = key
            elif section is not None:
                key = f"{section.split('(')[0]}({num.key})"
            else:
                key = f"({num.key})"
        if block.kind == "heading":
            heading = block.title or text[block.start : block.end].strip()
            heading_level = block.level or 1
            if key:
                section = key
            block.section = section
            block.heading = heading
            continue
        if num is not None and block.title is None:
            block.title = clause_caption(text, num, block.end)
        block.section = key or section
        if num is not None and num.style in ("decimal", "word") and num.depth <= 2:
            if block.title:
                heading, heading_level = block.title, _CAPTION_LEVEL
            elif num.depth == 1 and heading_level == _CAPTION_LEVEL:
                # A new top-level clause without a caption leaves the previous clause's caption behind.
                heading = None
        block.heading = block.title or heading
