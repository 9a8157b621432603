"""Negation, modality and party resolution around an anchor word.

`resolve` is called on the tokens of one sentence with the index of the
anchor (the word a cue matched); these tests name the anchor by its text.
"""

from __future__ import annotations

import pytest

from pcsc_procure.detect.attributes import resolve
from pcsc_procure.detect.wordscan import PhraseIndex, clause_start
from pcsc_procure.nlp import blank_english


def attrs(sentence: str, anchor: str, occurrence: int = 0, party_terms: dict | None = None):
    tokens = blank_english().tokenizer(sentence)
    texts = [t.text for t in tokens]
    words = [t.lower() for t in texts]
    positions = [i for i, w in enumerate(words) if w == anchor.lower()]
    return resolve(words, texts, positions[occurrence], party_terms or {})


def first_party(text: str):
    """The party `find_party` reads before the end of `text`."""
    from pcsc_procure.detect.parties import find_party

    tokens = blank_english().tokenizer(text)
    texts = [t.text for t in tokens]
    words = [t.lower() for t in texts]
    return find_party(words, texts, len(words), 0, {})[0]


@pytest.mark.parametrize("sentence, anchor, modality, party, role", [
    ("The City may terminate this Agreement for convenience.", "terminate", "permission", "City", "public"),
    # records made available "for inspection" without a "to": by whom, else at whose request
    ("Upon written request by the City, the Contractor shall make its books and records available for inspection.", "inspection", "permission", "City", "public"),
    ("The Contractor shall, at the request of the City, make its records available for audit.", "audit", "permission", "City", "public"),
    ("The Contractor shall make its records available for inspection by the City's auditors.", "inspection", "permission", "City", "public"),
    # the party given access to the records holds the audit right
    ("The Supplier shall provide the City's auditors with access to all relevant records for audit.", "audit", "permission", "City", "public"),
    # the agent of the audit the bound party must cooperate with (the right is the agent's: a permission)
    ("The Contractor shall cooperate fully with any audit conducted by or on behalf of the City.", "audit", "permission", "City", "public"),
    ("The Contractor shall cooperate with any audit carried out by the City's auditors.", "audit", "permission", "City", "public"),
    # no modal: the party named right after the duty that is the anchor
    ("The aggregate liability of Supplier for all claims arising under this Agreement is limited to the fees.", "liability", None, "Supplier", "vendor"),
    ("The Contractor shall maintain insurance for the Term.", "maintain", "obligation", "Contractor", "vendor"),
    ("Either party shall have the right to audit the records.", "audit", "permission", "Either party", "both"),
    ("The Vendor will be entitled to suspend the Services.", "suspend", "permission", "Vendor", "vendor"),
    ("The Supplier shall use reasonable efforts to restore the Services.", "restore", "weak", "Supplier", "vendor"),
    ("Where practicable, the Operator should publish the data.", "publish", "weak", "Operator", "vendor"),
    ("Upon notice, the Authority may inspect the premises.", "inspect", "permission", "Authority", "public"),
    # an inverted condition's "should" is no hedge
    ("Should the Customer so request, the Supplier shall provide transition assistance.", "provide", "obligation", "Supplier", "vendor"),
    ("Should the City so request, the Operator should publish the data.", "publish", "weak", "Operator", "vendor"),
    # a short "when" aside between the modal and its verb keeps the modal's clause (Japanese drafting in translation)
    ("The Prefecture may, when necessary, cancel all or part of this contract by written notice.", "cancel", "permission", "Prefecture", "public"),
])
def test_modality_and_party(sentence, anchor, modality, party, role):
    a = attrs(sentence, anchor)
    assert (a.modality, a.party, a.role, a.negated) == (modality, party, role, False)


def test_passive_agent_is_the_party():
    a = attrs("This Agreement may be terminated by the City at any time.", "terminated")
    assert (a.party, a.role, a.modality) == ("City", "public", "permission")
    # the agent, not a party named inside the subject
    a = attrs("Personal data collected by the City shall be processed by the Contractor only on its instructions.", "processed")
    assert (a.party, a.role) == ("Contractor", "vendor")
    # a predicate noun is not a passive: the subject holds the right
    a = attrs("The Distributor shall be the only distributor appointed by the Supplier.", "only", party_terms={"distributor": None})
    assert a.party == "Distributor"


def test_a_defined_party_of_several_words_is_named_whole():
    # a defined name is keyed by its last word and by the whole name ("ADAMS GOLF", not "GOLF")
    from kindkit import found

    text = ('This Endorsement Agreement is made between Adams Golf, Ltd. ("ADAMS GOLF") and John Smith ("CONSULTANT").\n\n'
            "3. CONSULTANT hereby grants to ADAMS GOLF the exclusive right and license to use the Endorsement.")
    assert [d.party for d in found(text, "license-grant")] == ["ADAMS GOLF"]
    a = attrs("ADAMS GOLF may terminate this Agreement on notice.", "terminate", party_terms={"golf": None, "adams golf": None})
    assert (a.party, a.modality) == ("ADAMS GOLF", "permission")


def test_terms_introduced_like_parties_that_name_things_are_not_parties():
    # (the "Agreement"), (the "Effective Date") are introduced like parties; they were read as ones
    from kindkit import found

    text = ('This Supply Agreement (the "Agreement") is made on 1 May 2024 (the "Effective Date") between '
            'Acme Ltd (the "Supplier") and the City of Springfield (the "City").\n\n'
            "12. This Agreement shall be governed by the laws of the State of Illinois.\n\n"
            "13. The Agreement may be terminated by the City for convenience on 30 days' notice.")
    assert [d.party for d in found(text, "governing-law")] == [None]
    assert [(d.party, d.role) for d in found(text, "termination-for-convenience")] == [("City", "public")]
    # events and paperwork defined in parentheses are not parties either
    text = ('This Agreement is made between Acme Ltd (the "Supplier") and Beta plc (the "Customer"). Any early end of '
            'this Agreement (the "Termination") is governed by clause 14.\n\n'
            "14. After any Termination, the right to terminate for convenience on 90 days notice lapses.")
    assert [d.party for d in found(text, "termination-for-convenience")] == [None]


@pytest.mark.parametrize("sentence, anchor, want", [
    # a second modal joined by "and" shares the first one's subject, not the party named last
    ("The Project Company shall not engage any sub-processor without the City's prior written approval, and shall never sell Personal Data.",
     "sell", ("Project Company", "vendor", True)),
    ("The Franchisee shall follow the procedures prescribed by the City and shall staff the Restaurant with a minimum of two managers.",
     "minimum", ("Franchisee", None, False)),
    ("The Contractor shall install the units agreed with the City, and then shall operate them to the performance standards.",
     "performance", ("Contractor", "vendor", False)),
    # a new subject before the second modal is that modal's subject
    ("The City shall publish the register, and the Operator shall fix a sign to every column.",
     "sign", ("Operator", "vendor", False)),
])
def test_coordinated_modal_shares_the_subject(sentence, anchor, want):
    a = attrs(sentence, anchor, party_terms={"franchisee": None})
    assert (a.party, a.role, a.negated) == want


@pytest.mark.parametrize("text, want", [
    ("the platform shall offer single sign-on through the City's identity provider", "City"),  # a thing, not the vendor
    ("as the sole remedy Acme or its software supplier will repair the item", None),
    ("the contractor shall repair the item", "contractor"),
    ("Supplier will repair the item", "Supplier"),
    ("each subcontractor shall repair the item", "subcontractor"),
])
def test_lower_case_vendor_words_need_a_determiner_to_be_a_party(text, want):
    assert first_party(text) == want


@pytest.mark.parametrize("text, want", [
    ("the city shall publish the data", "city"),
    # a place named in passing, not the party: the party is the Council before it
    ("Northmere District Council invites proposals for sensors across the district's towns that publish", "Council"),
    ("Northmere District Council invites proposals for sensors across the district’s towns that publish", "Council"),
    # a thing named after a party is not the party
    ('All data collected from customers ("Customer Data") is deemed to be owned', None),
    ("The Supplier shall return all Authority Data", "Supplier"),
    ("Supplier Personnel shall", "Supplier"),
    ("all communication with its 32 Member Clubs shall", None),
    ("The Reseller Agreement can be terminated at the discretion of", None),
    ("The Contractor shall maintain public liability insurance and Employer's liability insurance", "Contractor"),
    ("The Contractor shall maintain public liability insurance and employers liability insurance", "Contractor"),
])
def test_a_place_or_thing_named_after_a_party_is_not_the_party(text, want):
    assert first_party(text) == want


def test_defined_party_terms_give_the_role():
    a = attrs("Licensee may terminate this Agreement on notice.", "terminate", party_terms={"licensee": None})
    assert a.party == "Licensee" and a.role is None


