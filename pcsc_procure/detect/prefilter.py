"""Decide cheaply which kinds a sentence could possibly be, before tokenising it.

Most sentences of a contract are none of the kinds. Tokenising every sentence
with spaCy would cost as much as tokenising the whole document, so each kind
is reduced to word requirements: for every cue, one set of words per vocab
group it needs (a sentence must contain a word from each set). The word
chosen for a phrase is its longest alphanumeric run, which must occur in any
sentence the phrase matches on tokens. Sentences are reduced to the same runs
(`words_of`), so the test is a few set intersections.

A run is only safe when the tokenizer never splits it out of a longer run
without a separator ("not" out of "cannot"); such runs are avoided, and a
group made only of unsafe or empty phrases disables the filter for its cue.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[a-z]+|[0-9]+")


def words_of(text: str) -> set[str]:
    """Alphanumeric runs of `text`, lower-cased, letters and digits apart."""
    return set(_RUN.findall(text.lower()))


def unsafe_runs(tokenizer) -> frozenset[str]:
    """Runs a tokenizer special case can create without a separator in the text."""
    out: set[str] = set()
    for key, tokens in tokenizer.rules.items():
        key_runs = set(_RUN.findall(key.lower()))
        for tok in tokens:
            orth = tok.get(65) or tok.get("ORTH") or ""  # 65 == spacy.attrs.ORTH
            out.update(set(_RUN.findall(str(orth).lower())) - key_runs)
    return frozenset(out)


def phrase_words(phrase: str, unsafe: frozenset[str]) -> frozenset[str]:
    """Words a sentence must all contain for `phrase` to match (empty: unknown)."""
    return frozenset(r for r in _RUN.findall(phrase.lower()) if r not in unsafe)


class Group:
    """Alternatives of one vocab group: a sentence meets it when it contains
    every word of some alternative. Keyed by each alternative's longest word."""

    __slots__ = ("keys", "alternatives")

    def __init__(self, alternatives: list[frozenset[str]]):
        self.alternatives: dict[str, list[frozenset[str]]] = {}
        for alt in alternatives:
            self.alternatives.setdefault(max(sorted(alt), key=len), []).append(alt)
        self.keys = frozenset(self.alternatives)

    def met(self, words: set[str]) -> bool:
        for key in self.keys & words:
            for alt in self.alternatives[key]:
                if alt <= words:
                    return True
        return False


def group_of(phrases: list[str], unsafe: frozenset[str]) -> Group | None:
    """The prefilter group for a list of phrases, or None if one phrase has no safe word."""
    alts = [phrase_words(p, unsafe) for p in phrases]
    if not all(alts):
        return None
    return Group(alts)


def _literal_group(token: dict, unsafe: frozenset[str]) -> Group | None:
    """The words one token pattern requires, when it names them literally."""
    lit = token.get("LOWER", token.get("ORTH", token.get("TEXT")))
    values = [lit] if isinstance(lit, str) else lit.get("IN") if isinstance(lit, dict) and set(lit) == {"IN"} else None
    if not isinstance(values, list) or not values:
        return None
    alts = [frozenset(r for r in _RUN.findall(str(v).lower()) if r not in unsafe) for v in values]
    if not all(alts):
        return None  # punctuation or a tokenizer-split word: nothing safe to look for
    return Group(alts)


def token_groups(pattern: list[dict], unsafe: frozenset[str]) -> list[Group]:
    """One group per token of a spaCy Matcher pattern that must occur and names its words.

    Optional tokens ("?", "*", "{0,n}"), negated ones ("!") and tokens matched
    by regex, shape or other attributes require nothing the filter can see.
    """
    out = []
    for token in pattern:
        op = token.get("OP", "1")
        if op not in ("1", "+") and not (op.startswith("{") and not op.startswith("{0") and not op.startswith("{,")):
            continue
        group = _literal_group(token, unsafe)
        if group is not None:
            out.append(group)
    return out


def union(groups: list[Group | None]) -> Group | None:
    """One group meeting any of `groups` (for a cue's `any`)."""
    if not groups or None in groups:
        return None
    return Group([alt for g in groups for alts in g.alternatives.values() for alt in alts])


class Requirement:
    """What a sentence must contain for one cue to have a chance: every group."""

    __slots__ = ("groups",)

    def __init__(self, groups: list[Group]):
        self.groups = groups

    def gate(self) -> frozenset[str]:
        """The fewest words one of which the sentence must contain."""
        return min((g.keys for g in self.groups), key=len)

    def met(self, words: set[str]) -> bool:
        for g in self.groups:
            if not g.met(words):
                return False
        return True
