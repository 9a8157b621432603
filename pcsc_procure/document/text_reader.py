"""Plain-text drafts: split lines into blocks, keep offsets into the file.

A block starts after a blank line, at a line that begins with a clause number
or bullet, and after a heading line. Offsets are into the decoded content
exactly (see `decoding`), so `text[start:end]` is what is in the file.
"""

from __future__ import annotations

import re

from pcsc_procure.document.decoding import decode_text
from pcsc_procure.document.model import Block, Document
from pcsc_procure.segment.headings import looks_like_heading
from pcsc_procure.segment.numbering import match_number

_BULLET = re.compile(r"[-*•·‣◦▪–]\s+")
_FORM_FEED = "\f"


def iter_lines(text: str):
    """Yield (start, end) of each line, without its line terminator."""
    n = len(text)
    pos = 0
    find = text.find
    while pos <= n:
        nl = find("\n", pos)
        if nl == -1:
            end = n
            if pos < n:
                yield pos, end
            return
        end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        yield pos, end
        pos = nl + 1


def split_blocks(text: str, first_paragraph: int = 1) -> list[Block]:
    """Blocks of a plain-text document (also used for PDF page text)."""
    blocks: list[Block] = []
    current: list[int] | None = None  # [start, end, first_line_no]
    lineno = 0
    for start, end in iter_lines(text):
        lineno += 1
        line = text[start:end]
        stripped = line.strip()
        if not stripped or stripped == _FORM_FEED:
            if current:
                blocks.append(_make_block(text, *current))
                current = None
            continue
        lead = len(line) - len(line.lstrip())
        s = start + lead
        e = start + len(line.rstrip())
        starts_new = match_number(text, s) is not None or _BULLET.match(text, s) is not None
        heading = looks_like_heading(stripped) and len(stripped) < 80
        if current and (starts_new or heading or _is_heading_block(text, current)):
            blocks.append(_make_block(text, *current))
            current = None
        if current is None:
            current = [s, e, lineno]
        else:
            current[1] = e
    if current:
        blocks.append(_make_block(text, *current))
    for i, b in enumerate(blocks):
        b.paragraph = first_paragraph + i
    return blocks


def _is_heading_block(text: str, current: list[int]) -> bool:
    s, e, _ = current
    segment = text[s:e]
    return "\n" not in segment and looks_like_heading(segment) and len(segment) < 80


def _make_block(text: str, start: int, end: int, line: int) -> Block:
    body = text[start:end]
    num = match_number(text, start)
    if "\n" not in body and looks_like_heading(body) and len(body) < 80:
        return Block("heading", start, end, line=line, number=num.label if num else None, title=body.strip("#*_ \t"), level=num.depth if num else 1)
    if num is not None:
        return Block("clause", start, end, line=line, number=num.label, level=num.depth)
    b = _BULLET.match(text, start)
    if b is not None:
        return Block("list-item", start, end, line=line, number=b.group(0).strip(), level=1)
    return Block("paragraph", start, end, line=line)


def read_text(data: bytes, path: str) -> Document:
    text, encoding, notes = decode_text(data, path)
    return Document(path=path, format="txt", text=text, blocks=split_blocks(text), notes=notes)
