"""Page breaks: a paragraph that runs over one is still one paragraph.

Printed contracts break pages mid-sentence (in the CUAD text files, 763 of
947 page breaks fall inside a sentence), and a running header or footer
("Source: ACME CORP, 10-K, 2/27/2020", "ITT 2026-007 - page 3") sits between
the halves. Read as two blocks, "Licensee hereby grants to Bioeq ... after
termination" and "or expiration of this Agreement) a non-exclusive ... licence"
are two sentences, and neither is the licence grant. So:

- `repeated_lines` finds running lines in plain text that has no form feeds
  to mark its pages: a short line that stands alone, between blank lines, in
  the same words (digits aside) at least three times;
- `join_across_breaks` joins a block that ends mid-sentence to the next one
  across a page break, unless the next one starts a clause, list item or
  heading of its own;
- `glued_running` finds running text that a text conversion glued to a body
  line across a wide gap ("... insurers of internationally recognized
  AZUL-ATR   Master Agreement   Page 20/110", "Execution version     means
  all ..."): the same words (digits aside) after or before such a gap on at
  least three lines, never on neighbouring lines (a table's column repeats
  from row to row, a page's footer does not);
- `blank_spans` blanks the running lines in the analysis text, so that the
  joined sentence reads through them while offsets stay true to the file.
"""

from __future__ import annotations

import itertools
import re

from pcsc_procure.document.model import Block

MIN_REPEATS = 3
_ENDS_SENTENCE = tuple(".:;!?")
_CONTINUABLE = ("paragraph", "clause", "list-item")


def repeated_lines(text: str) -> frozenset[int]:
    """1-based numbers of running lines in text without form feeds (see the module docstring)."""
    from pcsc_procure.document.pdf_reader import MAX_RUNNING_LEN, running_key
    from pcsc_procure.document.text_reader import iter_lines

    by_key: dict[str, list[int]] = {}
    body = 0
    before_blank = True
    pending = None  # the last non-blank line: (number, start, end, whether a blank line came before it)
    for no, (s, e) in enumerate(itertools.chain(iter_lines(text), [(0, 0)]), start=1):  # a blank line closes the text
        blank = not text[s:e].strip()
        if pending is not None:
            if blank and pending[3] and pending[2] - pending[1] <= MAX_RUNNING_LEN:
                by_key.setdefault(running_key(text[pending[1] : pending[2]]), []).append(pending[0])
            pending = None
        if not blank:
            body += 1
            pending = (no, s, e, before_blank)
        before_blank = blank
    running = frozenset(no for found in by_key.values() if len(found) >= MIN_REPEATS for no in found)
    # Most lines alike ("Not used." after every clause number, a list of one-word lines): that is the text.
    return running if len(running) * 2 <= body else frozenset()


_GAP = re.compile(r"[ \t]{3,}")  # the gap a layout conversion leaves between body text and a running text
_LONG_WORD = re.compile(r"[a-z]{3,}")  # a running text has two words of three letters or more: not "N/A", "$#"
_MIN_LINES_APART = 3  # a table's column repeats on neighbouring lines; a page's footer never does
_MAX_GAPS = 5  # gaps read at each end of a line: a footer of several fields after a legend has four


