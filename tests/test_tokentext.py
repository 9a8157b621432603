"""The text regex a `tokens:` cue's sentences must contain (prefilter stage for token cues)."""

import re
from pathlib import Path

from pcsc_procure.detect.tokentext import TokenTextPattern, token_regex, token_text_regex

NUMBER = {"LOWER": {"REGEX": "^([0-9][0-9,.]*|one|two|three)$"}, "OP": "+"}


def test_a_run_of_consecutive_tokens_becomes_one_regex():
    pattern = [{"LOWER": {"IN": ["shall", "must"]}}, {"OP": "{0,12}"}, {"LOWER": "at"}, {"LOWER": "least"}, {"LOWER": "of", "OP": "?"}, NUMBER]
    rx = token_text_regex(pattern)
    # the gap {0,12} ends the first run (one required token: not worth a regex); the number ends the second
    assert rx == r"at\s*least\s*(?:of\s*)?(?:([0-9][0-9,.]*|one|two|three))"
    r = re.compile(rx)
    assert r.search("shall purchase at least 500 units") and r.search("at  least of three")
    assert r.search("at least as favourable") is None


def test_runs_are_chosen_by_their_required_tokens():
    pattern = [NUMBER, {"LOWER": {"IN": ["%", "percent"]}}, {"LOWER": ")", "OP": "?"}, {"LOWER": "or"}, {"LOWER": "more"}]
    assert token_text_regex(pattern) == r"(?:percent|%)\s*(?:\)\s*)?or\s*more\s*"
    assert token_text_regex([{"LOWER": "guarantee"}, {"OP": "{0,4}"}, {"LOWER": "minimum"}]) is None  # one each side
    # whitespace tokens are what the gaps between tokens already allow; "!" and "*" tokens end a run
    spaced = [{"LOWER": "not"}, {"IS_SPACE": True, "OP": "*"}, {"LOWER": "less"}, {"LOWER": "than"}]
    assert token_text_regex(spaced) == r"not\s*less\s*than\s*"
    assert token_text_regex([{"LOWER": "a"}, {"LOWER": "b", "OP": "!"}, {"LOWER": "c"}]) is None
    assert token_text_regex([{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}, {"LOWER": "c"}]) is None


def test_token_regexes_accept_the_whole_token_they_test():
    assert token_regex({"ORTH": "City"}) == "city"  # lower-cased text: case-sensitive tests get weaker, never stronger
    assert token_regex({"IS_ALPHA": True}) is None and token_regex({"LOWER": {"NOT_IN": ["day"]}}) is None
    assert token_regex({"LOWER": "x", "IS_TITLE": True}) == "x"  # a further test only narrows what the token accepts
    assert token_regex({"LOWER": {"REGEX": "^x$"}, "IS_TITLE": True}) is None
    # a regex is read only when anchored at both ends (the whole token); a partly anchored
    # one would need "\\S*" on its open side, quadratic on long runs without spaces
    assert re.fullmatch(token_regex({"LOWER": {"REGEX": "^[0-9]+(st|nd|th)?$"}}), "30th")
    assert token_regex({"LOWER": {"REGEX": "^\\d"}}) is None and token_regex({"LOWER": {"REGEX": "ing$"}}) is None
    assert token_regex({"LOWER": {"REGEX": "^a|b$"}}) is None  # each anchor holds for one alternative only
    assert token_regex({"LOWER": {"REGEX": "^a^b$"}}) is None and token_regex({"LOWER": {"REGEX": "^(a$"}}) is None
    # a token regex ends its run: "least", then a number, is asked for; what follows is not
    number_then_units = [{"LOWER": "least"}, {"LOWER": {"REGEX": "^[0-9]+$"}}, {"LOWER": "units"}]
    assert token_text_regex(number_then_units) == r"least\s*(?:[0-9]+)"


def test_a_long_run_of_digits_does_not_make_the_regex_backtrack():
    """A repeated token is asked for once: "(?:N\\s*)+%" would be exponential on 5,000 digits."""
    pattern = [NUMBER, {"LOWER": "%"}, {"LOWER": "or"}, {"LOWER": "more"}]
    rx = re.compile(token_text_regex(pattern))
    assert rx.search("1" * 5000 + " percent") is None


def test_every_shipped_token_cue_regex_accepts_every_sentence_the_cue_matches():
    """The regex only filters: over the standard-drafting sentences, their look-alikes and the
    bundled samples, no sentence a token cue matches is one its regex rejects."""
    from test_kinds_standard_drafting import LOOK_ALIKES, STANDARD

    from pcsc_procure.detect.engine import get_detector

    det = get_detector()
    root = Path(__file__).resolve().parent.parent / "sample_contracts"
    sample_text = " ".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt")) + sorted(root.glob("*.md")))
    sentences = [t for _k, t in STANDARD + LOOK_ALIKES] + re.split(r"(?<=[.;:])\s+", sample_text)
    sentences += ["shall purchase at least of 500 units.", "shall purchase at least(500) units", "spend 3%or more of Gross Sales"]
    cues = [(spec.kind, cue) for spec in det.kinds.values() for cue in spec.match + spec.exclude if cue.tokens]
    with_regex = [(kind, cue, TokenTextPattern(cue.tokens)) for kind, cue in cues if token_text_regex(cue.tokens)]
    assert len(with_regex) >= 10
    matched = 0
    for text in sentences:
        doc = det.tokenizer(" ".join(text.split()))
        for kind, cue, pattern in with_regex:
            from spacy.matcher import Matcher

            m = Matcher(det.nlp.vocab)
            m.add("x", [cue.tokens])
            if m(doc):
                matched += 1
                assert pattern.search(text.lower()), (kind, cue.id, text)
    assert matched > 15  # not vacuous
