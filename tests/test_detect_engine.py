"""The detection engine: cue semantics, span policy and the prefilter.

Kinds here are small YAML files written for each test, so every assertion is
about the engine, not about the bundled patterns.
"""

from __future__ import annotations

import textwrap

import pytest

from pcsc_procure.analysis import analyse_text
from pcsc_procure.detect.engine import Detector
from pcsc_procure.detect.spec import load_kinds
from pcsc_procure.errors import RuleError

SHARED = """
vocab:
  terminate: ["terminat{e,es,ed,ion}"]
  agreement: [agreement, contract]
"""


def make_detector(tmp_path, kinds: dict[str, str], shared: str = SHARED) -> Detector:
    (tmp_path / "_vocab.yaml").write_text(shared)
    for name, body in kinds.items():
        (tmp_path / f"{name}.yaml").write_text(textwrap.dedent(body))
    specs, vocab = load_kinds(tmp_path)
    return Detector(specs, vocab)


def kind_k(body: str) -> str:
    """A detector file for a test kind `k`, with `body` (vocab, match, ...) after the header."""
    return "kind: k\ntitle: K\ndescription: K\n" + textwrap.dedent(body)


def detect(det: Detector, text: str) -> list:
    return analyse_text(text, detector=det).detections


def spans_of(text: str, dets) -> list[str]:
    return [text[d.start : d.end] for d in dets]


TERMINATION = """
kind: term
title: T
description: T
vocab:
  notice: ["days notice", "days' notice"]
match:
  - id: t
    all: [terminate, notice]
    near: 10
"""


# -- cue semantics -----------------------------------------------------------

def test_near_limits_distance_between_groups(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION})
    assert detect(det, "Either party may terminate on 30 days notice.")
    far = "Either party may terminate this Agreement, subject to the conditions set out in the schedules and annexes attached to it, on 30 days notice."
    assert not detect(det, far)


def test_order_requires_groups_in_listed_order(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          a: [alpha]
          b: [beta]
        match:
          - all: [a, b]
            order: true
    """)})
    assert detect(det, "The alpha comes before the beta here.")
    assert not detect(det, "The beta comes before the alpha here.")


def test_none_and_exclude_veto_a_sentence(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          a: [alpha]
          b: [beta]
          c: [gamma]
        match:
          - any: [a]
            none: [b]
        exclude:
          - any: [c]
    """)})
    assert detect(det, "The alpha is here.")
    assert not detect(det, "The alpha and the beta are here.")
    assert not detect(det, "The alpha and the gamma are here.")


def test_mask_hides_overlapped_occurrences(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          excl: [exclusive]
          not-excl: [non-exclusive, exclusive jurisdiction]
        mask: [not-excl]
        match:
          - any: [excl]
    """)})
    assert detect(det, "Distributor is the exclusive distributor of the Products.")
    assert not detect(det, "Licensor grants a non-exclusive licence to the Licensee.")
    assert not detect(det, "The courts of Paris have exclusive jurisdiction over disputes.")


POLICY_UNDER_INSURANCE = """
    vocab:
      cover: [policy, policies]
      head: [insurance]
    match:
      - any: [cover]
        heading: [head]
"""


def test_heading_cue_uses_the_clause_caption(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k(POLICY_UNDER_INSURANCE)})
    under = "12. Insurance. The Vendor shall maintain the policies listed in Schedule 3."
    dets = detect(det, under)
    assert len(dets) == 1
    assert under[dets[0].start : dets[0].end] == "The Vendor shall maintain the policies listed in Schedule 3."
    assert not detect(det, "12. Payment. The Vendor shall maintain the policies listed in Schedule 3.")


def test_mask_words_in_a_heading_do_not_make_it_the_kinds_heading(tmp_path):
    # "Insurance Center" is a website: masked in sentences, and in headings too
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          cover: [policy, policies]
          head: [insurance]
          site: [insurance center]
        mask: [site]
        match:
          - any: [cover]
            heading: [head]
    """)})
    assert not detect(det, "3. Operation of the Insurance Center. The Vendor shall publish the policies listed in Schedule 3.")
    assert detect(det, "3. Insurance of the Insurance Center. The Vendor shall maintain the policies listed in Schedule 3.")
    assert detect(det, "12. Insurance. The Vendor shall maintain the policies listed in Schedule 3.")


