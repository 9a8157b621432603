"""Blank Markdown markup out of the text detectors read, keeping every offset.

`**shall**` must read as "shall" and a link as its words, yet findings must
point into the file as written. So markup is replaced by spaces of the same
length (line ends kept), never removed: `analysis_text[i]` is either
`text[i]` or a space.
"""

from __future__ import annotations

import re

# Inline markup to blank, found in the text as written. Each pattern starts
# with a literal character (or a lookahead for one) so that the regex engine
# skips ordinary prose quickly.
_INLINE = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"),
    re.compile(r"\]\([^()\s]{0,500}(?:\s+\"[^\"\n]*\")?\)"),  # link target  ](http://...)
    re.compile(r"\[(?=[^\]\n]*\]\()"),  # link opening bracket
    re.compile(r"!(?=\[[^\]\n]*\]\()"),  # image marker
    re.compile(r"(?=[*_`~])(?:(?<!\w)(\*\*|__|\*|_|`+|~~)(?=\S)|(?<=\S)(\*\*|__|\*|_|`+|~~)(?!\w))"),
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"),
]
_NOT_EOL = re.compile(r"[^\r\n]")


def inline_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in _INLINE for m in rx.finditer(text)]


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by spaces (line ends kept); linear in len(text)."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(text[pos:start])
        pieces.append(_NOT_EOL.sub(" ", text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def mask_markup(text: str, extra: list[tuple[int, int]] = ()) -> str:
    """Inline markup, plus the block markup spans a parser found, blanked out."""
    return blank_spans(text, inline_spans(text) + list(extra))
