"""Run clause-kind detection over a document.

Compiled once per process (`get_detector()`): every vocabulary phrase of every
kind goes into one spaCy PhraseMatcher (attr LOWER), every raw token pattern
into one Matcher, and every kind into word requirements (`prefilter`). Per
document, a sentence is tokenised only when some kind's requirements are met
by its words; it is matched once and only those kinds' cues are evaluated.
Negation, modality and party are resolved once per anchor (`attributes`),
and `spans` decides which sentences may carry a detection and joins
neighbouring ones.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LOWER

from pcsc_procure.detect import attributes as attr
from pcsc_procure.detect import spans
from pcsc_procure.detect.prefilter import Requirement, group_of, phrase_in, text_pattern, token_groups, union, unsafe_runs, words_of
from pcsc_procure.detect.spec import Cue, KindSpec, load_kinds
from pcsc_procure.detect.tokencues import TokenCue
from pcsc_procure.detect.values import extract
from pcsc_procure.document.model import Document
from pcsc_procure.segment.definitions import find_definitions
from pcsc_procure.segment.sentences import split_sentences


_MAX_ANCHORS = 8  # anchor occurrences tried per cue when attributes reject the first


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
    block: int | None = None  # index of the block the passage starts in

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
    index: int = 0


class _Candidate:
    """One tokenised sentence, with what cues and attributes need from it (computed once)."""

    __slots__ = ("sent", "block", "tokens", "hits", "heading", "text", "offsets", "split", "_words", "_texts", "_attrs")

    def __init__(self, sent: Sentence, block, tokens, hits, heading: str, text: str, offsets: list[int] | None):
        self.sent, self.block, self.tokens, self.hits, self.heading = sent, block, tokens, hits, heading
        self.text, self.offsets = text, offsets  # the sentence as written; tokens' offsets -> its offsets
        self.split: int | None = None  # first token of a list item read after its lead-in
        self._words = self._texts = None
        self._attrs: dict[int, attr.Attributes] = {}

    def original(self, i: int) -> int:
        """Offset in the sentence as written of offset `i` in the tokenised text."""
        return i if self.offsets is None else self.offsets[i]

    def attributes(self, anchor: int, party_terms) -> attr.Attributes:
        res = self._attrs.get(anchor)
        if res is None:
            if self._words is None:
                self._texts = [t.text for t in self.tokens]
                self._words = [t.lower() for t in self._texts]
            res = self._attrs[anchor] = attr.resolve(self._words, self._texts, anchor, party_terms)
        return res


class Detector:
    """All clause kinds compiled into spaCy matchers; reusable across documents."""

    def __init__(self, kinds: list[KindSpec], shared_vocab: dict[str, list[str]]):
        from spacy.matcher import PhraseMatcher

        from pcsc_procure.nlp import blank_english

        self.nlp = blank_english()
        self.tokenizer = self.nlp.tokenizer
        self.kinds = {k.kind: k for k in kinds}
        self.shared = shared_vocab
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.token_cues: dict[str, list[TokenCue]] = {}  # kind -> its raw token patterns, run only when the kind is a candidate
        self._keys: dict[int, str] = {}  # match_id -> group key
        self._unsafe = unsafe_runs(self.tokenizer)
        self._patterns: dict[tuple, object] = {}
        # kind -> one Requirement per match cue, or None when the kind cannot be prefiltered
        self.requirements: dict[str, list[Requirement] | None] = {}
        self.continuations: dict[str, Requirement | None] = {}  # kind -> its `continue` cue's requirement
        added: set[str] = set()
        for kind in kinds:
            mask_cue = Cue(id="mask", any=list(kind.mask))
            extra = ([mask_cue] if kind.mask else []) + ([kind.continuation] if kind.continuation else [])
            for cue in kind.match + kind.exclude + extra:
                for group in cue.groups():
                    key = self._group_key(kind, group)
                    if key in added:
                        continue
                    added.add(key)
                    self.phrase_matcher.add(key, [self.tokenizer(p) for p in self._phrases(kind, group)])
                    self._keys[self.nlp.vocab.strings[key]] = key
                if cue.tokens:
                    key = f"{kind.kind}/@{cue.id}"
                    self.token_cues.setdefault(kind.kind, []).append(TokenCue(key, cue.tokens, self.nlp.vocab))
                    self._keys[self.nlp.vocab.strings[key]] = key
            self.requirements[kind.kind] = self._requirements(kind)
            if kind.continuation:
                self.continuations[kind.kind] = self._cue_requirement(kind, kind.continuation)
        self._gates = _gate_index(self.requirements)
        self._plans: dict[frozenset[str], tuple] = {}
        self._list_kinds = frozenset(k.kind for k in kinds if any(c.window == "clause" for c in k.match))
        self._homes = {k.kind: [p for g in k.home for p in self._phrases(k, g)] for k in kinds if k.home}
        self.prefilter = True  # False: tokenise every sentence (slow; for checking the prefilter)

    @staticmethod
    def _group_key(kind: KindSpec, group: str) -> str:
        return f"{kind.kind}/{group}" if group in kind.vocab else f"@/{group}"

    def _phrases(self, spec: KindSpec, group: str) -> list[str]:
        return spec.vocab[group] if group in spec.vocab else self.shared[group]

    def _requirements(self, kind: KindSpec) -> list[Requirement] | None:
        """What a sentence must contain for each match cue (see `prefilter`)."""
        reqs = [self._cue_requirement(kind, cue) for cue in kind.match]
        return None if None in reqs else reqs  # None: some cue could match any sentence

    def _cue_requirement(self, kind: KindSpec, cue: Cue) -> Requirement | None:
        groups = []
        if cue.tokens:
            groups.extend(token_groups(cue.tokens, self._unsafe))
        groups.extend(group_of(self._phrases(kind, g), self._unsafe) for g in cue.all)
        if cue.any:
            groups.append(union([group_of(self._phrases(kind, g), self._unsafe) for g in cue.any]))
        known = [g for g in groups if g is not None]
        if not known:
            return None
        patterns = [self._pattern(kind, [g]) for g in cue.all]
        if cue.any:
            patterns.append(self._pattern(kind, cue.any))
        heading = [p for g in cue.heading for p in self._phrases(kind, g)]
        return Requirement(known, patterns, heading)

    def _pattern(self, kind: KindSpec, groups: list[str]):
        """The text pattern for some vocab groups' phrases (shared between cues)."""
        key = tuple(self._group_key(kind, g) for g in groups)
        pattern = self._patterns.get(key)
        if pattern is None:
            tokens = [[t.lower_ for t in self.tokenizer(p)] for g in groups for p in self._phrases(kind, g)]
            pattern = self._patterns[key] = text_pattern(tokens)
        return pattern

    # -- per document -----------------------------------------------------
    def sentences(self, doc: Document) -> list[Sentence]:
        text = doc.analysis_text
        out = []
        for i, b in enumerate(doc.blocks):
            for s, e in split_sentences(text, b.start, b.end):
                out.append(Sentence(s, e, i, len(out)))
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

    def _plan(self, active: frozenset[str]) -> tuple[list[str], dict[str, list[tuple[str, Requirement]]], frozenset[str]]:
        """For a set of kinds: those always tokenised, and the gate index restricted to the rest."""
        plan = self._plans.get(active)
        if plan is None:
            always = sorted(k for k in active if self.requirements[k] is None)
            gates = {w: kept for w, pairs in self._gates.items() if (kept := [(k, r) for k, r in pairs if k in active])}
            plan = self._plans[active] = (always, gates, frozenset(gates))
        return plan

    def candidate_kinds(self, words: set[str], active: set[str] | frozenset[str], text: str | None = None, heading: str = "") -> list[str]:
        """Kinds in `active` whose requirements the sentence meets (see `prefilter`).

        With `text`, the phrase and heading stage runs too; without it only words are tested.
        """
        if not self.prefilter:
            return sorted(active)
        always, gates, gate_words = self._plan(frozenset(active))
        opened = words & gate_words
        if not opened:
            return list(always)
        tried: set[int] = set()
        found: set[str] = set()
        for w in opened:
            for kind, req in gates[w]:
                if kind in found or id(req) in tried:
                    continue
                tried.add(id(req))
                if req.met(words) and (text is None or req.met_text(text, heading)):
                    found.add(kind)
        return [*always, *found]

    def detect(self, doc: Document, kinds: set[str] | None = None) -> list[Detection]:
        text = doc.analysis_text
        active = frozenset(self.kinds) if kinds is None else frozenset(kinds) & frozenset(self.kinds)
        party_terms: dict[str, str | None] | None = None
        found: list[Detection] = []
        starts: dict[int, int] = {}
        prev: tuple[int, int, set[str]] = (-1, -1, set())  # block, sentence number, kinds found there
        for sent in self.sentences(doc):
            block = doc.blocks[sent.block]
            if block.kind == "heading":
                continue
            stext = text[sent.start : sent.end]
            heading = heading_of(block)
            words = words_of(stext)
            names = self.candidate_kinds(words, active, stext, heading)
            carried = prev[2] if prev[:2] == (sent.block, sent.index - 1) else set()
            continued = [k for k in carried if k not in names and self._continues(k, words, stext, heading)]
            if not names and not continued:
                continue
            cand = self._candidate(sent, block, stext, names + continued, heading)
            if cand is None:
                continue
            if party_terms is None:
                party_terms = self.party_terms(doc)
            dets = []
            for name in names + continued:
                spec = self.kinds[name]
                det = self._evaluate(spec, cand, party_terms) if name not in continued else None
                if det is None and name in carried:
                    det = self._continuation(spec, cand, party_terms)
                if det is not None:
                    dets.append(det)
            # Checked last because most candidates match nothing: captions, definitions and
            # tables of contents never carry a detection (see `spans`).
            if not dets or spans.is_caption(stext) or spans.is_definition(stext) or spans.is_toc(stext):
                continue
            found.extend(dets)
            for d in dets:
                starts[d.start] = sent.index
            prev = (sent.block, sent.index, {d.kind for d in dets})
        merged = spans.merge_adjacent(found, starts)
        list_kinds = active & self._list_kinds
        if list_kinds:
            merged.extend(self._list_detections(doc, list_kinds, merged, party_terms or self.party_terms(doc)))
        return self._keep_home(merged)

    def _keep_home(self, found: list[Detection]) -> list[Detection]:
        """For kinds with `home` headings: once one detection is under its own heading, drop the rest."""
        homes = self._homes
        if not homes:
            return found

        def at_home(d: Detection) -> bool:
            return bool(d.heading) and any(phrase_in(p, d.heading.lower()) for p in homes[d.kind])

        settled = {d.kind for d in found if d.kind in homes and at_home(d)}
        return [d for d in found if d.kind not in settled or at_home(d)]

    def _list_detections(self, doc: Document, kinds: frozenset[str], found: list[Detection], party_terms) -> list[Detection]:
        """`window: clause` cues read a list's lead-in with each of its items.

        "This Agreement may be terminated: ... (c) by the City upon 90 days' notice
        for any reason." The verb is in the lead-in, the rest in an item; each
        (lead-in, item) pair is read as one sentence, and a detection spans both.
        """
        text = doc.analysis_text
        out: list[Detection] = []
        for lead, item, block_index in spans.list_pairs(doc):
            if any(d.start < item[1] and item[0] < d.end and d.kind in kinds for d in found + out):
                continue  # the item is already part of a detection
            lead_text, item_text = text[lead[0] : lead[1]], text[item[0] : item[1]]
            joined = lead_text + " " + item_text
            offsets = list(range(len(lead_text) + 1)) + [item[0] - lead[0] + i for i in range(len(item_text) + 1)]
            block = doc.blocks[block_index]
            heading = heading_of(block)
            names = [k for k in self.candidate_kinds(words_of(joined), kinds, joined, heading) if k in kinds]
            if not names:
                continue
            sent = Sentence(lead[0], item[1], block_index, -1)
            cand = self._candidate(sent, block, joined, names, heading, offsets)
            if cand is None:
                continue
            item_offset = item[0] - lead[0]
            cand.split = next((t.i for t in cand.tokens if cand.original(t.idx) >= item_offset), len(cand.tokens))
            for name in names:
                det = self._evaluate(self.kinds[name], cand, party_terms, window="clause")
                if det is not None:
                    out.append(det)
        return out

    def _candidate(self, sent: Sentence, block, stext: str, names: list[str], heading: str, offsets: list[int] | None = None) -> _Candidate | None:
        """Tokenise and match one sentence. `offsets` maps `stext` offsets to offsets from
        `sent.start` when `stext` is not a plain slice of the document (a list lead-in and item)."""
        # Contract text is full of double spaces; spaCy makes each extra whitespace run a
        # token, which would split "either  party". Tokenise with single spaces.
        norm, collapsed = collapse_whitespace(stext)
        if offsets is not None:
            offsets = [offsets[i] for i in collapsed] if collapsed is not None else offsets
        else:
            offsets = collapsed
        tokens = self.tokenizer(norm)
        hits: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in self.phrase_matcher(tokens):
            hits.setdefault(self._keys[match_id], []).append((s, e))
        lowers = None
        for name in names:
            for tc in self.token_cues.get(name, ()):
                if lowers is None:
                    lowers = tokens.to_array(LOWER).tolist()
                found = tc(tokens, lowers)
                if found:
                    hits.setdefault(tc.key, []).extend(found)
        if not hits:
            return None
        xrefs = spans.xref_spans(norm)
        if xrefs:
            hits = _drop_inside(hits, tokens, xrefs)
        return _Candidate(sent, block, tokens, hits, heading, stext, offsets)

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

    def _evaluate(self, spec: KindSpec, cand: _Candidate, party_terms, window: str | None = None) -> Detection | None:
        """The first match cue (of `window`, if given) that the sentence meets, as a detection."""
        hits = self._apply_mask(spec, cand.hits) if spec.mask else cand.hits
        for cue in spec.exclude:
            if next(self._anchors(spec, cue, hits, cand), None) is not None:
                return None
        for cue in spec.match:
            if window is not None and cue.window != window:
                continue
            # Each occurrence of the anchor group in turn: in "Excluding liability
            # for X, in no event shall Y be liable", the second "liable" is negated.
            for a_start, a_end in itertools.islice(self._anchors(spec, cue, hits, cand), _MAX_ANCHORS):
                res = cand.attributes(a_start, party_terms)
                if cue.negated is not None and res.negated != cue.negated:
                    continue
                if res.negated and spec.negation == "drop" and cue.negated is None:
                    continue
                if cue.role is not None and res.role != cue.role:
                    continue
                if cue.modality and (res.modality or "none") not in cue.modality:
                    continue
                return self._detection(spec, cue, cand, a_start, a_end, res)
        return None

    def _continues(self, kind: str, words: set[str], text: str, heading: str) -> bool:
        req = self.continuations.get(kind)
        return req is not None and req.met(words) and req.met_text(text, heading)

    def _continuation(self, spec: KindSpec, cand: _Candidate, party_terms) -> Detection | None:
        """The sentence after a detection continues it when it has a `continue` group.

        Negation does not end a passage ("The policies shall not be cancelled ...").
        """
        if spec.continuation is None:
            return None
        hits = self._apply_mask(spec, cand.hits) if spec.mask else cand.hits
        for cue in spec.exclude:
            if next(self._anchors(spec, cue, hits, cand), None) is not None:
                return None
        anchor = next(self._anchors(spec, spec.continuation, hits, cand), None)
        if anchor is None:
            return None
        res = cand.attributes(anchor[0], party_terms)
        return self._detection(spec, spec.continuation, cand, anchor[0], anchor[1], res)

    def _detection(self, spec: KindSpec, cue: Cue, cand: _Candidate, a_start: int, a_end: int, res) -> Detection:
        sent, tokens, block = cand.sent, cand.tokens, cand.block
        base = sent.start
        values = extract(spec.extract, cand.text, base) if spec.extract else {}
        last = tokens[a_end - 1]
        return Detection(
            kind=spec.kind, start=sent.start, end=sent.end, cue=cue.id,
            anchor_start=base + cand.original(tokens[a_start].idx), anchor_end=base + cand.original(last.idx + len(last.text) - 1) + 1,
            negated=res.negated, modality=res.modality, party=res.party, role=res.role, values=values,
            section=block.section, heading=block.heading, block=sent.block,
        )

    def _anchors(self, spec: KindSpec, cue: Cue, hits, cand: _Candidate):
        """Yield (anchor token start, end) for each way the cue matches this sentence."""
        key = self._group_key
        positions: list[list[tuple[int, int]]] = []
        if cue.tokens:  # the token match is the anchor; `near` counts from it
            found = hits.get(f"{spec.kind}/@{cue.id}")
            if not found:
                return
            positions.append(found)
        for group in cue.all:
            found = hits.get(key(spec, group))
            if not found:
                return
            positions.append(found)
        any_found = [p for g in cue.any for p in hits.get(key(spec, g), ())]
        if cue.any and not any_found:
            return
        for group in cue.none:
            if hits.get(key(spec, group)):
                return
        if cue.heading:
            heading = cand.heading
            if not heading or not any(phrase_in(p, heading) for g in cue.heading for p in self._phrases(spec, g)):
                return
        if not positions:
            yield from sorted(any_found)
            return
        for anchor in positions[0]:
            if _combination(anchor, positions[1:], cue.near, cue.order, cand.split) is None:
                continue
            if cue.near and any_found and not any(_close(p, anchor, cue.near, cand.split) for p in any_found):
                continue
            yield anchor


