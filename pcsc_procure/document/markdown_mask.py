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
#
# Every pattern runs in time linear in the text, whatever the text: comments
# and link brackets, whose obvious regexes (`<!--.*?-->`, `\[(?=[^\]\n]*\]\()`)
# rescan the rest of the text or line from every opener and so go quadratic
# on hostile input ("<!--" or "[" repeated), are found by plain scans instead.
_INLINE = [
    re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"),
    re.compile(r"\]\([^()\s]{0,500}(?:\s+\"[^\"\n]*\")?\)"),  # link target  ](http://...)
    re.compile(r"(?=[*_`~])(?:(?<!\w)(\*\*|__|\*|_|`+|~~)(?=\S)|(?<=\S)(\*\*|__|\*|_|`+|~~)(?!\w))"),
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"),
]
_LINK_MIDDLE = re.compile(r"\]\(")
_NOT_EOL = re.compile(r"[^\r\n]")


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """`<!-- ... -->` spans, as `re.finditer(r"<!--.*?-->", text, re.DOTALL)` finds them."""
    spans = []
    pos = 0
    find = text.find
    while True:
        start = find("<!--", pos)
        if start == -1:
            return spans
        end = find("-->", start + 4)
        if end == -1:
            return spans  # no later opener can close either
        spans.append((start, end + 3))
        pos = end + 3


def _link_bracket_spans(text: str) -> list[tuple[int, int]]:
    r"""Each `[` with only non-`]`, non-newline characters between it and a `](`
    (the link's opening brackets), and a `!` just before one (an image marker).

    The same as `\[(?=[^\]\n]*\]\()` and `!(?=\[[^\]\n]*\]\()`, in one pass:
    the brackets that open a link lie after the last `]` or newline before its
    `](`, and those stretches never overlap.
    """
    spans = []
    rfind = text.rfind
    floor = 0  # everything before this lies before an earlier `](`
    for m in _LINK_MIDDLE.finditer(text):
        close = m.start()
        lo = max(floor, rfind("]", floor, close) + 1, rfind("\n", floor, close) + 1)
        i = text.find("[", lo, close)
        while i != -1:
            if i > 0 and text[i - 1] == "!":
                spans.append((i - 1, i))
            spans.append((i, i + 1))
            i = text.find("[", i + 1, close)
        floor = close
    return spans


def inline_spans(text: str) -> list[tuple[int, int]]:
    spans = _comment_spans(text) + _link_bracket_spans(text)
    spans.extend(m.span() for rx in _INLINE for m in rx.finditer(text))
    return spans


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
