"""Clause-kind detection, CUAD tuning E: minimum commitment, change of control,
exclusivity and joint IP ownership.

Sentences written for these tests, in the style of the commercial contracts the
CUAD categories are defined on; each pins one decision of the kind files (what
counts as the clause, and the look-alikes that do not).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence


# (kind, a passage that is that kind)
POSITIVE = [
    # a quantity the party must include, reach, place or book
    ("minimum-commitment", "Each shipment nominated by the Shipper shall always include a minimum of ten (10) loads of crude oil."),
    ("minimum-commitment", "The Reseller shall place at least fifty (50) purchase orders for Subscriptions in each Contract Year."),
    ("minimum-commitment", "The Agency shall book not less than twenty (20) hospitality packages for each season."),
    # named minimum marketing budgets and take-or-pay shortfalls
    ("minimum-commitment", "The Licensee shall meet the minimum advertising expenditure set out in Schedule 3 for each year."),
    ("minimum-commitment", "If the volumes shipped in a Contract Year fall below the Committed Volume, the Shipper shall make a shortfall payment to the Carrier."),
    # the usual definition of a change of control: someone acquires the voting stock
    ("change-of-control", "Either party may terminate this Agreement if any person acquires beneficial ownership of more than fifty percent of the voting stock of the other party."),
    ("change-of-control", "The Supplier shall notify the City within ten days if any person becomes the beneficial owner of more than 50% of its voting securities."),
    ("change-of-control", "If the Licensee is merged into or consolidated with another entity, the Licensor may terminate this Agreement on written notice."),
    # the one permitted party named first, then the dealing barred to everyone else
    ("exclusivity", "The Licensor shall not permit any person other than the Distributor to sell or distribute the Products in the Territory."),
    # joint IP in other words
    ("joint-ip-ownership", "All Collaboration Patents shall be jointly held by the Licensor and the Licensee."),
    ("joint-ip-ownership", "The Parties shall have shared ownership of all Collaboration Patents."),
    ("joint-ip-ownership", "The copyright in the Joint Materials shall be owned in common by the Parties in equal shares."),
]

# (kind, a look-alike passage that is not that kind)
NEGATIVE = [
    # a target pursued with efforts is not a commitment
    ("minimum-commitment", "The Publisher shall use commercially reasonable efforts to generate at least [**] page views during the Term."),
    ("minimum-commitment", "The Distributor shall use its best efforts to sell at least 5,000 units in each Contract Year."),
    # committee meetings are not quantities bought
    ("minimum-commitment", "The Joint Steering Committee shall meet at least four (4) times each calendar year."),
    # the exception is a sublicence or a disclosure, not a dealing
    ("exclusivity", "The Recipient shall not disclose the Confidential Information to any person other than its employees who need to know it."),
    # an exclusive in-licence held, or an exclusive grant reverting at the end
    ("exclusivity", "The Licensee may use any trademark which it owns or has exclusive rights to in connection with the Licensed Products."),
    ("exclusivity", "Upon termination of this Agreement, the exclusive distribution right granted to the Distributor shall automatically revert to the Vendor."),
    # beneficial ownership as a securities fact, with nothing following from it
    ("change-of-control", "The Shareholder holds beneficial ownership of 12% of the Company's common stock."),
]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    check_presence(kind, text, True)


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    check_presence(kind, text, False)

