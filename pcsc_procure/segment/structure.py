"""Give every block its place in the clause structure.

Fills in, for each block: the enclosing section number ("12.3", "12.3(b)"),
the nearest heading or inline caption above it, and a numbered clause's own
caption ("12. Governing Law. This Agreement..." -> "Governing Law").
"""

from __future__ import annotations

from pcsc_procure.document.model import Document
from pcsc_procure.segment.headings import inline_caption
from pcsc_procure.segment.numbering import match_number


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
            level = block.level or 1
            heading = block.title or text[block.start : block.end].strip()
            heading_level = level
            if key:
                section = key
            block.section = section
            block.heading = heading
            continue
        if num is not None and block.title is None:
            cap = inline_caption(text, num.end + (len(text[num.end:block.end]) - len(text[num.end:block.end].lstrip())))
            if cap and cap[1] <= block.end:
                block.title = cap[0]
        block.section = key or section
        if block.title and num is not None and num.depth <= 2 and num.style in ("decimal", "word"):
            heading = block.title
            heading_level = 100
        block.heading = block.title or heading
    _ = heading_level
