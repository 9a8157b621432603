"""PDF drafts: page and line of every block; scanned and locked PDFs named.

Two text engines, same output shape and the same errors:
- "pdfium" (default): pypdfium2, which pdfplumber itself depends on. On the
  12 CUAD dev PDFs it matches the text twins as well as pdfplumber
  (word-sequence similarity 0.997-1.000) at about 40x the speed.
- "plumber": pdfplumber's layout analysis (`extract_text`), for drafts whose
  columns or tables pdfium reads in the wrong order; much slower.

Pages are read one at a time and released, so memory stays flat. A file that
cannot be opened is an InputError; a single page that cannot be read is a
note, and the other pages are still read.
"""

from __future__ import annotations

import logging
import re

from pcsc_procure.document.model import Document
from pcsc_procure.document.page_breaks import blank_spans, join_across_breaks, line_spans
from pcsc_procure.document.text_reader import split_blocks
from pcsc_procure.errors import InputError

DEFAULT_MAX_PAGES = 3000
ENGINES = ("pdfium", "plumber")
ENCRYPTED = "encrypted PDF (password required); save an unlocked copy"
UNREADABLE = "not a readable PDF (corrupt, truncated or not a PDF)"
_MAX_PAGE_NOTES = 20

# Page text to model text: one line terminator, no control characters.
# pdfium marks a hyphen at a line break with \x02 (and \ufffe in some builds)
# and drops the break itself: the mark becomes "-" plus the line break, so
# line numbers after it still match the page (and pdfplumber);
# no-break and other fixed-width spaces become plain spaces so that every
# later step (sentences, patterns, tokens) sees ordinary words.
_CLEAN = {c: " " for c in range(32) if c not in (9, 10)}
_CLEAN.update({0x02: "-\n", 0xFFFE: "-\n", 0xA0: " ", 0x2007: " ", 0x202F: " ", 0x85: " ", 0x2028: "\n", 0x2029: "\n"})


class _PageUnreadable(Exception):
    """One page failed to load or to give its text."""


def clean_page_text(page_text: str) -> str:
    text = page_text.replace("\r\n", "\n").replace("\r", "\n")
    # a build that keeps the break after the mark: one line end, not two
    text = text.replace("\x02\n", "\x02").replace("\ufffe\n", "\ufffe")
    return text.translate(_CLEAN)


