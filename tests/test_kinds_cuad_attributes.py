"""Negation, modality and the party holding the right, for each of the 18 CUAD clause kinds.

Issue 3 asks the engine, not each pattern, to resolve these, and the tests to
cover them for every kind with real sentences, positive and negative. Each row
is a sentence in standard drafting and either the attributes of its one
detection, or None when the negation makes it not that kind at all (a
negated audit, insurance, joint ownership or grant is no such clause; a
negated bar on assignment or dealing is the clause).
"""

from __future__ import annotations

import pytest

from kindkit import found, one

# (kind, sentence, (negated, modality, party, role) or None for "not this kind")
CASES = [
    ("governing-law", "This Agreement shall be governed by the laws of the State of New York.",
     (False, "obligation", None, None)),
    ("governing-law", "This Agreement shall not be governed by the laws of any jurisdiction other than Kenya.",
     (True, "prohibition", None, None)),
    ("termination-for-convenience", "The City may terminate this Contract for convenience on thirty days' notice.",
     (False, "permission", "City", "public")),
    ("termination-for-convenience", "The Supplier shall not terminate this Agreement for convenience.",
     (True, "prohibition", "Supplier", "vendor")),
    ("termination-for-convenience", "This Agreement may be terminated by either party without cause on ninety days' notice.",
     (False, "permission", "either party", "both")),
    ("termination-for-convenience", "This Agreement shall be terminable by either party on ninety days' written notice.",
     (False, "permission", "either party", "both")),
    ("auto-renewal", "This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal.",
     (False, "obligation", None, None)),
    ("auto-renewal", "The Vendor may renew the Subscription automatically for further one-year periods.",
     (False, "permission", "Vendor", "vendor")),
    ("auto-renewal", "This Agreement shall not renew automatically.",
     None),
    ("audit-rights", "The Authority may audit the Contractor's books and records on ten days' notice.",
     (False, "permission", "Authority", "public")),
    ("audit-rights", "The Vendor shall permit the City to inspect its records relating to this Agreement.",
     (False, "permission", "City", "public")),
    # audited accounts reported are not the audit: the right is the one who may audit
    ("audit-rights", "The Concessionaire shall provide annual audited accounts of the revenue, and the Council may audit the revenue "
                     "records once a year on 20 working days' notice.",
     (False, "permission", "Council", "public")),
    ("audit-rights", "The Licensor shall not audit the Licensee's records.",
     None),
    ("source-code-escrow", "The Supplier shall deposit the source code of the Software with the Escrow Agent.",
     (False, "obligation", "Supplier", "vendor")),
    ("source-code-escrow", "The Supplier may release the source code from escrow to the City if the Supplier becomes insolvent.",
     (False, "permission", "Supplier", "vendor")),
    ("source-code-escrow", "The Supplier shall not be required to deposit the source code in escrow.",
     None),
    ("exclusivity", "During the Term, the Supplier shall not sell the Products to any third party in the Territory.",
     (True, "prohibition", "Supplier", "vendor")),
    ("exclusivity", "The City shall purchase all of its requirements for parking sensors from the Vendor.",
     (False, "obligation", "City", "public")),
    ("ip-assignment", "The Contractor hereby assigns to the City all right, title and interest in the Deliverables.",
     (False, None, "City", "public")),
    ("ip-assignment", "All Work Product shall be the sole and exclusive property of the Vendor.",
     (False, "obligation", "Vendor", "vendor")),
    ("ip-assignment", "Nothing in this Agreement assigns any intellectual property rights of the Contractor to the City.",
     None),
    ("joint-ip-ownership", "All Joint Inventions shall be jointly owned by the parties.",
     (False, "obligation", "the parties", "both")),
    ("joint-ip-ownership", "The Joint Developments shall not be jointly owned by the parties.",
     None),
    ("liability-cap", "The Vendor's aggregate liability shall not exceed the fees paid in the preceding twelve months.",
     (False, "obligation", "Vendor", "vendor")),
    ("liability-cap", "In no event shall the City be liable for any indirect or consequential damages.",
     (True, "prohibition", "City", "public")),
    ("uncapped-liability", "The limitations of liability in this Section 12 shall not apply to a breach of Section 9 (Confidentiality).",
     (False, "obligation", None, None)),
    ("uncapped-liability", "The Supplier's liability for breach of Clause 9 (Data Protection) shall be unlimited.",
     (False, "obligation", "Supplier", "vendor")),
    ("uncapped-liability", "Neither party's liability shall be unlimited.",
     None),
    ("insurance", "The Contractor shall maintain professional liability insurance of at least $2,000,000 per claim.",
     (False, "obligation", "Contractor", "vendor")),
    ("insurance", "The Supplier will use reasonable efforts to maintain cyber insurance.",
     (False, "weak", "Supplier", "vendor")),
    ("insurance", "The City shall not be required to maintain any insurance.",
     None),
    ("post-termination-services", "Upon termination, the Supplier shall provide transition assistance to the City for up to six months.",
     (False, "obligation", "Supplier", "vendor")),
    ("post-termination-services", "Following expiry, the Licensee may sell off its existing inventory for ninety days.",
     (False, "permission", "Licensee", None)),
    ("post-termination-services", "Upon termination, the Supplier shall not be obliged to provide any transition assistance.",
     None),
    ("change-of-control", "The City may terminate this Agreement on notice if the Vendor undergoes a change of control.",
     (False, "permission", "City", "public")),
    ("change-of-control", "The Supplier shall notify the Authority of any change of control of the Supplier within 10 days.",
     (False, "obligation", "Supplier", "vendor")),
    ("change-of-control", "No change of control of the Supplier shall entitle the City to terminate this Agreement.",
     (True, "prohibition", "Supplier", "vendor")),
    ("anti-assignment", "The Vendor shall not assign this Agreement without the City's prior written consent.",
     (True, "prohibition", "Vendor", "vendor")),
    ("anti-assignment", "Neither party may assign this Agreement without the consent of the other party.",
     (True, "prohibition", "Neither party", "both")),
    ("minimum-commitment", "The City shall purchase not less than 5,000 sensors during the first Contract Year.",
     (False, "obligation", "City", "public")),
    ("minimum-commitment", "The Supplier shall deliver at least 1,000 units per month.",
     (False, "obligation", "Supplier", "vendor")),
    ("minimum-commitment", "The City shall not be obliged to purchase any minimum quantity of Products.",
     None),
    ("perpetual-license", "The Supplier grants the City a perpetual, irrevocable, royalty-free licence to use the Software.",
     (False, None, "City", "public")),
    ("perpetual-license", "The licence granted to the Contractor is not perpetual and ends with the Term.",
     None),
    ("license-grant", "The Licensor hereby grants to the City a non-exclusive licence to use the Licensed Marks.",
     (False, None, "City", "public")),
    ("license-grant", "The City grants the Operator a licence to use the public right-of-way for the Term.",
     (False, None, "Operator", "vendor")),
    ("license-grant", "Nothing in this Agreement grants the Vendor any licence to use City Data.",
     None),
    ("warranty-duration", "The Supplier warrants that the Equipment will be free from defects for a period of twelve months from delivery.",
     (False, "obligation", "Supplier", "vendor")),
    ("warranty-duration", "The Vendor gives no warranty after ninety days from acceptance.",
     None),
    # public-procurement forms (2026-12-02): the right-holder in grants, lets, vesting and "liability of X to Y"
    ("license-grant", "The Supplier hereby licenses the Authority to use, reproduce and adapt the Supplier Software for the purposes of the Contract.",
     (False, None, "Authority", "public")),
    ("license-grant", "The Contractor authorises the City to use, modify and publish the data for any purpose.",
     (False, None, "City", "public")),
    ("audit-rights", "The Supplier shall permit the Procuring Entity to inspect the Supplier's accounts and records relating to the performance of the Contract and to have them audited by auditors appointed by the Procuring Entity.",
     (False, "permission", "Procuring Entity", "public")),
    ("ip-assignment", "Ownership of all reports, data and software developed under this Contract shall pass to the Contracting Authority on delivery.",
     (False, "obligation", "Contracting Authority", "public")),
    ("liability-cap", "The aggregate liability of the Contractor to the Employer shall not exceed the Accepted Contract Amount.",
     (False, "obligation", "Contractor", "vendor")),
]