def _gate_index(requirements: dict[str, list[Requirement] | None]) -> dict[str, list[tuple[str, Requirement]]]:
    """word -> (kind, cue requirement) pairs whose gate that word opens.

    A cue's gate is its smallest word set: a sentence without any of those
    words cannot meet the cue, so a requirement is only checked when a
    sentence word opens its gate.
    """
    index: dict[str, list[tuple[str, Requirement]]] = {}
    for kind, reqs in requirements.items():
        for req in reqs or ():
            for w in req.gate():
                index.setdefault(w, []).append((kind, req))
    return index


def _drop_inside(hits, tokens, char_spans: list[tuple[int, int]]):
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


# Runs of spaces and tabs only: line breaks are left as they are, because the
# sample drafts' reviewed findings (tests/test_samples_golden.py) were made
# with them; collapsing them too finds phrases broken over PDF lines (CUAD
# PDF/TXT twins agree 0.995 instead of 0.986) and adds three correct findings
# to the samples, once their expected files are regenerated.
_EXTRA_SPACE = re.compile(r"[ \t]{2,}|\t")


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


def _close(p: tuple[int, int], anchor: tuple[int, int], near: int, split: int | None) -> bool:
    """Within `near` tokens of the anchor, or across a list's lead-in/item join (`split`),
    where the lead-in applies to the item however far apart they are."""
    return abs(p[0] - anchor[0]) <= near or (split is not None and (p[0] >= split) != (anchor[0] >= split))


def _combination(anchor: tuple[int, int], others: list[list[tuple[int, int]]], near: int | None, order: bool, split: int | None = None):
    """One occurrence per other group, nearest the anchor; respect `near` and `order`."""
    chosen = [anchor]
    prev = anchor
    for occ in others:
        candidates = occ
        if order:
            candidates = [p for p in candidates if p[0] >= prev[1]]
        if near is not None:
            candidates = [p for p in candidates if _close(p, anchor, near, split)]
        if not candidates:
            return None
        prev = min(candidates, key=lambda p: abs(p[0] - anchor[0]))
        chosen.append(prev)
    return chosen


@lru_cache(maxsize=4)
def _detector_for(folder: str) -> Detector:
    kinds, shared = load_kinds(Path(folder))
    return Detector(kinds, shared)


def get_detector(folder: str | None = None) -> Detector:
    """The process-wide detector for the bundled (or given) kinds folder."""
    from pcsc_procure.resources import detector_dir

    return _detector_for(str(folder or detector_dir()))
