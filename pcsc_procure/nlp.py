"""The one spaCy pipeline per process: a blank English tokenizer.

No trained model is downloaded or needed: detection works on tokens with
rule-based matchers, and sentence boundaries come from `segment.sentences`.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def blank_english():
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    return nlp