def test_every_cuad_kind_has_a_case():
    from pcsc_procure.detect.engine import get_detector

    kinds = {k.kind for k in get_detector().kinds.values() if k.cuad}  # the 18 mapped to a CUAD category
    assert len(kinds) == 18 and kinds == {k for k, _t, _w in CASES}
    # each kind has a negated (or, negated, not-the-kind) case, and one naming a party (governing law binds no one)
    for kind in sorted(kinds):
        rows = [w for k, _t, w in CASES if k == kind]
        assert any(w is None or w[0] for w in rows), f"{kind}: no negated case"
        assert any(w is not None and (w[2] or w[3]) for w in rows) or kind == "governing-law", f"{kind}: no party case"


@pytest.mark.parametrize("kind, text, want", CASES)
def test_attributes_per_kind(kind, text, want):
    if want is None:
        assert not found(text, kind), f"{kind} wrongly found in {text!r}"
        return
    d = one(text, kind)
    assert (d.negated, d.modality, d.party, d.role) == want, text


# -- a remedy limits the other party's liability ---------------------------------

PREAMBLE = 'This Services Agreement is made between Acme Networks Inc. ("Supplier") and the City of Lakeview ("City").\n\n'


@pytest.mark.parametrize("clause, party, role", [
    # the City's remedy caps the Supplier's liability: the party whose liability is limited is the Supplier
    ("7.2 Re-performance of the Services shall be the City's sole and exclusive remedy for breach of this warranty.", "Supplier", "vendor"),
    ("7.2 The sole remedy of the Supplier for late payment shall be interest at the statutory rate.", "City", "public"),
    # a party's own sole liability limits its own
    ("7.2 The Supplier's entire liability and the City's exclusive remedy for breach of warranty shall be re-performance.", "Supplier", "vendor"),
])
def test_a_sole_remedy_caps_the_other_partys_liability(clause, party, role):
    d = one(PREAMBLE + clause, "liability-cap")
    assert (d.party, d.role) == (party, role)


