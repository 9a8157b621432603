"""The tokens of each vocabulary phrase, found when first asked for, mostly without the tokenizer.

Every vocabulary phrase (~45,000 of them) can go into a kind's PhraseMatcher.
Given as spaCy Docs, tokenising them and making the Docs was over half the time
it took to build the detectors, paid by every `lint` and `clauses` run (a
pre-commit hook pays it on each commit). The PhraseMatcher also takes a phrase
as the sequence of its tokens' attribute ids (here LOWER), so no Doc is needed;
and most phrases are plain words that the tokenizer would split at spaces
alone, so most are never tokenised at all.

A kind's matcher is built when a sentence is first a candidate of the kind (a
one-page draft meets about a third of the 97 kinds), so phrases are looked up
one at a time, as their kinds need them.
"""

from __future__ import annotations

import re

# A plain phrase: words of ASCII letters separated by single spaces. Such words carry no
# prefix, suffix or infix the English tokenizer splits off; special cases ("cannot" ->
# "can" "not") are looked up in the tokenizer's rules.
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class PhraseTokens:
    """Each phrase's tokens, lower-cased, as `tokenizer` makes them, and their LOWER ids.

    A plain phrase none of whose words is a tokenizer special case is split at its
    spaces; the rest go through the tokenizer once each and are kept (one phrase in
    seven: kinds share phrases, and the prefilter's phrase tests ask for them again).
    """

    __slots__ = ("_tokenizer", "_strings", "_special", "_tokenised", "_ids")

    def __init__(self, tokenizer, strings):
        self._tokenizer = tokenizer
        self._strings = strings
        self._special = frozenset(tokenizer.rules or {})
        self._tokenised: dict[str, list[str]] = {}
        self._ids: dict[str, int] = {}  # token -> its LOWER id (tokens repeat across phrases; each is added once)

    def tokens(self, phrase: str) -> list[str]:
        if _PLAIN.fullmatch(phrase) and self._special.isdisjoint(phrase.split(" ")):
            return phrase.lower().split(" ")
        tokens = self._tokenised.get(phrase)
        if tokens is None:
            tokens = self._tokenised[phrase] = [t.lower_ for t in self._tokenizer(phrase)]
        return tokens

    def ids(self, phrase: str) -> list[int]:
        """The phrase's tokens as LOWER attribute ids, as the PhraseMatcher compares them."""
        ids = self._ids
        row = []
        for t in self.tokens(phrase):
            i = ids.get(t)
            if i is None:
                i = ids[t] = self._strings.add(t)
            row.append(i)
        return row
