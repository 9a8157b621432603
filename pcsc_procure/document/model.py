"""The one shape every reader produces: plain text plus located blocks.

Everything downstream (segmentation, detection, rules, reports) works on this
model only; readers are the only code that knows about file formats.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "clause", "paragraph", "list-item", "table-cell", "footnote")


@dataclass(slots=True)
class Block:
    """A paragraph-like unit of the document, located in `Document.text`.

    `start`/`end` are character offsets into the document text and cover the
    block's visible text, including any clause number a reader would see.
    """

    kind: str
    start: int
    end: int
    page: int | None = None  # 1-based page (paged formats: PDF)
    line: int | None = None  # 1-based line of `start` (on its page for paged formats), as `Document.locate` gives it
    paragraph: int | None = None  # 1-based ordinal of the block in the document
    number: str | None = None  # clause/list label as shown: "1.2", "(a)", "Article 5", "•"
    level: int | None = None  # heading or list depth, 1 = top
    title: str | None = None  # a heading's text, or a clause's inline caption ("Governing Law")
    section: str | None = None  # number of the enclosing numbered clause
    heading: str | None = None  # nearest heading or caption above (or of) this block
    source_index: int | None = None  # DOCX: ordinal of the source w:p among body.iter(w:p) (for annotated copies)
    comments: list[str] | None = None  # DOCX: texts of the Word comments anchored in this paragraph


@dataclass(slots=True)
class Location:
    """Where an offset falls, in the terms a user can look up."""

    page: int | None
    line: int
    column: int
    paragraph: int | None
    section: str | None


@dataclass
class Document:
    """A document as read: its text, its blocks and what the reader noticed.

    `analysis_text` has the same length as `text` with markup (Markdown
    emphasis, link targets, ...) blanked out, so detectors read prose while
    offsets stay true to `text`.
    """

    path: str
    format: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page_starts: list[int] | None = None  # offset where each page begins (paged formats)
    analysis_text: str | None = None

    def __post_init__(self) -> None:
        if self.analysis_text is None:
            self.analysis_text = self.text
        if len(self.analysis_text) != len(self.text):
            raise ValueError("analysis_text must be exactly as long as text")
        self._newlines: list[int] | None = None
        self._block_starts: list[int] | None = None

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None

    # -- locating offsets -------------------------------------------------
    def _newline_offsets(self) -> list[int]:
        if self._newlines is None:
            text = self.text
            offsets = []
            find = text.find
            i = find("\n")
            while i != -1:
                offsets.append(i)
                i = find("\n", i + 1)
            self._newlines = offsets
        return self._newlines

    def block_at(self, offset: int) -> Block | None:
        """The block containing `offset` (or the nearest one before it)."""
        if not self.blocks:
            return None
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect_right(self._block_starts, offset) - 1
        return self.blocks[max(i, 0)]

    def locate(self, offset: int) -> Location:
        """Page, line (on the page for paged formats) and column of `offset`."""
        offset = max(0, min(offset, len(self.text)))
        newlines = self._newline_offsets()
        line_index = bisect_right(newlines, offset - 1)  # newlines strictly before offset
        line_start = newlines[line_index - 1] + 1 if line_index else 0
        page = None
        line = line_index + 1
        if self.page_starts:
            p = bisect_right(self.page_starts, offset) - 1
            p = max(p, 0)
            page = p + 1
            first_line = bisect_right(newlines, self.page_starts[p] - 1)
            line = line_index - first_line + 1
        block = self.block_at(offset)
        return Location(
            page=page,
            line=line,
            column=offset - line_start + 1,
            paragraph=block.paragraph if block else None,
            section=block.section if block else None,
        )

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]