def test_a_sole_remedy_without_the_contracts_two_parties_names_no_one_wrongly():
    # no preamble: the other party's name is unknown, its role is not
    d = one("Re-performance of the Services shall be the City's sole and exclusive remedy for breach of this warranty.", "liability-cap")
    assert (d.party, d.role) == (None, "vendor")
    d = one("Your sole remedy for the claim will be an injunction.", "liability-cap")
    assert (d.party, d.role) == (None, None)



@pytest.mark.parametrize("preamble, clause, party, role", [
    (PREAMBLE, "9.3 The Supplier shall execute such further documents as the City may request to perfect the assignment of the "
               "Intellectual Property Rights in the Deliverables.", "City", "public"),
    # a commercial contract: the owner has no public role because the assignor is a vendor
    ('This Consulting Agreement is made between Medix Inc. ("Company") and Jane Roe ("Consultant").\n\n',
     "4.2 The Consultant shall execute such further assignments and documents as are needed to perfect the Company's "
     "ownership of the Inventions.", "Company", None),
])
def test_further_assurances_name_the_owner_not_the_party_who_signs(preamble, clause, party, role):
    d = one(preamble + clause, "ip-assignment")
    assert (d.cue, d.party, d.role) == ("further-assurances", party, role)


def test_an_audit_right_by_reporting_is_the_receivers():
    # the party that must furnish its financial statements is audited; the right is the other party's
    d = one('This Agreement is made between Acme Networks Inc. ("Supplier") and the City of Lakeview ("City").\n\n'
            "8.1 The Supplier shall furnish the City with its audited financial statements within 90 days of each year end.",
            "audit-rights")
    assert (d.cue, d.party, d.role) == ("report-statements", "City", "public")
