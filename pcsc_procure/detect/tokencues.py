"""Raw spaCy token patterns (`tokens:` cues), matched only where they can match.

spaCy's Matcher walks every token of the sentence, and a pattern that starts
with a common word and allows a gap ("shall ... {0,12} ... at least") forks
states at every start it sees: on long contract sentences that costs more
than everything else together. A pattern's match always contains one
occurrence of each of its required literal tokens, so each cue picks the
rarest such token as a pivot and runs the Matcher only on windows around the
pivot's occurrences, as wide as the pattern can reach on either side, and
only where the pivot is followed by what the pattern needs next (its next
required token, when that is a plain test of the lower-cased word) and the
window holds every other required literal token. The matches are exactly
those of a run over the whole sentence.

spaCy expands a bounded gap (`{0,12}`) into that many optional tokens, and the
Matcher forks a state for each at every start it sees. A wide bounded gap of
any token is therefore matched as `*` (one state, same window), and each
match is then checked against the pattern as written on its own tokens: the
same matches, at a fraction of the cost.
"""

from __future__ import annotations

import re

from pcsc_procure.detect.prefilter import gate_cost, literal_words
from pcsc_procure.detect.spec import INF as _INF, op_bounds

REPEAT_REACH = 16
WIDE_GAP = 6  # a gap of any token bounded above this runs as "*" and is checked on each match


def _relaxed(pattern: list[dict]) -> list[dict] | None:
    """`pattern` with its wide bounded gaps of any token as `*`, or None when it has none."""
    out, changed = [], False
    for token in pattern:
        if set(token) == {"OP"}:
            lo, hi = op_bounds(str(token["OP"]))
            if lo == 0 and WIDE_GAP < hi < _INF:
                out.append({"OP": "*"})
                changed = True
                continue
        out.append(token)
    return out if changed else None


def _word_test(token: dict):
    """A test of a lower-cased word equivalent to `token`, or None when it tests more than LOWER."""
    if set(token) - {"LOWER", "OP"}:
        return None
    value = token.get("LOWER")
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN" and isinstance(arg, list):
        return frozenset(str(a) for a in arg).__contains__
    if op == "NOT_IN" and isinstance(arg, list):
        banned = frozenset(str(a) for a in arg)
        return lambda w: w not in banned
    if op == "REGEX" and isinstance(arg, str):
        return re.compile(arg).search
    return None


def _after_pivot(tail: list[dict], bounds: list[tuple[int, int]]) -> list[tuple[bool, object]]:
    """Tests for the tokens right after the pivot: optional single tokens, then the next
    required one (empty when the next required token cannot be tested on its word)."""
    out = []
    for token, (lo, hi) in zip(tail, bounds):
        test = _word_test(token)
        if test is None or hi == 0:
            return []
        if (lo, hi) == (0, 1):
            out.append((True, test))
            continue
        if lo >= 1:
            out.append((False, test))
            return out
        return []
    return []


class TokenCue:
    """One `tokens:` pattern with its pivot token and reach (see module doc)."""

    __slots__ = ("key", "matcher", "fast", "pivot", "pivot_ids", "left", "right", "required", "after")

    def __init__(self, key: str, pattern: list[dict], vocab):
        from spacy.matcher import Matcher

        self.key = key
        self.matcher = Matcher(vocab)  # the pattern as written
        self.matcher.add(key, [pattern])
        self.fast = None  # the pattern with wide gaps relaxed, when it has any (see module doc)
        relaxed = _relaxed(pattern)
        if relaxed is not None:
            self.fast = Matcher(vocab)
            self.fast.add(key, [relaxed])
        bounds = [op_bounds(str(t.get("OP", "1"))) for t in pattern]
        self.pivot: frozenset[str] | None = None
        self.left = self.right = _INF
        best = None
        literals = []
        for j, token in enumerate(pattern):
            words = literal_words(token)
            if words is None or bounds[j] != (1, 1):
                continue
            literals.append(words)
            left = sum(min(b[1], REPEAT_REACH) for b in bounds[:j])
            right = sum(min(b[1], REPEAT_REACH) for b in bounds[j + 1 :])
            # Prefer a word (punctuation is everywhere), then the rarest, then the narrowest reach.
            score = (not any(w[:1].isalnum() for w in words), gate_cost(frozenset(words)), left + right)
            if best is None or score < best[0]:
                best = (score, words, left, right, j)
        self.pivot_ids = None
        self.after: list[tuple[bool, object]] = []
        if best is not None:
            _score, self.pivot, self.left, self.right, j = best
            self.after = _after_pivot(pattern[j + 1 :], bounds[j + 1 :])
            self.pivot_ids = frozenset(vocab.strings.add(w) for w in self.pivot)
        # every other token the pattern must match exactly once: a window without one cannot match
        self.required = tuple(frozenset(vocab.strings.add(w) for w in words) for words in literals if words is not self.pivot)

    def windows(self, lowers) -> list[tuple[int, int]]:
        """Token ranges that contain every match (merged, in order).

        `lowers` are the sentence's LOWER attribute hashes (`Doc.to_array(LOWER).tolist()`).
        """
        n = len(lowers)
        if self.pivot_ids is None:
            return [(0, n)]
        out: list[list[int]] = []
        pivot = self.pivot_ids
        for i in [i for i, x in enumerate(lowers) if x in pivot]:
            if self.after and not self._followed(i, lowers):
                continue
            a, b = max(0, i - self.left), min(n, i + 1 + self.right)
            if out and a <= out[-1][1]:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]

    def _followed(self, i: int, lowers) -> bool:
        """Whether the tokens after the pivot at `i` can be what the pattern needs next."""
        strings = self.matcher.vocab.strings
        n = len(lowers)
        positions = {i + 1}
        for optional, test in self.after:
            hits = {k for k in positions if k < n and test(strings[lowers[k]])}
            if not optional:
                return bool(hits)
            positions |= {k + 1 for k in hits}
        return True

    def __call__(self, tokens, lowers) -> list[tuple[int, int]]:
        """(start, end) of every match in the sentence `tokens`."""
        found = []
        for a, b in self.windows(lowers):
            if self.required:
                window = set(lowers[a:b])
                if any(window.isdisjoint(ids) for ids in self.required):
                    continue
            if self.fast is None:
                found.extend((a + s, a + e) for _id, s, e in self.matcher(tokens[a:b]))
                continue
            for _id, s, e in self.fast(tokens[a:b]):
                if self._exact(tokens[a + s : a + e]):
                    found.append((a + s, a + e))
        return found

    def _exact(self, span) -> bool:
        """Whether the pattern as written matches the whole of `span` (a match of the relaxed one)."""
        n = len(span)
        return any(s == 0 and e == n for _id, s, e in self.matcher(span))