def test_tokens_cue_anchors_near(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          govern: [governed]
        match:
          - tokens: [{IS_TITLE: true}, {LOWER: law}]
            all: [govern]
            near: 5
    """)})
    assert detect(det, "This Agreement is governed by Ontario law.")
    assert not detect(det, "This Agreement is governed by the terms agreed between the parties and the parties shall comply with Ontario law.")


def test_modality_key_filters_resolved_modality(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION + "    modality: [permission]\n"})
    assert detect(det, "The City may terminate the Agreement on 30 days notice.")
    assert not detect(det, "The Agreement shall terminate on 30 days notice.")


def test_unknown_modality_is_rejected(tmp_path):
    with pytest.raises(RuleError, match="modality"):
        make_detector(tmp_path, {"term": TERMINATION + "    modality: [maybe]\n"})


def test_stands_must_be_true_or_false(tmp_path):
    with pytest.raises(RuleError, match="stands"):
        make_detector(tmp_path, {"term": TERMINATION + "    stands: maybe\n"})


def test_a_part_that_does_not_stand_leaves_the_passage_to_the_bar_before_it():
    # "X shall not assign ... Y may assign to its affiliates": one anti-assignment passage, still X's bar
    from kindkit import found

    text = ('This Agreement is made between Acme Inc. ("Service Provider") and Beta LLC ("Service Recipient").\n\n'
            "12.1 Service Recipient shall not assign or transfer any rights or obligations hereunder to any third party without "
            "the prior written consent of Service Provider. Service Provider may assign this Agreement to any of its Affiliates.\n\n"
            "14. Either party may, at its election, assign this Agreement to any person acquiring all or substantially all of its "
            "assets.\n")
    dets = found(text, "anti-assignment")
    assert [(d.cue, d.negated, d.party, text[d.start : d.start + 4]) for d in dets] == [
        ("barred", True, "Service Recipient", "12.1"), ("permitted-assignment", False, "Either party", "14. ")]


def test_negation_drop_and_keep(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION})
    assert not detect(det, "Neither party may terminate this Agreement on 30 days notice.")
    (tmp_path / "keep").mkdir()
    keep = make_detector(tmp_path / "keep", {"term": TERMINATION + "negation: keep\n"})
    dets = detect(keep, "Neither party may terminate this Agreement on 30 days notice.")
    assert len(dets) == 1 and dets[0].negated and dets[0].modality == "prohibition"


# -- span policy -------------------------------------------------------------

def test_caption_sentence_is_never_a_detection(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION})
    text = "9.2 Termination Upon 30 Days Notice.\n\nThe Agreement continues for two years."
    assert not detect(det, text)
    # a clause's caption run into its first sub-clause's: the passage is the sentence after them
    text = "9.2 Termination and Notice. (i) Termination On Notice. Either party may terminate this Agreement on 30 days notice."
    (d,) = detect(det, text)
    assert text[d.start : d.end] == "Either party may terminate this Agreement on 30 days notice."
    from pcsc_procure.detect.spans import is_caption

    assert is_caption("2.1 License Grant and Restrictions. (i) License Grant.") and is_caption("(a) Audit. (b) Records.")
    assert not is_caption("3. Term. (a) The Supplier shall deliver the Goods.")
    # a numbered title in sentence case whose items a comma joins (European drafting)
    assert is_caption("Article 19 – Subcontracting, assignment and change of control")
    assert is_caption("Article 11 – Information system, data and intellectual property")
    assert not is_caption("19.1 Subcontracting, assignment and")
    # ... or a semicolon, with longer items (German drafting in translation)
    assert is_caption("§ 19 Subcontractors; transfer of the contract; change of control")
    assert is_caption("19. Subcontractors; transfer of the contract; change of control")
    assert not is_caption("19.2 The Contractor may transfer; the Client may not")
    # after a section sign, a longer title
    assert is_caption("§ 18 Handover on expiry of the Maintenance Period")
    assert not is_caption("18. Handover on expiry of the Maintenance Period")


def test_a_sentence_case_title_paragraph_is_no_detection():
    """A title on a paragraph of its own, in sentence case and without a number ("Source code
    escrow" above the clause it heads), names the clause and is not it; a table cell or list item
    of the same words may be one of a schedule's rows."""
    from pcsc_procure.analysis import analyse_text
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.spans import is_caption

    text = ("Source code escrow\n\n7.6 Within 60 days after the start of the Term, the Contractor must deposit the source "
            "code of the Platform with an escrow agent acceptable to the Authority, for release if the Contractor becomes insolvent.\n")
    found = [d for d in analyse_text(text, detector=get_detector()).detections if d.kind == "source-code-escrow"]
    assert [text[d.start : d.end][:10] for d in found] == ["7.6 Within"]
    assert is_caption("Source code escrow", whole_block=True) and not is_caption("Source code escrow")
    assert not is_caption("The source code is in escrow", whole_block=True)


def test_a_short_sentence_in_capitals_is_no_heading():
    from pcsc_procure.segment.headings import looks_like_heading

    assert not looks_like_heading("IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT DAMAGES.")
    assert looks_like_heading("LIMITATION OF LIABILITY.") and looks_like_heading("ARTICLE 9 - THIS AGREEMENT")
    assert looks_like_heading("WHO MAY APPLY")  # no full stop: a title


def test_definition_sentence_is_never_a_detection(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION})
    assert not detect(det, '"Notice Period" means the termination period of 30 days notice given by a party.')
    assert not detect(det, '"Notice Period" or "Period" means the termination period of 30 days notice given by a party.')
    assert not detect(det, 'Notice Period: means the termination period of 30 days notice given by a party.')
    # "The term ..." at a sentence's head, capitalised
    assert not detect(det, 'The term "Notice Period" shall mean the termination period of 30 days notice given by a party.')
    assert not detect(det, '1.5 The term "Notice Period" means the termination period of 30 days notice given by a party.')
    # terms defined together, by reference to another clause
    assert not detect(det, '(e)\t"Notice Period" and "Termination Date" have the meanings given in clause 14 (termination on notice);')
    assert not detect(det, '"Notice Period" and "Period" shall have the meanings set out in the termination clause on 30 days notice.')
    # a definition for one clause: "In this Clause 9, ..."
    assert not detect(det, 'In this Clause 9, "Notice Period" means the termination period of 30 days notice given by a party.')
    assert detect(det, "In this Agreement, the City may terminate on 30 days notice.")
    assert detect(det, "The City and the Vendor have the right to terminate on 30 days notice.")
    assert detect(det, "The City may terminate on 30 days notice.")


def test_a_kind_that_keeps_definitions_is_found_in_one(tmp_path):
    """`definitions: keep`: where the defined term is the clause ('"Warranty Period" means twelve
    months ...'), the definition carries the kind; other kinds still never find one there."""
    det = make_detector(tmp_path, {"term": TERMINATION + "definitions: keep\n", "k": kind_k("""
        vocab: {a: [termination period]}
        match:
          - id: a
            any: [a]
        """)})
    text = '"Notice Period" means the termination period of 30 days notice given by a party.'
    assert [d.kind for d in detect(det, text)] == ["term"]
    assert "k" in [d.kind for d in detect(det, "The termination period is 30 days.")]


def test_definitions_must_be_drop_or_keep(tmp_path):
    with pytest.raises(RuleError, match="definitions must be 'drop' or 'keep'"):
        make_detector(tmp_path, {"term": TERMINATION + "definitions: sometimes\n"})


def test_cross_reference_titles_are_masked(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          law: [governing law]
        match:
          - any: [law]
    """)})
    assert not detect(det, "Disputes are resolved under Section 14.5 (Governing Law; Disputes) of this Agreement.")
    assert not detect(det, 'Disputes are resolved under Clause 24 ("Governing law and arbitration").')
    assert not detect(det, "Disputes are resolved under Section 17.2 [Governing Law] of this Agreement.")
    # the later references of a list: "Sections 17.1 [...] and 17.2 [...]"
    assert not detect(det, "Disputes are resolved under Sections 17.1 [Arbitration] and 17.2 [Governing Law] of this Agreement.")
    # a provision named by its title in quotes
    assert not detect(det, 'Disputes are resolved as set forth in the "Governing Law" provision herein.')
    # a statute's chapter by its title: "Iowa Code chapter 22 (Examination of Public Records)"
    assert not detect(det, "Disputes are resolved under the State Code chapter 22 (Governing Law and Courts).")
    assert detect(det, "The governing law is that of Ontario.")


def test_adjacent_sentences_of_one_kind_are_one_passage(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION})
    text = ("The City may terminate on 30 days notice. The Vendor may terminate on 60 days notice. The fee is due monthly. "
            "Either party may terminate on 90 days notice.")
    dets = detect(det, text)
    assert spans_of(text, dets) == [
        "The City may terminate on 30 days notice. The Vendor may terminate on 60 days notice.",
        "Either party may terminate on 90 days notice.",
    ]
    assert dets[0].role == "public"


def test_merged_passage_keeps_the_positive_attributes(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION + "negation: keep\n"})
    text = "Neither party may terminate on 5 days notice. The City may terminate on 30 days notice."
    dets = detect(det, text)
    assert len(dets) == 1
    assert (dets[0].start, dets[0].end) == (0, len(text))
    assert not dets[0].negated and dets[0].role == "public"


def test_a_bar_opening_a_passage_stands_for_it(tmp_path):
    """`negation: bar`: the kind is ordinarily a bar, so the negated part that opens the passage
    is the clause, though a positive part follows."""
    det = make_detector(tmp_path, {"term": TERMINATION + "negation: bar\n"})
    text = "Neither party may terminate on 5 days notice. The City may terminate on 30 days notice."
    (d,) = detect(det, text)
    assert (d.start, d.end) == (0, len(text))
    assert d.negated and d.party == "Neither party"


def test_negation_must_be_drop_keep_or_bar(tmp_path):
    with pytest.raises(RuleError, match="negation must be"):
        make_detector(tmp_path, {"term": TERMINATION + "negation: sometimes\n"})


def test_values_have_document_offsets(tmp_path):
    det = make_detector(tmp_path, {"term": TERMINATION + "extract: [duration]\n"})
    text = "Preamble sentence here. The City may terminate on 30 days notice."
    (d,) = detect(det, text)
    (dur,) = d.values["durations"]
    assert text[dur["start"] : dur["end"]] == "30 days"


# -- prefilter ---------------------------------------------------------------

PREFILTER_TEXT = """1. Term. This Agreement cannot be terminated except on 30 days' notice.

2. The Supplier may terminate on thirty days notice; the City may end the contract at will.

3. Licences. Licensor grants a non-exclusive licence; the Customer shall purchase all of its requirements from the Supplier.

4. Either party may terminate this Agreement for convenience on 90 days' written notice. This Agreement shall be governed by the laws of Ontario.

5. The Consultant shall participate in a minimum of five (5) tournaments each calendar year. The minimum order quantity is set out in Schedule 2, and the price shall be not less than $5 per unit.
"""


def test_prefilter_never_changes_results():
    from pcsc_procure.detect.engine import get_detector

    det = get_detector()
    with_filter = [(d.kind, d.start, d.end, d.cue) for d in analyse_text(PREFILTER_TEXT, detector=det).detections]
    det.prefilter = False
    try:
        without = [(d.kind, d.start, d.end, d.cue) for d in analyse_text(PREFILTER_TEXT, detector=det).detections]
    finally:
        det.prefilter = True
    assert with_filter and sorted(with_filter) == sorted(without)
    # token-pattern cues (minimum commitment's "purchase at least N units") are among them
    assert any(cue.startswith("obliged-") for _k, _s, _e, cue in with_filter)


def test_gate_plan_finds_the_kinds_every_requirement_would():
    """The gate index (bits per requirement, phrases keyed twice) is an index only: over every sentence of the bundled
    samples and of PREFILTER_TEXT, the kinds it returns are those whose requirements a plain test of each finds."""
    from pathlib import Path

    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.prefilter import words_of
    from pcsc_procure.segment.sentences import split_sentences

    det = get_detector()
    texts = [PREFILTER_TEXT] + [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parents[1].glob("sample_contracts/*.txt"))]
    kinds = frozenset(det.kinds)
    checked = found = 0
    for text in texts:
        for start, end in split_sentences(text, 0, len(text)):
            sentence = text[start:end]
            words, low = words_of(sentence), sentence.lower()
            for lists in (False, True):
                requirements = det._list_requirements if lists else det.requirements
                expected = sorted(k for k in kinds if (reqs := requirements.get(k, ())) is None
                                  or any(r.met(words) and r.met_text(low, "", words) for r in reqs))
                assert sorted(det.candidate_kinds(words, kinds, sentence, "", lists)) == expected, sentence
                checked += 1
                found += bool(expected)
    assert checked > 150 and found > 30, (checked, found)


def test_prefilter_keeps_words_the_tokenizer_splits_out(tmp_path):
    # spaCy splits "cannot" into "can" + "not": a phrase "not assign" matches it.
    det = make_detector(tmp_path, {"k": kind_k("""
        negation: keep
        vocab:
          bar: ["not assign"]
        match:
          - any: [bar]
    """)})
    assert detect(det, "The Vendor cannot assign this Agreement.")


def test_attribute_filters_try_every_anchor_occurrence(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        negation: keep
        vocab:
          liable: [liable, liability]
          loss: [lost profits]
        match:
          - all: [liable, loss]
            negated: true
            near: 30
    """)})
    text = "Excluding liability for fraud, in no event shall the Vendor be liable for lost profits."
    (d,) = detect(det, text)
    assert d.negated and text[d.anchor_start : d.anchor_end] == "liable"
    assert not detect(det, "Excluding liability for fraud, the Vendor is liable for lost profits.")


