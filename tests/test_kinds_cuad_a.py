"""Clause-kind detection, CUAD tuning A: post-termination services, minimum
commitment, warranty duration, termination for convenience and change of
control.

Sentences written for these tests, in the style of the commercial contracts the
CUAD categories are defined on; each pins one decision of the kind files (what
counts as the clause, and the look-alikes that do not).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence, found, one, passage


# (kind, a passage that is that kind)
POSITIVE = [
    # rights that end with the contract, but with one kept for after it
    ("post-termination-services", "Upon termination of this Agreement, all licenses granted hereunder shall terminate, except that the Distributor may sell off its existing inventory of Products for ninety (90) days."),
    ("post-termination-services", "Upon expiration of this Agreement, the license to use the Licensed Marks shall terminate and the Licensee shall return all promotional materials to the Licensor."),
    ("post-termination-services", "If this Agreement is terminated by the Customer, the Supplier shall continue to provide the Services until a replacement supplier is appointed."),
    # a spend not below an amount, at the end of the sentence
    ("minimum-commitment", "Franchisee agrees to conduct a grand opening advertising program during the first four weeks after the Opening Date, spending an amount not less than $12,000."),
    # quantities "at least equal to" a measure
    ("minimum-commitment", "Supplier shall allocate its available manufacturing capacity to provide Customer with quantities of the Product at least equal to the greater of the Customer's monthly requirements and eighty percent of the prior year's orders."),
    ("minimum-commitment", "The Licensed Content shall collectively contain at least sixteen thousand (16,000) Articles."),
    ("minimum-commitment", "Distributor shall purchase at least 10,000 units of the Products in each Contract Year."),
    # a window in which goods may be sent back
    ("warranty-duration", "Distributor may, no later than one hundred and twenty (120) days after a Product is sold to a customer, return to Vendor any Product which the customer has rejected."),
    ("warranty-duration", "The Supplier warrants that the Equipment will be free from defects in materials and workmanship for a period of twelve (12) months from delivery."),
    ("termination-for-convenience", "The Consultant may terminate the Consultation Period at any time upon thirty (30) days' written notice."),
    # a right to end by notice beside a right to end for cause, in one enumerated sentence
    ("termination-for-convenience", "Either party may terminate this Agreement (a) at any time upon ninety (90) days' written notice to the other party, or (b) immediately upon written notice if the other party materially breaches this Agreement."),
    ("termination-for-convenience", "The City may terminate this Contract (i) for convenience on thirty days' notice; or (ii) immediately if the Supplier becomes insolvent."),
    ("termination-for-convenience", "This Agreement may be terminated by the City (a) upon the Supplier's breach of Clause 5; or (b) on sixty (60) days' written notice to the Supplier."),
    ("termination-for-convenience", "This Agreement shall terminate upon any of the following events: (a) the death of the Consultant; or (b) ninety days after the Company gives the Consultant written notice of termination for any or no reason."),
    # "terminable": what may be done, like "may be terminated"
    ("termination-for-convenience", "This Agreement shall be terminable by the Licensor upon sixty (60) days' written notice to the Licensee."),
    ("termination-for-convenience", "This Agreement is terminable with respect to the Fund, without penalty, on 60 days' written notice, by vote of a majority of the Trustees."),
    ("change-of-control", "Either party may terminate this Agreement upon written notice if the other party undergoes a change of control."),
    ("change-of-control", "This Agreement shall terminate automatically upon the acquisition of Distributor by any third party."),
    ("change-of-control", "Any transaction resulting in a change in the beneficial ownership of more than fifty percent (50%) of the voting securities of Franchisee shall constitute a transfer requiring our approval."),
]

# (kind, a look-alike that is not that kind)
NEGATIVE = [
    # paying what was owed before the end
    ("post-termination-services", "Upon the termination of this Agreement, the Trust shall pay the Adviser such compensation as may be payable for the period prior to the effective date of such termination."),
    ("post-termination-services", "Upon the expiration or termination of this Agreement, the Distributor shall pay all amounts accrued prior to the date of termination within thirty days."),
    ("post-termination-services", "Interest shall continue to accrue notwithstanding the termination or expiry of this Agreement."),
    # survival boilerplate
    ("post-termination-services", "Consultant agrees that Consultant's obligations under this Section 2.2 shall continue after the termination of this Agreement."),
    # the rights simply end
    ("post-termination-services", "Upon expiration or termination of this Agreement for any reason, the Franchisee's right to use the Marks shall terminate."),
    ("post-termination-services", "The Maintenance Services shall automatically terminate upon termination of the License Agreement."),
    # audit rights alongside the term
    ("post-termination-services", "During the Term and for two (2) years thereafter, the Licensor may audit and inspect the Licensee's records relating to the Products."),
    # ... nor records kept for the period after it: a records clause's tail (twenty-second session: the writers of the blind
    # contracts leave some sixty such clauses unlabelled, and the CUAD design folds hold one unlabelled and none labelled)
    ("post-termination-services", "The Licensee shall keep accurate records of all sales during the Term and for a period of three years thereafter."),
    # while the contract runs, or ending it
    ("post-termination-services", "The Custodian will continue to hold the Receivable Files until this Agreement is terminated."),
    ("post-termination-services", "This Agreement may also be terminated by the Company upon fifteen days' written notice if the Endorser is unable to perform the services."),
    ("post-termination-services", "The recipient shall at all times, including after this Agreement has been terminated, hold the information furnished by the discloser in strict confidence and use it only for the purposes of this Agreement."),
    # non-binding forecasts, insurance minimums
    ("minimum-commitment", "Customer shall provide non-binding forecasts of its orders of the Product for each calendar quarter during the Term."),
    ("minimum-commitment", "Each Party will maintain general liability insurance coverage at a minimum level of $1,000,000 per occurrence."),
    ("minimum-commitment", "The Supplier shall deliver the Products at least thirty (30) days before the launch date."),
    # returns that are not goods found wanting
    ("warranty-duration", "Within thirty (30) days after termination, the Licensee may return to the Licensor any unsold Products held in inventory."),
    ("warranty-duration", "The Recipient may, within ten (10) days after a written request, return to the Discloser the Confidential Information and any products containing it."),
    ("warranty-duration", "The Supplier shall deliver the Products within thirty (30) days after receipt of each purchase order."),
    # a defined cause is a cause
    ("termination-for-convenience", "The Company may terminate the Consultation Period at any time for Cause (as defined below)."),
    ("termination-for-convenience", "The Licensor may terminate this Agreement at any time for cause upon written notice to the Licensee."),
    ("termination-for-convenience", "This Agreement is terminable by the City upon the Supplier's breach, on thirty days' written notice."),
    ("termination-for-convenience", "Either party may terminate this Agreement (a) upon thirty days' notice if the other party breaches it, or (b) immediately if the other party becomes insolvent."),
    ("termination-for-convenience", "Either party may terminate this Agreement if the other party: (i) breaches it; or (ii) gives notice of its insolvency in writing."),
    ("termination-for-convenience", "In the event that either party is prevented by any act of God; fire; strike; or other cause beyond its control, either party may terminate this Agreement at any time on thirty days' notice."),
    # an insurance policy that may be cancelled on notice is not the contract
    ("termination-for-convenience", "Sabco shall supply a certificate of insurance for this Agreement, and such policies shall be cancelable only upon 10 days written notice."),
    # goods being acquired are not a party changing hands
    ("change-of-control", "The third-party databases listed in Annex 1 shall be acquired and licensed by the Customer directly from their licensors, subject to notice to the Supplier."),
    # goods acquired by a party: not the party acquired
    ("change-of-control", "Upon the acquisition of Products by the Distributor, the Distributor shall give notice to Vendor of any defects."),
]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    check_presence(kind, text, True)


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    check_presence(kind, text, False)


def test_change_of_control_prefers_its_own_clause():
    """Once a change-of-control clause sits under its own heading, mentions under other
    headings (payment mechanics, lists of other agreements) are not reported."""
    text = (
        "12. Assignment\n\n"
        "Neither party may assign this Agreement without the other party's prior written consent, and any change of control of the Distributor shall be deemed an assignment.\n\n"
        "13. Fees\n\n"
        "The Change of Control Payment shall be payable in one installment in cash at the closing of such change of control."
    )
    dets = found(text, "change-of-control")
    assert len(dets) == 1
    assert passage(text, dets[0]).startswith("Neither party may assign")


def test_change_of_control_without_its_heading_is_still_found():
    text = "13. Fees\n\nThe Licensor may terminate this Agreement upon notice if the Licensee undergoes a change of control."
    assert found(text, "change-of-control")


def test_termination_for_convenience_prefers_the_termination_clause():
    """A right to end the contract named under Fees is a mention once the termination clause
    has one; with no termination clause, it is the right itself."""
    fees = ("1. Fees\n\nThe City may terminate this Agreement at any time on 30 days' notice, and shall then pay "
            "for the Services performed up to the date of termination.\n\n")
    clause = "2. Termination\n\nThe City may terminate this Agreement for convenience on 60 days' written notice to the Vendor.\n"
    (det,) = found(fees + clause, "termination-for-convenience")
    assert passage(fees + clause, det).startswith("The City may terminate this Agreement for convenience")
    assert found(fees, "termination-for-convenience")


def test_exit_duties_listed_after_a_termination_lead_in():
    text = ("16. EXIT\n\nOn termination or expiry of this Contract the Supplier shall:\n\n(a) return all Authority Data;\n\n"
            "(b) provide the Exit Assistance; and\n\n(c) cooperate with any Replacement Supplier.\n")
    det = one(text, "post-termination-services")
    assert passage(text, det).startswith("On termination or expiry") and passage(text, det).endswith("Replacement Supplier.")
    # duties during the term, listed the same way, are not
    during = ("16. SERVICES\n\nDuring the Term the Supplier shall:\n\n(a) return all calls within a day;\n\n(b) provide the Services.\n")
    assert not found(during, "post-termination-services")
