"""Split block text into sentences, tuned for contracts.

A regex splitter rather than spaCy's sentencizer: it knows legal
abbreviations ("Inc.", "Sec.", "U.S.", "e.g."), clause labels ("1.2", "(a)")
and initials, runs in linear time on text of any size, and lets detection
tokenise only the sentences that can matter. Overlong runs without full stops
(tables of contents, run-on schedules) are cut at semicolons, then at spaces.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "inc", "ltd", "co", "corp", "no", "nos", "sec", "secs", "art", "arts", "para", "paras", "e.g", "i.e", "etc", "cf", "viz",
    "u.s", "u.k", "u.s.a", "mr", "mrs", "ms", "dr", "st", "vs", "v", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "pty", "l.l.c", "n.a", "s.a", "b.v", "n.v", "plc", "llc", "l.p", "lp", "ave",
    "dept", "govt", "est", "fig", "figs", "ch", "cl", "sch", "incl", "excl", "ref", "op", "ibid", "id", "p", "pp", "vol",
    "min", "max", "hr", "hrs", "a.m", "p.m", "no", "s", "ss", "ltda", "s.p.a", "s.r.l", "a.g", "ag", "gmbh", "k.k", "et al", "al",
}
# Abbreviations only before a number, as a word they may end a sentence: "the Insurance Act (Cap. 487)",
# a statute's chapter in Commonwealth citations (not "... shall not count towards the cap. The ...").
NUMBER_ABBREVIATIONS = {"cap", "chap"}
_NUMBER_NEXT = re.compile(r"\s+\d")
# Starts only at the first mark of a run ("?!..."): tried from inside a run as
# well, the pattern would rescan the rest of the run from every mark (quadratic
# on "!?!?..." or a line of dots), and could never match where the run's first
# mark did not. The mark comes first and the look-behind after it ("not two
# marks up to here"): a pattern that opens with a character set lets the regex
# engine skip straight to the next mark, three times faster than trying the
# look-behind at every character.
_BOUNDARY = re.compile(r"[.!?](?<![.!?]{2})[.!?]*[\"'”’)\]]*(?=\s+(?:[\"'“‘(\[]?[A-Z0-9§]|\[\*|\[…))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")  # dotted acronyms: "U.S.A."
# A capital letter that names a part of the document is a label, not an initial: "as set forth in Exhibit A. As
# Cascadia's sole remedy ..." ends a sentence, "J. Smith" does not.
_PART_BEFORE = re.compile(r"\b(?:Exhibit|Schedule|Annex|Appendix|Attachment|Addendum|Rider|Part|Form|Table|Exhibits|Schedules|Annexes|Appendices|EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT)\s+$")
_LABEL_ONLY = re.compile(r"\s*(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|\(?[A-Za-z]{1,4}[.)]|(?:Article|Section|Clause|ARTICLE|SECTION|CLAUSE)\s+[0-9IVXLC.]+)\s*$")
MAX_SENTENCE = 1500
_SOFT_BREAK = re.compile(r";\s+|:\s+(?=\(?[a-z0-9ivx]{1,4}[.)]\s)|\s(?=\([a-z0-9ivx]{1,4}\)\s)")


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(start, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return _NUMBER_NEXT.match(text, dot + 1) is not None
    raw = m.group(1)
    # Single initials ("J. Smith") and dotted acronyms ("U.S.A.").
    if len(raw) == 1 and raw.isupper():
        return _PART_BEFORE.search(text, max(start, m.start() - 14), m.start()) is None
    return _DOTTED.fullmatch(raw) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) within text[start:end], whitespace-trimmed."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    seg_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, seg_start, dot):
            continue
        # Dot leaders ("criterion ........ 20%") join a line's two halves; they end nothing.
        if text.startswith("....", dot):
            continue
        # A number like "1." or "(a)" on its own is a label, not a sentence.
        if _LABEL_ONLY.match(text, seg_start, m.end()):
            continue
        if dot > 0 and text[dot - 1].isdigit() and text[dot] == "." and m.end() < end and text[m.end() : m.end() + 3].strip()[:1].isdigit():
            continue
        _emit(text, seg_start, m.end(), spans)
        seg_start = m.end()
    _emit(text, seg_start, end, spans)
    return spans


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return
    if e - s <= MAX_SENTENCE:
        out.append((s, e))
        return
    _emit_long(text, s, e, out)


def _emit_long(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Cut an overlong run at soft breaks, then at whitespace."""
    pieces: list[tuple[int, int]] = []
    cur = s
    for m in _SOFT_BREAK.finditer(text, s, e):
        if m.end() - cur >= 200:
            pieces.append((cur, m.end()))
            cur = m.end()
    pieces.append((cur, e))
    for ps, pe in pieces:
        while pe - ps > MAX_SENTENCE:
            cut = text.rfind(" ", ps + MAX_SENTENCE // 2, ps + MAX_SENTENCE)
            if cut == -1:
                cut = ps + MAX_SENTENCE
            _trim_append(text, ps, cut, out)
            ps = cut
        _trim_append(text, ps, pe, out)


def _trim_append(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