def test_prefilter_phrase_and_heading_stage(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          law: ["laws of", "substantive law"]
          head: [governing law]
        match:
          - any: [law]
            heading: [head]
    """)})
    words = {"the", "laws", "apply", "of", "ontario"}
    assert det.candidate_kinds(words, {"k"}) == ["k"]  # words alone
    assert det.candidate_kinds(words, {"k"}, "The laws of\nOntario apply.", "governing law") == ["k"]
    assert det.candidate_kinds(words, {"k"}, "The laws of Ontario apply.", "payment") == []  # heading
    assert det.candidate_kinds(words, {"k"}, "The laws apply, of Ontario.", "governing law") == []  # not a phrase


def test_prefilter_gates_on_the_group_fewest_contract_sentences_contain(tmp_path):
    """"other" and "information" are in 15% and 5% of contract sentences, "competitor" in under
    1%: the gate (the word a sentence must contain before anything else is tested) is the rarer
    group, by the measured table, whatever the order the groups are written in."""
    from pcsc_procure.detect.prefilter import gate_cost
    from pcsc_procure.detect.word_frequency import SENTENCE_SHARE

    assert SENTENCE_SHARE["the"] > SENTENCE_SHARE["other"] > SENTENCE_SHARE["information"] > SENTENCE_SHARE.get("competitor", 1)
    assert gate_cost(frozenset({"competitor", "competitors"})) < gate_cost(frozenset({"other"}))
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          other: [other]
          info: [information]
          rival: [competitor, competitors]
        match:
          - all: [other, info, rival]
    """)})
    (req,) = det.requirements["k"]
    assert req.gate() == {"competitor", "competitors"}
    assert [sorted(g.keys) for g in req.groups] == [["competitor", "competitors"], ["information"], ["other"]]
    assert det.candidate_kinds({"other", "information", "competitor"}, {"k"}) == ["k"]
    assert det.candidate_kinds({"other", "information"}, {"k"}) == []


def test_a_gate_word_that_keys_a_phrase_opens_only_with_the_phrases_other_words(tmp_path):
    """A gate group of phrases is keyed by each phrase's rarest word; a sentence with that word
    but not the rest of its phrase does not meet the group, unless another of its phrases (or
    one-word alternatives) is there whole."""
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          end: ["at the end of", "upon expiry of", "escrow"]
          duty: [shall]
        match:
          - all: [end, duty]
    """)})
    (req,) = det.requirements["k"]
    entries = dict(req.gate_entries())
    assert entries["escrow"] is None and entries["expiry"] == (frozenset({"upon", "expiry", "of"}),)
    assert det.candidate_kinds({"at", "the", "end", "of", "shall"}, {"k"}) == ["k"]
    assert det.candidate_kinds({"the", "end", "shall"}, {"k"}) == []  # "end" without "at ... of"
    assert det.candidate_kinds({"the", "end", "upon", "expiry", "of", "shall"}, {"k"}) == ["k"]
    assert det.candidate_kinds({"the", "end", "escrow", "shall"}, {"k"}) == ["k"]
    assert det.candidate_kinds({"at", "the", "end", "of"}, {"k"}) == []  # group 0 met, the duty missing


def test_a_cue_that_needs_negation_is_passed_over_without_a_negator(tmp_path):
    """`negated: true` needs one of the negators `attributes` reads; the prefilter asks for one of
    their words, or of the runs a tokenizer special case makes them from ("cannot", "won't")."""
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          assign: [assign]
          contract: [agreement]
        match:
          - all: [assign, contract]
            negated: true
    """)})
    base = {"the", "supplier", "may", "assign", "this", "agreement"}
    assert det.candidate_kinds(base, {"k"}) == []
    for extra in ({"not"}, {"cannot"}, {"won", "t"}, {"neither"}, {"no"}):
        assert det.candidate_kinds(base | extra, {"k"}) == ["k"], extra
    assert [(d.kind, d.negated) for d in detect(det, "The Supplier cannot assign this Agreement.")] == [("k", True)]
    assert [(d.kind, d.negated) for d in detect(det, "The Supplier won't assign this Agreement.")] == [("k", True)]
    assert detect(det, "The Supplier may assign this Agreement.") == []


def test_every_negator_token_leaves_a_word_the_prefilter_sees():
    """Whatever text makes a negator token, the sentence's words meet the negator group."""
    from pcsc_procure.detect.attributes import NEGATORS
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.prefilter import words_of

    det = get_detector()
    group = det._negator_group
    texts = [k for k, toks in det.tokenizer.rules.items() if any(str(t.get(65, "")).lower() in NEGATORS for t in toks)]
    texts += ["No party", "NOT", "(not)", "nor", "Neither", "none", "nothing", "nobody", "never", "x n't y", "don’t", "CAN'T"]
    assert len(texts) > 40
    for text in texts:
        tokens = [t.lower_ for t in det.tokenizer(f"It {text} be.")]
        if NEGATORS.intersection(tokens):
            assert not group.singles.isdisjoint(words_of(text)), text


def test_plain_phrases_are_split_as_the_tokenizer_splits_them():
    """`PhraseTokens` splits plain phrases at spaces instead of tokenising them: for every
    phrase the shipped kinds use, the tokens are the tokenizer's."""
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.phrase_tokens import PhraseTokens

    det = get_detector()
    phrases = sorted({p for k in det.kinds.values() for g in k.vocab.values() for p in g} | {p for g in det.shared.values() for p in g})
    fast = PhraseTokens(det.tokenizer, det.nlp.vocab.strings)
    assert len(phrases) > 10000
    assert {p: fast.tokens(p) for p in phrases} == {p: [t.lower_ for t in det.tokenizer(p)] for p in phrases}
    # a special case is never split at spaces alone: "cannot" is two tokens
    assert fast.tokens("we cannot assign") == ["we", "can", "not", "assign"] and fast.tokens("Shall Not") == ["shall", "not"]


def test_phrases_given_as_lower_ids_match_as_phrase_docs_do():
    """The PhraseMatcher is given each phrase as its tokens' LOWER ids, not as a Doc: it finds
    the same matches."""
    from spacy.matcher import PhraseMatcher

    from pcsc_procure.detect.phrase_tokens import PhraseTokens
    from pcsc_procure.nlp import blank_english

    nlp = blank_english()
    groups = {"a": ["the", "the agreement", "agreement", "terms of the agreement"], "b": ["of the", "The Agreement"],
              "c": ["agreement's", "non-exclusive", "U.S.", "cannot", ""]}
    by_ids, by_docs = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER")
    tokens = PhraseTokens(nlp.tokenizer, nlp.vocab.strings)
    for key, phrases in groups.items():
        by_ids.add(key, [tokens.ids(p) for p in phrases])
        by_docs.add(key, [nlp.make_doc(p) for p in phrases])
    texts = ["Terms of the Agreement and the agreement's non-exclusive U.S. licence, which it cannot assign.",
             "the the agreement agreement", "", "THE AGREEMENT"]
    for text in texts:
        doc = nlp.make_doc(text)
        assert by_ids(doc) == by_docs(doc)
    assert len(by_ids(nlp.make_doc(texts[0]))) == 14  # overlapping matches included


def test_a_kinds_phrase_matcher_is_built_when_a_sentence_first_needs_it(tmp_path):
    """A kind's matcher is built on first use (a short draft meets few kinds); `prepare` builds
    them up front (before workers fork). Either way the detections are the same."""
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          assign: [assign, "sub-license"]
        match:
          - all: [assign, agreement]
    """)})
    assert det.phrase_matchers == {}
    assert spans_of("Nothing here. The Supplier may assign this Agreement.", detect(det, "Nothing here. The Supplier may assign this Agreement.")) == \
        ["The Supplier may assign this Agreement."]
    assert set(det.phrase_matchers) == {"k"}
    fresh = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          assign: [assign, "sub-license"]
        match:
          - all: [assign, agreement]
    """)})
    fresh.prepare()
    assert set(fresh.phrase_matchers) == set(fresh.kinds) == {"k"}
    text = "The Supplier may sub-license this Contract."
    assert [(d.start, d.end) for d in detect(fresh, text)] == [(d.start, d.end) for d in detect(det, text)] == [(0, len(text))]


def test_phrases_regex_is_a_trie_of_token_phrases():
    import re

    from pcsc_procure.detect.prefilter import phrases_regex

    pattern = re.compile(phrases_regex([["law", "of"], ["laws", "of"], ["substantive", "law"]]))
    # each phrase's first letter, then the edge before it: the regex opens with literal characters
    assert pattern.pattern == r"(?:l(?<![a-z].)aw(?:\s*of(?![a-z])|s\s*of(?![a-z]))|s(?<![a-z].)ubstantive\s*law(?![a-z]))"
    assert pattern.search("the laws  of ontario") and pattern.search("a lawsuit of") is None
    assert pattern.search("laws of ontario").start() == 0 and pattern.search("outlaws of") is None
    assert _phrase_text(["law", "laws"]).search("no such words", set())  # one-token phrases are left to the word test


