"""Markdown drafts: headings, numbered clauses, lists, tables, quotes.

Offsets are into the decoded file (like .txt). Markup is blanked out, with
spaces of equal length, in `analysis_text` (see `markdown_mask`), so
detectors read "**shall**" as "shall" while every offset still points into
the file as written. Code (fenced blocks), HTML comments and YAML front
matter are not prose: they give no blocks and are blanked too.

The block rules follow CommonMark/GFM where drafts use them: ATX (`## 2.
Data`) and setext (`Title` / `=====`) headings, `-`/`*`/`+` bullets, numbered
items (any clause number, see `segment.numbering`), `>` quotes (nested too),
pipe tables with or without outer pipes, `---` rules.
"""

from __future__ import annotations

import re

from pcsc_procure.document.decoding import decode_text
from pcsc_procure.document.markdown_mask import mask_markup
from pcsc_procure.document.model import Block, Document
from pcsc_procure.document.text_reader import iter_lines
from pcsc_procure.segment.numbering import match_number

_ATX = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"[ ]{0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"[ \t]*([-*+])[ \t]+(?=\S)")
_QUOTE = re.compile(r"(?:[ ]{0,3}>[ \t]?)+")
_SEP_CELL = re.compile(r":?-+:?")
_HR = re.compile(r"[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FRONT_MATTER_END = ("---", "...")


# Both line tests below are plain string scans: as regexes
# (`(?:^|[ \t]+)#+[ \t]*$`, `[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
# they backtrack quadratically over a long run of spaces.
def _atx_close(body: str) -> int | None:
    """Where a closing `###` sequence (with the blanks before it) starts in an ATX heading's body."""
    rest = body.rstrip(" \t")
    hashes = len(rest) - len(rest.rstrip("#"))
    if not hashes:
        return None
    before = rest[: len(rest) - hashes]
    if not before:
        return 0
    blanks = len(before) - len(before.rstrip(" \t"))
    return len(before) - blanks if blanks else None


def _is_table_sep(line: str) -> bool:
    """A GFM table delimiter row: `|---|:--:|`, `--- | ---`, `:---`."""
    s = line.strip(" \t")
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return all(_SEP_CELL.fullmatch(cell.strip(" \t")) for cell in s.split("|"))


def read_markdown(data: bytes, path: str) -> Document:
    text, _encoding, notes = decode_text(data, path)
    blocks, masks = parse_blocks(text)
    return Document(path=path, format="md", text=text, blocks=blocks, notes=notes, analysis_text=mask_markup(text, masks))


class _Parser:
    """One pass over the lines; `cur` is the block being extended by continuation lines."""

    def __init__(self, text: str):
        self.text = text
        self.blocks: list[Block] = []
        self.masks: list[tuple[int, int]] = []
        self.cur: dict | None = None

    def flush(self) -> None:
        c = self.cur
        if c is not None:
            self.blocks.append(Block(c["kind"], c["start"], c["end"], line=c["line"], number=c.get("number"), level=c.get("level")))
            self.cur = None

    def open(self, kind: str, start: int, end: int, line: int, quote: bool, **extra) -> None:
        self.flush()
        self.cur = {"kind": kind, "start": start, "end": end, "line": line, "quote": quote, **extra}

    def heading(self, start: int, end: int, line: int, level: int) -> None:
        self.flush()
        title = self.text[start:end]
        num = match_number(self.text, start)
        self.blocks.append(Block("heading", start, end, line=line, level=level, number=num.label if num else None, title=" ".join(title.split()).strip("*_ ")))

    def table_row(self, s: int, e: int, lineno: int) -> None:
        """Each non-empty cell of a table row becomes a table-cell block."""
        self.flush()
        row = self.text[s:e]
        pos = s
        for cell in _CELL_SPLIT.split(row):
            stripped = cell.strip()
            if stripped:
                start = pos + len(cell) - len(cell.lstrip())
                self.blocks.append(Block("table-cell", start, start + len(stripped), line=lineno))
            pos += len(cell)
            if pos < e:
                self.masks.append((pos, pos + 1))  # the pipe
            pos += 1

    def text_line(self, s: int, e: int, lineno: int) -> None:
        """A line of prose: starts a list item, clause or paragraph, or continues one."""
        text = self.text
        line = text[s:e]
        q = _QUOTE.match(line)
        quote = q is not None
        content_s = s + (q.end() if q else 0)
        content_s += len(text[content_s:e]) - len(text[content_s:e].lstrip())
        content_e = s + len(line.rstrip())
        if q:
            self.masks.append((s, s + q.end()))
            if content_s >= content_e:  # an empty quote line ends a paragraph
                self.flush()
                return
        if text[content_s:content_e] in ("-", "*", "+"):  # an empty list item
            self.flush()
            self.masks.append((content_s, content_e))
            return
        b = _BULLET.match(text, s if not q else s + q.end(), e)
        if b is not None:
            self.masks.append((b.start(1), b.end()))
            indent = b.start(1) - (s + (q.end() if q else 0))
            self.open("list-item", b.end(), content_e, lineno, quote, number=b.group(1), level=1 + indent // 2)
            return
        num = match_number(text, content_s)
        if num is not None and num.end <= content_e:
            self.open("clause", content_s, content_e, lineno, quote, number=num.label, level=num.depth)
            return
        if self.cur is None or self.cur["quote"] != quote:
            self.open("paragraph", content_s, content_e, lineno, quote)
        else:
            self.cur["end"] = content_e


def _front_matter_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Number of lines of a leading YAML front matter block (0 if none)."""
    if not lines or text[lines[0][0] : lines[0][1]].rstrip() != "---":
        return 0
    for i in range(1, min(len(lines), 200)):
        if text[lines[i][0] : lines[i][1]].rstrip() in _FRONT_MATTER_END:
            return i + 1
    return 0


def parse_blocks(text: str) -> tuple[list[Block], list[tuple[int, int]]]:
    """Return the blocks and the block-markup spans to blank (markers, code, rules)."""
    lines = list(iter_lines(text))
    p = _Parser(text)
    fence: str | None = None  # the opening fence while inside a code block
    in_comment = in_table = False
    skip = _front_matter_end(text, lines)
    if skip:
        p.masks.append((lines[0][0], lines[skip - 1][1]))
    for idx in range(skip, len(lines)):
        s, e = lines[idx]
        line = text[s:e]
        lineno = idx + 1
        if fence is not None:
            p.masks.append((s, e))
            stripped = line.strip()
            if stripped.startswith(fence) and stripped == stripped[0] * len(stripped):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        f = _FENCE.match(line)
        if f:
            p.flush()
            fence = f.group(1)
            p.masks.append((s, e))
            continue
        if not line.strip():
            p.flush()
            in_table = False
            continue
        lead = line.lstrip()
        if lead.startswith("<!--"):
            p.flush()  # a comment (e.g. a suppression marker) is not prose
            in_comment = "-->" not in lead[4:]
            continue
        m = _ATX.match(line)
        if m:
            p.masks.append((s, s + m.end()))
            body = text[s + m.end() : e]
            close = _atx_close(body)
            if close is not None:
                p.masks.append((s + m.end() + close, e))
                body = body[:close]
            start = s + m.end() + len(body) - len(body.lstrip())
            body = body.strip()
            if body:
                p.heading(start, start + len(body), lineno, len(m.group(1)))
            else:
                p.flush()
            continue
        cur = p.cur
        if cur is not None and cur["kind"] == "paragraph" and not cur["quote"] and _SETEXT.match(line):
            p.masks.append((s, e))
            p.cur = None
            p.heading(cur["start"], cur["end"], cur["line"], 1 if line.strip()[0] == "=" else 2)
            continue
        if _HR.match(line):
            p.flush()
            p.masks.append((s, e))
            continue
        next_line = text[lines[idx + 1][0] : lines[idx + 1][1]] if idx + 1 < len(lines) else ""
        if "|" in line and (in_table or lead.startswith("|") or ("|" in next_line and _is_table_sep(next_line))):
            in_table = True
            if _is_table_sep(line):
                p.flush()
                p.masks.append((s, e))
            else:
                p.table_row(s, e, lineno)
            continue
        in_table = False
        p.text_line(s, e, lineno)
    p.flush()
    for i, blk in enumerate(p.blocks, start=1):
        blk.paragraph = i
    return p.blocks, p.masks