@pytest.mark.parametrize("sentence, anchor", [
    ("The Vendor shall not assign this Agreement.", "assign"),
    ("Neither party may terminate this Agreement for convenience.", "terminate"),
    ("In no event shall the Supplier be liable for indirect damages.", "liable"),
    # a scoped negator reaches past a long subject
    ("IN NO EVENT SHALL EITHER PARTY OR ITS OFFICERS, DIRECTORS, EMPLOYEES OR AGENTS BE LIABLE FOR LOST PROFITS.", "liable"),
    ("Except for breaches of confidentiality, neither party shall be liable for consequential damages.", "liable"),
    # "Nothing contained in ..." and "Nothing herein ..." negate the sentence as "Nothing in this Agreement ..." does
    ("Nothing contained in this Agreement shall be deemed to transfer to the Client any ownership rights or grant any license.", "grant"),
    ("Nothing herein shall be construed to grant the Distributor any license to the Software.", "grant"),
    # a colon that leaves "shall not" open: the items continue it
    ("During the Term, the Supplier shall not: (a) sell the Products to any other retailer in the Territory.", "sell"),
    # ... with an adverbial between "not" and the colon, however long
    ("The Supplier shall not, without the City's prior written consent: (b) assign this Agreement.", "assign"),
    # ... every item, however long the items before it
    ("The Supplier shall not: (a) disclose the City Data to any person or entity whatsoever; or (b) assign this Agreement.", "assign"),
    # a parenthesis between the negator and its verb does not count toward its reach
    ("The Concessionaire shall not, without the prior consent of the Grantor, permit any change in its controlling shareholders.", "controlling"),
    # ... nor a longer one, of when
    ("Supplier shall not, during the Term and for a period of eighteen (18) months after its expiration or termination, sell the HX"
     " Grade to any Person other than Buyer.", "sell"),
    # a condition closed before the scoped negator leaves it the main clause's
    ("If the Supplier is acquired, neither party shall, without the consent of the other, assign this Agreement.", "assign"),
    # "provided" alone opens no condition
    ("Except as may otherwise be provided in this Agreement, Consultant may not sell, assign or delegate any rights.", "assign"),
    # a condition closed before the negator, whose own clause has begun with its modal: the negator is the main
    # clause's, and reaches a verb coordinated after a comma
    ("Provided that Franchisee is not in default, Franchisor shall not operate, or grant a franchise to any other "
     "person to operate, a restaurant within the Protected Territory.", "grant"),
    # a condition closed before the negator leaves the main clause's own negator negating
    ("To the extent permitted by law, the Licensor shall not be liable for any lost profits.", "liable"),
    ("To the extent that the Work is not a work made for hire, the Contractor shall not assign it to any third party.", "assign"),
    # a "neither" that heads the main clause still negates it
    ("Neither the League nor any Club shall license any person other than Streamer to stream any Game.", "license"),
    # a parenthesis that opens after the negator, however it closes, leaves the negator the verb's
    ("Licensee shall not (except as permitted under Section 4) assign this Agreement.", "assign"),
    # a relative clause with no main modal after it before the verb: the verb is still in it
    ("An accountant who is not permitted to audit the books shall be replaced.", "audit"),
    # "that" opening a proviso, not a relative clause: "no party may assign" is negated
    ("The Agreement binds permitted assigns; provided, however, that no party may assign this Agreement without consent.", "assign"),
    # ... but the aside "and shall cause its Affiliates not to" leaves the negated verb after it
    ("The Supplier shall not, and shall cause its Affiliates not to, sell the Products to any third party.", "sell"),
    ("The Supplier shall not assign this Agreement and shall not permit any Affiliate to sell the Products.", "sell"),
    # a later item of an inline list whose lead-in leaves "shall not" open, however long the items before it
    ("Subcontractor shall not, directly or through any affiliate, (a) submit a proposal for the Program in its own name, or (b)"
     " participate as a prime contractor, subcontractor, consultant, mentor or team member with any offeror other than Prime.", "participate"),
    ("Lender shall not, and shall cause Athlete not to, (a) endorse, wear, use, promote or appear in advertising for any product in"
     " the Product Category other than Products, (b) grant to any Competitor any right to use the Athlete Identification.", "grant"),
])
def test_negated(sentence, anchor):
    a = attrs(sentence, anchor)
    assert a.negated


def test_negated_obligation_is_prohibition():
    a = attrs("The Contractor shall not disclose City Data.", "disclose")
    assert a.negated and a.modality == "prohibition"


@pytest.mark.parametrize("sentence, anchor, occurrence", [
    ("The Vendor's liability shall be limited to the fees paid.", "limited", 0),
    ("The Vendor shall deliver no later than 30 days after the order.", "deliver", 0),
    # the negator belongs to the leading condition, not to the main clause
    ("If the Software is not compliant, the Customer's sole remedy shall be repair.", "remedy", 0),
    ("In the event that the Vendor does not respond, the City may terminate this Agreement.", "terminate", 0),
    # the first "liability" is the carve-out, the second is negated
    ("Excluding liability for fraud, in no event shall the Vendor have any liability for lost profits.", "liability", 0),
    # a "not" inside item (a) of a lead-in that does not negate is item (a)'s own
    ("The Supplier shall: (a) not disclose the City Data to any person or entity whatsoever; and (b) assign a named account manager.", "assign", 0),
    # "neither party" as the subject of a leading condition
    ("If neither party gives notice of termination, this Agreement shall automatically renew for one year.", "renew", 0),
    ("Upon expiry of the term, if neither party objects, this Agreement shall be automatically extended for one year.", "extended", 0),
    ("In the event neither party terminates this Agreement, it shall automatically renew.", "renew", 0),
    ("Provided that neither party has terminated this Agreement, it shall renew automatically.", "renew", 0),
    ("In case none of the parties terminates this agreement, it shall be renewed automatically.", "renewed", 0),
    ("Provided that Licensee is not in breach of this Agreement, Licensor hereby grants to Licensee a licence.", "grants", 0),
    # "to the extent" opens a condition too
    ("To the extent any Improvement is not assignable under applicable law, Franchisee hereby grants to Franchisor a "
     "perpetual, royalty-free license to use such Improvement.", "grants", 0),
    ("To the extent that the Deliverables are not works made for hire, the Contractor hereby assigns them to the City.", "assigns", 0),
    # an operative verb's clause ends where a coordinated clause with its own modal begins
    ("The Department grants the Contractor a limited, non-exclusive, revocable license to use Department Data during the Term, "
     "and the Contractor shall not use Department Data for any other customer.", "grants", 0),
    # ", and" opens a main clause of its own, with its subject and modal: the "not" before it is the first clause's
    ("If the Trust so elects, title to the Equipment shall pass to the Trust on payment of the residual value, clause 16.2 "
     "shall not apply, and the Supplier shall grant the Trust a perpetual licence to use the Software.", "grant", 0),
    # a "neither ... nor" in a relative clause says what a noun is not; the main clause stands
    ("Any invention conceived jointly by both Parties that is neither a Product Invention nor an improvement to the "
     "Platform (\"Joint Inventions\") shall be owned jointly by the Parties.", "owned", 0),
    # a "not" inside a parenthesis closed before the verb describes the noun before it
    # "for so long as" opens a condition
    ("For so long as Manufacturer is not in material breach of this Agreement, Brand Owner shall purchase its requirements from "
     "Manufacturer.", "purchase", 0),
    ("Tenant or an independent certified public accountant engaged by Tenant (who is not compensated on a contingency basis) may "
     "examine and audit those books and records.", "audit", 0),
    ("Licensee (which shall not be a competitor of Licensor) may assign this Agreement to an Affiliate.", "assign", 0),
    # ... or inside a relative clause that the main clause's modal closes
    ("Operator, or an independent certified public accounting firm designated by Operator that is not compensated on a "
     "contingency basis, may audit Distributor's books and records.", "audit", 0),
    ("Any Party that does not wish to continue may terminate this Agreement upon ninety (90) days' written notice.", "terminate", 0),
    # a verb coordinated with a modal of its own is not the first verb's negation
    ("The Supplier shall not disable any meter and shall deliver to the Procuring Entity all administrator passwords.", "deliver", 0),
    # an inline list's item with a modal of its own, or after a lead-in that negates nothing
    ("Licensee shall not (a) copy the Software, or (b) Licensor may terminate this Agreement on notice.", "terminate", 0),
    ("Subcontractor shall (a) keep the Proposal confidential, and (b) assign to Prime all rights in the Proposal.", "assign", 0),
    ("Subcontractor shall not be liable for (a) lost profits, or (b) delays, and Prime shall pay for (c) the work performed.", "pay", 0),
])
def test_not_negated(sentence, anchor, occurrence):
    assert not attrs(sentence, anchor, occurrence).negated


def test_second_occurrence_is_negated():
    a = attrs("Excluding liability for fraud, in no event shall the Vendor have any liability for lost profits.", "liability", 1)
    assert a.negated


