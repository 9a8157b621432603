"""Plain-text drafts: split lines into blocks, keep offsets into the file.

A block starts after a blank line, at a line that begins with a clause number
or bullet, and at and after a heading line. Lines wrapped mid-sentence (as
PDF text always is) do not start blocks: a heading-like line continues a
paragraph whose last line did not end a sentence ("...and sale of" /
"ADAMS GOLF'S PRODUCT."), a number continues a cross-reference
("...pursuant to Section" / "5.2 of this Agreement"), and figures in
brackets continue a number written out ("... on twelve" / "(12) months").

Offsets are into the decoded content exactly (see `decoding`), so
`text[start:end]` is what is in the file.
"""

from __future__ import annotations

import re

from pcsc_procure.document.decoding import decode_text
from pcsc_procure.document.model import Block, Document
from pcsc_procure.document.page_breaks import blank_spans, glued_running, join_across_breaks, line_spans, repeated_lines
from pcsc_procure.segment.headings import looks_like_heading, numbered_title
from pcsc_procure.segment.numbering import match_number

_BULLET = re.compile(r"[-*•·‣◦▪–]\s+")
_ENDS_SENTENCE = tuple(".:;!?)]\"”’'")
_REFERENCE_WORD = re.compile(
    r"(?:^|\W)(?:sections?|articles?|clauses?|paragraphs?|sub-?(?:sections?|clauses?|paragraphs?)|schedules?|exhibits?|annex(?:es)?|appendix|appendices|items?|parts?|§|no\.|nos\.|numbers?)$",
    re.IGNORECASE,
)


# "... on twelve" / "(12) months' notice": a number written out, then in figures, across a wrap
_NUMBER_WORD_END = re.compile(
    r"(?:^|\W)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|percent|per cent)$",
    re.IGNORECASE,
)
_FIGURES_IN_PARENS = re.compile(r"\(\d[\d,.]*%?\)")


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


def split_blocks(text: str, first_paragraph: int = 1, skip: frozenset[int] = frozenset()) -> list[Block]:
    """Blocks of a plain-text document (also used for PDF page text).

    Lines whose 1-based numbers are in `skip` (a PDF page's running header and
    footer) read as blank lines: they end a block and belong to none.
    """
    blocks: list[Block] = []
    current: list | None = None  # [start, end, first_line_no, is a one-line heading]
    lineno = 0
    for start, end in iter_lines(text):
        lineno += 1
        line = text[start:end]
        stripped = "" if lineno in skip else line.strip()
        if not stripped:
            if current:
                blocks.append(_make_block(text, *current))
                current = None
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        heading = _heading_line(stripped)
        if current and _starts_block(text, s, heading, current):
            blocks.append(_make_block(text, *current))
            current = None
        if current is None:
            current = [s, e, lineno, heading]
        else:
            current[1] = e
            current[3] = False
    if current:
        blocks.append(_make_block(text, *current))
    for i, b in enumerate(blocks):
        b.paragraph = first_paragraph + i
    return blocks


def _heading_line(stripped: str) -> bool:
    """A short title line; body lines (ending "," ";" or a lower-case ".") are ruled out cheaply first."""
    if len(stripped) >= 80 or stripped[-1] in ",;" or (stripped[-1] == "." and not stripped.isupper()):
        return False
    if looks_like_heading(stripped):
        return True
    num = match_number(stripped)
    return num is not None and num.style in ("decimal", "word") and num.depth <= 2 and numbered_title(stripped[num.end :])


def _starts_block(text: str, s: int, heading: bool, current: list) -> bool:
    """Does the line at `s` begin a new block after the lines in `current`?"""
    if current[3]:
        return True  # nothing runs on after a heading line
    before = text[max(current[0], current[1] - 40) : current[1]]
    if match_number(text, s) is not None:
        if _NUMBER_WORD_END.search(before) is not None and _FIGURES_IN_PARENS.match(text, s) is not None:
            return False  # "twelve" / "(12) months": the figures of a number, not item (12)
        return _REFERENCE_WORD.search(before) is None
    if _BULLET.match(text, s) is not None:
        return True
    return heading and before.endswith(_ENDS_SENTENCE)


def _make_block(text: str, start: int, end: int, line: int, heading: bool) -> Block:
    body = text[start:end]
    num = match_number(text, start)
    if heading:
        return Block("heading", start, end, line=line, number=num.label if num else None, title=body.strip("#*_ \t"), level=num.depth if num else 1)
    if num is not None:
        return Block("clause", start, end, line=line, number=num.label, level=num.depth)
    b = _BULLET.match(text, start)
    if b is not None:
        return Block("list-item", start, end, line=line, number=b.group(0).strip(), level=1)
    return Block("paragraph", start, end, line=line)


def page_furniture(text: str) -> frozenset[int]:
    """Line numbers of running headers and footers in text with form-feed page breaks.

    `pdftotext` and many print-to-text tools separate pages with a form feed;
    the pages' running lines are found as for a PDF (`pdf_reader.running_lines`).
    """
    if "\f" not in text:
        return frozenset()
    from pcsc_procure.document.pdf_reader import DEFAULT_MAX_PAGES, running_lines

    pages = text.split("\f")
    if len(pages) > DEFAULT_MAX_PAGES:  # not a printed document's pages: a run of form feeds costs time, not text
        return frozenset()
    skip: set[int] = set()
    first_line = 1
    for page, lines in zip(pages, running_lines(pages)):
        skip.update(first_line + i - 1 for i in lines)
        first_line += page.count("\n")  # the form feed itself ends no line
    return frozenset(skip)


def read_text(data: bytes, path: str) -> Document:
    """A plain-text draft; running headers and footers belong to no block and are blanked for analysis,
    and a paragraph cut by a page break is joined up again (see `page_breaks`)."""
    text, encoding, notes = decode_text(data, path)
    paged = "\f" in text
    skip = page_furniture(text) if paged else repeated_lines(text)
    blocks = split_blocks(text, skip=skip)
    glued, glued_breaks = ([], []) if paged else glued_running(text)
    if not skip and not paged and not glued:
        return Document(path=path, format="txt", text=text, blocks=blocks, notes=notes)
    running = line_spans(text, skip)
    breaks = sorted([s for s, _ in running] + [m.start() for m in re.finditer("\f", text)] + glued_breaks)
    analysis = blank_spans(text, running + glued)
    blocks = join_across_breaks(analysis, blocks, breaks)
    return Document(path=path, format="txt", text=text, blocks=blocks, notes=notes, analysis_text=analysis)
