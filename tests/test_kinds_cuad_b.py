"""Clause-kind detection, CUAD tuning B: audit rights, joint IP ownership,
exclusivity, insurance and cap on liability.

Sentences written for these tests, in the style of the commercial contracts the
CUAD categories are defined on; each pins one decision of the kind files (what
counts as the clause, and the look-alikes that do not).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence, found, one, passage


# (kind, a passage that is that kind): detected once, over the whole passage.
POSITIVE = [
    ("audit-rights", "Licensor may, at its own expense, audit the Licensee's books and records relating to the royalties once in each calendar year."),
    # access to the books themselves, the words close together
    ("audit-rights", "The Licensee shall give the Licensor access to its books and records during normal business hours upon ten days' notice."),
    # named joint IP counts when the sentence says who holds or exploits it
    ("joint-ip-ownership", "Each Party shall own an undivided one-half interest in the Joint Patents."),
    ("joint-ip-ownership", "Either Party may grant non-exclusive licenses under its interest in the Joint Patents without the consent of the other Party."),
    ("joint-ip-ownership", "The Parties shall jointly own all Joint Inventions and all intellectual property rights therein."),
    # a bar on dealing with others, the list of deals between the verb and the others
    ("exclusivity", "The Company shall not enter into any agreement or arrangement, including without limitation any sale, license, service agreement, co-branding agreement, co-marketing agreement or linking agreement, with any provider of shipping services through retail locations."),
    ("exclusivity", "During the Term, Supplier shall not sell the Products to any third party in the Territory."),
    ("exclusivity", "The Supplier shall not supply the Products to any other customer in the Territory during the Term."),
    ("exclusivity", "Endorser shall not endorse any other golf equipment company during the Term."),
    ("exclusivity", "Neither party shall enter into any similar agreement with a competitor of the other party during the Term."),
    # an exclusive licence that also hands over the right to sue is still exclusive dealing
    ("exclusivity", "Licensor grants Licensee an exclusive license under the Licensed Patents, including the right to sue for past infringement."),
    ("insurance", "The Contractor shall obtain and maintain commercial general liability insurance with limits of not less than $2,000,000 per occurrence."),
    # the insurer's standing between the verb and the cover, 36 tokens apart with the redaction mark
    ("insurance", "Without prejudice to any term and condition under this Agreement, the Company shall maintain in force, at all times "
                  "during the Term and [*****], at its own costs and expenses, with insurers of internationally recognized reputation "
                  "reasonably acceptable to the Repairer, insurances in accordance with industry standards."),
    # caps stated on what is owed rather than on "liability"
    ("liability-cap", "The responsibility of the Carrier for loss of the cargo shall under no circumstance exceed seventy-five percent (75%) of the value of the cargo lost."),
    ("liability-cap", "In no event shall the Seller's indemnification obligations hereunder exceed the purchase price received by the Seller."),
    ("liability-cap", "Any claims for loss of profit shall not exceed twenty-five percent (25%) of the fees paid in the preceding year."),
    ("liability-cap", "The Supplier's aggregate liability under this Agreement shall not exceed the fees paid in the twelve months preceding the claim."),
]

# (kind, a sentence that names the kind's words but is not the clause)
NEGATIVE = [
    # auditors among a party's advisers, audits by the tax authority, the auditors' comfort letter
    ("audit-rights", "The Licensee may disclose the terms of this Agreement to its attorneys, auditors, consultants and other advisers who are bound by obligations of confidentiality."),
    ("audit-rights", "All payments shall be made without withholding unless withholding is required by a taxing authority as a result of an audit or examination."),
    ("audit-rights", "The Agent shall have received a letter from the independent accountants stating that, on the basis of a reading of the unaudited interim financial statements but not an audit examination, nothing has come to their attention that the Prospectus contains any misstatement."),
    # checking equipment is not inspecting the other party's books
    ("audit-rights", "Both Parties have the right to examine and verify the electricity meters so as to make sure of their accuracy."),
    # entering premises to do the work
    ("audit-rights", "The Supplier may enter the Customer's premises to install the Equipment and perform the Services."),
    # definitions the caption test does not catch
    ("audit-rights", '"Good Clinical Practices" or "GCP" means the standards for the design, conduct, monitoring, auditing and reporting of clinical trials.'),
    ("audit-rights", "Inspected Product: means the product treated, stabilized and measured at the inspection facilities."),
    # a defined term for joint IP, mentioned in passing
    ("joint-ip-ownership", "The Responsible Party shall keep the other Party reasonably informed of the status of each Joint Patent and shall provide copies of all material correspondence with patent offices."),
    # the exclusive right to bring infringement claims
    ("exclusivity", "The Licensor shall have the exclusive right, at its sole cost and expense, to institute in its own name all claims and suits against third parties for infringement of the Licensed Marks."),
    # resale and use limits, transfers of the grant, non-conflicting grants: not exclusive dealing
    ("exclusivity", "Customer will use the Services only for its own internal business purposes and will not sell or otherwise provide any of the Services to any third party."),
    ("exclusivity", "Distributor shall not sell or otherwise transfer any of the rights granted under this Agreement to any third party without the prior written consent of Vendor."),
    ("exclusivity", "Neither party shall grant any right or license to any third party under its intellectual property that would conflict with the licenses granted to the other party hereunder."),
    # "Supply" in an agreement's name is not a dealing
    ("exclusivity", "Nothing in this Supply Agreement shall be construed as conferring any right on any Party to use any trade name of any other Party."),
    # liens securing insurance contributions, health payers, the insurance clause referred to
    ("insurance", "Permitted Liens include liens to secure payment of workers' compensation, unemployment insurance and other social security obligations incurred in the ordinary course of business."),
    ("insurance", "The Distributor may purchase the Products for resale to pharmacies whose purchases are reimbursed by Medicare or a health care insurer."),
    ("insurance", "The obligation of the Franchisee to indemnify the Franchisor is separate and distinct from its obligation to maintain insurance under Section 13.1."),
    ("insurance", "The Franchisee fails to obtain or maintain the required insurance."),
    # "not limited to" limits nothing; "special counsel" is no kind of damages
    ("liability-cap", "Each party's liability under this Section includes, but is not limited to, claims by other shippers and the costs of any regulatory proceeding."),
    ("liability-cap", "In no event shall the indemnifying party be liable for the fees and expenses of more than one separate firm of attorneys, together with any special counsel, for all indemnified parties."),
    # exceeding without a bound
    ("liability-cap", "The indemnification obligations of the Seller shall exceed the deductible before any claim is paid."),
]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    assert passage(text, one(text, kind)) == text


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    check_presence(kind, text, False)


def test_indemnity_under_a_shared_liability_heading_is_not_a_cap():
    text = (
        "12. Limitation of Liability; Indemnification\n\n"
        "The Servicer shall indemnify and hold harmless the Owner from and against any and all loss, "
        "liability, claim, cost and expense arising from its gross negligence.\n"
    )
    assert not found(text, "liability-cap")


def test_cap_sentences_under_the_liability_heading_still_join():
    body = "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES. THE FOREGOING LIMITATIONS APPLY TO ANY THEORY OF LIABILITY."
    text = "12. Limitation of Liability\n\n" + body + "\n"
    dets = found(text, "liability-cap")
    assert len(dets) == 1
    assert passage(text, dets[0]) == body


@pytest.mark.parametrize("text", [
    # items on lines of their own after a lead-in that leaves "shall not" open
    "4. EXCLUSIVITY\n\nDuring the Term, the Supplier shall not:\n\n(a) sell the Products to any other retailer in the Territory; or\n\n"
    "(b) appoint any other distributor in the Territory.\n",
    "During the term of this Agreement, CONSULTANT shall not:\n\nA. give the right to use CONSULTANT'S name to any other company;\n\n"
    "B. sponsor or endorse products made or sold by any other manufacturer or seller; or\n\nC. serve as an advisor to any other manufacturer.\n",
    # the same, in one sentence
    "During the Term, the Supplier shall not: (a) sell the Products to any other retailer in the Territory; or (b) appoint any other distributor.",
    "During the Term, the Supplier shall not, without the Buyer's consent: (a) sell the Products to any other retailer; or (b) appoint any other distributor.",
])
def test_a_bar_on_dealing_in_the_items_of_a_shall_not_lead_in(text):
    det = one(text, "exclusivity")
    assert det.negated
    assert passage(text, det).startswith("During the")
    assert "any other" in passage(text, det).rsplit("\n", 1)[-1]  # to the last item that bars dealing


def test_a_lead_in_that_allows_is_not_a_bar():
    text = "During the Term, the Supplier may:\n\n(a) sell the Products to any other retailer in the Territory; and\n\n(b) appoint other distributors.\n"
    assert not found(text, "exclusivity")


def test_excluded_heads_of_loss_listed_after_a_lead_in():
    text = ("14. LIABILITY\n\nNeither party shall be liable to the other for:\n\n(a) loss of profits;\n\n(b) loss of revenue; or\n\n"
            "(c) any indirect or consequential loss.\n\n15. NOTICES\n\nNotices shall be in writing.\n")
    det = one(text, "liability-cap")
    assert det.negated
    assert passage(text, det).startswith("Neither party shall be liable to the other for:")
    assert passage(text, det).endswith("any indirect or consequential loss.")  # one passage, lead-in to the last item


def test_assignment_barred_in_an_item_of_a_shall_not_list():
    text = ("12. RESTRICTIONS\n\nThe Supplier shall not, without the City's prior written consent:\n\n"
            "(a) disclose the City Data to any person;\n\n(b) assign, novate or transfer this Agreement or any of its rights under it; or\n\n"
            "(c) subcontract the Services.\n\n13. NOTICES\n\nNotices shall be in writing.\n")
    det = one(text, "anti-assignment")
    assert det.negated and (det.party, det.role) == ("Supplier", "vendor")
    assert passage(text, det).startswith("The Supplier shall not") and "transfer this Agreement" in passage(text, det)
    # a lead-in that does not bar: the item is a duty to assign something else
    allowed = ("The Supplier shall:\n\n(a) keep the stations clean; and\n\n(b) assign a named account manager to this Agreement.\n")
    assert not found(allowed, "anti-assignment")


def test_insurance_items_of_one_clause_are_one_passage():
    # items (a) and (b) of clause 9 are one clause, like 9.1 and 9.2 (they were two passages)
    text = ("9. INSURANCE\n\nThe Contractor shall maintain throughout the Term:\n\n(a) public liability insurance of not less than "
            "£10 million; and\n\n(b) employer's liability insurance as required by law.\n\n10. NOTICES\n\nNotices shall be in writing.\n")
    det = one(text, "insurance")
    assert passage(text, det).startswith("(a) public liability") and passage(text, det).endswith("as required by law.")


def test_governing_law_over_sub_clauses_is_one_passage():
    text = ("15. GOVERNING LAW\n\n15.1 This Agreement shall be governed by the laws of the State of New York.\n\n"
            "15.2 The parties agree that the laws of the State of New York shall govern any dispute arising out of this "
            "Agreement, without regard to its conflict of laws principles.\n\n16. NOTICES\n\nNotices shall be in writing.\n")
    dets = found(text, "governing-law")
    assert len(dets) == 1
    assert passage(text, dets[0]).startswith("15.1 This Agreement") or passage(text, dets[0]).startswith("This Agreement")
    assert passage(text, dets[0]).endswith("conflict of laws principles.")


def test_a_licence_grant_carries_its_limits_in_the_sentences_after_it():
    text = ("2. LICENCE\n\nThe Supplier hereby grants the City a non-exclusive licence to use the Licensed Software for municipal "
            "purposes. The City shall not sublicense the Licensed Software to any third party. The fees are set out in "
            "Schedule 2.\n")
    det = one(text, "license-grant")
    assert passage(text, det).startswith("The Supplier hereby grants")
    assert passage(text, det).endswith("to any third party.")  # the limit joins the grant; the fees do not