def test_hedge_in_another_clause_does_not_weaken():
    a = attrs("The Vendor shall use reasonable efforts to respond; the City may terminate this Agreement on notice.", "terminate")
    assert a.modality == "permission" and a.role == "public"


def test_clause_start_stops_at_semicolon_and_comma_boundary():
    words = "the vendor shall pay ; the city may , unless agreed , terminate".split()
    assert clause_start(words, words.index("city")) == 5
    assert clause_start(words, words.index("terminate")) == 10  # after ", unless"
    # a colon after an open verb phrase ("shall not:", "agrees to:") is no boundary; after a full one it is
    words = "the vendor shall not : ( a ) sell".split()
    assert clause_start(words, words.index("sell")) == 0
    words = "the following terms apply : the city may terminate".split()
    assert clause_start(words, words.index("terminate")) == 5
    # ... also after an adverbial set off by commas: "shall not, during the Term:"
    words = "the vendor shall not , during the term : ( a ) sell".split()
    assert clause_start(words, words.index("sell")) == 0
    words = "the vendor shall deliver , as follows : ( a ) sell".split()
    assert clause_start(words, words.index("sell")) == 8
    # ", and" with a subject and modal of its own runs to the anchor: a new clause; set off as an aside, it is not
    words = "clause 16.2 shall not apply , and the supplier shall grant a licence".split()
    assert clause_start(words, words.index("grant")) == 7
    words = "no party shall , and the parties shall procure that no affiliate shall , assign".split()
    assert clause_start(words, words.index("assign")) == 0
    words = "the vendor may use , and shall protect , the data".split()  # no subject of its own: the same clause
    assert clause_start(words, words.index("protect")) == 0


def test_phrase_index_prefers_the_longest_sequence():
    idx = PhraseIndex([("is",), ("is", "entitled"), ("is", "entitled", "to")])
    words = "the city is entitled to audit".split()
    assert idx.at(words, 2) == ("is", "entitled", "to")
    assert idx.first_in(words, 0, len(words)) == 2
    assert idx.at(words, 0) is None


def test_inverted_subject_after_the_modal():
    a = attrs("In no event shall the City be liable for lost profits.", "liable")
    assert (a.party, a.role, a.negated, a.modality) == ("City", "public", True, "prohibition")


def test_modal_after_a_leading_phrase():
    a = attrs("Upon termination of this Agreement, the Contractor shall transfer the data.", "termination")
    assert (a.modality, a.party, a.role) == ("obligation", "Contractor", "vendor")


@pytest.mark.parametrize("sentence, anchor, want", [
    # a long leading phrase, closed by a comma, then the main clause
    ("Upon termination or expiration of this Agreement, if specifically requested by the City, the Vendor shall provide copies of such records to the City.",
     "termination", ("Vendor", "obligation", False)),
    ("In addition to the foregoing, upon termination or expiration of this Agreement for any reason, each party shall continue to maintain accurate records.",
     "termination", ("each party", "obligation", False)),
    ("After the expiration or termination of this Agreement for any reason whatsoever, you may not retain or use the Customer List.",
     "termination", ("you", "prohibition", True)),
    # the first comma comes more than ten tokens after the anchor
    ("Notwithstanding the foregoing, if the Agreement is terminated for any reason other than the Vendor's material breach, then for thirty (30) days following such termination, the City may continue to use the printed material.",
     "terminated", ("City", "permission", False)),
    # "shall not exceed" bounds the anchor, it does not negate it
    ("If any liability arises under this Agreement, it shall not exceed the fees paid in the prior twelve months.",
     "liability", (None, "obligation", False)),
])
def test_a_leading_phrase_takes_the_main_clauses_modal(sentence, anchor, want):
    a = attrs(sentence, anchor)
    assert (a.party, a.modality, a.negated) == want


@pytest.mark.parametrize("sentence, anchor, modality", [
    # "shall have the (exclusive) right" gives a right, wherever the anchor sits
    ("The Distributor shall have the exclusive right to market and sell the Products.", "exclusive", "permission"),
    ("11. Audit Rights: (a) The City shall have the right, upon notice, to inspect the books.", "Audit", "permission"),
    ("The Supplier shall have the obligation to deliver the Goods.", "deliver", "obligation"),
    # "shall have a ... licence" gives a licence, however many terms stand before the noun
    ("The Authority shall have a perpetual, irrevocable, royalty-free licence to use the Supplier Background IP.", "licence", "permission"),
    ("The Contractor shall have a duty to obtain a licence for the software.", "licence", "obligation"),
    # a hedge another modal owns is not the anchor's
    ("The Vendor shall permit its records to be examined by the City's auditors, and the City shall use reasonable efforts to minimise disruption.",
     "auditors", "permission"),
    ("Upon termination, the Supplier shall use reasonable efforts to assist the Authority.", "termination", "weak"),
    # the modal of a relative clause inside the subject is not the subject's
    ("The Supplier's liability for any loss that may be suffered by the City shall not exceed the fees.", "liability", None),
    # nor is the modal of a "to the extent" condition the main clause's
    ("NTL, to the extent of its legal right to do so, hereby grants to Entrust a non-exclusive license under the Patents.", "grants", None),
    ("To the extent that components of the Software may be downloaded to a User's computer, eGain grants Customer a licence to use them.",
     "grants", None),
    # an operative verb before the anchor is its clause's verb: a modal past the next comma is a proviso's
    ("County grants Contractor a perpetual, irrevocable, royalty-free license to use such feedback into Contractor's products, "
     "provided that feedback shall not include County Data.", "perpetual", None),
])
def test_rights_hedges_and_relative_clauses(sentence, anchor, modality):
    assert attrs(sentence, anchor).modality == modality


def test_modal_in_another_clause_far_after_is_not_taken():
    a = attrs("Subject to notice in writing from Developer which cancels such authorization, during the term of this Agreement, Distributor may use the marks.", "cancels")
    assert a.modality is None


def test_negation_at_a_later_modal_reaches_a_leading_anchor():
    a = attrs("Upon termination, the Vendor shall not continue to provide the Services.", "termination")
    assert a.negated and a.modality == "prohibition" and a.role == "vendor"
    # but a subject anchor is bounded, not negated, by "shall not exceed"
    assert not attrs("The Vendor's total liability shall not exceed the fees.", "liability").negated


def test_hedged_clause_party_is_the_subject_before_the_hedge():
    a = attrs("The Supplier will use reasonable endeavours to assist the Authority upon termination.", "termination")
    assert (a.modality, a.party, a.role) == ("weak", "Supplier", "vendor")


def test_party_in_a_phrase_after_a_subject_anchor_does_not_negate_it():
    a = attrs("The Concessionaire's total liability to the Council under this Agreement shall not exceed GBP 250,000.", "liability")
    assert not a.negated


def test_negation_inside_an_if_condition_is_not_a_prohibition():
    assert not attrs("If Licensee does not transfer the Licensed Product within ninety days, Licensor may terminate.", "transfer").negated
    assert attrs("The Licensee shall not transfer the Licensed Product to any third party.", "transfer").negated
    assert attrs("If the Licensee defaults, the Licensee shall not transfer the Licensed Product.", "transfer").negated


@pytest.mark.parametrize("sentence, anchor, party, role", [
    # the bound party lets another act: the right is the other's
    ("The Supplier shall permit the Authority to audit its records.", "audit", "Authority", "public"),
    # access given to a list of recipients, the first named holds it (CUAD, a servicing agreement)
    ("Upon reasonable request, the Contractor will give the City, the Auditor General, the Owner Trustee and the Indenture "
     "Trustee (or their representatives) access to the records and documents to conduct a review of the Contractor's "
     "performance under this Agreement.", "review", "City", "public"),
    ("The Contractor shall permit the City and its auditors to inspect its books.", "inspect", "City", "public"),
    ("Licensee shall allow Licensor or its representatives to examine its books.", "examine", "Licensor", "vendor"),
    # the agent named after the action
    ("The Vendor shall make its records available for inspection by the City.", "inspection", "City", "public"),
    ("The Supplier's books shall be subject to audit by the Authority at any time.", "audit", "Authority", "public"),
    # records opened to a party for checking
    ("The Vendor shall make its records available to the City for audit.", "audit", "City", "public"),
    ("The Vendor shall make its records available for audit or review by the City upon request.", "audit", "City", "public"),
    ("Distributor shall make such books and records available to Developer, at Distributor's place of business during normal business hours, to audit the payments.", "audit", "Developer", "vendor"),
    ("The Vendor shall make available to the City during regular business hours all records created under this Agreement for reasonable audit and inspection by the City.", "audit", "City", "public"),
    # the party given access or help so that it can check
    ("The Supplier shall provide the Authority with access to its books and records for audit.", "audit", "Authority", "public"),
    ("The Supplier shall give the City and its auditors access to the Supplier's premises to inspect the records.", "inspect", "City", "public"),
    ("The Supplier shall provide reasonable assistance to the Authority in any audit.", "audit", "Authority", "public"),
    ("The Vendor shall also provide reasonable assistance to the City or its designated agent to conduct audits.", "audits", "City", "public"),
])
def test_the_party_given_the_right_holds_it(sentence, anchor, party, role):
    a = attrs(sentence, anchor)
    assert (a.party, a.role, a.modality, a.negated) == (party, role, "permission", False)


