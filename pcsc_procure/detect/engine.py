"""Run clause-kind detection over a document.

Compiled once per process (`get_detector()`): every kind into word and phrase
requirements (`prefilter`), every raw token pattern into its own windowed
Matcher (`tokencues`), and each kind's vocabulary phrases into a spaCy
PhraseMatcher (attr LOWER) of its own, built when a sentence is first a
candidate of the kind (`prepare` builds them all up front). Per document, a
sentence is tokenised only when some kind's requirements are met
(`candidate`); only those kinds' cues are evaluated (`cues`), with negation, modality and party resolved per
anchor (`attributes`). `spans` decides which sentences may carry a detection
and joins neighbouring ones; optional kind keys extend a passage over the
sentences that continue it (`continue`), read list items with their lead-in
(`window: clause`) and prefer the kind's own clause (`home`).
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IDX, LOWER
from spacy.matcher import PhraseMatcher

from pcsc_procure.detect import parties
from pcsc_procure.detect.attributes import NEGATORS
from pcsc_procure.detect import spans
from pcsc_procure.detect.candidate import Candidate, Sentence, collapse_whitespace, drop_inside, heading_of
from pcsc_procure.detect.cues import anchors, apply_mask, written_as_name
from pcsc_procure.detect.phrase_tokens import PhraseTokens
from pcsc_procure.detect.prefilter import PhraseText, Requirement, blank_phrases, group_of, phrase_in, rarest, token_groups, token_words, union, unsafe_runs, words_of
from pcsc_procure.detect.spec import Cue, KindSpec, load_kinds
from pcsc_procure.detect.tokencues import TokenCue
from pcsc_procure.errors import RuleError
from pcsc_procure.detect.tokentext import TokenTextPattern
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
    stands: bool = True  # False: found by a cue that never stands for a passage it joins (see `spans.absorb`)
    fallback: bool = False  # True: every part that stands for the passage was found by a `fallback` cue

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "cue": self.cue,
            "negated": self.negated, "modality": self.modality, "party": self.party, "role": self.role,
            "values": {k: [{kk: vv for kk, vv in v.items() if kk not in ("start", "end")} for v in vs] for k, vs in self.values.items()},
            "section": self.section, "heading": self.heading,
        }


class Detector:
    """All clause kinds compiled into spaCy matchers; reusable across documents."""

    def __init__(self, kinds: list[KindSpec], shared_vocab: dict[str, list[str]]):
        from pcsc_procure.nlp import blank_english

        self.nlp = blank_english()
        self.tokenizer = self.nlp.tokenizer
        self.kinds = {k.kind: k for k in kinds}
        self.shared = shared_vocab
        # kind -> the phrases of its groups (shared groups in each kind that uses them): a sentence is
        # matched only against the kinds it is a candidate for, not all kinds' phrases. A kind's matcher
        # is built when first needed (`_matcher`): a one-page draft meets about a third of the kinds.
        self.phrase_matchers: dict[str, PhraseMatcher] = {}
        self._matcher_groups: dict[str, list[tuple[str, list[str]]]] = {}  # kind -> (group key, phrases), until built
        # Every phrase's tokens, most without the tokenizer, given to a PhraseMatcher as LOWER ids rather than as Docs
        self._vocab_tokens = PhraseTokens(self.tokenizer, self.nlp.vocab.strings)
        self.token_cues: dict[str, list[TokenCue]] = {}  # kind -> its raw token patterns, run only when the kind is a candidate
        self._keys: dict[int, str] = {}  # match_id -> group key
        self._unsafe = unsafe_runs(self.tokenizer)
        # a cue that needs a negated anchor needs a negator in the sentence (`attributes.NEGATORS`)
        self._negator_group = token_words(self.tokenizer, NEGATORS)
        self._patterns: dict[tuple, object] = {}
        self._groups: dict[str, object] = {}  # group key -> its prefilter group (`_group`), while building
        self._group_words: dict[str, tuple] = {}  # phrase -> its words and their rarest (`group_of`), while building
        # kind -> one Requirement per match cue, or None when the kind cannot be prefiltered
        self.requirements: dict[str, list[Requirement] | None] = {}
        self.continuations: dict[str, Requirement | None] = {}  # kind -> its `continue` cue's requirement
        for kind in kinds:
            mask_cue = Cue(id="mask", any=list(kind.mask))
            extra = ([mask_cue] if kind.mask else []) + ([kind.continuation] if kind.continuation else [])
            groups = self._matcher_groups[kind.kind] = []
            added = set()
            for cue in kind.match + kind.exclude + extra:
                for group in cue.groups():
                    key = self._group_key(kind, group)
                    if key in added:
                        continue
                    added.add(key)
                    groups.append((key, self._phrases(kind, group)))
                    self._keys[self.nlp.vocab.strings.add(key)] = key
                if cue.tokens:
                    key = f"{kind.kind}/@{cue.id}"
                    try:
                        token_cue = TokenCue(key, cue.tokens, self.nlp.vocab)
                    except ValueError as e:  # spaCy's MatchPatternError: "[on, in]" read by YAML as booleans, unknown attributes
                        first = " ".join(str(e).split())[:300]
                        raise RuleError(kind.path, f"cue {cue.id!r}: not a valid spaCy token pattern: {first}", cue.line) from None
                    self.token_cues.setdefault(kind.kind, []).append(token_cue)
                    self._keys[self.nlp.vocab.strings.add(key)] = key
            self.requirements[kind.kind] = self._requirements(kind)
            if kind.continuation:
                self.continuations[kind.kind] = self._cue_requirement(kind, kind.continuation)
        del self._groups, self._group_words
        self._gates = _gate_index(self.requirements)
        # A token cue's own requirement: a candidate sentence that lacks its words cannot match it,
        # so its Matcher is not run (a kind is a candidate when any one of its cues' words are there).
        self._token_reqs: dict[str, Requirement] = {
            f"{k.kind}/@{cue.id}": req
            for k in kinds
            for cue, req in zip(k.match, self.requirements.get(k.kind) or ())
            if cue.tokens and req is not None
        }
        self._plans: dict[tuple, tuple] = {}
        self._bars = frozenset(k.kind for k in kinds if k.negation == "bar")
        self._definition_kinds = frozenset(k.kind for k in kinds if k.definitions == "keep")
        self._list_kinds = frozenset(k.kind for k in kinds if any(c.window == "clause" for c in k.match))
        # A list's (lead-in, item) pair is only read by `window: clause` cues: its gate index holds theirs alone.
        self._list_requirements = {
            k.kind: None if self.requirements[k.kind] is None else [r for c, r in zip(k.match, self.requirements[k.kind]) if c.window == "clause"]
            for k in kinds if k.kind in self._list_kinds
        }
        self._list_gates = _gate_index(self._list_requirements)
        self._homes = {k.kind: [p for g in k.home for p in self._phrases(k, g)] for k in kinds if k.home}
        self._home_clause = frozenset(k.kind for k in kinds if k.home_scope == "clause")
        self._fallback_kinds = frozenset(k.kind for k in kinds if any(c.fallback for c in k.match))
        # a kind's mask words, blanked out of the headings its heading cues read
        self._mask_phrases = {k.kind: tuple(p for g in k.mask for p in self._phrases(k, g)) for k in kinds if k.mask and any(c.heading for c in k.match + k.exclude)}
        # (made once: a cue's groups are looked up for every anchor of every candidate sentence)
        self._hit_keys = {k.kind: {g: self._hit_key(k, g) for cue in k.cues
                                   for g in (*cue.all, *cue.any, *cue.none, "@" + cue.id)} for k in kinds}
        self._mask_keys = {k.kind: frozenset(self._group_key(k, g) for g in k.mask) for k in kinds}
        # each cue's hit keys that must all be in a sentence's hits, and those one of which must be (a cue without them has
        # no anchor: tested with two set operations before its anchors are sought)
        self._cue_needs = {id(cue): (frozenset(self._hit_keys[k.kind][g] for g in (*cue.all, *(("@" + cue.id,) if cue.tokens else ()))),
                                     frozenset(self._hit_keys[k.kind][g] for g in cue.any))
                           for k in kinds for cue in k.cues}
        self.prefilter = True  # False: tokenise every sentence (slow; for checking the prefilter)
        # the gate plans of a run over every kind, built with the rules (0.03 s), not in the first document's time
        everything = frozenset(self.kinds)
        self._plan(everything)
        self._plan(everything & self._list_kinds, lists=True)

    def _anchors(self, spec: KindSpec, cue: Cue, hits, cand: Candidate):
        """The anchors of one of `spec`'s cues in a candidate sentence (see `cues.anchors`)."""
        need, need_any = self._cue_needs[id(cue)]
        present = hits.keys()
        if not need <= present or (need_any and present.isdisjoint(need_any)):
            return iter(())
        key = self._hit_keys[spec.kind].__getitem__
        heading, heading_phrases = cand.heading, []
        if cue.heading:
            heading_phrases = [p for g in cue.heading for p in self._phrases(spec, g)]
            if heading and spec.kind in self._mask_phrases:
                heading = blank_phrases(heading, self._mask_phrases[spec.kind])
        return anchors(cue, hits, key, heading, heading_phrases, cand.split, cand.items)

    def _hit_key(self, spec: KindSpec, group: str) -> str:
        """A cue group's key in a candidate's hits (a token cue's "@id" is the kind's own)."""
        return f"{spec.kind}/{group}" if group.startswith("@") else self._group_key(spec, group)

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
        groups.extend(self._group(kind, g) for g in cue.all)
        if cue.any:
            groups.append(union([self._group(kind, g) for g in cue.any]))
        known = [g for g in groups if g is not None]
        if not known:
            return None
        if cue.negated is True:
            known.append(self._negator_group)
        patterns = [self._pattern(kind, [g]) for g in cue.all]
        if cue.tokens:
            patterns.insert(0, TokenTextPattern(cue.tokens))
        if cue.any:
            patterns.append(self._pattern(kind, cue.any))
        heading = [p for g in cue.heading for p in self._phrases(kind, g)]
        return Requirement(known, patterns, heading)

    def _group(self, kind: KindSpec, group: str):
        """The prefilter group of a vocab group's phrases, made once per detector: a shared group serves
        many cues of many kinds (965 uses of 585 groups), and a phrase is in several groups (81,000 uses
        of 31,000 phrases). Made afresh for each use, the groups were a third of the build's time."""
        key = self._group_key(kind, group)
        if key not in self._groups:
            self._groups[key] = group_of(self._phrases(kind, group), self._unsafe, self._group_words)
        return self._groups[key]

    def _phrase_tokens(self, phrase: str) -> list[str]:
        """A vocabulary phrase's lower-cased tokens, as the tokenizer makes them (`PhraseTokens`)."""
        return self._vocab_tokens.tokens(phrase)

    def _matcher(self, kind: str):
        """The kind's phrase matcher, built on first use."""
        matcher = self.phrase_matchers.get(kind)
        if matcher is None:
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            for key, phrases in self._matcher_groups.pop(kind):
                matcher.add(key, [self._vocab_tokens.ids(p) for p in phrases])
            self.phrase_matchers[kind] = matcher
        return matcher

    def prepare(self, kinds: Iterable[str] | None = None) -> None:
        """Build the phrase matchers of `kinds` (all by default) now: before worker processes fork, which
        would each build their own, and before a benchmark's clock starts."""
        for kind in sorted(self.kinds if kinds is None else set(kinds) & set(self.kinds)):
            self._matcher(kind)

    def _pattern(self, kind: KindSpec, groups: list[str]):
        """The text pattern for some vocab groups' phrases (shared between cues)."""
        key = tuple(self._group_key(kind, g) for g in groups)
        pattern = self._patterns.get(key)
        if pattern is None:
            phrases = [p for g in groups for p in self._phrases(kind, g)]
            pattern = self._patterns[key] = PhraseText(phrases, self._phrase_tokens, self._unsafe) if phrases else None
        return pattern

    # -- per document -----------------------------------------------------
    def party_terms(self, doc: Document) -> parties.PartyTerms:
        terms = parties.PartyTerms()
        introduced = tests = 0
        for d in find_definitions(doc.analysis_text[:50000]):
            if d.kind != "party":
                continue
            words = d.term.lower().split()
            if not words:
                continue
            apostrophe = len(words[-1]) > 3 and words[-1][-2:] in ("'s", "’s")
            if apostrophe:
                words[-1] = words[-1][:-2]  # "PAPA JOHN'S" is read as the tokens "papa", "john", "'s"
            word = words[-1]
            if word in parties.NOT_PARTY_HEADS:
                continue  # (the "Effective Date"), (the "Licensed Marks"): defined terms, not parties
            lower_case = d.term[:1].islower()
            if lower_case and d.term.islower() and word in parties.SENTENCE_SHARE:
                continue  # (collectively, "records"): a word, not a name written in lower case ("ebix")
            place = introduced + 1
            if d.tentative or place > 2:
                # After the two a contract is between, a party must act in it: not (the "Options"); nor,
                # in any place, what is named for several things (collectively, the "Stands") or without
                # quotes ("Section 5 (Confidentiality)"). Each test reads the whole text, so only so many
                # are made. A tentative term that does not act takes no place.
                tests += 1
                if place > parties.MAX_INTRODUCED or tests > parties.MAX_INTRODUCED or not parties.acts_as_party(doc.analysis_text, d.term):
                    if not d.tentative:
                        introduced = place
                    continue
            introduced = place
            role = "public" if word in parties.PUBLIC else "vendor" if word in parties.VENDOR else None
            terms[word] = role
            if lower_case:
                terms.lower_case.add(word)
            if apostrophe:
                terms.apostrophe.add(word)
            if 1 < len(words) <= 4:
                terms[" ".join(words)] = role  # the whole name, to report "ADAMS GOLF" rather than "GOLF"
            if not any(n.lower() == d.term.lower() for _, n in terms.names):
                terms.names.append((d.start, " ".join(d.term.split())))
        return terms

    def _plan(self, active: frozenset[str], lists: bool = False) -> _GatePlan:
        """For a set of kinds: those always tokenised, and the gate index restricted to the rest
        (with `lists`, of the cues that read a list's lead-in with an item)."""
        plan = self._plans.get((active, lists))
        if plan is None:
            requirements, index = (self._list_requirements, self._list_gates) if lists else (self.requirements, self._gates)
            always = sorted(k for k in active if requirements.get(k, ()) is None)
            gates = {w: kept for w, entries in index.items() if (kept := [e for e in entries if e[0] in active])}
            plan = self._plans[(active, lists)] = _GatePlan(always, gates)
        return plan

    def candidate_kinds(self, words: set[str], active: set[str] | frozenset[str], text: str | None = None, heading: str = "",
                        lists: bool = False) -> list[str]:
        """Kinds in `active` whose requirements the sentence meets (see `prefilter`).

        With `text`, the phrase and heading stage runs too; without it only words are tested.
        With `lists`, only the cues that read lists count.
        """
        if not self.prefilter:
            return sorted(active)
        plan = self._plan(frozenset(active), lists)
        opened = words & plan.gate_words
        if not opened:
            return list(plan.always)
        # the requirements whose gate group the sentence meets, as one bit each: a word alone, or a phrase it keys
        # whole in the sentence (a phrase shared by many cues is tested once)
        mask = 0
        singles, phrases = plan.singles, plan.phrases
        for w in opened:
            mask |= singles.get(w, 0)
            keyed = phrases.get(w)
            if keyed is not None:
                for second in keyed[0] & words:
                    for alt, bits in keyed[1][second]:
                        if alt <= words:
                            mask |= bits
        if not mask:
            return list(plan.always)
        keyed_next = plan.unkeyed
        next_keys = plan.next_keys
        for w in words & plan.next_words:
            keyed_next |= next_keys[w]
        mask &= keyed_next
        found: list[str] = []
        low = None
        reqs, kind_bits = plan.reqs, plan.kind_bits
        while mask:
            bit = mask & -mask
            kind, req = reqs[bit.bit_length() - 1]
            if not req.met_rest(words) or (text is not None and not req.met_text(low if low is not None else (low := text.lower()), heading, words)):
                mask ^= bit
                continue
            found.append(kind)
            mask &= ~kind_bits[kind]  # the kind is found: its other requirements need no test
        return [*plan.always, *sorted(found)]  # (sorted: the bits follow the index's order, not the kinds')

    def detect(self, doc: Document, kinds: set[str] | None = None) -> list[Detection]:
        text = doc.analysis_text
        active = frozenset(self.kinds) if kinds is None else frozenset(kinds) & frozenset(self.kinds)
        party_terms: dict[str, str | None] | None = None
        found: list[Detection] = []
        starts: dict[int, int] = {}
        prev: tuple[int, int, set[str]] = (-1, -1, set())  # block, sentence number, kinds found there
        plan = self._plan(active) if self.prefilter else None
        always, gate_words = (plan.always, plan.gate_words) if plan is not None else ((), None)
        # Each body block's sentences (headings are not split); a sentence is only made an
        # object when it is tokenised (most end at the gate test).
        index = -1
        for block_index, block in enumerate(doc.blocks):
            if block.kind == "heading":
                continue
            block_heading = None
            for number_in_block, (s_start, s_end) in enumerate(split_sentences(text, block.start, block.end)):
                index += 1
                stext = text[s_start:s_end]
                words = words_of(stext)
                carried = prev[2] if prev[0] == block_index and prev[1] == index - 1 else ()
                if not carried and not always and gate_words is not None and gate_words.isdisjoint(words):
                    continue  # no kind's rarest words: most sentences end here, before the caption test
                if block_heading is None:
                    block_heading = heading_of(block)
                heading = block_heading
                caption = None
                if number_in_block == 0:
                    caption = spans.run_in_caption(stext, block.kind == "list-item")
                    if caption is not None:
                        heading = _with_caption(heading, caption[0])
                names = self.candidate_kinds(words, active, stext, heading)
                continued = [k for k in carried if k not in names and self._continues(k, words, stext, heading)]
                if not names and not continued:
                    continue
                sent = Sentence(s_start, s_end, block_index, index)
                cand = self._candidate(sent, block, stext, names + continued, heading, caption=block.kind if caption else None, words=words)
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
                # tables of contents never carry a detection (see `spans`), except a definition
                # of a kind that keeps them (`definitions: keep`).
                if not dets or spans.is_caption(stext, whole_block=block.kind == "paragraph" and number_in_block == 0 and s_end == block.end) or spans.is_toc(stext):
                    continue
                if spans.is_definition(stext):
                    dets = [d for d in dets if d.kind in self._definition_kinds]
                    if not dets:
                        continue
                found.extend(dets)
                for d in dets:
                    starts[d.start] = sent.index
                prev = (sent.block, sent.index, {d.kind for d in dets})
        merged = spans.merge_adjacent(found, starts, self._bars)
        list_kinds = active & self._list_kinds
        if list_kinds:
            merged.extend(self._list_detections(doc, list_kinds, merged, party_terms or self.party_terms(doc)))
        joined = spans.join_sections(merged, {k for k in active if self.kinds[k].join == "section"}, bars=self._bars)
        return self._drop_fallbacks(self._keep_home(joined, doc))

    def _drop_fallbacks(self, found: list[Detection]) -> list[Detection]:
        """A `fallback` cue's passages stand only where no other cue of their kind found one."""
        if not self._fallback_kinds:
            return found
        backed = {d.kind for d in found if not d.fallback}
        return [d for d in found if not d.fallback or d.kind not in backed]

    def _keep_home(self, found: list[Detection], doc: Document) -> list[Detection]:
        """For kinds with `home` headings: once one detection is under its own heading, drop the rest.

        A sub-clause with a caption of its own is read under its clause's caption too: "13.1 By Licensee. ... Any
        Change of Control shall be deemed an assignment" sits in "Section 13. Assignment."."""
        homes = self._homes
        if not homes:
            return found
        captions = {}  # numbered clause -> its own caption, lower-cased
        if any(d.kind in homes for d in found):
            captions = {b.section: b.title.lower() for b in doc.blocks if b.section and b.title and b.kind == "clause"}

        def at_home(d: Detection) -> bool:
            if d.heading and any(phrase_in(p, d.heading.lower()) for p in homes[d.kind]):
                return True
            caption = captions.get(spans.clause_number(d.section)) if d.section and "." in d.section else None
            return caption is not None and any(phrase_in(p, caption) for p in homes[d.kind])

        home = [d for d in found if d.kind in homes and at_home(d)]
        settled = {d.kind for d in home}
        # a sub-clause of the same clause is at home too, under a run-in caption of its own: "12.3 Exceptions. THE
        # LIMITATIONS SET FORTH IN SECTIONS 12.1 AND 12.2 SHALL NOT APPLY TO ..." beside "12.1 Exclusion of Damages",
        # also when the one at home is an item of its sub-clause ("8.03(a)" beside "8.04 Exclusions")
        clauses = {(d.kind, spans.clause_number(d.section)) for d in home if d.section and d.kind in self._home_clause}
        return [d for d in found if d.kind not in settled or at_home(d)
                or (d.section and (d.kind, spans.clause_number(d.section)) in clauses)]

    def _list_detections(self, doc: Document, kinds: frozenset[str], found: list[Detection], party_terms) -> list[Detection]:
        """`window: clause` cues read a list's lead-in with each of its items.

        "This Agreement may be terminated: ... (c) by the City upon 90 days' notice
        for any reason." The verb is in the lead-in, the rest in an item; each
        (lead-in, item) pair is read as one sentence, and a detection spans both.
        """
        text = doc.analysis_text
        out: list[Detection] = []
        # (per kind: an item that another kind's detection covers is still read for this one -- "(d) damages
        # caused by gross negligence" under a liability heading is a cap's sentence and an uncapped item)
        taken = [(d.kind, d.start, d.end) for d in found if d.kind in kinds]
        lead_words = None  # (lead-in span, its words), for the items of one lead-in
        for lead, item, block_index in spans.list_pairs(doc):
            covered = {k for k, s, e in taken if s < item[1] and item[0] < e} | {d.kind for d in out if d.start < item[1] and item[0] < d.end}
            if covered >= kinds:
                continue  # the item is already part of a detection of every kind
            lead_text, item_text = text[lead[0] : lead[1]], text[item[0] : item[1]]
            joined = lead_text + " " + item_text
            block = doc.blocks[block_index]
            heading = heading_of(block)
            # (the words of the joined text are the lead-in's and the item's: a run never crosses the space)
            if lead_words is None or lead_words[0] != lead:
                lead_words = (lead, words_of(lead_text))
            words = lead_words[1] | words_of(item_text)
            names = [n for n in self.candidate_kinds(words, kinds, joined, heading, lists=True) if n not in covered]
            if not names:
                continue
            offsets = list(range(len(lead_text) + 1)) + [item[0] - lead[0] + i for i in range(len(item_text) + 1)]
            sent = Sentence(lead[0], item[1], block_index, -1)
            cand = self._candidate(sent, block, joined, names, heading, offsets, words=words)
            if cand is None:
                continue
            item_offset = item[0] - lead[0]
            # (token offsets from one array: iterating the Doc makes a Python Token per token)
            starts = cand.tokens.to_array(IDX).tolist()
            cand.split = next((i for i, idx in enumerate(starts) if cand.original(idx) >= item_offset), len(starts))
            for name in names:
                det = self._evaluate(self.kinds[name], cand, party_terms, window="clause")
                if det is None:
                    continue
                # items (a) and (b) of one lead-in: one passage from the lead-in to the last item found
                at = next((i for i, d in enumerate(out) if d.kind == det.kind and d.start == det.start), None)
                if at is None:
                    out.append(det)
                else:
                    out[at] = spans.absorb(out[at], det, self._bars)
        return out

    def _candidate(self, sent: Sentence, block, stext: str, names: list[str], heading: str, offsets: list[int] | None = None,
                   caption: str | None = None, words: set[str] | None = None) -> Candidate | None:
        """Tokenise and match one sentence. `offsets` maps `stext` offsets to offsets from
        `sent.start` when `stext` is not a plain slice of the document (a list lead-in and item).
        With `caption` (the block's kind), the sentence opens with a run-in caption whose words
        are not body text."""
        # Contract text is full of double spaces; spaCy makes each extra whitespace run a
        # token, which would split "either  party". Tokenise with single spaces.
        norm, collapsed = collapse_whitespace(stext)
        if offsets is not None:
            offsets = [offsets[i] for i in collapsed] if collapsed is not None else offsets
        else:
            offsets = collapsed
        tokens = self.tokenizer(norm)
        hits: dict[str, list[tuple[int, int]]] = {}
        keys = self._keys
        for name in names:
            own: dict[str, list[tuple[int, int]]] = {}
            for match_id, s, e in self._matcher(name)(tokens):
                key = keys[match_id]
                if key not in hits:  # a shared group, already matched for an earlier kind
                    own.setdefault(key, []).append((s, e))
            hits.update(own)
        lowers = None
        for name in names:
            for tc in self.token_cues.get(name, ()):
                req = self._token_reqs.get(tc.key) if words is not None and self.prefilter else None
                if req is not None and not req.met(words):
                    continue
                if lowers is None:
                    lowers = tokens.to_array(LOWER).tolist()
                found = tc(tokens, lowers)
                if found:
                    hits.setdefault(tc.key, []).extend(found)
        if not hits:
            return None
        xrefs = spans.xref_spans(norm)
        if caption:
            cap = spans.run_in_caption(norm, caption == "list-item")
            if cap is not None:
                xrefs.append((0, cap[1]))
        if xrefs:
            hits = drop_inside(hits, tokens, xrefs)
        return Candidate(sent, block, tokens, hits, heading, stext, offsets, norm)

    def _evaluate(self, spec: KindSpec, cand: Candidate, party_terms, window: str | None = None) -> Detection | None:
        """The first match cue (of `window`, if given) that the sentence meets, as a detection."""
        hits = apply_mask(cand.hits, self._mask_keys[spec.kind]) if spec.mask else cand.hits
        for cue in spec.exclude:
            if next(self._anchors(spec, cue, hits, cand), None) is not None:
                return None
        for cue in spec.match:
            if window is not None and cue.window != window:
                continue
            # Each occurrence of the anchor group in turn: in "Excluding liability
            # for X, in no event shall Y be liable", the second "liable" is negated.
            for a_start, a_end in itertools.islice(self._anchors(spec, cue, hits, cand), _MAX_ANCHORS):
                if cue.named is not None and written_as_name(cand.tokens[a_start:a_end]) != cue.named:
                    continue
                res = cand.attributes(a_start, party_terms)
                if cue.negated is not None and res.negated != cue.negated:
                    continue
                if res.negated and spec.negation == "drop" and cue.negated is None:
                    continue
                if cue.role is not None and res.role != cue.role:
                    continue
                if cue.modality and (res.modality or "none") not in cue.modality:
                    continue
                if cue.maker == "other" and not parties.different_parties(cand.maker(party_terms, a_start), res.party):
                    continue
                if cue.party == "counterparty":
                    party, role = parties.counterparty(res.party, res.role, party_terms)
                    res = replace(res, party=party, role=role, party_index=None)
                elif cue.party == "consequence":
                    holder = cand.consequence_holder(a_start, party_terms)
                    if holder is not None:
                        res = replace(res, party=holder[0], role=holder[1], party_index=None)
                return self._detection(spec, cue, cand, a_start, a_end, res)
        return None

    def _continues(self, kind: str, words: set[str], text: str, heading: str) -> bool:
        req = self.continuations.get(kind)
        return req is not None and req.met(words) and req.met_text(text.lower(), heading, words)

    def _continuation(self, spec: KindSpec, cand: Candidate, party_terms) -> Detection | None:
        """The sentence after a detection continues it when it has a `continue` group.

        Negation does not end a passage ("The policies shall not be cancelled ...").
        """
        if spec.continuation is None:
            return None
        hits = apply_mask(cand.hits, self._mask_keys[spec.kind]) if spec.mask else cand.hits
        for cue in spec.exclude:
            if next(self._anchors(spec, cue, hits, cand), None) is not None:
                return None
        anchor = next(self._anchors(spec, spec.continuation, hits, cand), None)
        if anchor is None:
            return None
        res = cand.attributes(anchor[0], party_terms)
        return self._detection(spec, spec.continuation, cand, anchor[0], anchor[1], res)

    def _detection(self, spec: KindSpec, cue: Cue, cand: Candidate, a_start: int, a_end: int, res) -> Detection:
        sent, tokens, block = cand.sent, cand.tokens, cand.block
        base = sent.start
        values = extract(spec.extract, cand.text, base) if spec.extract else {}
        last = tokens[a_end - 1]
        return Detection(
            kind=spec.kind, start=sent.start, end=sent.end, cue=cue.id,
            anchor_start=base + cand.original(tokens[a_start].idx), anchor_end=base + cand.original(last.idx + len(last.text) - 1) + 1,
            negated=res.negated, modality=res.modality, party=res.party, role=res.role, values=values,
            section=block.section, heading=block.heading, block=sent.block, stands=cue.stands, fallback=cue.fallback,
        )



