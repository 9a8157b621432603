"""One sentence ready for cue matching: tokenised once, with its phrase hits.

Contract text is full of double spaces; spaCy makes each extra whitespace
run a token, which would split "either  party", so sentences are tokenised
with runs of spaces collapsed and offsets mapped back to the text as written.
Negation, modality and party are resolved at most once per anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH

from pcsc_procure.detect import attributes as attr

_IDX_LENGTH = [IDX, LENGTH]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int
    index: int = 0


class Candidate:
    """One tokenised sentence, with what cues and attributes need from it (computed once)."""

    __slots__ = ("sent", "block", "tokens", "hits", "heading", "text", "norm", "offsets", "split", "_words", "_texts", "_attrs", "_items")

    def __init__(self, sent: Sentence, block, tokens, hits, heading: str, text: str, offsets: list[int] | None, norm: str | None = None):
        self.sent, self.block, self.tokens, self.hits, self.heading = sent, block, tokens, hits, heading
        self.text, self.offsets = text, offsets  # the sentence as written; tokens' offsets -> its offsets
        self.norm = text if norm is None else norm  # the text the tokens were made from
        self.split: int | None = None  # first token of a list item read after its lead-in
        self._words = self._texts = self._items = None
        self._attrs: dict[int, attr.Attributes] = {}

    def original(self, i: int) -> int:
        """Offset in the sentence as written of offset `i` in the tokenised text."""
        return i if self.offsets is None else self.offsets[i]

    def items(self) -> list[int]:
        """Each token's item number in an enumerated sentence (see `cues.item_numbers`)."""
        if self._items is None:
            from pcsc_procure.detect.cues import item_numbers

            self._items = item_numbers(self.texts())
        return self._items

    def texts(self) -> list[str]:
        """Each token's text, sliced from the tokenised text by offset and length:
        iterating a Doc makes a Python Token per token, several times slower."""
        if self._texts is None:
            norm = self.norm
            self._texts = [norm[i : i + n] for i, n in self.tokens.to_array(_IDX_LENGTH).tolist()]
        return self._texts

    def words(self) -> list[str]:
        """The token texts lower-cased, as the attribute readers read them (made once)."""
        if self._words is None:
            self._words = [t.lower() for t in self.texts()]
        return self._words

    def maker(self, party_terms, anchor: int | None = None) -> str | None:
        """See `attributes.maker_of`."""
        return attr.maker_of(self.words(), self._texts, party_terms, anchor)

    def consequence_holder(self, anchor: int, party_terms):
        """See `attributes.consequence_holder`."""
        return attr.consequence_holder(self.words(), self._texts, anchor, party_terms)

    def attributes(self, anchor: int, party_terms) -> attr.Attributes:
        res = self._attrs.get(anchor)
        if res is None:
            res = self._attrs[anchor] = attr.resolve(self.words(), self._texts, anchor, party_terms)
        return res


def drop_inside(hits, tokens, char_spans: list[tuple[int, int]]):
    """Hits whose tokens all lie inside one of `char_spans` are removed."""
    out = {}
    for key, occ in hits.items():
        kept = [
            (s, e) for s, e in occ
            if not any(cs <= tokens[s].idx and tokens[e - 1].idx < ce for cs, ce in char_spans)
        ]
        if kept:
            out[key] = kept
    return out


# Every whitespace run, line breaks included, is one space for matching:
# hard-wrapped text and PDF lines break phrases ("in accordance\nwith") that
# must still match. Offsets map back to the original text.
_EXTRA_SPACE = re.compile(r"\s{2,}|[^\S ]")


def collapse_whitespace(text: str) -> tuple[str, list[int] | None]:
    """`text` with every run of spaces and tabs made one space, and each new offset's old offset.

    The map is None when nothing changed (the common case is cheap).
    """
    if _EXTRA_SPACE.search(text) is None:
        return text, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _EXTRA_SPACE.finditer(text):
        parts.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        parts.append(" ")
        offsets.append(m.start())
        pos = m.end()
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(parts), offsets


def heading_of(block) -> str:
    """The lower-cased heading or caption a block's sentences are read under."""
    return (block.heading or block.title or "").lower()