def test_help_given_for_the_bound_partys_own_duty_keeps_the_bound_party():
    # the help is the duty (a transition), not what lets the other party act
    a = attrs("Upon termination, the Supplier shall provide the Authority with reasonable assistance to transition the Services.", "termination")
    assert (a.party, a.role, a.modality) == ("Supplier", "vendor", "obligation")


def test_letting_act_keeps_a_hedge_and_a_prohibition_with_the_bound_party():
    a = attrs("Where practicable, the Contractor shall allow the City to export its data.", "export")
    assert (a.party, a.modality) == ("Contractor", "weak")
    a = attrs("The Supplier shall not permit the Authority to audit its records.", "audit")
    assert (a.party, a.modality, a.negated) == ("Supplier", "prohibition", True)


@pytest.mark.parametrize("sentence, anchor, party, role", [
    # the owner named after the thing owned
    ("All Sensor Data shall be the property of the City.", "shall", "City", "public"),
    ("All Work Product created by the Vendor shall vest in the Authority on creation.", "shall", "Authority", "public"),
    ("Any Foreground IP created by the Supplier shall belong to the Customer.", "shall", "Customer", None),
    # no owner named after it: the subject owns
    ("The City shall be the owner of all Sensor Data.", "shall", "City", "public"),
    # the grantee holds what is granted or assigned
    ("The Licensor hereby grants to the Licensee a non-exclusive licence.", "hereby", "Licensee", None),
    ("The Supplier grants the City a perpetual licence to use the Software.", "perpetual", "City", "public"),
    ("The Contractor hereby assigns to the City all right, title and interest in the Deliverables.", "hereby", "City", "public"),
    # the assignee after what is assigned, and assignments bound by "shall" or "agrees to"
    ("The Contractor hereby irrevocably assigns all right, title and interest in the Deliverables to the City.", "hereby", "City", "public"),
    ("The Licensee hereby assigns and agrees to assign any rights it may have in the Licensed Mark, to the Licensor.", "hereby", "Licensor", "vendor"),
    ("The Contractor shall assign to the City all Deliverables.", "assign", "City", "public"),
    ("The Contractor agrees to assign all Deliverables to the City.", "assign", "City", "public"),
    ("The Contractor shall transfer to the City all intellectual property rights in the Software.", "transfer", "City", "public"),
    ("The Contractor shall, and hereby does, assign to the City all right, title and interest in the Deliverables.", "hereby", "City", "public"),
    ("SFJ shall, and hereby does, assign to MedImmune and will cause its officers to assign to MedImmune all rights in the Improvements.", "hereby", "MedImmune", None),
    # present and operative without "hereby": "irrevocably assigns"
    ("The Contractor agrees to deliver and assign (or cause to be assigned) and irrevocably assigns to the City all rights in the Reports.", "irrevocably", "City", "public"),
    # a grantee named by a word that is not a known party term
    ("Acme hereby grants Zenbrook a non-exclusive, royalty-free licence to use the Marks.", "hereby", "Zenbrook", None),
    ("Acme hereby grants to Zenbrook the right to use the Marks.", "hereby", "Zenbrook", None),
    ("The Supplier will retain ownership and will grant a royalty-free, non-exclusive licence to the City to use the Marks.", "grant", "City", "public"),
    ("Each party hereby grants non-exclusive licences to utilize the other party's trademarks.", "hereby", "Each party", "both"),
    # an operative assignment after a prohibition that led the sentence
    ("In no event shall the Contractor file any patent application, and if it does, the Contractor hereby assigns to the City all rights in it.", "hereby", "City", "public"),
    # the holder already the subject: "is granted"
    ("The Licensee is granted a non-exclusive licence to use the Marks.", "granted", "Licensee", None),
    # ... and "is hereby granted", with another party the subject of the sentence before it
    ("The Consultant agrees that if the Consultant incorporates any Prior Inventions, (i) the Consultant will inform the City, "
     "and (ii) the City is hereby granted a perpetual licence to use them.", "granted", "City", "public"),
    # a refusal to grant binds the grantor
    ("The Council shall not grant any other operator a concession.", "grant", "Council", "public"),
])
def test_the_owner_or_grantee_holds_it(sentence, anchor, party, role):
    a = attrs(sentence, anchor, party_terms={"customer": None, "licensee": None})
    assert (a.party, a.role) == (party, role)


def test_neither_one_nor_the_other_binds_both():
    a = attrs("Neither the Licensor nor the Licensee may assign this Agreement.", "assign")
    assert (a.party, a.role, a.negated) == ("Neither the Licensor nor the Licensee", "both", True)
    # three of them (CUAD, an endorsement agreement: "NEITHER ABG NOR AUTHENTIC BRANDS GROUP LLC NOR CELEBRITY SHALL BE LIABLE")
    a = attrs("Neither the Licensor nor the Licensee nor the Distributor shall be liable for any indirect damages.", "liable")
    assert (a.party, a.role) == ("Neither the Licensor nor the Licensee nor the Distributor", "both")
    terms = {"abg": None, "celebrity": None}
    a = attrs("NEITHER ABG NOR AUTHENTIC BRANDS GROUP LLC NOR CELEBRITY SHALL BE LIABLE TO THE COMPANY FOR ANY CONSEQUENTIAL DAMAGES.",
              "liable", party_terms=terms)
    assert (a.party, a.role) == ("NEITHER ABG NOR AUTHENTIC BRANDS GROUP LLC NOR CELEBRITY", "both")


@pytest.mark.parametrize("sentence, anchor, party", [
    ("12.1 The City and the Contractor shall jointly own the Foreground IP.", "jointly", "City and the Contractor"),
    # the pair must open the clause: here the City is the previous clause's object
    ("The Supplier shall deliver the data to the City and the Contractor shall host it.", "host", "Contractor"),
])
def test_two_parties_joined_as_one_subject(sentence, anchor, party):
    assert attrs(sentence, anchor).party == party


@pytest.mark.parametrize("sentence, anchor, party", [
    # franchise and online terms speak in the first and second person
    ("We may terminate this Agreement for convenience on 30 days' notice.", "terminate", "We"),
    ("You may not assign this Agreement without our prior written consent.", "assign", "You"),
    ("We hereby grant you a non-exclusive licence to use the Marks.", "hereby", "you"),
])
def test_pronoun_parties(sentence, anchor, party):
    assert attrs(sentence, anchor).party == party


@pytest.mark.parametrize("sentence, anchor, party", [
    # a party written in capitals before its verb, never introduced with (the "...")
    ("19.4 ECOPETROL may assign the Contract without the authorization from the SENDER.", "assign", "ECOPETROL"),
    ("SAP AFRICA shall not be liable for any indirect loss suffered by the customer.", "liable", "SAP AFRICA"),
    # not a heading run into the text, not a defined thing, not in a sentence all in capitals
    ("EXCLUDING LIABILITY FOR INFRINGEMENT, the total liability of either party is limited.", "limited", "either party"),
    ("This AGREEMENT shall be governed by the laws of Texas.", "governed", None),
    ("IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR LOST PROFITS.", "LIABLE", "EITHER PARTY"),
    # a name in ordinary capitals that no contract vocabulary has, opening the clause
    ("3.2.1 Axiometric shall have the exclusive right to market the Products in the United States.", "exclusive", "Axiometric"),
    ("Payment shall be made in full within thirty days of the invoice.", "made", None),
    ("The Escrowee shall release the Source Code to the Licensee.", "release", None),  # "The X": not a bare name
    # an inverted subject that is no party word: between the modal and "be"
    ("EXCLUDING INFRINGEMENT CLAIMS, IN NO EVENT SHALL eGAIN BE LIABLE TO CUSTOMER FOR LOST PROFITS.", "LIABLE", "eGAIN"),
    ("In no event shall such payment be liable to set-off.", "liable", None),
    # ... before "will have the right to", the modality read at "right"
    ("2.6 Axiometric will have the right to terminate the license at any time upon two weeks notice.", "terminate", "Axiometric"),
    # "Party A", "Party B", as contracts in translation name the parties
    ("Party A is entitled to unilaterally terminate this Agreement within three months of signing.", "terminate", "Party A"),
    ("Party B must ensure that the coking system works properly.", "ensure", "Party B"),
    # a name in CamelCase, and one of two capitals that is no word ("PB", not "IT" or "US")
    ("27. Insurance: MusclePharm shall, throughout the Term, obtain and maintain product liability insurance.", "maintain", "MusclePharm"),
    ("PB will obtain such Clinical Trials Liability insurance on a global basis.", "obtain", "PB"),
    ("IT will be provided to the Contractor's staff on request.", "provided", None),
])
def test_parties_written_in_capitals(sentence, anchor, party):
    assert attrs(sentence, anchor).party == party


