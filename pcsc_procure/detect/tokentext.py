"""A text regex that any sentence a `tokens:` pattern matches must contain.

The prefilter's word test asks only that a token pattern's literal words
occur somewhere in the sentence: "shall provide ... at least" passes it in
any sentence with "provide" and "at least", and the sentence is tokenised
just to find that "at least thirty (30) days" is no quantity. The pattern
asks more: "least", then perhaps "of", then a number, side by side. This
module turns the longest run of consecutive pattern tokens it can read
(literal words, word lists, LOWER regexes, optional and repeated ones) into
a regex over the lower-cased sentence, with optional whitespace between
tokens, so that the sentence is tokenised only when the run is there.

The regex accepts every sentence the pattern can match: spaCy tokens are
slices of the text with only whitespace between them, a literal or an
unanchored token regex matches wherever the token does, and a token the
module cannot read ends the run rather than being guessed at. It may accept
more (it is a filter, not the matcher).
"""

from __future__ import annotations

import re

from pcsc_procure.detect.prefilter import literal_words
from pcsc_procure.detect.tokencues import op_bounds

_CLASS_OR_ESCAPE = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]")
_GAP = r"\s*"


def _whole_token(regex: str) -> str | None:
    """`regex` as a regex for the whole token text, when it is anchored at both ends
    ("^(?:[0-9]+|one|two)$"), else None: a partly anchored regex would need "\\S*" on
    its open side, which backtracks quadratically on long runs without spaces."""
    if not (regex.startswith("^") and regex.endswith("$") and not regex.endswith("\\$")):
        return None
    body = regex[1:-1]
    plain = _CLASS_OR_ESCAPE.sub("", body)
    if re.search(r"[\^$]", plain) or _top_level_bar(plain):
        return None  # "^a|b$": each anchor holds for one alternative only
    try:
        re.compile(body)
    except re.error:
        return None
    return "(?:" + body + ")"


def _top_level_bar(plain: str) -> bool:
    """`plain` (no classes or escapes) has a "|" outside every group."""
    depth = 0
    for ch in plain:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def token_regex(token: dict) -> str | None:
    """A regex for the text of one token `token` accepts (lower-cased), or None if unreadable.

    Reads the literal words a token names (`prefilter.literal_words`: LOWER,
    ORTH or TEXT, alone or as an IN list; other tests beside them only narrow
    what it accepts) and a LOWER REGEX on its own; anything else (IS_ALPHA,
    NOT_IN, LIKE_NUM ...) makes the token unreadable.
    """
    words = literal_words(token)
    if words:
        ordered = sorted(words, key=lambda w: (-len(w), w))
        return re.escape(ordered[0]) if len(ordered) == 1 else "(?:" + "|".join(map(re.escape, ordered)) + ")"
    value = token.get("LOWER")
    if set(token) - {"OP"} == {"LOWER"} and isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
        return _whole_token(value["REGEX"])
    return None


def _is_space_token(token: dict) -> bool:
    """{IS_SPACE: true, OP: "*"}: whitespace tokens only, which the gaps between tokens already allow."""
    return set(token) - {"OP"} == {"IS_SPACE"} and token["IS_SPACE"] is True and op_bounds(str(token.get("OP", "1")))[0] == 0


def _piece(token: dict) -> tuple[str, bool, bool] | None:
    """(regex for the token with its OP, whether it must occur, whether the run ends after it),
    or None when the token is unreadable.

    A repeated token ("+", "{2,4}") is read once and ends the run: spelling out the
    repeat ("(?:N\\s*)+") would let the regex backtrack exponentially on a long run of
    digits, and it is a filter, so one occurrence is enough to ask for. A token regex
    ends the run too: what follows a variable-length match is where backtracking starts.
    """
    rx = token_regex(token)
    if rx is None:
        return None
    lo, hi = op_bounds(str(token.get("OP", "1")))
    if hi == 0 or (lo == 0 and hi > 1):
        return None  # "!" (must not be there), "*" and "{0,n}" (need not be)
    is_regex = isinstance(token.get("LOWER"), dict) and "REGEX" in token["LOWER"]
    if (lo, hi) == (0, 1):
        return ("(?:" + rx + _GAP + ")?", False, False) if not is_regex else None
    if (lo, hi) == (1, 1) and not is_regex:
        return rx + _GAP, True, False
    return rx, True, True


def token_text_regex(pattern: list[dict]) -> str | None:
    """The regex of the run of readable tokens with the most required ones (at least two), or None."""
    best: tuple[int, list[str]] | None = None
    run: list[tuple[str, bool]] = []
    for token in [*pattern, None]:
        if token is not None and _is_space_token(token):
            continue
        piece = _piece(token) if token is not None else None
        if piece is not None:
            run.append(piece[:2])
            if not piece[2]:
                continue
        # the run ends here; optional pieces at its ends add nothing to the test
        while run and not run[-1][1]:
            run.pop()
        while run and not run[0][1]:
            run.pop(0)
        required = sum(req for _rx, req in run)
        if required >= 2 and (best is None or required > best[0]):
            best = (required, [rx for rx, _req in run])
        run = []
    if best is None:
        return None
    return "".join(best[1])


class TokenTextPattern:
    """`token_text_regex` compiled on first use (most cues are never tested on a short draft)."""

    __slots__ = ("_pattern", "_regex", "_built")

    def __init__(self, pattern: list[dict]):
        self._pattern = pattern
        self._regex = None
        self._built = False

    def search(self, text: str, words=None) -> bool:
        """Whether lower-cased `text` has a match (True when the pattern gives no regex; `words`,
        the sentence's words, are not needed: see `prefilter.PhraseText`)."""
        if not self._built:
            rx = token_text_regex(self._pattern)
            self._regex = re.compile(rx) if rx is not None else None
            self._built = True
            self._pattern = None
        return self._regex is None or self._regex.search(text) is not None
