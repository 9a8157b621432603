"""Clause-kind detection, CUAD tuning C: renewal term, IP ownership assignment,
anti-assignment, irrevocable or perpetual licence, licence grant and governing
law.

Sentences written for these tests, in the style of the commercial contracts the
CUAD categories are defined on; each pins one decision of the kind files (what
counts as the clause, and the look-alikes that do not).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence, found, one, passage, passages


# (kind, a passage that is that kind)
POSITIVE = [
    # notice of non-renewal as the way to stop the term from running on
    ("auto-renewal", "Upon expiry of the Initial Term, this Agreement shall continue unless a notice of non-renewal is given by either Party to the other at least ninety days prior to the expiry of the Initial Term."),
    ("auto-renewal", "Unless the Customer notifies the Supplier of its intent not to renew this Agreement in writing, the Agreement shall remain in force on the same terms."),
    ("auto-renewal", "This Agreement shall renew automatically each year unless either party serves written notice of its intention not to renew at least 90 days before the end of the then current term."),
    # title passing by vesting, for IP made under the contract
    ("ip-assignment", "All Inventions conceived by the Consultant in the course of the Services shall automatically vest in the Company."),
    ("ip-assignment", "All intellectual property developed by the Contractor under this Agreement shall vest in the Authority on creation."),
    # "become our property"
    ("ip-assignment", "Any item developed for a test, and all associated formulae, plans and materials, will become our property."),
    # what exists only because of the contract (work product, deliverables, foreground IP)
    ("ip-assignment", "Consultant agrees that all Work Product shall be the sole and exclusive property of the Company."),
    ("ip-assignment", "Any Foreground IP created by the Supplier in performing the Services shall belong to the Customer."),
    ("ip-assignment", "All Intellectual Property Rights in the Deliverables shall vest in the Authority on creation."),
    ("anti-assignment", "Neither party may assign this Agreement without the prior written consent of the other party."),
    ("perpetual-license", "The Licensor hereby grants to the Licensee a perpetual, irrevocable licence to use the Software for its internal purposes."),
    ("license-grant", "The Licensor hereby grants to the Licensee a non-exclusive licence to use the Licensed Marks in the Territory."),
    ("license-grant", "Licensee is hereby licensed to manufacture and sell the Licensed Products in the Territory."),
    ("license-grant", "Franchisor grants to Franchisee the right to operate one Restaurant under the System at the Premises."),
    ("governing-law", "This Agreement shall be governed by the laws of the State of New York, without regard to its conflict of laws rules."),
]

# (kind, a look-alike passage that is not that kind)
NEGATIVE = [
    # ending the contract by a notice of non-renewal, or a fee owed on non-renewal, is not the renewal term
    ("auto-renewal", "In the event Maintenance Services are terminated by the Licensee by notice of non-renewal, the Maintenance Services shall be discontinued at the end of the then current term."),
    ("auto-renewal", "If the Agreement is terminated by the Distributor providing notice within sixty days of the anniversary date of its intent not to renew, the Distributor will pay the End of Agreement Fee."),
    # a passing mention of renewal terms in another clause
    ("auto-renewal", "The Licensee shall spend $5,000,000 on marketing in each subsequent Contract Year (including any renewal terms if any)."),
    # a bare statement of whose property existing marks are is not an assignment
    ("ip-assignment", "All trademarks, service marks and logos used under this Agreement shall be the exclusive property of the Licensor."),
    ("ip-assignment", "The Supplier's background IP incorporated in the Deliverables shall remain the sole and exclusive property of the Supplier."),
    ("ip-assignment", "Any and all future improvements related to the Products licensed pursuant to this Agreement shall be the property of the Vendor."),
    # insolvency, not assignment of the contract
    ("anti-assignment", "All rights granted by this Agreement will automatically terminate without notice to you if you make an assignment for the benefit of your creditors."),
    # a representation of what has not been done is no bar on assigning
    ("anti-assignment", "The Depositor has not transferred or granted a security interest in any of the Transferred Property under this Agreement."),
    # "Licensed Products" names goods, not a perpetual grant
    ("perpetual-license", "The Agreement shall remain in force for ten years after the First Commercial Sale of the Licensed Product, and shall thereafter automatically renew for an unlimited period of time."),
    # capacity to grant is not a grant
    ("license-grant", "We are authorized to grant licenses for selected, independently owned hotel properties to operate under the Brand."),
    ("license-grant", "The Licensor has the full right, power and authority to (a) grant all of the licences described in this Agreement and (b) perform its obligations under this Agreement."),
    # the law of a regulator, or of the arbitration's procedure, is not the law of the contract
    ("governing-law", "The Franchisee shall obtain all permits required by the law of the governing bodies where the Restaurant is located and shall comply with all requirements relating to its construction."),
]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    assert passage(text, one(text, kind)) == text


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    check_presence(kind, text, False)


def test_arbitration_procedure_law_under_governing_law_heading():
    """Under a "Governing Law and Arbitration" heading, the contract's law is found
    and the law of the arbitration's conduct is not."""
    text = (
        "14. Governing Law and Arbitration\n\n"
        "This Agreement shall be governed by the laws of the State of New York.\n\n"
        "The laws of the Province of Ontario shall govern the conduct of the arbitration and any appeal from the award.\n"
    )
    assert passages(text, "governing-law") == ["This Agreement shall be governed by the laws of the State of New York."]


def test_a_right_to_use_beside_a_grant_is_a_side_permission():
    """"X shall have the right to use ..." is the licence of a contract with no grant clause; in one
    with a grant, a side permission (CUAD leaves these unlabelled: a sponsorship's photographs)."""
    grant = "Porsche hereby grants to XC a non-exclusive licence to use the Porsche Marks on the Cars during the Term."
    side = ("Subject to the prior approval of Porsche, XC shall have the right to use photographs of the Cars, the drivers "
            "and other Team members in connection with the preparation of promotional and marketing materials.")
    text = f"4. {grant}\n\n9. {side}\n"
    assert passages(text, "license-grant") == [f"4. {grant}"]
    assert passages(side, "license-grant") == [side]


def test_title_to_deliverables_passes_to_the_buyer():
    """Title to what the contract brings into being is assigned to whom it passes (goods are not IP)."""
    text = "Title to all Deliverables shall pass to Customer upon payment in full."
    det = one(text, "ip-assignment")
    assert det.party == "Customer"
    assert not found("Title to the Equipment shall pass to the Buyer upon delivery.", "ip-assignment")