def test_a_permission_to_assign_stays_with_the_assignor():
    a = attrs("The Contractor may assign this Agreement to the City's nominee without consent.", "assign")
    assert (a.party, a.modality) == ("Contractor", "permission")


def test_commercial_party_names_are_parties_without_a_role():
    # "Customer", "Distributor", "Licensee": parties by name (capitalised), no public/vendor role
    a = attrs("The Customer may terminate this Agreement for convenience.", "terminate")
    assert (a.party, a.role, a.modality) == ("Customer", None, "permission")
    a = attrs("Distributor shall purchase at least 10,000 units each year.", "purchase")
    assert (a.party, a.role) == ("Distributor", None)
    # lower case is a word, not a party
    a = attrs("Each customer may terminate its order.", "terminate")
    assert a.party is None


def test_making_services_available_is_the_suppliers_duty():
    a = attrs("The Supplier shall make the Services available to the City in accordance with the SLA.", "available")
    assert (a.party, a.modality) == ("Supplier", "obligation")


@pytest.mark.parametrize("sentence, anchor, party, terms", [
    # "the other party" told or dealt with is not the actor named before it (a defined "Party" too)
    ("This Agreement shall continue in effect until either Party informs the other Party with thirty days prior written "
     "notice of termination.", "termination", "either Party", {}),
    ("This Agreement shall continue in effect until either Party informs the other Party with thirty days prior written "
     "notice of termination.", "termination", "either Party", {"party": None}),
    ("Upon request by a Party, the other Party will provide certificates of insurance.", "insurance", "the other Party", {}),
    # a party phrase of four words read whole, not its last two
    ("Each of the Parties may, at its own expense, audit the other Party's compliance with this Agreement.", "audit", "Each of the Parties", {}),
    # nor the one who suffers the loss whose liability is capped
    ("Each Party's liability for damage suffered by the other Party shall be limited to the fees paid.", "limited", "Each Party", {}),
    # the inverted subject of "in no event shall", not a party named in the exception before it
    ("Except for a breach of Section 11, and without limiting a Party's indemnification obligations, in no event shall "
     "either Party be liable to the other Party for any indirect damages.", "liable", "either Party", {}),
    # the agent of the modal's own passive verb, before the anchor; a name never introduced
    ("This Agreement may be assigned without the other parties' consent by MusclePharm in connection with a change of control.",
     "control", "MusclePharm", {}),
    # whoever designates the one let in holds the right
    ("Each Party will permit an independent public accounting firm of nationally recognized standing designated by the other "
     "Party and reasonably acceptable to the audited Party, at reasonable times, to audit the books and records.", "audit",
     "the other Party", {}),
    # a party named in an aside closed before the verb is not its subject (CUAD, a consulting agreement)
    ("This Agreement shall commence on the Effective Date and shall continue until the four-year anniversary of the "
     "Effective Date (such period, as it may be extended, either by the mutual written agreement of the parties or "
     'automatically, or earlier terminated being referred to as the "Consultation Period"), unless sooner terminated in '
     "accordance with the provisions of Section 4, and shall automatically renew for successive one-year periods.", "renew", None, {}),
    ("Subject to Section 10.2, the terms of this Agreement (whether or not executed by the Parties) are deemed to be "
     "Confidential Information, with each Party being deemed a Receiving Party.", "Receiving", "each Party", {}),
    # the contract as the subject after a leading condition: it renews by itself, whoever the condition names
    ("Unless Customer notifies Metavante of its intent not to renew this Agreement within three months following the "
     "Renewal Notice, this Agreement shall automatically renew at the end of the Initial Term for one twelve-month period.",
     "automatically", None, {}),
    ("If neither party gives notice, this Agreement shall automatically renew for one year.", "renew", None, {}),
    # but a pronoun subject is the condition's party, and a party the condition is about stays its own
    ("If the Supplier fails to deliver, it shall pay liquidated damages.", "pay", "Supplier", {}),
    ("If Licensee undergoes a change of control, this Agreement shall terminate automatically.", "control", "Licensee", {}),
    # a participle clause with its own agent: the agent, not the subject of the verb before it (CUAD, an
    # employment agreement)
    ("The Executive's employment with the Company will commence on the Commencement Date and shall continue, subject "
     "to the remaining terms of this Agreement, until terminated by either party giving the other written notice.",
     "terminated", "either party", {}),
    ("This Agreement shall remain in force unless terminated by the Licensor on ninety days' notice.", "unless", "Licensor", {}),
    ("The Licensee shall pay the fees, whether or not invoiced by the Licensor.", "invoiced", "Licensee", {}),
    # a name never introduced, in capitals after a leading phrase that names another party (CUAD, a transport contract)
    ("a) In addition to the provisions in the Manual of the Shipper, ECOPETROL shall not be responsible for any faults "
     "in the Service.", "responsible", "ECOPETROL", {}),
    ("Subject to clause 9, CONSULTANT shall not be liable for indirect damages.", "liable", "CONSULTANT", {}),
    # but a defined name given in parentheses names the words before it
    ('The Company requests its users ("Individual Users") to provide personal information.', "provide", "Individual Users",
     {"individual users": None, "users": None}),
])
def test_who_acts_when_other_parties_are_named_around_it(sentence, anchor, party, terms):
    assert attrs(sentence, anchor, party_terms=terms).party == party



def test_a_thing_defined_in_parentheses_after_the_two_parties_is_no_party_unless_it_acts():
    from kindkit import found

    text = ('This Agreement is made between Acme Inc. ("Licensor") and Beta LLC ("Licensee").\n\n'
            '2. If Net Sales of $20 million (the "First Renewal Threshold") are achieved in the Third Contract Year, '
            "then this Agreement shall automatically be renewed for an additional term of three years.\n\n"
            '3. Licensee appoints Gamma Ltd (the "Agent") to collect royalties. The Agent shall report monthly. '
            "The Agent shall have the right to audit Licensee's books and records.\n")
    assert [d.party for d in found(text, "auto-renewal")] == [None]
    assert [d.party for d in found(text, "audit-rights")] == ["Agent"]