def _with_caption(heading: str, caption: str) -> str:
    """The heading a sentence is read under when it opens with a run-in caption."""
    cap = caption.lower()
    if not heading or cap == heading:
        return cap
    return f"{cap} / {heading}"


class _GatePlan:
    """The gate index of one set of kinds, as bits: each requirement is a bit; `singles` maps a gate word to the
    bits of the requirements it opens alone, `phrases` to the phrases it opens them with (their next rarest words,
    and per such word the (phrase words, bits) pairs), and `next_keys` a word to the bits of the requirements whose
    second group it keys. A sentence's requirements to test are the OR of what its words open, each tested once."""

    __slots__ = ("always", "gate_words", "singles", "phrases", "reqs", "kind_bits", "next_words", "next_keys", "unkeyed")

    def __init__(self, always: list[str], gates: dict[str, list[tuple]]):
        self.always = always
        self.gate_words = frozenset(gates)
        at: dict[tuple[str, int], int] = {}
        self.reqs: list[tuple[str, Requirement]] = []
        singles: dict[str, int] = {}
        phrases: dict[str, dict[frozenset[str], int]] = {}
        for w, entries in gates.items():
            for kind, req, alternatives in entries:
                i = at.get((kind, id(req)))
                if i is None:
                    i = at[(kind, id(req))] = len(self.reqs)
                    self.reqs.append((kind, req))
                if alternatives is None:
                    singles[w] = singles.get(w, 0) | 1 << i
                else:
                    keyed = phrases.setdefault(w, {})
                    for alt in alternatives:
                        keyed[alt] = keyed.get(alt, 0) | 1 << i
        self.singles = singles
        # (a phrase group's alternatives multiply -- "verified by an independent accountant", "... by the expert", ... --
        # and hundreds can share a gate word: they are keyed again by their next rarest word, tested first as a set)
        self.phrases: dict[str, tuple[frozenset[str], dict[str, tuple]]] = {}
        for w, keyed in phrases.items():
            by_second: dict[str, list] = {}
            for alt, bits in keyed.items():
                by_second.setdefault(rarest(alt - {w}) if len(alt) > 1 else w, []).append((alt, bits))
            self.phrases[w] = (frozenset(by_second), {k: tuple(v) for k, v in by_second.items()})
        self.kind_bits: dict[str, int] = {}
        # the next group's keys too: a requirement none of whose second group's keys (one word of each alternative) is in
        # the sentence cannot be met, and is dropped with one mask rather than tested (most fail there)
        next_keys: dict[str, int] = {}
        self.unkeyed = 0  # requirements of one group
        for i, (kind, req) in enumerate(self.reqs):
            self.kind_bits[kind] = self.kind_bits.get(kind, 0) | 1 << i
            if len(req.groups) < 2:
                self.unkeyed |= 1 << i
                continue
            for w in req.groups[1].keys:
                next_keys[w] = next_keys.get(w, 0) | 1 << i
        self.next_keys = next_keys
        self.next_words = frozenset(next_keys)


def _gate_index(requirements: dict[str, list[Requirement] | None]) -> dict[str, list[tuple]]:
    """word -> (kind, cue requirement, phrases) entries whose gate that word opens
    (`phrases`: see `Requirement.gate_entries`).

    A cue's gate is its smallest word set: a sentence without any of those
    words cannot meet the cue, so a requirement is only checked when a
    sentence word opens its gate.
    """
    index: dict[str, list[tuple]] = {}
    for kind, reqs in requirements.items():
        for req in reqs or ():
            for w, phrases in req.gate_entries():
                index.setdefault(w, []).append((kind, req, phrases))
    return index


@lru_cache(maxsize=4)
def _detector_for(folder: str) -> Detector:
    # The build makes some 200,000 small objects and frees few: the cyclic collector's passes over them were
    # a fifth of the build's time. The build leaves no cycles to collect; the collector is on again after it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        kinds, shared = load_kinds(Path(folder))
        return Detector(kinds, shared)
    finally:
        if enabled:
            gc.enable()


def get_detector(folder: str | None = None) -> Detector:
    """The process-wide detector for the bundled (or given) kinds folder."""
    from pcsc_procure.resources import detector_dir

    return _detector_for(str(folder or detector_dir()))