def test_phrases_regex_phrases_do_not_match_inside_longer_words():
    """'is granted' passes the word test wherever "is" and "granted" occur; the regex must then
    not find the one-token phrase "grant" inside "granted". Runs the tokenizer makes out of longer
    ones ("not" out of "cannot") keep no edge, and letters may follow digits ("10km")."""
    import re

    from pcsc_procure.detect.prefilter import phrases_regex

    pattern = re.compile(phrases_regex([["grant"], ["is", "granted"], ["not", "assign"], ["10", "km"]], frozenset({"not"})))
    assert pattern.search("the licence granted herein") is None and pattern.search("regrant") is None
    assert pattern.search("we grant, and it is granted") and pattern.search("(grant)")
    assert pattern.search("the vendor cannot assign") and pattern.search("within 10km")
    assert pattern.search("within 310 km") is None


def _phrase_text(phrases, unsafe=frozenset()):
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.prefilter import PhraseText

    return PhraseText(phrases, get_detector()._phrase_tokens, unsafe)


def test_phrase_text_tests_only_the_phrases_whose_words_the_sentence_holds():
    """The phrase stage has the sentence's words: a one-word phrase is there when its word is, and a
    longer one is looked for (as its tokens with any whitespace between) only when all its words are,
    each word set with a regex of its own, compiled when a sentence first holds the set."""
    from pcsc_procure.detect.prefilter import words_of

    test = _phrase_text(["escrow", "source code", "fail-over", "fail over", "redundant copy"])

    def found(text):
        return test.search(text.lower(), words_of(text))

    assert found("Deposit the Escrow Materials.")  # a word
    assert found("deliver the source\n  code to the agent") and found("a fail - over site") and found("on fail-over")
    assert not found("the code of the source")  # its words, but not as the phrase
    assert not found("a copy installed on a redundant server")
    assert not found("failover only")  # one word, not the tokens "fail" and "over"
    assert set(test._regexes) == {frozenset({"source", "code"}), frozenset({"fail", "over"}), frozenset({"copy", "redundant"})}
    assert _phrase_text(["escrow", "deposit"]).search("no such words", set())  # one-word phrases only: the word test is the test


def test_phrase_text_looks_for_phrases_without_safe_words_in_every_sentence():
    """A phrase made only of runs the tokenizer makes out of longer ones ("not" out of "cannot")
    has no word to be indexed by: it is looked for in every sentence, with no edge."""
    from pcsc_procure.detect.prefilter import words_of

    test = _phrase_text(["not", "shall not"], frozenset({"not"}))
    text = "the vendor cannot assign"
    assert test.search(text, words_of(text)) and not test.search("the vendor may assign", words_of("the vendor may assign"))


def test_blank_phrases_keeps_the_order_of_the_phrases():
    """Only the phrases whose first word the heading holds are looked for, in their given order:
    "insurance" first leaves "center"; "insurance center" first blanks both."""
    from pcsc_procure.detect.prefilter import blank_phrases

    assert blank_phrases("insurance center", ("insurance", "Insurance Center")) == " " * 9 + " center"
    assert blank_phrases("insurance center", ("Insurance Center", "insurance")) == " " * 16
    assert blank_phrases("reinsurance center", ("insurance",)) == "reinsurance center"
    assert blank_phrases("a (c) b", ("(c)",)) == "a     b"
    assert blank_phrases("a § b", ("§",)) == "a   b"  # no run to index it by: always looked for


def test_sentence_matched_only_against_its_candidate_kinds_phrases(tmp_path):
    """Each kind has its own phrase matcher, run only for the kinds a sentence is a candidate
    for; a shared group two candidate kinds use is matched once, not twice."""
    from pcsc_procure.detect.candidate import Sentence

    two = {
        "term": TERMINATION,
        "renew": """
            kind: renew
            title: R
            description: R
            vocab:
              renew: [renew, renews, renewal]
            match:
              - all: [renew, agreement]
        """,
    }
    det = make_detector(tmp_path, two)
    text = "This Agreement renews unless either party may terminate it on 30 days notice."
    doc = analyse_text(text, detector=det).document
    block = doc.blocks[0]
    sent = Sentence(block.start, block.end, 0, 0)
    both = det._candidate(sent, block, text, ["renew", "term"], "")
    assert both.hits["@/agreement"] == [(1, 2)]  # once, though both kinds use the group
    assert {"renew/renew", "term/notice", "@/terminate"} <= set(both.hits)
    alone = det._candidate(sent, block, text, ["renew"], "")
    assert "term/notice" not in alone.hits and "@/terminate" not in alone.hits
    assert [d.kind for d in detect(det, text)] == ["renew", "term"]


# -- token cues ----------------------------------------------------------------

def test_token_cue_windows_find_exactly_the_full_matches():
    from pcsc_procure.detect.tokencues import REPEAT_REACH, TokenCue, op_bounds
    from pcsc_procure.nlp import blank_english

    assert [op_bounds(op) for op in ("1", "?", "*", "+", "!", "{2}", "{0,12}", "{3,}", "{,4}")] == [
        (1, 1), (0, 1), (0, 10**9), (1, 10**9), (0, 0), (2, 2), (0, 12), (3, 10**9), (0, 4)]
    nlp = blank_english()
    pattern = [{"LOWER": {"IN": ["purchase", "buy"]}}, {"OP": "{0,4}"}, {"LOWER": "least"}, {"LIKE_NUM": True, "OP": "+"}]
    tc = TokenCue("k/@c", pattern, nlp.vocab)
    # the rarer required word ("least" is in fewer contract sentences than "purchase" or "buy")
    # is the pivot; the reach covers the gap before it and a bounded run of numbers after it
    assert tc.pivot == {"least"} and (tc.left, tc.right) == (1 + 4, REPEAT_REACH)
    doc = nlp.tokenizer("Buyer shall buy at least 500 units and shall purchase, in each year of the Term, at least 20 pallets; it may buy more.")
    lowers = doc.to_array("LOWER").tolist()
    full = sorted((s, e) for _id, s, e in tc.matcher(doc))
    assert full and sorted(tc(doc, lowers)) == full
    # a pivot far into a long sentence: only its reach is scanned
    text = "Subject to the terms and conditions of this Agreement and the Schedules, the Buyer shall purchase at least 500 units" + " and more" * 20 + "."
    doc = nlp.tokenizer(text)
    lowers = doc.to_array("LOWER").tolist()
    i = [t.lower_ for t in doc].index("least")
    assert tc.windows(lowers) == [(i - tc.left, i + 1 + tc.right)]
    assert tc(doc, lowers) == [(i - 2, i + 2)]  # "purchase at least 500"


def test_a_wide_bounded_gap_runs_as_any_length_and_keeps_its_bound():
    """spaCy expands "{0,12}" into twelve optional tokens (a state forked at each); the cue runs it
    as "*" and checks each match against the pattern as written, so a verb fourteen words
    before "least" still does not match, and every match of the written pattern is found."""
    from pcsc_procure.detect.tokencues import TokenCue
    from pcsc_procure.nlp import blank_english

    nlp = blank_english()
    pattern = [{"LOWER": {"IN": ["purchase", "buy"]}}, {"OP": "{0,12}"}, {"LOWER": "least"}, {"LIKE_NUM": True}]
    tc = TokenCue("k/@c", pattern, nlp.vocab)
    assert tc.fast is not None and TokenCue("k/@d", [{"LOWER": "buy"}, {"OP": "{0,4}"}, {"LOWER": "least"}], nlp.vocab).fast is None
    for gap, hit in ((11, True), (12, False), (0, True)):  # the gap also holds "at"
        text = "The Buyer shall purchase " + "goods " * gap + "at least 500 units."
        doc = nlp.tokenizer(text)
        lowers = doc.to_array("LOWER").tolist()
        full = sorted((s, e) for _id, s, e in tc.matcher(doc))
        assert bool(full) == hit
        assert sorted(tc(doc, lowers)) == full, gap
    # the relaxed run finds the over-long one; the check on its own tokens drops it
    doc = nlp.tokenizer("The Buyer shall purchase " + "goods " * 12 + "at least 500 units.")
    assert list(tc.fast(doc)) and not tc(doc, doc.to_array("LOWER").tolist())


# -- structure: captions reach the blocks under them ----------------------------

def test_caption_only_numbered_block_heads_its_sub_clauses():
    from pcsc_procure.document.reader import read_bytes
    from pcsc_procure.segment.structure import annotate_structure

    text = "14. Insurance.\n\n14.1 The Vendor shall hold cover.\n\n15. The City shall pay the fees.\n\n16. Audit. The City may audit."
    doc = read_bytes(text.encode(), "x.txt")
    annotate_structure(doc)
    got = [(b.section, b.title, b.heading) for b in doc.blocks]
    assert got == [
        ("14", "Insurance", "Insurance"),
        ("14.1", None, "Insurance"),
        ("15", None, None),  # a new uncaptioned clause leaves "Insurance" behind
        ("16", "Audit", "Audit"),
    ]


# -- continuation ------------------------------------------------------------------

CONTINUED = kind_k("""
    vocab:
      insurance: [insurance]
      maintain: [maintain]
      cover: [policy, policies, insured]
    continue: [cover]
    match:
      - all: [maintain, insurance]
""")


