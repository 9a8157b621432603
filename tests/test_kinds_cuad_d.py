"""Clause-kind detection, CUAD tuning D: post-termination services, warranty
duration, uncapped liability and termination for convenience (document-level
false alarms and misses).

Sentences written for these tests, in the style of the commercial contracts the
CUAD categories are defined on; each pins one decision of the kind files (what
counts as the clause, and the look-alikes that do not).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence


# (kind, a passage that is that kind)
POSITIVE = [
    # a duty that starts when the contract ends still counts ...
    ("post-termination-services", "During the Term and for a period of six (6) months after the Term, the Licensee may sell its remaining inventory of Licensed Products."),
    ("post-termination-services", "Within thirty (30) days after the expiration of this Agreement, the Service Provider shall deliver to the Owner all operating reports and manuals in its possession."),
    # ... also when it is the party's own end ("on its resignation or termination")
    ("post-termination-services", "On its resignation or termination, the Servicer will cooperate with the Trustee and the successor servicer and provide all assistance needed for the orderly transition of the servicing."),
    ("post-termination-services", "Upon its termination or expiration, the Supplier shall continue to provide transition assistance for up to ninety (90) days."),
    # a carve-out from an exclusion of kinds of damages, or from an amount cap
    ("uncapped-liability", "Except for a party's breach of its confidentiality obligations, in no event shall either party be liable for any indirect, incidental or consequential damages."),
    ("uncapped-liability", "EXCEPT WITH RESPECT TO A PARTY'S INDEMNIFICATION OBLIGATIONS, NEITHER PARTY SHALL BE LIABLE FOR ANY AMOUNTS IN EXCESS OF THE FEES PAID IN THE TWELVE MONTHS PRECEDING THE CLAIM."),
    ("uncapped-liability", "Neither party shall be liable for lost profits (other than for a breach of its confidentiality obligations) arising out of this Agreement."),
    # UK and international drafting numbers clauses, not sections
    ("uncapped-liability", "The limitations of liability in this Clause 12 shall not apply to a breach of Clause 9 (Data Protection)."),
    ("uncapped-liability", "Notwithstanding the foregoing, there shall be no limitation on the Supplier's liability for breach of Clause 9 (Data Protection)."),
    # warranties that last as long as the product's dating, or guarantees against faulty work
    ("warranty-duration", "Manufacturer warrants that each Product shall conform to the Specifications until its expiration date."),
    ("warranty-duration", "The Contractor guarantees the Equipment against faulty materials and workmanship for twenty-four (24) months from acceptance."),
    # the end of another agreement as one more way to end this one does not hide the right
    ("termination-for-convenience", "This Agreement shall end on the 60th day following a written notice from one party to the other of its decision to terminate this Agreement, or upon termination of the applicable Distribution Agreement."),
    ("termination-for-convenience", "The Company may, in its sole discretion, terminate this Agreement at any time upon thirty (30) days' written notice."),
]

# (kind, a look-alike that is not that kind)
NEGATIVE = [
    # rights and duties that run throughout, not ones that start when the contract ends
    ("post-termination-services", "The Sponsor shall be permitted to use photographs of the vehicles for promotional purposes during and forever after the term of this Agreement."),
    ("post-termination-services", "At your own risk, you may use information that you acquire from third parties at any time during or after the Term, to the extent permitted by law."),
    # a recurring period, not the time after the contract
    ("post-termination-services", "The Company shall pay the Investor an additional $10,000 for each thirty-day period thereafter in which the registration statement has not been filed."),
    # handing back and destroying information
    ("post-termination-services", "Upon expiration of the Contract, the Recipient shall return all original information and destroy all copies and reproductions in its possession."),
    # an orderly transition that is not after the end of the contract
    ("post-termination-services", "In order to ensure an orderly transition, the Chief Executive Officer may continue in office until the Board appoints his successor."),
    # a carve-out from an exclusion of one narrow duty, not from a general limitation
    ("uncapped-liability", "The Provider shall have no liability to the Customer as a result of any late delivery, except to the extent such late delivery is caused by the wilful misconduct of the Provider."),
    ("uncapped-liability", "The Seller shall not be liable for any loss of or damage to the Goods after delivery, except to the extent caused by the Seller's gross negligence."),
    # the statutory carve-out is a carve-out (liability-carve-out), not a cap lifted for a breach
    ("uncapped-liability", "Nothing in this Agreement shall limit or exclude either party's liability for death or personal injury caused by its negligence, or for fraud."),
    ("uncapped-liability", "The Licensor shall not be liable for any claims and costs arising out of the Licensee's unauthorised use of the Software (other than for infringement of intellectual property rights)."),
]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    check_presence(kind, text, True)


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    check_presence(kind, text, False)