def _pages_pdfium(data: bytes, path: str, max_pages: int):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(path, ENCRYPTED) from None
        raise InputError(path, UNREADABLE) from None
    try:
        count = len(pdf)
        if count > max_pages:
            raise InputError(path, f"{count} pages, over the {max_pages}-page limit (max_pages)")
        for i in range(count):
            try:
                page = pdf[i]
            except pdfium.PdfiumError:
                yield _PageUnreadable()
                continue
            try:
                tp = page.get_textpage()
                try:
                    text = tp.get_text_range()
                finally:
                    tp.close()
            except pdfium.PdfiumError:
                text = _PageUnreadable()
            finally:
                page.close()
            yield text
    finally:
        pdf.close()


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning per oddity it repairs; the CLI owns stderr."""
    logger = logging.getLogger("pdfminer")
    if not logger.handlers:  # without any handler, logging prints warnings to stderr
        logger.addHandler(logging.NullHandler())


def _pdfium_page_count(data: bytes) -> int | None:
    """The page count as pdfium sees it (fast: no page is loaded), or None."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _pages_plumber(data: bytes, path: str, max_pages: int):
    import io

    import pdfplumber

    _quiet_pdfminer()
    quick = _pdfium_page_count(data)
    if quick is not None and quick > max_pages:  # before pdfminer walks every page to count them
        raise InputError(path, f"{quick} pages, over the {max_pages}-page limit (max_pages)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as exc:  # pdfminer wraps every parse failure differently
        cause = f"{type(exc).__name__} {exc!r} {exc.__cause__!r} {exc.__context__!r}"
        if "Password" in cause or "password" in cause:
            raise InputError(path, ENCRYPTED) from None
        raise InputError(path, UNREADABLE) from None
    with pdf:
        if count > max_pages:
            raise InputError(path, f"{count} pages, over the {max_pages}-page limit (max_pages)")
        for page in pdf.pages:
            try:
                text = page.extract_text() or ""
            except Exception:  # a damaged content stream; the other pages may be fine
                text = _PageUnreadable()
            finally:
                page.close()
            yield text


def read_pdf(data: bytes, path: str, engine: str = "pdfium", max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    if engine not in ENGINES:
        raise InputError(path, f"unknown PDF engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if not data:
        raise InputError(path, "empty file, not a PDF")
    if b"%PDF" not in data[:1024]:
        raise InputError(path, "not a PDF (no %PDF header)")
    pages = _pages_pdfium(data, path, max_pages) if engine == "pdfium" else _pages_plumber(data, path, max_pages)
    parts: list[str] = []
    page_starts: list[int] = []
    blocks = []
    empty: list[int] = []
    damaged: list[int] = []
    for number, raw in enumerate(pages, start=1):
        if isinstance(raw, _PageUnreadable):
            damaged.append(number)
            raw = ""
        text = clean_page_text(raw)
        if not text.strip() and number not in damaged:
            empty.append(number)
        parts.append(text)
    furniture = running_lines(parts)
    pos = 0
    blanked: list[str] = []
    for number, text in enumerate(parts, start=1):
        page_starts.append(pos)
        skip = furniture[number - 1]
        page_blocks = split_blocks(text, first_paragraph=len(blocks) + 1, skip=skip)
        for b in page_blocks:
            b.start += pos
            b.end += pos
            b.page = number
        blocks.extend(page_blocks)
        blanked.append(blank_spans(text, line_spans(text, skip)))
        pos += len(text) + 1  # pages are joined by "\n"
    if not page_starts:
        raise InputError(path, "PDF has no pages")
    if not blocks:
        if damaged:
            raise InputError(path, f"{UNREADABLE}: none of its {len(page_starts)} page(s) gives any text")
        raise InputError(path, f"no text layer on any of its {len(page_starts)} page(s): scanned? run OCR first")
    notes = _page_notes(damaged, "is damaged and could not be read") + _page_notes(empty, "has no text layer: scanned?")
    text = "\n".join(parts)
    # A paragraph that runs over a page break is one block; running lines read as blank (see `page_breaks`).
    blocks = join_across_breaks(text, blocks, page_starts[1:])
    return Document(path=path, format="pdf", text=text, blocks=blocks, notes=notes, page_starts=page_starts, analysis_text="\n".join(blanked))


_DIGITS = re.compile(r"\d+")
_EDGE_LINES = 3  # a running header or footer is among the first or last lines of a page
MAX_RUNNING_LEN = 200


def running_key(line: str) -> str:
    """A line as it repeats from page to page: page numbers and dates vary, so digits are one mark."""
    return " ".join(_DIGITS.sub("#", line.lower()).split())


def running_lines(pages: list[str]) -> list[frozenset[int]]:
    """Per page, the 1-based numbers of its running header and footer lines.

    A line near the top or bottom of a page ("Municipality of Eastbridge -
    ITT 2026-007 - page 3", "Source: ACME CORP, 10-K, 2/27/2020", a bare page
    number) that recurs, digits aside, near the edge of at least half the
    pages (and two) is page furniture, not text of the clause it happens to
    sit in: read as body text it ran into the clause above it and carried
    that page's detections.
    """
    if len(pages) < 2:
        return [frozenset()] * len(pages)
    edges: list[tuple[dict[str, list[int]], int]] = []  # per page: edge line keys -> line numbers, and its line count
    counts: dict[str, int] = {}
    for text in pages:
        numbered = [(i, line.strip()) for i, line in enumerate(text.split("\n"), start=1) if line.strip()]
        edge = _EDGE_LINES if len(numbered) > 2 * _EDGE_LINES else 1  # a short page: its first and last line
        zone = numbered[:edge] + numbered[-edge:] if len(numbered) > 2 * edge else numbered
        keys: dict[str, list[int]] = {}
        for i, line in zone:
            if len(line) <= MAX_RUNNING_LEN:
                keys.setdefault(running_key(line), []).append(i)
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        edges.append((keys, len(numbered)))
    need = max(2, (len(pages) + 1) // 2)
    running = {k for k, c in counts.items() if c >= need}
    out = []
    for keys, n_lines in edges:
        lines = frozenset(i for k, found in keys.items() if k in running for i in found)
        # Pages that are all alike ("The Vendor shall deliver page 7"): that is the text, not furniture.
        out.append(lines if len(lines) < n_lines else frozenset())
    return out


def _page_notes(pages: list[int], problem: str) -> list[str]:
    notes = [f"page {n} {problem}" for n in pages[:_MAX_PAGE_NOTES]]
    if len(pages) > _MAX_PAGE_NOTES:
        notes.append(f"... and {len(pages) - _MAX_PAGE_NOTES} more pages like that")
    return notes