def test_continue_extends_a_passage_to_following_sentences(tmp_path):
    det = make_detector(tmp_path, {"k": CONTINUED})
    text = ("The Vendor shall maintain insurance. Such policies shall name the City as additional insured. "
            "The policies shall not be cancelled without notice. The Vendor shall invoice monthly. The policy is attached.")
    (d,) = detect(det, text)
    assert text[d.start : d.end] == (
        "The Vendor shall maintain insurance. Such policies shall name the City as additional insured. "
        "The policies shall not be cancelled without notice.")
    assert d.cue != "continue" and not d.negated  # the passage keeps the first sentence's cue and attributes


def test_a_negated_passage_keeps_its_attributes_over_a_continuation(tmp_path):
    """A bar ("shall not assign") continued by a permission ("may assign to its affiliates"): the
    passage is the bar's, though a negated part otherwise gives way to a positive one."""
    det = make_detector(tmp_path, {"k": kind_k("""
        negation: keep
        vocab:
          assign: [assign]
          consent: [consent]
        continue: [assign]
        match:
          - all: [assign, consent]
            negated: true
    """)})
    text = ("The Supplier shall not assign this Agreement without the City's consent. "
            "The City may assign this Agreement to any successor public body.")
    (d,) = detect(det, text)
    assert text[d.start : d.end] == text
    assert d.negated and d.party == "Supplier"


def test_a_positive_part_that_names_no_one_keeps_the_party_named_first(tmp_path):
    """"The Consultant shall not assign ... . Any assignment without consent shall be void": the
    positive part stands for the passage, and the passage is still about the Consultant."""
    det = make_detector(tmp_path, {"k": kind_k("""
        negation: keep
        vocab:
          assign: [assign, assignment]
          consent: [consent]
        match:
          - all: [assign, consent]
    """)})
    text = ("The Consultant shall not assign any of its rights without the consent of the Company. "
            "Any assignment made without such consent shall be void.")
    (d,) = detect(det, text)
    assert text[d.start : d.end] == text
    assert (d.party, d.negated) == ("Consultant", False)


def test_continue_needs_a_detection_right_before_in_the_block(tmp_path):
    det = make_detector(tmp_path, {"k": CONTINUED})
    assert not detect(det, "Such policies shall name the City as additional insured.")
    text = "The Vendor shall maintain insurance.\n\nSuch policies shall name the City as additional insured."
    (d,) = detect(det, text)
    assert text[d.start : d.end] == "The Vendor shall maintain insurance."


def test_continue_names_known_groups(tmp_path):
    with pytest.raises(RuleError, match="continue names vocab group 'nope'"):
        make_detector(tmp_path, {"k": kind_k("""
            vocab:
              a: [alpha]
            continue: [nope]
            match:
              - any: [a]
        """)})


def test_phrases_match_across_irregular_whitespace(tmp_path):
    from pcsc_procure.detect.candidate import collapse_whitespace

    assert collapse_whitespace("a  b\tc") == ("a b c", [0, 1, 3, 4, 5, 6])
    assert collapse_whitespace("a b\nc") == ("a b c", [0, 1, 2, 3, 4, 5])  # a hard-wrapped line too
    assert collapse_whitespace("a b c") == ("a b c", None)
    det = make_detector(tmp_path, {"term": TERMINATION})
    text = "Either  party may\tterminate on 30  days   notice."
    wrapped = "Either party may terminate on 30 days\nnotice."
    assert detect(det, wrapped) and detect(det, "Either party may terminate on thirty\n30 days notice.")[0].role == "both"
    (d,) = detect(det, text)
    assert text[d.anchor_start : d.anchor_end] == "terminate"
    assert (d.party, d.role) == ("Either party", "both")  # the party as words, spacing normalised


# -- lists: lead-in and items ------------------------------------------------------

LISTED = kind_k("""
    vocab:
      end: [terminated]
      notice: [notice]
      cause: [breach]
    match:
      - all: [end, notice]
        none: [cause]
        near: 5
        window: clause
""")

LIST_TEXT = """10.2 Termination. This Agreement may be terminated:

(a) by either party if the other party is in breach, on notice;

(b) by the City, for any reason whatsoever and at its sole discretion, upon ninety days' written notice.

11. Fees. The fees are set out in Schedule 2.
"""


def test_clause_window_reads_the_lead_in_with_each_item(tmp_path):
    det = make_detector(tmp_path, {"k": LISTED})
    (d,) = detect(det, LIST_TEXT)
    assert LIST_TEXT[d.start : d.end].startswith("This Agreement may be terminated:")
    assert LIST_TEXT[d.start : d.end].endswith("upon ninety days' written notice.")  # item (b), not (a): (a) names a breach
    assert LIST_TEXT[d.anchor_start : d.anchor_end] == "terminated"
    assert (d.modality, d.party, d.role) == ("permission", "City", "public")


def test_items_of_one_lead_in_are_one_passage(tmp_path):
    det = make_detector(tmp_path, {"k": LISTED.replace("cause: [breach]", "cause: [insolvent]")})
    (d,) = detect(det, LIST_TEXT)  # items (a) and (b) both match: one passage, lead-in to (b), not two overlapping
    assert LIST_TEXT[d.start : d.end].startswith("This Agreement may be terminated:")
    assert LIST_TEXT[d.start : d.end].endswith("upon ninety days' written notice.")


def test_an_item_another_kind_found_is_still_read_with_its_lead_in(tmp_path):
    # an item that is some other kind's sentence ("the City, for any reason whatsoever") is still read by this kind
    # (a kind that reads lists too: the items taken are those of kinds that read lists)
    other = "kind: city\ntitle: C\ndescription: C\nvocab:\n  reason: [any reason whatsoever]\nmatch:\n  - any: [reason]\n    window: clause\n"
    det = make_detector(tmp_path, {"k": LISTED, "city": other})
    found = {d.kind: LIST_TEXT[d.start : d.end] for d in detect(det, LIST_TEXT)}
    assert found["city"].startswith("(b) by the City")
    assert found["k"].startswith("This Agreement may be terminated:") and found["k"].endswith("written notice.")


def test_sentence_window_cues_do_not_read_lists(tmp_path):
    det = make_detector(tmp_path, {"k": LISTED.replace("window: clause", "window: sentence")})
    assert not detect(det, LIST_TEXT)


def test_list_pairs_stop_at_the_end_of_the_list():
    from pcsc_procure.analysis import analyse_text
    from pcsc_procure.detect.spans import list_pairs

    doc = analyse_text(LIST_TEXT).document
    items = [LIST_TEXT[i[0] : i[1]][:3] for _lead, i, _b in list_pairs(doc)]
    assert items == ["(a)", "(b)"]


# -- home headings -------------------------------------------------------------------

