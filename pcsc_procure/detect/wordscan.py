"""Word-sequence primitives for reading a tokenised sentence without a parse.

Phrase lookups by first word, and the bounds of the clause around a word
(semicolons, colons and conjunctions after a comma end a clause): what the
negation, modality and party readers walk over.
"""

from __future__ import annotations

import re

BOUNDARY = {";", ":", "unless", "except", "provided", "but", "however", "whereas", "although", "if", "until", "where", "when", "whereby"}


class PhraseIndex:
    """Word sequences indexed by their first word: a test at a position costs one dict lookup."""

    __slots__ = ("_by_first", "firsts")

    def __init__(self, seqs):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in sorted(seqs, key=len, reverse=True):  # longest first
            self._by_first.setdefault(seq[0], []).append(tuple(seq))
        self.firsts = frozenset(self._by_first)

    def at(self, words: list[str], i: int) -> tuple[str, ...] | None:
        """The longest sequence that starts at words[i], if any."""
        cands = self._by_first.get(words[i])
        if cands:
            for seq in cands:
                n = len(seq)
                if n == 1 or tuple(words[i : i + n]) == seq:
                    return seq
        return None

    def first_in(self, words: list[str], lo: int, hi: int) -> int | None:
        """Index of the first sequence starting in [lo, hi)."""
        by_first = self._by_first
        if self.firsts.isdisjoint(words[lo:hi]):
            return None
        for i in range(lo, hi):
            if words[i] in by_first and self.at(words, i):
                return i
        return None


def match_at(words: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(seq)]) == tuple(seq)


# A colon after these leaves its verb phrase open, and the items after it continue it:
# "The Supplier shall not: (a) sell ... ; or (b) appoint ..." is negated in every item.
_OPEN_BEFORE_COLON = frozenset({"not", "shall", "will", "must", "may", "to", "agrees", "undertakes", "covenants", "hereby", "neither", "never"})


def open_colon(words: list[str], i: int) -> bool:
    """The colon at `i` follows an open verb phrase, perhaps after an adverbial set off by
    commas: "shall not:", "shall not, during the Concession Period:"."""
    if i > 0 and words[i - 1] in _OPEN_BEFORE_COLON:
        return True
    for k in range(i - 1, max(i - 10, 0), -1):
        if words[k] in (";", ":"):
            return False
        if words[k] == "," and words[k - 1] in _OPEN_BEFORE_COLON:
            return True
    return False


def open_lead_in(words: list[str], i: int, lo: int = 0) -> int | None:
    """The colon of the lead-in that the item at `i` continues: the nearest colon before `i` (not
    before `lo`), when it leaves its verb phrase open (see `open_colon`); else None."""
    colon = next((k for k in range(i - 1, lo - 1, -1) if words[k] == ":"), None)
    return colon if colon is not None and open_colon(words, colon) else None


def open_inline_lead(words: list[str], i: int, lo: int = 0) -> int | None:
    """The "(" of the first item of an inline list that the item at `i` belongs to, when the list's lead-in leaves its verb
    phrase open (see `open_colon`): "Subcontractor shall not, directly or through any affiliate, (a) submit a proposal ...
    in its own name, or (b) participate ... with any offeror other than Prime" (the second item is barred too). None when
    `i` is in no such list, or when a modal of its own opens between its label and `i` ("(b) Licensor may terminate")."""
    label = None
    for k in range(i - 1, max(lo, i - 30) - 1, -1):
        w = words[k]
        if w in MAIN_MODALS or w in (";", ":", "."):
            return None
        if k + 2 < i and _label_at(words, k):
            label = k
            break
    if label is None:
        return None
    for k in range(label, max(lo, label - 80) - 1, -1):
        if words[k] in (";", ":", "."):
            return None
        if _label_at(words, k) and words[k + 1] in ("a", "i", "1"):
            return k if k > lo and open_colon(words, k) else None
    return None


def _label_at(words: list[str], k: int) -> bool:
    """An inline label "(a)", "(iv)", "(2)" opens at `k`."""
    return words[k] == "(" and k + 2 < len(words) and words[k + 2] == ")" and _LABEL.match(words[k + 1]) is not None


def _stop_before_label(words: list[str], i: int) -> bool:
    """A full stop at `i` that ends a sentence the splitter kept with the next because an inline
    label follows it: "... payable to the Lender. (vii) Receipt or acceptance by Lender ..."."""
    return words[i] == "." and i + 1 < len(words) and _label_at(words, i + 1)


_LABEL = re.compile(r"^(?:[a-z]|[ivxl]{1,6}|[0-9]{1,2})$")


def clause_start(words: list[str], anchor: int) -> int:
    """Index of the first token of the clause containing `anchor`."""
    i = anchor - 1
    while i >= 0:
        w = words[i]
        if w == "." and _stop_before_label(words, i):
            return i + 1
        if w == ":" and open_colon(words, i):
            i -= 1
            continue
        if w == ";":
            # an item after "shall not: (a) ...;" continues the lead-in too
            colon = open_lead_in(words, i)
            if colon is not None:
                i = colon - 1
                continue
        if w in (";", ":") or (w in BOUNDARY and i > 0 and words[i - 1] == ","):
            if _modal_aside(words, i, anchor):
                i -= 2
                continue
            return i + 1
        if w == "and" and i > 0 and words[i - 1] == "," and _new_main_clause(words, i, anchor):
            return i + 1
        i -= 1
    return 0


def _new_main_clause(words: list[str], i: int, anchor: int) -> bool:
    """Does ", and" at `i` open a main clause of its own, with its own subject and modal, that runs on to the anchor?
    "clause 16.2 shall not apply, and the Supplier shall grant the Trust a perpetual licence": the grant is not negated.
    (Not an aside closed by a comma before the anchor: "No party shall, and the parties shall procure that no Affiliate
    shall, assign ...", where the anchor is the first clause's verb.)"""
    if words[i + 1] not in _SUBJECT_OPENERS:
        return False  # ", and then shall operate": the first clause's subject goes on
    modal = next((k for k in range(i + 2, min(anchor, i + 6)) if words[k] in MAIN_MODALS), None)
    return modal is not None and "," not in words[modal + 1 : anchor]


# what a clause's own subject opens with ("the Supplier", "each party", "it")
_SUBJECT_OPENERS = frozenset({"the", "each", "either", "any", "such", "its", "their", "it", "they", "we", "you", "he", "she"})


# the modals that open a main clause (also `attributes`' reading of a clause's modal)
MAIN_MODALS = frozenset({"shall", "may", "will", "must", "can"})


def _modal_aside(words: list[str], i: int, anchor: int) -> bool:
    """Is the "when" or "where" at `i` a short aside between a modal and its verb, closed by a comma before the
    anchor? "Party A may, when necessary, cancel all or part of this contract": the clause is the modal's.
    (Not "unless" or "except", whose asides the negation reading keeps apart.)"""
    return words[i] in ("when", "where") and i >= 2 and words[i - 2] in MAIN_MODALS and "," in words[i + 1 : min(anchor, i + 7)]


def clause_end(words: list[str], anchor: int) -> int:
    """Index just after the last token of the anchor's clause (next semicolon or the end)."""
    for i in range(anchor, len(words)):
        if words[i] == ";":
            return i
    return len(words)


def is_participle(words: list[str], i: int) -> bool:
    """A passive verb at `i`, perhaps after an adverb: "repaired", "exclusively repaired", "granted"."""
    w = words[i]
    if w.endswith("ly") and i + 1 < len(words):
        w = words[i + 1]
    return w.endswith(("ed", "en", "wn")) and len(w) > 3
