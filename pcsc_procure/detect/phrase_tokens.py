"""The tokens of each vocabulary phrase, mostly without running the tokenizer.

Every vocabulary phrase (~20,000 of them) goes into the PhraseMatcher. Given
as spaCy Docs, tokenising them and making the Docs was over half the time it
took to build the detectors, paid by every `lint` and `clauses` run (a
pre-commit hook pays it on each commit). The PhraseMatcher also takes a phrase
as the sequence of its tokens' attribute ids (here LOWER), so no Doc is needed;
and most phrases are plain words that the tokenizer would split at spaces
alone, so most are never tokenised at all.
"""

from __future__ import annotations

import re

# A plain phrase: words of ASCII letters separated by single spaces. Such words carry no
# prefix, suffix or infix the English tokenizer splits off; special cases ("cannot" ->
# "can" "not") are looked up in the tokenizer's rules.
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def phrase_tokens(tokenizer, phrases: list[str]) -> dict[str, list[str]]:
    """Each phrase's tokens, lower-cased, as `tokenizer` makes them.

    A plain phrase none of whose words is a tokenizer special case is split at its
    spaces; the rest go through the tokenizer in one batch.
    """
    special = tokenizer.rules or {}
    out: dict[str, list[str]] = {}
    rest = []
    for phrase in phrases:
        if _PLAIN.fullmatch(phrase):
            words = phrase.split(" ")
            if not any(w in special for w in words):
                out[phrase] = [w.lower() for w in words]
                continue
        rest.append(phrase)
    for phrase, doc in zip(rest, tokenizer.pipe(rest)):
        out[phrase] = [t.lower_ for t in doc]
    return out


def lower_ids(strings, phrases: dict[str, list[str]]) -> dict[str, list[int]]:
    """Each phrase's tokens (lower-cased texts) as LOWER attribute ids, as the PhraseMatcher
    compares them. Tokens repeat across phrases; each is added to `strings` once."""
    ids: dict[str, int] = {}
    out = {}
    for phrase, tokens in phrases.items():
        row = []
        for t in tokens:
            i = ids.get(t)
            if i is None:
                i = ids[t] = strings.add(t)
            row.append(i)
        out[phrase] = row
    return out