def test_home_drops_mentions_outside_the_kinds_own_clause(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          law: ["laws of"]
          head: [governing law]
        home: [head]
        match:
          - any: [law]
    """)})
    text = ("3. Compliance. The Vendor shall comply with the laws of each country where it operates.\n\n"
            "17. Governing Law. This Agreement is governed by the laws of Ontario.")
    (d,) = detect(det, text)
    assert text[d.start : d.end] == "This Agreement is governed by the laws of Ontario."
    # without a detection under its own heading, every detection stays
    assert len(detect(det, text.replace("Governing Law", "Miscellaneous"))) == 2


HOME_CLAUSE = """
    vocab:
      apply: ["shall not apply"]
      head: [liability]
    home: [head]
    match:
      - any: [apply]
"""


def test_home_scope_clause_keeps_a_sub_clause_of_the_home_clause(tmp_path):
    text = ("9. Warranties. The warranty exclusions shall not apply to the Hardware.\n\n"
            "12. Liabilities and Indemnities.\n\n"
            "12.1 Limitation of Liability. The limit on damages shall not apply to fraud.\n\n"
            "12.3 Exceptions. The limitations in clause 12.1 shall not apply to claims for indemnification.")
    # by heading only, the sub-clause with its own caption is outside the home heading
    det = make_detector(tmp_path, {"k": kind_k(HOME_CLAUSE)})
    assert [d.section for d in detect(det, text)] == ["12.1"]
    # by clause, the sibling of the home sub-clause stays too; the warranty clause still does not
    det = make_detector(tmp_path, {"k": kind_k(HOME_CLAUSE) + "home-scope: clause\n"})
    assert [d.section for d in detect(det, text)] == ["12.1", "12.3"]


def test_home_scope_clause_counts_from_an_item_of_the_home_sub_clause(tmp_path):
    """The detection at home is an item "(a)" of its sub-clause: "8.03(a)" belongs to clause 8, as "8.04" does."""
    text = ("7. Warranties. The warranty exclusions shall not apply to the Hardware.\n\n"
            "Section 8.03 Limitation of Liability.\n\n"
            "(a) The limit on damages shall not apply to fraud.\n\n"
            "Section 8.04 Exclusions. The limitation in Section 8.03(a) shall not apply to claims for indemnification.")
    det = make_detector(tmp_path, {"k": kind_k(HOME_CLAUSE) + "home-scope: clause\n"})
    assert [d.section for d in detect(det, text)] == ["8.03(a)", "8.04"]


def test_home_scope_must_be_heading_or_clause(tmp_path):
    with pytest.raises(RuleError, match="home-scope must be"):
        make_detector(tmp_path, {"k": kind_k(HOME_CLAUSE) + "home-scope: section\n"})
    with pytest.raises(RuleError, match="needs home"):
        make_detector(tmp_path, {"k": kind_k(HOME_CLAUSE.replace("home: [head]", "")) + "home-scope: clause\n"})


FALLBACK = """
    vocab:
      grant: [grants]
      licence: [licence, license]
      use: [right to use]
    match:
      - all: [grant, licence]
      - any: [use]
        fallback: true
"""


def test_fallback_cue_stands_only_where_no_other_cue_found_the_kind(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k(FALLBACK)})
    grant = "2. The Vendor grants the City a licence to use the Software."
    side = "7. The Sponsor shall have the right to use photographs of the event in its newsletter."
    # beside a grant, the side permission is not reported
    assert spans_of(grant + "\n\n" + side, detect(det, grant + "\n\n" + side)) == [grant]
    # alone, it is the kind
    assert spans_of(side, detect(det, side)) == [side]


def test_fallback_part_joined_to_a_standing_part_keeps_the_passage(tmp_path):
    # a passage that a fallback sentence opens and a grant continues is the grant's: it is not dropped
    det = make_detector(tmp_path, {"k": kind_k(FALLBACK)})
    text = ("2. The City shall have the right to use the Software. To that end the Vendor grants the City a licence to it.\n\n"
            "9. The Vendor grants the City a licence to the Manuals.")
    found = spans_of(text, detect(det, text))
    assert found == ["2. The City shall have the right to use the Software. To that end the Vendor grants the City a licence to it.",
                     "9. The Vendor grants the City a licence to the Manuals."]


def test_fallback_must_be_true_or_false(tmp_path):
    with pytest.raises(RuleError, match="fallback"):
        make_detector(tmp_path, {"term": TERMINATION + "    fallback: sometimes\n"})


NAMED = """
    vocab:
      commitment: [minimum purchase commitment]
      amount: ["$"]
    match:
      - any: [commitment]
        named: false
      - all: [commitment, amount]
        named: true
      - any: [commitment]
        named: true
        fallback: true
"""


def test_named_cue_tells_a_defined_term_from_the_same_words_in_lower_case(tmp_path):
    from pcsc_procure.detect.cues import written_as_name

    det = make_detector(tmp_path, {"k": kind_k(NAMED)})
    plain = "3.1 The Buyer has made a minimum purchase commitment for each year."
    stated = "3.2 The Minimum Purchase Commitment is $500,000 for each Contract Year."
    passing = "9.4 The Minimum Purchase Commitment shall be reduced pro rata for any partial year."
    assert [(d.cue, d.fallback) for d in detect(det, plain)] == [(det.kinds["k"].match[0].id, False)]
    assert [(d.cue, d.fallback) for d in detect(det, stated)] == [(det.kinds["k"].match[1].id, False)]
    # the name said in passing stands beside the clause that states it only when nothing else is found
    both = stated + "\n\n" + passing
    assert spans_of(both, detect(det, both)) == [stated]
    assert spans_of(passing, detect(det, passing)) == [passing]
    caps = "9.4 THE MINIMUM PURCHASE COMMITMENT SHALL BE REDUCED PRO RATA."  # a sentence in capitals names nothing
    assert not detect(det, caps)[0].fallback
    nlp_words = det.tokenizer("Minimum Purchase Commitment minimum MINIMUM Purchase-Order")
    assert written_as_name(nlp_words[0:3]) and not written_as_name(nlp_words[3:4]) and not written_as_name(nlp_words[4:5])
    assert written_as_name(nlp_words[5:8])  # "Purchase", "-", "Order": punctuation is not a word


NAMED_IN_PASSING = [
    ("minimum-commitment",
     "5.1 In each Contract Year, Buyer shall purchase Products for not less than $2,000,000 (the \"Minimum Purchase Commitment\").",
     ["9.2 The Minimum Purchase Commitment shall be reduced pro rata for any period of Force Majeure.",
      "12.3 Seller may terminate this Agreement on notice if Buyer fails to satisfy the Minimum Purchase Commitment for any Contract Year."]),
    ("warranty-duration",
     "8.1 Supplier warrants that the Equipment will be free from defects for twelve (12) months from Acceptance (the \"Warranty Period\").",
     ["11.4 Customer shall notify Supplier of any defect in writing within the Warranty Period.",
      "14.2 Any maintenance of the System after the Warranty Period shall be the subject of a separate contract."]),
]


@pytest.mark.parametrize("kind, clause, passing", NAMED_IN_PASSING)
def test_a_defined_term_named_in_passing_is_not_listed_beside_its_clause(kind, clause, passing):
    from kindkit import found

    text = "\n\n".join([clause, *passing])
    assert [text[d.start : d.end] for d in found(text, kind)] == [clause]
    # a contract that only names it (the clause in a schedule not read) still has the kind
    only = "\n\n".join(passing)
    assert len(found(only, kind)) == len(passing)


def test_a_warranty_period_named_with_its_length_stands_beside_the_warranty():
    from kindkit import found

    clause = NAMED_IN_PASSING[1][1]
    stated = "12.2 The Warranty Period for replaced parts is ninety (90) days from their installation."
    both = clause + "\n\n" + stated
    assert [both[d.start : d.end] for d in found(both, "warranty-duration")] == [clause, stated]


def test_named_must_be_true_or_false(tmp_path):
    with pytest.raises(RuleError, match="named must be true or false"):
        make_detector(tmp_path, {"term": TERMINATION + "    named: yes-ish\n"})


def test_join_section_reports_a_clause_over_sub_paragraphs_once(tmp_path):
    spec = """
        vocab:
          ins: [insurance]
        match:
          - any: [ins]
    """
    text = ("9. Insurance\n\n9.1 The Supplier shall maintain public liability insurance of EUR 5 million.\n\n"
            "9.2 The Supplier shall pay its own costs.\n\n9.3 The Supplier shall deliver certificates of insurance on request.\n\n"
            "10. Fees\n\n10.1 The fees include the cost of insurance.\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = detect(make_detector(tmp_path / "a", {"k": kind_k(spec)}), text)
    joined = detect(make_detector(tmp_path / "b", {"k": kind_k(textwrap.dedent(spec) + "join: section\n")}), text)
    assert len(plain) == 3
    assert len(joined) == 2  # 9.1-9.3 is one passage; 10.1 is another clause
    assert text[joined[0].start:joined[0].end].startswith("9.1 The Supplier") and text[joined[0].start:joined[0].end].endswith("on request.")


def test_join_section_keeps_the_values_of_every_part(tmp_path):
    spec = "vocab:\n  ins: [insurance]\nmatch:\n  - any: [ins]\nextract: [money]\njoin: section\n"
    text = ("9. Insurance\n\n9.1 The Supplier shall maintain public liability insurance of EUR 5,000,000.\n\n"
            "9.2 The Supplier shall maintain cyber insurance of EUR 2,000,000.\n")
    (joined,) = detect(make_detector(tmp_path, {"k": kind_k(spec)}), text)
    assert [v["amount"] for v in joined.values["money"]] == [5_000_000, 2_000_000]


# -- run-in clause captions ----------------------------------------------------

def test_run_in_caption_words_are_not_body_text(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          coc: [change of control]
        match:
          - any: [coc]
    """)})
    # The caption names the clause; the body is about termination fees, not a change of control.
    assert not detect(det, "(f) Termination for Change of Control and Fees — If the Distributor terminates this "
                           "Agreement in the first year for any reason, then it will pay an Early Termination Fee.")
    assert not detect(det, "12.3 Change of Control: The Supplier may terminate this Agreement on 30 days' notice.")
    # The same words in the body still count.
    assert detect(det, "(f) Termination — If the Distributor undergoes a change of control, the Company may terminate this Agreement.")


def test_run_in_caption_is_read_as_heading(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k(POLICY_UNDER_INSURANCE)})
    text = ("7. Obligations of the Supplier\n\n"
            "(c) Insurance — The Supplier shall maintain the policies listed in Schedule 3 at its own cost.")
    (d,) = detect(det, text)
    assert text[d.start : d.end].endswith("at its own cost.")
    assert not detect(det, text.replace("Insurance —", "Records —"))


def test_run_in_caption_needs_a_sentence_after_it():
    from pcsc_procure.detect.spans import run_in_caption

    text = "12.3 Insurance. The Supplier shall maintain public liability insurance."
    cap = run_in_caption(text)
    assert cap is not None and cap[0] == "Insurance" and text[cap[1]:].startswith("The Supplier")
    # a label and its value, not a caption and a clause
    assert run_in_caption("12.3.2.2 Umbrella Excess Liability: five million dollars ($5,000,000) per occurrence.") is None
    # no clause number: an ordinary sentence
    assert run_in_caption("Confidential Treatment Requested by the Company. The Supplier shall keep records.") is None