def glued_running(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Running text glued to body lines (see the module docstring): the spans to blank, and the
    page breaks they mark (the end of a line that ends in a footer, the start of one that opens
    with a header)."""
    from pcsc_procure.document.pdf_reader import MAX_RUNNING_LEN, running_key

    lines = text.split("\n")
    starts = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    # key -> [(line number, span to blank, page break)] for the text after a wide gap (tails)
    # and before one (heads); only lines with such a gap inside them are read
    seen: tuple[dict, dict] = ({}, {})
    for no, raw in enumerate(lines):
        if "   " not in raw and "\t" not in raw:
            continue
        line = raw.rstrip()
        n = len(line)
        lead = n - len(line.lstrip())
        s = starts[no]
        # only the last and first few gaps near either end: a running text is short, and a line
        # of a table (or of a hostile file) may have dozens
        tails = list(_GAP.finditer(line, max(lead + 1, n - MAX_RUNNING_LEN - 3)))[-_MAX_GAPS:]
        for m in tails:
            seen[0].setdefault(running_key(line[m.end() :]), []).append((no, (s + m.start(), s + n), s + len(raw)))
        for m in itertools.islice(_GAP.finditer(line, lead + 1, min(n, lead + MAX_RUNNING_LEN + 3)), _MAX_GAPS):
            seen[1].setdefault(running_key(line[lead : m.start()]), []).append((no, (s + lead, s + m.end()), s))
    best: dict[int, tuple[tuple[int, int], int]] = {}  # per line and side: the widest running span
    for side, found in enumerate(seen):
        for key, where in found.items():
            if len(where) < MIN_REPEATS or len(_LONG_WORD.findall(key)) < 2:
                continue
            if any(b[0] - a[0] < _MIN_LINES_APART for a, b in zip(where, where[1:])):
                continue
            for no, span, brk in where:
                old = best.get(no * 2 + side)
                if old is None or span[1] - span[0] > old[0][1] - old[0][0]:
                    best[no * 2 + side] = (span, brk)
    if not best or len({k // 2 for k in best}) * 3 > sum(1 for x in lines if x.strip()) * 2:
        return [], []  # none, or most lines alike: that is the text
    return sorted(span for span, _ in best.values()), sorted(brk for _, brk in best.values())


def line_spans(text: str, numbers: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) of the given 1-based lines, without line terminators, in order."""
    from pcsc_procure.document.text_reader import iter_lines

    if not numbers:
        return []
    last = max(numbers)
    out = []
    for no, span in enumerate(iter_lines(text), start=1):
        if no in numbers:
            out.append(span)
        if no >= last:
            break
    return out


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by spaces: same length, line ends kept; spans may overlap."""
    if not spans:
        return text
    parts = []
    pos = 0
    for s, e in sorted(spans):
        s = max(s, pos)  # spans may overlap: a glued header and footer on one line, or a running line
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


# A page's own number at the end of its last block ("... Page 108/110", "- 68 -", "Page 3 of 12"):
# the page ended there, whatever the sentence before it did.
_PAGE_NUMBER_END = re.compile(r"(?:\bpage\s+\d+(?:\s*(?:/|of)\s*\d+)?|-\s*\d+\s*-|^\d{1,4})$", re.IGNORECASE)


def ends_mid_sentence(text: str) -> bool:
    """Block text that stops inside a sentence: no closing mark at its end, and no page number."""
    body = text.rstrip().rstrip("\"'”’)]*_")
    return bool(body) and not body.endswith(_ENDS_SENTENCE) and _PAGE_NUMBER_END.search(body[-40:]) is None


def join_across_breaks(text: str, blocks: list[Block], breaks: list[int]) -> list[Block]:
    """Join each block that ends mid-sentence to the next across a page break.

    `breaks` are sorted offsets at which a page ends (a form feed, a running
    line, the join between two PDF pages). Whether a block ends mid-sentence
    is read in `text` as given: pass the analysis text, in which running text
    glued to a block's last line is blanked. The next block must be a plain
    paragraph: a numbered clause, a list item or a heading starts afresh.
    The joined block keeps the first block's page, line and number.
    """
    if not breaks or len(blocks) < 2:
        return blocks
    from bisect import bisect_left

    out = [blocks[0]]
    for b in blocks[1:]:
        a = out[-1]
        i = bisect_left(breaks, a.end)
        if (i < len(breaks) and breaks[i] <= b.start and b.kind == "paragraph" and a.kind in _CONTINUABLE
                and ends_mid_sentence(text[a.start : a.end])):
            a.end = b.end
            continue
        out.append(b)
    if len(out) < len(blocks):
        first = blocks[0].paragraph or 1
        for k, b in enumerate(out):
            b.paragraph = first + k
    return out
