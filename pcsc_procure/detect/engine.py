"""Run clause-kind detection over a document.

Compiled once per process (`get_detector()`): every vocabulary phrase of every
kind goes into one spaCy PhraseMatcher (attr LOWER), every raw token pattern
into one Matcher. Per document, only sentences that contain an anchor word
of some cue are tokenised; each candidate is matched once and every kind's
cues are evaluated on the groups found. Negation, modality and party are then
resolved around the cue's anchor (see `attributes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pcsc_procure.detect import attributes as attr
from pcsc_procure.detect.spec import Cue, KindSpec, load_kinds
from pcsc_procure.detect.values import extract
from pcsc_procure.document.model import Document
from pcsc_procure.segment.definitions import find_definitions
from pcsc_procure.segment.sentences import split_sentences

_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(slots=True)
class Detection:
    """One passage found to be of one clause kind, with resolved attributes."""

    kind: str
    start: int
    end: int
    cue: str
    anchor_start: int
    anchor_end: int
    negated: bool = False
    modality: str | None = None
    party: str | None = None
    role: str | None = None
    values: dict = field(default_factory=dict)
    section: str | None = None
    heading: str | None = None

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "cue": self.cue,
            "negated": self.negated, "modality": self.modality, "party": self.party, "role": self.role,
            "values": {k: [{kk: vv for kk, vv in v.items() if kk not in ("start", "end")} for v in vs] for k, vs in self.values.items()},
            "section": self.section, "heading": self.heading,
        }


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int


class Detector:
    """All clause kinds compiled into spaCy matchers; reusable across documents."""

    def __init__(self, kinds: list[KindSpec], shared_vocab: dict[str, list[str]]):
        from spacy.matcher import Matcher, PhraseMatcher

        from pcsc_procure.nlp import blank_english

        self.nlp = blank_english()
        self.tokenizer = self.nlp.tokenizer
        self.kinds = {k.kind: k for k in kinds}
        self.shared = shared_vocab
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.matcher = Matcher(self.nlp.vocab)
        self._keys: dict[int, str] = {}  # match_id -> group key
        self.anchor_words: set[str] = set()
        self.prefilter = True
        added: set[str] = set()

        def group_key(kind: KindSpec, group: str) -> str:
            return f"{kind.kind}/{group}" if group in kind.vocab else f"@/{group}"

        self._group_key = group_key
        for kind in kinds:
            mask_cue = Cue(id="mask", any=list(kind.mask))
            for cue in kind.match + kind.exclude + ([mask_cue] if kind.mask else []):
                for group in cue.groups():
                    key = group_key(kind, group)
                    if key in added:
                        continue
                    added.add(key)
                    phrases = kind.vocab.get(group) if group in kind.vocab else shared_vocab[group]
                    docs = [self.tokenizer(p) for p in phrases]
                    self.phrase_matcher.add(key, docs)
                    self._keys[self.nlp.vocab.strings[key]] = key
                if cue.tokens:
                    key = f"{kind.kind}/@{cue.id}"
                    self.matcher.add(key, [cue.tokens])
                    self._keys[self.nlp.vocab.strings[key]] = key
            for cue in kind.match:
                self._add_anchor_words(kind, cue, shared_vocab)

    def _add_anchor_words(self, kind: KindSpec, cue: Cue, shared_vocab) -> None:
        if cue.tokens:
            first = cue.tokens[0]
            lit = first.get("LOWER", first.get("ORTH", first.get("TEXT")))
            if isinstance(lit, str):
                self.anchor_words.update(_WORDS.findall(lit.lower()))
            elif isinstance(lit, dict) and isinstance(lit.get("IN"), list):
                for w in lit["IN"]:
                    self.anchor_words.update(_WORDS.findall(str(w).lower()))
            else:
                self.prefilter = False  # cannot know which sentences may match
            return
        groups = cue.all[:1] if cue.all else cue.any
        for group in groups:
            phrases = kind.vocab.get(group) if group in kind.vocab else shared_vocab[group]
            for p in phrases:
                words = _WORDS.findall(p.lower())
                if words:
                    self.anchor_words.add(words[0])
                else:
                    self.prefilter = False

    # -- per document -----------------------------------------------------
    def sentences(self, doc: Document) -> list[Sentence]:
        text = doc.analysis_text
        out = []
        for i, b in enumerate(doc.blocks):
            for s, e in split_sentences(text, b.start, b.end):
                out.append(Sentence(s, e, i))
        return out

    def party_terms(self, doc: Document) -> dict[str, str | None]:
        terms: dict[str, str | None] = {}
        for d in find_definitions(doc.analysis_text[:50000]):
            if d.kind != "party":
                continue
            word = d.term.split()[-1].lower()
            role = "public" if word in attr.PUBLIC else "vendor" if word in attr.VENDOR else None
            terms[word] = role
        return terms

    def detect(self, doc: Document, kinds: set[str] | None = None) -> list[Detection]:
        text = doc.analysis_text
        party_terms = self.party_terms(doc)
        sentences = self.sentences(doc)
        anchors = self.anchor_words
        found: list[Detection] = []
        heading_cache: dict[int, str] = {}
        for sent in sentences:
            stext = text[sent.start : sent.end]
            if self.prefilter and anchors.isdisjoint(_WORDS.findall(stext.lower())):
                continue
            tokens = self.tokenizer(stext)
            hits: dict[str, list[tuple[int, int]]] = {}
            for match_id, s, e in self.phrase_matcher(tokens):
                hits.setdefault(self._keys[match_id], []).append((s, e))
            if len(self.matcher):
                for match_id, s, e in self.matcher(tokens):
                    hits.setdefault(self._keys[match_id], []).append((s, e))
            if not hits:
                continue
            block = doc.blocks[sent.block]
            for spec in self.kinds.values():
                if kinds is not None and spec.kind not in kinds:
                    continue
                det = self._evaluate(spec, hits, tokens, block, sent, heading_cache, party_terms)
                if det is not None:
                    found.append(det)
        return found

    def _apply_mask(self, spec: KindSpec, hits):
        """Drop occurrences that sit inside an occurrence of a mask group."""
        masks = [p for g in spec.mask for p in hits.get(self._group_key(spec, g), ())]
        if not masks:
            return hits
        mask_keys = {self._group_key(spec, g) for g in spec.mask}
        out = {}
        for key, occ in hits.items():
            if key in mask_keys:
                out[key] = occ
                continue
            kept = [o for o in occ if not any(m[0] <= o[0] and o[1] <= m[1] for m in masks)]
            if kept:
                out[key] = kept
        return out

    def _heading_hits(self, block, sent: Sentence, cache: dict[int, str]) -> str:
        if sent.block not in cache:
            cache[sent.block] = (block.heading or block.title or "").lower()
        return cache[sent.block]

    def _evaluate(self, spec: KindSpec, hits, tokens, block, sent, heading_cache, party_terms) -> Detection | None:
        if spec.mask:
            hits = self._apply_mask(spec, hits)
        for cue in spec.exclude:
            if self._cue_matches(spec, cue, hits, block, sent, heading_cache) is not None:
                return None
        for cue in spec.match:
            anchor = self._cue_matches(spec, cue, hits, block, sent, heading_cache)
            if anchor is None:
                continue
            a_start, a_end = anchor
            words = [t.lower_ for t in tokens]
            texts = [t.text for t in tokens]
            res = attr.resolve(words, texts, a_start, party_terms)
            if cue.negated is not None and res.negated != cue.negated:
                continue
            if res.negated and spec.negation == "drop" and cue.negated is None:
                continue
            if cue.role is not None and res.role != cue.role:
                continue
            base = sent.start
            values = extract(spec.extract, tokens.text) if spec.extract else {}
            return Detection(
                kind=spec.kind, start=sent.start, end=sent.end, cue=cue.id,
                anchor_start=base + tokens[a_start].idx, anchor_end=base + tokens[a_end - 1].idx + len(tokens[a_end - 1].text),
                negated=res.negated, modality=res.modality, party=res.party, role=res.role, values=values,
                section=block.section, heading=block.heading,
            )
        return None

    def _cue_matches(self, spec: KindSpec, cue: Cue, hits, block, sent, heading_cache) -> tuple[int, int] | None:
        """(anchor token start, end) when the cue matches this sentence."""
        key = self._group_key
        if cue.tokens:
            found = hits.get(f"{spec.kind}/@{cue.id}")
            if not found:
                return None
            anchor = found[0]
        else:
            anchor = None
        positions: list[list[tuple[int, int]]] = []
        for group in cue.all:
            found = hits.get(key(spec, group))
            if not found:
                return None
            positions.append(found)
        if cue.any:
            any_found = [p for g in cue.any for p in hits.get(key(spec, g), ())]
            if not any_found:
                return None
        else:
            any_found = []
        for group in cue.none:
            if hits.get(key(spec, group)):
                return None
        if cue.heading:
            heading = self._heading_hits(block, sent, heading_cache)
            if not heading or not any(_phrase_in(p, heading) for g in cue.heading for p in self._phrases(spec, g)):
                return None
        if positions:
            choice = _best_combination(positions, cue.near, cue.order)
            if choice is None:
                return None
            if cue.near and any_found:
                a = choice[0][0]
                if not any(abs(p[0] - a) <= cue.near for p in any_found):
                    return None
            anchor = anchor or choice[0]
        elif anchor is None:
            anchor = min(any_found)
        return anchor

    def _phrases(self, spec: KindSpec, group: str) -> list[str]:
        return spec.vocab[group] if group in spec.vocab else self.shared[group]


def _phrase_in(phrase: str, text: str) -> bool:
    i = text.find(phrase.lower())
    if i == -1:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(phrase)] if i + len(phrase) < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _best_combination(positions: list[list[tuple[int, int]]], near: int | None, order: bool):
    """Pick one occurrence per group; respect `near` (to the anchor) and `order`."""
    anchors = positions[0]
    for a in anchors:
        chosen = [a]
        ok = True
        prev = a
        for occ in positions[1:]:
            candidates = occ
            if order:
                candidates = [p for p in candidates if p[0] >= prev[1]]
            if near is not None:
                candidates = [p for p in candidates if abs(p[0] - a[0]) <= near]
            if not candidates:
                ok = False
                break
            best = min(candidates, key=lambda p: abs(p[0] - a[0]))
            chosen.append(best)
            prev = best
        if ok:
            return chosen
    return None


@lru_cache(maxsize=4)
def _detector_for(folder: str) -> Detector:
    kinds, shared = load_kinds(Path(folder))
    return Detector(kinds, shared)


def get_detector(folder: str | None = None) -> Detector:
    """The process-wide detector for the bundled (or given) kinds folder."""
    from pcsc_procure.resources import detector_dir

    return _detector_for(str(folder or detector_dir()))
