"""The one spaCy pipeline per process: a blank English tokenizer.

No trained model is downloaded or needed: detection works on tokens with
rule-based matchers, and sentence boundaries come from `segment.sentences`.
"""

from __future__ import annotations

from functools import lru_cache

# spaCy's English tokenizer keeps some emoticons whole, and these are how contracts write a number in
# parentheses: "not less than eight (8) units" was "(", "8)", "units", and no number pattern saw the 8.
NUMBER_EMOTICONS = frozenset({"8)", "8-)", "(-8"})


@lru_cache(maxsize=1)
def blank_english():
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    nlp.tokenizer.rules = {key: tokens for key, tokens in nlp.tokenizer.rules.items() if key not in NUMBER_EMOTICONS}
    return nlp