def test_only_so_many_introductions_are_tested_as_parties():
    # each test reads the whole text: a file with thousands of "(the "X")" must not cost thousands of reads
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.detect.parties import MAX_INTRODUCED
    from pcsc_procure.document.text_reader import read_text

    agents = [f"Agent {chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(MAX_INTRODUCED + 20)]  # "Agent Aa", ...
    intros = "".join(f'A firm (the "{a}"). ' for a in agents)
    acts = "".join(f"{a} shall report. {a} shall attend. " for a in agents)
    text = 'This Agreement is between Acme Inc. ("Supplier") and the City of Springfield ("City"). ' + intros + "\n\n" + acts
    names = [n for _, n in get_detector().party_terms(read_text(text.encode(), "many.txt")).names]
    assert names[:3] == ["Supplier", "City", "Agent Aa"] and len(names) == MAX_INTRODUCED


def test_only_so_many_tentative_introductions_are_tested(monkeypatch):
    # terms named for several that never act take no place, but each still costs a read of the whole text
    from pcsc_procure.detect import parties
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.document.text_reader import read_text

    calls = []
    real = parties.acts_as_party
    monkeypatch.setattr(parties, "acts_as_party", lambda text, term: calls.append(term) or real(text, term))
    things = "".join(f'Goods (collectively, the "Lot {chr(65 + i // 26)}{chr(97 + i % 26)}"). ' for i in range(500))
    text = 'This Agreement is between Acme Inc. ("Supplier") and the City of Springfield ("City"). ' + things + "\n"
    names = [n for _, n in get_detector().party_terms(read_text(text.encode(), "many.txt")).names]
    assert names == ["Supplier", "City"] and len(calls) == parties.MAX_INTRODUCED



@pytest.mark.parametrize("kind, sentence, party", [
    # two grantees, two joint owners, two subjects after a leading phrase: both hold the right
    ("license-grant", "The Licensor hereby grants to Beta and Gamma a non-exclusive, royalty-free license to use the Materials.", "Beta and Gamma"),
    ("joint-ip-ownership", "Any extension of the Software developed jointly shall be the joint property of Acme and Beta.", "Acme and Beta"),
    ("joint-ip-ownership", "Upon termination of the Agreement, Acme and Beta shall jointly own all User Data.", "Acme and Beta"),
    # a work made for hire belongs to the other party than the one who acknowledges making it, or to the owner named
    ("ip-assignment", "The Consultant further acknowledges that each original work of authorship made by the Consultant within the scope "
     'of this Agreement is a "work made for hire," as defined in the United States Copyright Act.', "Company"),
    ("ip-assignment", 'All Materials will be deemed a "work made for hire" under the provisions of the United States Copyright Act '
     "(17 U.S.C. Sec. 101) and will be owned by Beta for all purposes.", "Beta"),    ("ip-assignment", "All creative materials produced by the Consultant under this Agreement shall be works made for hire for the "
     "Company.", "Company"),
])
def test_who_holds_what_is_granted_owned_or_made_for_hire(kind, sentence, party):
    from kindkit import found

    intro = {"license-grant": 'This Agreement is made between Beta LLC ("Beta") and Gamma Ltd ("Gamma").',
             "joint-ip-ownership": 'This Agreement is made between Acme Inc. ("Acme") and Beta LLC ("Beta").',
             "ip-assignment": 'This Agreement is made between Acme Inc. ("Company") and Jane Doe ("Consultant").'}[kind]
    if "Beta" in sentence and kind == "ip-assignment":
        intro = 'This Agreement is made between Acme Inc. ("Acme") and Beta LLC ("Beta").'
    assert [d.party for d in found(intro + "\n\n" + sentence + "\n", kind)] == [party]


@pytest.mark.parametrize("kind, sentence, party", [
    # a cue that opens with its modal is that modal's clause, not the one of "agrees" before it
    ("ip-assignment", "The Professional agrees that the Company shall own all such materials and all intellectual property rights "
     "therein for use in perpetuity in any media now known or hereafter devised or developed.", "Company"),
    # the agent of a passive the cue opens with its modal, across coordinated participles only
    ("anti-assignment", "The Options shall not be assigned, transferred or alienated by the Professional.", "Professional"),
    ("anti-assignment", "This Agreement is binding upon the parties and their successors, and no party shall have the right to assign "
     "its rights hereunder without the prior written consent of the other parties.", "no party"),
    # a grantee of several capitalised words that is no defined party; owners "in joint names of"
    ("license-grant", "T-Mobile hereby grants ELEPHANT TALK a fully paid-up, non-exclusive licence to use the Hosting Services.", "ELEPHANT TALK"),
    ("joint-ip-ownership", "The Professional will trademark the series name in joint names of the Professional and the Company.",
     "Professional and the Company"),
    # not a new clause's subject after "and"
    ("ip-assignment", "All Materials developed under this Agreement shall be the property of the Company and the Professional shall "
     "deliver them on request.", "Company"),
])
def test_whose_clause_a_modal_or_a_name_makes_it(kind, sentence, party):
    from kindkit import found

    intro = 'This Agreement is made between Womens Golf Unlimited, Inc. (the "Company") and Jane Doe (the "Professional").'
    assert [d.party for d in found(intro + "\n\n" + sentence + "\n", kind)] == [party]


def test_a_party_named_for_several_is_a_party_when_it_acts():
    from kindkit import found

    from pcsc_procure.segment.definitions import find_definitions

    preamble = ('This Agreement is made between Marine MP, LLC ("Lender") and Fitness Publications, Inc. ("Fitness") '
                '(collectively, Lender and Fitness are referred to as the "AS Parties") and MusclePharm Corporation and its '
                'subsidiaries (collectively, "MusclePharm" or the "Company"). The stands and the boxes (collectively, the "Stands") '
                "are described in Exhibit A.\n\n")
    assert [(d.term, d.tentative) for d in find_definitions(preamble) if d.kind == "party"] == [
        ("Lender", False), ("Fitness", False), ("AS Parties", True), ("MusclePharm", True), ("Stands", True)]
    text = (preamble + "1. The AS Parties shall have the right, upon five days' written notice, to inspect MusclePharm's books and records.\n\n"
            "2. IN NO EVENT SHALL THE AS PARTIES BE LIABLE FOR SPECIAL, CONSEQUENTIAL, OR PUNITIVE DAMAGES.\n\n"
            "3. MusclePharm shall pay the fees. MusclePharm shall keep records.\n\n"
            "4. The Stands shall not be assigned by the Company.\n\n5. The AS Parties shall approve each Licensed Product.\n")
    assert [d.party for d in found(text, "audit-rights")] == ["AS Parties"]
    assert [d.party for d in found(text, "liability-cap")] == ["AS PARTIES"]
    # a thing named for several that never acts is no party: the assignor is the Company
    assert [d.party for d in found(text, "anti-assignment")] == ["Company"]


def _between(first: str, first_term: str, second: str, second_term: str) -> str:
    """A contract's opening line introducing its two parties, then a blank line."""
    return f'This Agreement is made between {first} ("{first_term}") and {second} ("{second_term}").\n\n'


# Whole documents, so that the parties are introduced as contracts introduce them: (kind, text, [(party, start of passage)])
DOCUMENT_PARTIES = [
    # the agent of a relative clause's passive is not the party
    ("liability-cap",
     _between("SAP Africa (Pty) Ltd", "SAP AFRICA", "Telkom SA Limited", "TELKOM") +
     "11.4 Subject to, and without prejudice to the provisions of this clause 11.1 and clause 10, SAP AFRICA'S liability "
     "for any loss or damages of whatever nature or however arising, that may be suffered by TELKOM or AFFILIATE from "
     "USE or license of the SOFTWARE and irrespective of the number of occurrences giving rise to such liability, shall "
     "be limited to the aggregate of all License Fees paid by TELKOM to SAP AFRICA in terms of this AGREEMENT.\n",
     [("SAP AFRICA", "11.4 Subject t")]),
    # a passage whose first part names no one takes the party its next part names
    ("post-termination-services",
     _between("Acme Inc.", "Company", "Beta LLC", "Distributor") +
     "7.3 Following expiration or termination of this Agreement, the provisions of Section 6 shall continue to govern "
     "the payment of fees. Following termination, the Distributor shall provide the Company with a final accounting "
     "and shall pay all amounts due.\n",
     [("Distributor", "7.3 Following ")]),
    # a liability shared with the other party's remedy is the first party's
    ("liability-cap",
     _between("XACCT Technologies, Inc.", "XACCT", "Beta LLC", "Licensee") +
     "XACCT'S SOLE LIABILITY AND LICENSEE'S EXCLUSIVE REMEDY FOR DAMAGES WITH RESPECT TO THE SUPPORT SERVICES UNDER ANY "
     "CONTRACT, TORT (INCLUDING NEGLIGENCE), STRICT LIABILITY OR OTHER THEORY, SHALL BE LIMITED TO THE AMOUNT PAID BY LICENSEE "
     "FOR THE SUPPORT SERVICES FOR THE PRIOR 12 MONTHS.\n",
     [("XACCT", "XACCT'S SOLE L")]),
    # a party whose name is written in lower case (and a thing named collectively, which is none)
    *[(kind,
       'This Agreement is entered into by eGain Communications Corporation ("eGain") and Eliance Corporation ("Customer") '
       '(collectively, "records").\n\n'
       "9.2 Except in the event of termination for Customer's breach, eGain shall provide Customer with an electronic copy "
       "of the final Reports after termination of this Agreement.\n\n"
       "9.3 Customer hereby grants eGain a right to use Customer's trademarks for such limited uses.\n",
       [("eGain", start)]) for kind, start in (("post-termination-services", "9.2 Except in "), ("license-grant", "9.3 Customer h"))],
    # an owner after an adverb: "shall belong exclusively to the Company"
    ("ip-assignment",
     _between("Acme Inc.", "Company", "Jane Doe", "Consultant") +
     "5.1 All inventions, works of authorship and other intellectual property created by the Consultant under this Agreement "
     "shall belong exclusively to the Company.\n",
     [("Company", "5.1 All invent")]),
    # the assignee after what is assigned, however long ("in and to the THC ERB Domains" is what is given)
    ("ip-assignment",
     _between("The Hertz Corporation", "THC", "Herc Rentals Inc.", "HERC") +
     "2.9.1 THC will assign all right, title and interest in and to the THC ERB Domains (those domains owned by THC related to "
     "the ERB that do not incorporate the mark or name HERTZ) as set forth on Schedule H to HERC and as more fully set forth in "
     "the Domain Name Assignment attached hereto as Exhibit D.\n",
     [("HERC", "2.9.1 THC will")]),
    # an audit's reports given to a party: the right is the receiver's
    ("audit-rights",
     _between("PhaseBio Pharmaceuticals, Inc.", "PB", "SFJ Pharmaceuticals X, Ltd.", "SFJ") +
     "3.6.3 At either Party's request, a Party will provide the other Party with copies of any reports relating to source data "
     "verification and other types of Clinical Trials audits.\n",
     [("the other Party", "3.6.3 At eithe")]),
    # parties introduced without quotes (a text conversion that lost them) count once they act; a bracket
    # inside a name whose quoted term follows is no party
    ("license-grant",
     "This LICENSE AGREEMENT is entered into by and between Bioeq IP AG, having its place of business at Zug (Bioeq) and Coherus "
     "BioSciences, Inc., having its principal place of business at Redwood City (Licensee). See Section 5 (Confidentiality).\n\n"
     "2.1 Bioeq shall deliver the Product. Licensee shall pay the fees. Licensee shall report. Bioeq shall inform.\n\n"
     "15.3 Licensee shall grant, and hereby grants to Bioeq an exclusive, royalty-free license to use the Licensee Trademarks.\n",
     [("Bioeq", "15.3 Licensee ")]),
    # the appointee named right after the verb holds what the appointment gives; not one a relative clause designates
    ("exclusivity",
     _between("A.J. Racing, Inc.", "AJR", "Xybernaut Corporation", "XC") +
     "(a) In consideration of the payments provided for in Section 3 hereof, AJR agrees to designate XC as an associate sponsor "
     'and the "exclusive technology sponsor" for wearable computer technology of the Team for the Season.\n',
     [("XC", "(a) In conside")]),
    ("audit-rights",
     _between("ATR GIE", "Repairer", "Azul Linhas Aereas", "Company") +
     "2.4 The Repairer or any representative it designates shall have the right to inspect the Stock and to audit any records "
     "relating thereto held by the Company.\n",
     [("Repairer", "2.4 The Repair")]),
    # the grantee right after "license to"
    ("license-grant",
     'This Agreement is made between Womens Golf Unlimited, Inc. (the "Company") and Jane Doe (the "Professional").\n\n'
     "3.1 The Professional hereby grants an exclusive, worldwide license to the Company to use the name, likeness and image "
     "of the Professional in connection with the Products.\n",
     [("Company", "3.1 The Profes")]),
    # a modal in a relative clause closed before the anchor is not the anchor's; one the anchor is in is
    ("minimum-commitment",
     _between("Zynga Inc.", "Zynga", "WPT Enterprises, Inc.", "WPT") +
     "4. Zynga will pay WPT three million U.S. dollars ($3,000,000) per year according to the following schedule (which the "
     'parties may alter upon mutual agreement) (the "Annual Minimum Guarantee").\n',
     [("Zynga", "4. Zynga will ")]),
    ("joint-ip-ownership",
     _between("About.com, Inc.", "About", "ebix.com, Inc.", "ebix") +
     "Upon request by About, ebix shall provide About with About Customer Data in the aggregated form, which aggregated form "
     "shall be jointly owned by ebix and About.\n",
     [("ebix and About", "Upon request b")]),
    # a later sentence that names only "a Party" leaves the passage to the party named first
    ("anti-assignment",
     _between("Sutro Biopharma, Inc.", "Sutro", "SutroVax, Inc.", "SutroVax") +
     "12.4 Neither Party may assign or transfer this Supply Agreement without the other Party's prior written consent. Any "
     "attempted assignment by a Party in violation of this Section without the written consent of the other Party will be null "
     "and void.\n",
     [("Neither Party", "12.4 Neither P")]),
    # an operative assignment whose verb is one of a coordinated list: the assignee holds it
    ("ip-assignment",
     _between("MiddleBrook Pharmaceuticals, Inc.", "MBRK", "Dr. Dan, Inc.", "DD") +
     "12.1. For good and valuable consideration, DD hereby sells, assigns and transfers to MBRK the entire right, title and "
     "interest in and to all work product developed under this Agreement.\n",
     [("MBRK", "12.1. For good")]),
    # what one party agrees another has is the other's
    ("exclusivity",
     _between("Fulucai Productions Ltd.", "Producer", "ConvergTV, Inc.", "ConvergTV") +
     "During the License Term, Producer agrees that ConvergTV has the exclusive right to exercise the rights granted to it "
     "under this Agreement with respect to the Program within the Licensed Territory.\n",
     [("ConvergTV", "During the Lic")]),
    # a bar that opens a passage of a kind that is ordinarily a bar stands for it
    ("liability-cap",
     _between("Sutro Biopharma, Inc.", "SUTRO", "SutroVax, Inc.", "SUTROVAX") +
     "11.2 NEITHER PARTY SHALL BE LIABLE TO THE OTHER PARTY FOR ANY INDIRECT, INCIDENTAL, CONSEQUENTIAL OR PUNITIVE DAMAGES. "
     "SUTRO'S LIABILITY TO SUTROVAX FOR THIRD PARTY PENALTIES SHALL NOT EXCEED ONE MILLION DOLLARS.\n",
     [("NEITHER PARTY", "11.2 NEITHER P")]),
    ("anti-assignment",
     _between("Acme Inc.", "Company", "Jane Doe", "Consultant") +
     "9. Consultant may not sell, assign or delegate any rights or obligations under this Agreement. Notwithstanding anything "
     "to the contrary herein, Company may assign this Agreement to any successor to its business.\n",
     [("Consultant", "9. Consultant ")]),
    # the party whose duty the subject names, not a party named nearer the anchor
    ("minimum-commitment",
     _between("Berkeley Lights, Inc.", "BLI", "Ginkgo Bioworks, Inc.", "Ginkgo") +
     "(a) Ginkgo's obligations to pay to BLI the Minimum Cumulative Purchase Commitment under Section 7.2.2(a) shall "
     "terminate.\n",
     [("Ginkgo", "(a) Ginkgo's o")]),
    # the party a clause puts its obligation on; a modal inside a condition is not the clause's
    ("minimum-commitment",
     _between("Berkeley Lights, Inc.", "BLI", "Ginkgo Bioworks, Inc.", "Ginkgo") +
     "(i) Subject to Section 7.2.2(a) (Minimum Cumulative Purchase Commitments), unless the Parties otherwise mutually agree "
     "in writing, the Development Purchase Commitment for the first two Contract Years shall constitute a binding obligation "
     "on Ginkgo.\n",
     [("Ginkgo", "(i) Subject to")]),
    # a negated passive's agent, across coordinated participles and "disposed of"
    ("anti-assignment",
     _between("Range Resources Louisiana, Inc.", "Shipper", "Enable Mississippi River Transmission, LLC", "Carrier") +
     "17. This Agreement may not be assigned, disposed of, alienated or otherwise transferred by either Party, in whole or in "
     "part, without the prior written consent of the other Party.\n",
     [("either Party", "17. This Agree")]),
    # the party whose (qualified) duty an inverted "in no event shall" caps
    ("liability-cap",
     _between("MusclePharm Corporation", "MusclePharm", "Arnold Schwarzenegger Parties", "AS Parties") +
     "In no event shall the AS Parties' indemnification obligations to MusclePharm hereunder exceed the after-tax value of "
     "the Cash Consideration.\n",
     [("AS Parties", "In no event sh")]),
    # a name that ends in "'s", whole, and one named for several
    ("license-grant",
     _between("McDonald's Corporation", "McDonald's", "Beta LLC", "Agency") +
     "2. Agency hereby grants to McDonald's a non-exclusive licence to use the Campaign Materials.\n",
     [("McDonald's", "2. Agency here")]),
    ("insurance",
     'This Agreement is made by ABG-Shaq, LLC ("ABG") and Papa John\'s Marketing Fund, Inc. ("PJMF") and Papa John\'s '
     'International, Inc. ("PJI") (PJMF and PJI are, individually and collectively, "PAPA JOHN\'S").\n\n'
     "E. PAPA JOHN'S shall submit to ABG a certificate of insurance naming ABG as additional insured. PAPA JOHN'S shall pay "
     "the fees. PAPA JOHN'S shall keep records.\n",
     [("PAPA JOHN'S", "E. PAPA JOHN'S")]),
    # the main clause's modal, past a long condition whose own modal is not the clause's
    ("post-termination-services",
     _between("Burger King Corporation", "BKC", "International Fast Food Corporation", "Franchisee") +
     "Upon termination or expiration of this Agreement, if the parties do not enter into a successor Franchise Agreement "
     "whereby the Franchisee shall continue to be a franchisee and operate the Franchised Restaurant at the Location, BKC or "
     "its designee shall have the option to purchase the Franchised Restaurant.\n",
     [("BKC", "Upon terminati")]),
    # the one given notice is not the one who gives it
    ("termination-for-convenience",
     _between("Medalist Diversified REIT, Inc.", "Company", "Jane Doe", "CONSULTANT") +
     "(c) ninety (90) days following the date the Company gives CONSULTANT written notice of termination for any or no "
     "reason.\n",
     [("Company", "(c) ninety (90")]),
    # a cue anchored on "in no event" itself reads the inverted subject after the modal
    ("liability-cap",
     _between("CC Real Estate Income Fund", "Fund", "CNL Capital Markets Corp.", "Distributor") +
     "11. In no event shall any party be responsible to the other for indirect, special or consequential damages.\n",
     [("any party", "11. In no even")]),
    # "each of" two parties: both hold
    ("insurance",
     _between("Acme Corporation", "Licensor", "Beta LLC", "Licensee") +
     "8. Each of the Licensor and the Licensee shall maintain general liability insurance of at least $1,000,000.\n",
     [("Licensor and the Licensee", "8. Each of the")]),
    # a right reserved to a party is that party's
    ("termination-for-convenience",
     _between("Acme Corporation", "Licensor", "Beta LLC", "Licensee") +
     "9. The right to terminate this Agreement for convenience is reserved to the Licensor.\n",
     [("Licensor", "9. The right t")]),
    # the party whose liability a carve-out names after the anchor
    ("uncapped-liability",
     _between("Northwind Traders Inc.", "Supplier", "the City of Springfield", "City") +
     "20.4 The limitation in Clause 20.2 shall not apply to the Supplier's liability for breach of Clause 15 (Data "
     "Protection).\n",
     [("Supplier", "20.4 The limit")]),
    # a full stop before an inline label ends a clause the sentence splitter kept whole: the party of
    # "(viii) Beta's obligations for ... the Guaranteed Minimum Royalty" is not the "Acme" of item (vii)
    ("minimum-commitment",
     _between("Acme Holdings LLC", "Acme", "Beta Nutrition Inc.", "Beta") +
     "(vi) Beta will make all payments payable to Acme. (vii) Receipt of a royalty statement by Acme shall not "
     "prevent Acme from questioning its accuracy. (viii) Beta's obligations for the payment of the Guaranteed Minimum "
     "Royalty shall survive the termination of this Agreement.\n",
     [("Beta", "(vi) Beta will")]),
    # a change of control in a leading condition: the party is the one the change gives a right to
    ("change-of-control",
     _between("Sutro Inc.", "Supplier", "Vax Corp.", "Customer") +
     "9.1 In the event Supplier undergoes a Change of Control or is acquired by a competitor of Customer, then Customer "
     "shall have the right to obtain supply of the Extract from an Alternate Supplier.\n",
     [("Customer", "9.1 In the eve")]),
    # ... not when the main clause binds the party that changes
    ("change-of-control",
     _between("Sutro Inc.", "Supplier", "Vax Corp.", "Customer") +
     "9.1 If Supplier undergoes a Change of Control, Supplier shall notify Customer within ten days.\n",
     [("Supplier", "9.1 If Supplie")]),
    # a condition after its main clause: the right is the main clause's subject's, not the name in the condition
    ("change-of-control",
     _between("Acme Software Inc.", "Acme", "Beta Retail LLC", "Beta") +
     "13.3 Either party may terminate immediately upon written notice if the other party (i) ceases to conduct "
     "business in the ordinary course; or (ii) if Beta sells all or substantially all of its assets to a competitor "
     "of Acme.\n",
     [("Either party", "13.3 Either pa")]),
    # a defined name that begins with a role word ("Village") is read whole, and is no public body
    ("license-grant",
     'This License Agreement is made between the Hall of Fame Foundation ("PFHOF") and HOF Village Media Group, LLC '
     '(the "Village Media Company").\n\n2.1 Subject to the terms of this Agreement, PFHOF hereby grants to the Village '
     "Media Company a worldwide, non-exclusive right and license to Exploit the PFHOF Works.\n",
     [("Village Media Company", "2.1 Subject to")]),
    # a licence that runs past the end of the term is the grantee's, however far the grant is from the anchor
    ("post-termination-services",
     _between("Jane Smith", "Professional", "Golf Apparel Inc.", "Company") +
     "3.1 The Professional hereby grants an exclusive, worldwide license to the Company to use the name, likeness and "
     "image of the Professional, during the Term and for a period of six (6) months after the Term, in connection with "
     "the marketing and sale of the Products.\n",
     [("Company", "3.1 The Profes")]),
    # the one entitled to receive a guaranteed minimum is not the one bound to it
    ("minimum-commitment",
     _between("Acme Holdings LLC", "Licensor", "Beta Nutrition Inc.", "Licensee") +
     "5.2 Licensor shall be entitled to receive a guaranteed minimum royalty of $100,000 for each Contract Year.\n",
     [("Licensee", "5.2 Licensor s")]),
    # "either A or B" names both, as agent or as subject (CUAD: a distributor agreement's "By either Vendor or
    # Distributor, upon written notice ...", an employment's "either you or the Company may terminate")
    ("termination-for-convenience",
     _between("Acme Inc.", "Vendor", "Beta LLC", "Distributor") +
     "This Agreement may be terminated by either the Vendor or the Distributor upon ninety (90) days' written notice.\n",
     [("either the Vendor or the Distributor", "This Agreement")]),
    ("termination-for-convenience",
     _between("Acme Inc.", "Vendor", "Beta LLC", "Distributor") +
     "Either Vendor or Distributor may terminate this Agreement at any time upon ninety (90) days' written notice.\n",
     [("Either Vendor or Distributor", "Either Vendor ")]),
    # the agent named by the first item after a passive lead-in
    ("termination-for-convenience",
     _between("Acme Inc.", "Vendor", "Beta LLC", "Distributor") +
     "1.1 This Agreement may be terminated subject to the following clauses:\n\n1.1.1. By either Vendor or Distributor, "
     "upon written notice of termination no later than ninety (90) days prior to the expiration of the Term;\n\n"
     "1.1.2. By Vendor and Distributor, at any time, upon their mutual written agreement.\n",
     [("either Vendor or Distributor", "1.1 This Agree")]),
    ("termination-for-convenience",
     _between("Acme Inc.", "Supplier", "Beta LLC", "Customer") +
     "This Agreement may be terminated as follows: (a) by the Customer at any time on thirty (30) days' written notice "
     "to the Supplier.\n",
     [("Customer", "This Agreement")]),
    # not "either" of a choice between things, nor a pair without it
    ("termination-for-convenience",
     _between("Acme Inc.", "Vendor", "Beta LLC", "Distributor") +
     "This Agreement may be terminated by the Vendor or the Distributor upon ninety (90) days' written notice.\n",
     [("Vendor", "This Agreement")]),
]


@pytest.mark.parametrize("kind, text, expected", DOCUMENT_PARTIES)
def test_the_party_of_each_passage_in_a_whole_document(kind, text, expected):
    from kindkit import found

    assert [(d.party, text[d.start : d.start + 14]) for d in found(text, kind)] == expected


@pytest.mark.parametrize("text, names", [
    # quotes lost in conversion: the bracketed names count once they act; a cross-reference title does not
    ("This LICENSE AGREEMENT is entered into by and between Bioeq IP AG, having its place of business at Zug (Bioeq) and Coherus "
     "BioSciences, Inc., of Redwood City (Licensee). See Section 5 (Confidentiality).\n\nBioeq shall deliver the Product. "
     "Licensee shall pay the fees. Licensee shall report. Bioeq shall inform.\n", ["Bioeq", "Licensee"]),
    # a bracket inside a name whose quoted term follows is no party, though its word acts inside that name
    ('SYSTEMS APPLICATIONS PRODUCTS (AFRICA) (PTY) LIMITED ("SAP AFRICA") and TELKOM SOUTH AFRICA LIMITED ("TELKOM").\n\n'
     "SAP AFRICA shall deliver. SAP AFRICA shall support.\n", ["SAP AFRICA", "TELKOM"]),
])
def test_parties_introduced_without_quotes(text, names):
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.document.text_reader import read_text

    assert [n for _, n in get_detector().party_terms(read_text(text.encode(), "draft.txt")).names] == names


@pytest.mark.parametrize("text, acts", [
    ("The AS Parties shall approve. The AS\nParties  will pay.", True),          # any whitespace inside the name
    ("THE AS PARTIES SHALL APPROVE. THE AS PARTIES MAY AUDIT.", True),           # a clause set in capitals
    ("AS Parties' approval is needed. AS Parties's consent. AS Parties agrees.", False),  # one act only
    ("Non-AS Parties shall approve. XAS Parties shall pay.", False),             # inside another word
    ("The AS Party shall approve. The AS Party shall pay.", False),              # another name
])
def test_a_term_acts_when_its_name_comes_right_before_a_modal_twice(text, acts):
    from pcsc_procure.detect.parties import acts_as_party

    assert acts_as_party(text, "AS Parties") is acts



@pytest.mark.parametrize("sentence, anchor, holder", [
    # the anchor in a leading condition: the main clause's subject, before its modal
    ("If the Contractor undergoes a change of control, the City may terminate this Contract.", "change", ("City", "public")),
    ("In the event the Contractor merges with a competitor, then the City shall have the right to terminate.", "merges", ("City", "public")),
    # no leading condition, or no modal after the party: nothing to say
    ("The Contractor shall notify the City of any change of control.", "change", None),
    ("Upon a change of control of the Contractor, this Contract terminates.", "change", None),
    ("If the Contractor undergoes a change of control, the City's consent is needed.", "change", None),
])
def test_consequence_holder(sentence, anchor, holder):
    from pcsc_procure.detect.attributes import consequence_holder

    texts = [t.text for t in blank_english().tokenizer(sentence)]
    words = [t.lower() for t in texts]
    assert consequence_holder(words, texts, words.index(anchor), {}) == holder
