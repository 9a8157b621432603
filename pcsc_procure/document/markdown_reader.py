"""Markdown drafts: headings, numbered clauses, lists, tables, quotes.

Offsets are into the decoded file (like .txt). Markup is blanked out, with
spaces of equal length, in `analysis_text`, so detectors read "**shall**" as
"shall" while every offset still points into the file as written.
"""

from __future__ import annotations

import re

from pcsc_procure.document.decoding import decode_text
from pcsc_procure.document.model import Block, Document
from pcsc_procure.document.text_reader import iter_lines
from pcsc_procure.segment.numbering import match_number

_ATX = re.compile(r"[ ]{0,3}(#{1,6})[ \t]+")
_SETEXT = re.compile(r"[ ]{0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"[ ]{0,3}(```|~~~)")
_BULLET = re.compile(r"[ \t]*([-*+])[ \t]+")
_ORDERED = re.compile(r"[ \t]*(\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r"[ ]{0,3}>[ \t]?")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_HR = re.compile(r"[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")

# Markup to blank out for analysis (replaced by spaces of the same length).
_MASKS = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"),
    re.compile(r"\]\([^()\s]{0,500}(?:\s+\"[^\"]*\")?\)"),  # link target  ](http://...)
    re.compile(r"!?\[(?=[^\]\n]*\]\()"),  # link/image opening bracket
    re.compile(r"(?<!\w)(\*\*|__|\*|_|`+|~~)(?=\S)|(?<=\S)(\*\*|__|\*|_|`+|~~)(?!\w)"),
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"),
]


def mask_markup(text: str) -> str:
    chars = list(text)
    for rx in _MASKS:
        for m in rx.finditer(text):
            for i in range(m.start(), m.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def read_markdown(data: bytes, path: str) -> Document:
    text, _encoding, notes = decode_text(data, path)
    blocks, masks = parse_blocks(text)
    analysis = mask_markup(text)
    if masks:
        chars = list(analysis)
        for s, e in masks:
            for i in range(s, e):
                if chars[i] != "\n":
                    chars[i] = " "
        analysis = "".join(chars)
    return Document(path=path, format="md", text=text, blocks=blocks, notes=notes, analysis_text=analysis)


def parse_blocks(text: str) -> tuple[list[Block], list[tuple[int, int]]]:
    """Return the blocks and the extra spans to blank (markers, code, tables rules)."""
    lines = list(iter_lines(text))
    blocks: list[Block] = []
    masks: list[tuple[int, int]] = []
    cur: dict | None = None
    in_fence = False

    def flush():
        nonlocal cur
        if cur is not None:
            blocks.append(Block(cur["kind"], cur["start"], cur["end"], line=cur["line"], number=cur.get("number"), level=cur.get("level")))
            cur = None

    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        lineno = idx + 1
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            masks.append((s, e))
            continue
        if in_fence:
            masks.append((s, e))
            continue
        if not line.strip():
            flush()
            continue
        if line.lstrip().startswith("<!--") and line.rstrip().endswith("-->"):
            flush()  # a comment line (e.g. a suppression marker) is not prose
            continue
        m = _ATX.match(line)
        if m:
            flush()
            masks.append((s, s + m.end()))
            body_s = s + m.end()
            body = text[body_s:e].rstrip().rstrip("#").rstrip()
            body_e = body_s + len(body)
            num = match_number(text, body_s)
            blocks.append(Block("heading", body_s, body_e, line=lineno, level=len(m.group(1)), number=num.label if num else None, title=body.strip("*_ ")))
            continue
        if cur is not None and cur["kind"] == "paragraph" and "\n" not in text[cur["start"]:cur["end"]] and _SETEXT.match(line) and not _BULLET.match(line):
            masks.append((s, e))
            title = text[cur["start"]:cur["end"]]
            blocks.append(Block("heading", cur["start"], cur["end"], line=cur["line"], level=1 if line.strip()[0] == "=" else 2, title=title.strip("*_ ")))
            cur = None
            continue
        if _HR.match(line):
            flush()
            masks.append((s, e))
            continue
        if line.lstrip().startswith("|") or (cur is None and "|" in line and idx + 1 < len(lines) and _TABLE_SEP.match(text[lines[idx + 1][0]:lines[idx + 1][1]])):
            flush()
            if _TABLE_SEP.match(line):
                masks.append((s, e))
                continue
            _table_cells(text, s, e, lineno, blocks, masks)
            continue
        q = _QUOTE.match(line)
        if q:
            masks.append((s, s + q.end()))
            content_s = s + q.end()
        else:
            content_s = s + (len(line) - len(line.lstrip()))
        content_e = s + len(line.rstrip())
        b = _BULLET.match(text, s, e) if not q else None
        num = match_number(text, content_s)
        if b is not None:
            flush()
            masks.append((s, b.end()))
            cur = {"kind": "list-item", "start": b.end(), "end": content_e, "line": lineno, "number": b.group(1), "level": 1 + (b.start(1) - s) // 2}
            continue
        if num is not None:
            flush()
            kind = "clause"
            cur = {"kind": kind, "start": content_s, "end": content_e, "line": lineno, "number": num.label, "level": num.depth}
            continue
        if cur is None:
            cur = {"kind": "paragraph", "start": content_s, "end": content_e, "line": lineno}
        else:
            cur["end"] = content_e
    flush()
    for i, blk in enumerate(blocks):
        blk.paragraph = i + 1
    return blocks, masks


def _table_cells(text: str, s: int, e: int, lineno: int, blocks: list[Block], masks: list[tuple[int, int]]) -> None:
    """Each non-empty cell of a table row becomes a table-cell block."""
    pos = s
    for m in re.finditer(r"\|", text[s:e]):
        masks.append((s + m.start(), s + m.start() + 1))
    cells = re.split(r"(?<!\\)\|", text[s:e])
    for cell in cells:
        cs = pos
        pos += len(cell) + 1
        stripped = cell.strip()
        if not stripped:
            continue
        lead = len(cell) - len(cell.lstrip())
        start = cs + lead
        blocks.append(Block("table-cell", start, start + len(stripped), line=lineno))