def test_run_in_caption_of_a_list_item_is_its_heading(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k(POLICY_UNDER_INSURANCE)})
    text = ("## Supplier obligations\n\n"
            "- Delivery: The Supplier shall deliver the goods to the sites named in the order.\n"
            "- Insurance: The Supplier shall maintain the policies listed in Schedule 3 at its own cost.\n")
    (d,) = analyse_text(text, path="draft.md", detector=det).detections
    assert text[d.start : d.end].endswith("at its own cost.")
    assert not analyse_text(text.replace("Insurance:", "Records:"), path="draft.md", detector=det).detections


# -- scope: item ----------------------------------------------------------------

LICENCE_ITEMS = """
    vocab:
      grant: [grant, grants, granted]
      licence: [license, licence, licenses, licences]
    match:
      - all: [grant, licence]
        near: 60
        order: true
        {scope}
"""


def test_scope_item_keeps_groups_within_one_enumerated_item(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = make_detector(tmp_path / "a", {"k": kind_k(LICENCE_ITEMS.format(scope=""))})
    scoped = make_detector(tmp_path / "b", {"k": kind_k(LICENCE_ITEMS.format(scope="scope: item"))})
    # "grant" is in item (a), "licenses" in item (b): a warranty of authority, not a grant.
    warranty = ("The Supplier has the full right, power and authority to (a) grant all of the rights set out in this "
                "Agreement and (b) perform its obligations under the licenses it holds from third parties.")
    assert detect(plain, warranty)
    assert not detect(scoped, warranty)
    # Items separated by semicolons are items too.
    survival = ("Upon termination, the Headstart Periods shall survive for their duration; the rights granted in Section 6 "
                "shall end; and the licenses held by the Distributor shall become royalty-free.")
    assert detect(plain, survival)
    assert not detect(scoped, survival)


def test_scope_item_lead_in_applies_to_every_item(tmp_path):
    det = make_detector(tmp_path, {"k": kind_k(LICENCE_ITEMS.format(scope="scope: item"))})
    text = ("Subject to the payment of the Sponsor Fees, the Club hereby grants to the Sponsor during the Term: "
            "(i) the right to use the Benefits set out in Exhibit A; and (ii) a non-exclusive license to use the Club Marks.")
    assert detect(det, text)
    # one item, no enumeration: the scope changes nothing
    assert detect(det, "The Licensor grants the Customer a non-exclusive license to use the Software.")


def test_item_numbers():
    from pcsc_procure.detect.cues import item_numbers

    texts = "shall not ( a ) sell the shares ; or ( b ) assign it".split()
    numbers = item_numbers(texts)
    assert numbers[:2] == [-1, -1]  # the lead-in
    a, b = texts.index("sell"), texts.index("assign")
    assert numbers[a] > 0 and numbers[b] > numbers[a]
    assert item_numbers("the price is fixed ; the term is one year".split())[-1] == 1
    assert set(item_numbers("the Supplier shall deliver the goods .".split())) == {0}
    # figures after a number written out are not an item label
    texts = "may terminate ( a ) upon sixty ( 60 ) days ' notice , or ( b ) for breach".split()
    numbers = item_numbers(texts)
    assert numbers[texts.index("upon")] == numbers[texts.index("notice")] != numbers[texts.index("breach")]
    # a bracketed label after a clause reference is a cross-reference, not an item
    texts = "grants the Client the right , transferable in accordance with subsection ( 4 ) , to use the Software".split()
    assert set(item_numbers(texts)) == {0}
    assert set(item_numbers("subject to clause 14.3 ( b ) and § 11 ( 2 ) the Client may use it".split())) == {0}


TERMINATE_ITEMS = """
    vocab:
      end: [terminate]
      notice: [notice]
      cause: [breach, breaches, insolvent, if]
    match:
      - all: [end, notice]
        none: [cause]
        {scope}
"""


def test_scope_item_reads_none_groups_in_the_item_with_its_lead_in(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = make_detector(tmp_path / "a", {"k": kind_k(TERMINATE_ITEMS.format(scope=""))})
    scoped = make_detector(tmp_path / "b", {"k": kind_k(TERMINATE_ITEMS.format(scope="scope: item"))})
    # the breach in (b) does not make (a) a termination for cause
    both = ("Either party may terminate this Agreement (a) at any time upon ninety days' written notice, "
            "or (b) immediately if the other party breaches this Agreement.")
    assert not detect(plain, both)
    assert detect(scoped, both)
    # a cause in the lead-in applies to every item
    assert not detect(scoped, "Either party may terminate this Agreement if the other party: (i) gives notice of a "
                              "winding up; or (ii) fails to pay.")
    # a cause in the item itself
    assert not detect(scoped, "Either party may terminate this Agreement (a) upon notice if the other party is "
                              "insolvent, or (b) by agreement.")
    # no lead-in in the sentence: items cut only at semicolons, or listed from the sentence's start,
    # may follow a condition; the whole sentence is read
    assert not detect(scoped, "If the Supplier is prevented by fire; flood; or strike, the City may terminate on notice.")
    assert not detect(scoped, "a) any breach by the Supplier which is not remedied within the grace period, and b) to "
                              "terminate, the City shall give notice in writing.")


def test_scope_item_counts_near_over_the_lead_in_and_the_item_alone(tmp_path):
    """Nested items: "terminable (a) by the Licensor (i) ... or (ii) upon sixty days' notice". In the
    view of (ii), "terminable" and "notice" are 13 tokens apart; in the sentence, 26."""
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          end: [terminable]
          notice: [notice]
          cause: [breach]
        match:
          - all: [end, notice]
            none: [cause]
            near: 15
            scope: item
    """)})
    text = ("This Agreement shall be terminable (a) by the Licensor (i) at any time in the event of a breach by the "
            "Licensee or (ii) upon sixty (60) days' written notice to the Licensee.")
    (d,) = detect(det, text)
    assert text[d.anchor_start : d.anchor_end] == "terminable"
    # the item with the notice is still read with its own words only
    assert not detect(det, "This Agreement shall be terminable (a) by the Licensor (i) at any time or (ii) upon a "
                           "breach of which the Licensee has had sixty (60) days' written notice.")
    # far apart within one item, `near` still holds
    assert not detect(det, "This Agreement shall be terminable by the Licensor at any time during the Term of this "
                           "Agreement or of any renewal of it, for any reason at all, upon sixty days' notice.")


def test_maker_other_needs_a_named_maker_who_is_not_the_party(tmp_path):
    """`maker: other`: the thing is made "by X" and X is not the party the clause resolves."""
    det = make_detector(tmp_path, {"k": kind_k("""
        vocab:
          owned: [shall be the property of]
        match:
          - id: a
            any: [owned]
            maker: other
        """)})
    assert [d.party for d in detect(det, "Any design prepared by the Contractor shall be the property of the City.")] == ["City"]
    assert not detect(det, "Any design prepared by the City shall be the property of the City.")
    assert not detect(det, "Any design prepared under this Contract shall be the property of the City.")
    # each owner with its own maker, the one named before it: no one owns what another made
    assert not detect(det, "Any design prepared by the City shall be the property of the City, and any design prepared by the Contractor shall be the property of the Contractor.")
    assert [d.party for d in detect(det, "Any design prepared by the City shall be the property of the City, and any design prepared by the Contractor shall be the property of the City.")] == ["City"]


def test_maker_must_be_other(tmp_path):
    with pytest.raises(RuleError, match="maker must be other"):
        make_detector(tmp_path, {"k": kind_k("""
            vocab:
              owned: [shall be the property of]
            match:
              - any: [owned]
                maker: anyone
            """)})


def test_party_in_a_cue_must_be_counterparty_or_consequence(tmp_path):
    with pytest.raises(RuleError, match="party must be counterparty or consequence"):
        make_detector(tmp_path, {"k": kind_k("""
            vocab:
              remedy: [sole remedy]
            match:
              - any: [remedy]
                party: other
        """)})


def test_scope_must_be_sentence_or_item(tmp_path):
    with pytest.raises(RuleError):
        make_detector(tmp_path, {"k": kind_k(LICENCE_ITEMS.format(scope="scope: clause"))})


def test_kind_must_match_its_file_name(tmp_path):
    """Rule files are checked against the kinds by file name, without parsing every detector."""
    with pytest.raises(RuleError, match=r"kind 'k' must match the file name \(other.yaml\)"):
        make_detector(tmp_path, {"other": kind_k(POLICY_UNDER_INSURANCE)})


def test_every_shipped_token_cue_finds_what_a_full_matcher_run_finds():
    """The pivot windows, the next-token test and the required-literal test only skip
    work: over the standard-drafting sentences, their look-alikes and the bundled
    samples, every kind's token cues give exactly the matches of a whole-sentence run."""
    import re
    from pathlib import Path

    from test_kinds_standard_drafting import LOOK_ALIKES, STANDARD

    from pcsc_procure.detect.engine import get_detector

    det = get_detector()
    root = Path(__file__).resolve().parent.parent / "sample_contracts"
    sample_text = " ".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt")) + sorted(root.glob("*.md")))
    sentences = [t for _k, t in STANDARD + LOOK_ALIKES] + re.split(r"(?<=[.;:])\s+", sample_text)
    sentences += ["shall purchase at least of 500 units.", "buy at least", "at least", "not less than 5 days."]
    cues = [tc for tcs in det.token_cues.values() for tc in tcs]
    assert len(cues) > 10 and any(tc.after for tc in cues) and any(tc.fast for tc in cues)
    found = 0
    for text in sentences:
        doc = det.tokenizer(" ".join(text.split()))
        lowers = doc.to_array("LOWER").tolist()
        for tc in cues:
            full = sorted((s, e) for _id, s, e in tc.matcher(doc))
            assert sorted(tc(doc, lowers)) == full, (tc.key, text)
            found += bool(full)
    assert found > 20  # the check is not vacuous: many sentences do match


def test_sentence_case_run_in_caption_heads_its_clause_and_carries_no_detection():
    """'2. Licence audit. The Vendor may audit ...': the caption (cut off as a sentence of its own)
    names the clause; the clause's own sentence carries the detection and its attributes."""
    from kindkit import found

    text = ("1. Licence. The Vendor grants the City a licence to use the Software.\n\n"
            "2. Licence audit. The Vendor may audit the City's use of the Software once a year.\n\n"
            "3. Fees are payable monthly. The City shall pay each invoice within 30 days.")
    (audit,) = found(text, "audit-rights")
    assert text[audit.start : audit.end] == "The Vendor may audit the City's use of the Software once a year."
    assert (audit.party, audit.role, audit.modality, audit.heading) == ("Vendor", "vendor", "permission", "Licence audit")
    from pcsc_procure.document.reader import read_bytes
    from pcsc_procure.segment.structure import annotate_structure

    doc = read_bytes(text.encode(), "x.txt")
    annotate_structure(doc)
    assert [b.title for b in doc.blocks] == ["Licence", "Licence audit", None]  # a sentence with a verb is no caption


def test_token_patterns_spacy_rejects_or_cannot_afford_are_rule_errors(tmp_path):
    # YAML reads a bare `on` as true: spaCy rejects the pattern; say which file and cue, not a traceback
    bad = kind_k("""
        match:
          - id: use-on
            tokens:
              - {LOWER: use}
              - {LOWER: {IN: [on, in]}}
    """)
    with pytest.raises(RuleError, match=r"k\.yaml:\d+: cue 'use-on': not a valid spaCy token pattern"):
        make_detector(tmp_path, {"k": bad})
    # "{0,30}" is 30 optional tokens: the Matcher's states double with each (it ran out of memory)
    wide = kind_k("""
        match:
          - id: far
            tokens:
              - {LOWER: agrees}
              - {OP: "{0,30}"}
              - {LOWER: of}
    """)
    with pytest.raises(RuleError, match=r"tokens\[1\]\.OP '\{0,30\}': at most 16 optional tokens"):
        make_detector(tmp_path, {"k": wide})
    # ... and ranges that are each within the limit add up: this one made CUAD detection four times slower
    wide_in_all = kind_k("""
        match:
          - id: far-in-all
            tokens:
              - {LOWER: exclusive}
              - {OP: "{1,14}"}
              - {LOWER: ")"}
              - {OP: "{0,16}"}
              - {LOWER: license}
    """)
    with pytest.raises(RuleError, match=r"k\.yaml:\d+: match\[0\]\.tokens: 29 optional tokens in its ranges, at most 20 in one pattern"):
        make_detector(tmp_path, {"k": wide_in_all})


def test_detections_come_out_in_the_same_order_in_every_process():
    # kinds found in one sentence start at the same offset; their order must not follow the process's hash seed
    import os
    import subprocess
    import sys

    code = ("from pcsc_procure.analysis import analyse_text\n"
            "a = analyse_text('Licensor hereby grants to Licensee an exclusive, perpetual, irrevocable, royalty-free license to use, "
            "reproduce and distribute the Software in the Territory.')\n"
            "print([d.kind for d in a.detections])\n")
    runs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
        runs.add(out.strip())
    assert len(runs) == 1 and runs.pop().count("'") >= 6  # one order, of three kinds or more


def test_change_of_ownership_heading_is_the_clause_own():
    """A change of control under a heading that names it as a change of ownership is at home there: it is kept
    beside a mention under the assignment heading (home headings drop mentions elsewhere)."""
    from kindkit import found

    text = ("Section 12.4 Assignment\n\nDistributor shall not assign this Agreement without Supplier's prior written consent, and any "
            "Change of Ownership of Distributor shall require Supplier's consent under Section 12.5.\n\n"
            "Section 12.5 Change of Ownership\n\nDistributor shall give Supplier not less than thirty (30) days' prior written "
            "notice of any proposed Change of Ownership, together with the identity of the proposed acquirer.")
    passages = [text[d.start : d.end] for d in found(text, "change-of-control")]
    assert any(p.startswith("Distributor shall give Supplier") for p in passages), passages


def test_by_means_of_defines_nothing():
    """"carried out primarily by means of a licence report" is no definition, whatever words come before "means";
    a term that "means" something still is."""
    from pcsc_procure.detect.spans import is_definition

    assert not is_definition("The verification shall be carried out primarily by means of a licence report generated by the Client.")
    assert not is_definition("Payment by any means shall be accepted.")
    assert is_definition('"Audit" means an inspection of the books and records.')
    assert is_definition("1.3 Change of Control shall mean the acquisition of more than half of the voting shares.")


def test_a_number_in_parentheses_is_a_token_of_its_own():
    """spaCy's English tokenizer keeps the emoticon "8)" whole, so "eight (8) units" lost its 8 to every number pattern
    (a minimum commitment of "not fewer than eight (8) FTEs" went unfound, while "nine (9)" was found)."""
    from pcsc_procure.nlp import blank_english

    nlp = blank_english()
    assert [t.text for t in nlp("not fewer than eight (8) FTEs, and (8) the eighth item")] == [
        "not", "fewer", "than", "eight", "(", "8", ")", "FTEs", ",", "and", "(", "8", ")", "the", "eighth", "item"]
    assert [t.text for t in nlp("as agreed :)")][-1] == ":)"  # the other emoticons are as spaCy makes them


def test_rarest_breaks_ties_by_length_then_alphabet():
    """The key a set of words is looked up by: the rarest word, then the longest, then the first
    in alphabetical order (whatever order the words come in)."""
    from pcsc_procure.detect.prefilter import rarest

    assert rarest(["agreement", "escrow"]) == "escrow"  # escrow is far rarer in contracts
    assert rarest(frozenset({"qqzx", "qqzxy", "aqqzxy"})) == "aqqzxy"  # unknown words: equally rare; longest wins
    assert rarest(["zzqqx", "aaqqx"]) == rarest(["aaqqx", "zzqqx"]) == "aaqqx"  # equal length: the first
    assert rarest(frozenset({"alone"})) == "alone"


def test_a_group_built_with_the_phrase_memo_is_the_group_built_without(tmp_path):
    """The detectors build each phrase's words once (`group_of`'s memo); the groups are the same."""
    from pcsc_procure.detect.prefilter import group_of

    phrases = ["at the end of", "upon expiry of", "escrow", "Escrow", "sub-licence", "no"]
    known: dict = {}
    for _ in range(2):  # the second time every phrase comes from the memo
        with_memo, plain = group_of(phrases, frozenset({"not"}), known), group_of(phrases, frozenset({"not"}))
        assert (with_memo.singles, with_memo.alternatives, with_memo.keys) == (plain.singles, plain.alternatives, plain.keys)
    assert group_of(["escrow", "n't"], frozenset({"n", "t"}), known) is None  # a phrase without a safe word
    assert group_of(["escrow", "n't"], frozenset({"n", "t"})) is None


def test_a_shared_group_is_built_once_for_every_kind_that_uses_it(tmp_path):
    """A shared vocab group serves many cues of many kinds: its prefilter group is one object."""
    head = "title: T\ndescription: T\n"
    det = make_detector(tmp_path, {
        "a": "kind: a\n" + head + "vocab:\n  assign: [assign]\nmatch:\n  - all: [assign, agreement]\n",
        "b": "kind: b\n" + head + "vocab:\n  end: [expire]\nmatch:\n  - all: [end, agreement]\n",
    })
    shared_a = next(g for g in det.requirements["a"][0].groups if "agreement" in g.keys)
    shared_b = next(g for g in det.requirements["b"][0].groups if "agreement" in g.keys)
    assert shared_a is shared_b
    assert det.candidate_kinds({"the", "supplier", "may", "assign", "this", "contract"}, {"a", "b"}) == ["a"]
    assert det.candidate_kinds({"this", "contract", "shall", "expire"}, {"a", "b"}) == ["b"]


def test_the_collector_is_on_again_after_the_detectors_are_built():
    """The build runs with the cyclic collector off (speed); a caller's setting is left as it was."""
    import gc

    from pcsc_procure.detect.engine import _detector_for
    from pcsc_procure.resources import detector_dir

    _detector_for.cache_clear()
    try:
        assert gc.isenabled()
        _detector_for(str(detector_dir()))
        assert gc.isenabled()
        _detector_for.cache_clear()
        gc.disable()
        _detector_for(str(detector_dir()))
        assert not gc.isenabled()
    finally:
        gc.enable()
        _detector_for.cache_clear()
