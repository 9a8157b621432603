"""Clause-kind detection, part A: termination for convenience, liability cap and
carve-outs, post-termination services, governing law, audit rights, insurance
and source-code escrow.

Each test feeds contract sentences (written for these tests, in the style of
commercial and public-sector contracts) through the real pipeline and checks
which kinds are found, where, and with what negation, modality and party.
"""

from __future__ import annotations

import pytest

from kindkit import found, one, passage
from pcsc_procure.analysis import analyse_text


# (kind, a passage that is that kind): detected once, over the whole passage.
POSITIVE = [
    ("governing-law", "This Agreement shall be governed by and construed in accordance with the laws of the State of New York."),
    ("governing-law", "This Contract is governed by the law of England and Wales."),
    ("governing-law", "The validity, construction and interpretation of this Agreement shall be governed by the internal laws of the Province of Ontario."),
    ("governing-law", "The laws of the Republic of Kenya shall govern this Agreement."),
    ("governing-law", "This Agreement shall be governed by Swiss law, without regard to its conflict of laws rules."),
    ("governing-law", "This Contract shall be governed by Kenyan law."),
    ("governing-law", "The Agreement is subject to French law."),
    ("termination-for-convenience", "Either party may terminate this Agreement at any time without cause upon sixty days' prior written notice."),
    ("termination-for-convenience", "This Agreement may be terminated by either party upon ninety (90) days written notice to the other party."),
    ("termination-for-convenience", "Customer may terminate this Agreement for any reason upon six months' written notice to the Supplier."),
    ("termination-for-convenience", "The Authority shall have the right to terminate the Contract at its sole discretion on three months' notice."),
    ("termination-for-convenience", "This Agreement shall continue in effect until either Party gives the other thirty (30) days' prior written notice of termination."),
    ("liability-cap", "The Vendor's aggregate liability under this Agreement shall not exceed the fees paid in the twelve months preceding the claim."),
    ("liability-cap", "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES, INCLUDING LOST PROFITS."),
    ("liability-cap", "Neither party shall be liable to the other for any special or punitive damages arising out of this Agreement."),
    ("liability-cap", "The Supplier's total liability arising out of or in connection with this Contract shall be limited to EUR 50,000."),
    ("liability-cap", "Repair or replacement of the defective Equipment shall be the City's sole and exclusive remedy for breach of this warranty."),
    ("liability-cap", "No action arising out of this Agreement may be brought by either party more than one (1) year after the cause of action has arisen."),
    ("uncapped-liability", "EXCEPT FOR A PARTY'S BREACH OF ITS CONFIDENTIALITY OBLIGATIONS OR ITS INDEMNIFICATION OBLIGATIONS, IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR CONSEQUENTIAL DAMAGES."),
    ("uncapped-liability", "The limitations of liability in this Section 12 shall not apply to liability arising from fraud, gross negligence or wilful misconduct."),
    ("uncapped-liability", "The Vendor's liability for breach of the data protection obligations shall be unlimited."),
    ("uncapped-liability", "Except with respect to infringement claims under Section 9, each party's aggregate liability shall not exceed the fees paid."),
    ("insurance", "The Contractor shall maintain public liability insurance of at least EUR 5,000,000 per occurrence for the Term."),
    ("insurance", "Such policies shall name the City as an additional insured and shall provide thirty days' notice of cancellation."),
    ("insurance", "Commercial General Liability: $2,000,000 per occurrence and $4,000,000 in the aggregate."),
    ("insurance", "The Vendor shall deliver certificates of insurance evidencing the required coverage before starting work."),
    ("insurance", "The Contractor shall maintain professional indemnity insurance through an insurance broker approved by the City."),
    ("audit-rights", "The City may audit the Vendor's books and records relating to the Services upon ten business days' notice."),
    ("audit-rights", "The Contractor shall make its books and records available for inspection by the Authority during normal business hours."),
    ("audit-rights", "Any such audit shall be conducted by an independent certified public accountant at the requesting party's expense."),
    ("audit-rights", "The Licensor shall have the right to inspect the Licensee's premises to verify compliance with the quality standards."),

    ("post-termination-services", "Upon expiration or termination of this Agreement, the Vendor shall provide transition assistance to the City for up to six months."),
    ("post-termination-services", "Following termination, the Distributor shall have the right to sell off its remaining inventory of Products for ninety days."),
    ("post-termination-services", "If this Agreement is terminated by the Customer, the Supplier shall continue to provide the Services until a replacement supplier is appointed."),
    ("source-code-escrow", "The Vendor shall deposit the source code of the Licensed Software with an independent escrow agent."),
    ("source-code-escrow", "The Escrow Agent shall release the Source Code to the City if the Vendor ceases to support the Software."),

    ("uncapped-liability", "EXCEPT (I) WITH RESPECT TO A BREACH OF ARTICLE 8 (CONFIDENTIALITY), NEITHER PARTY SHALL BE LIABLE FOR ANY INDIRECT DAMAGES."),
    ("uncapped-liability", "None of the foregoing limitations of liability shall be available to a party with respect to its gross negligence, fraud or wilful misconduct."),

    ("uncapped-liability", "EXCEPT UNDER SECTIONS 13(a) AND 13(b), THE LIABILITY OF EITHER PARTY HEREUNDER IS LIMITED TO THE AMOUNTS PAID BY CLIENT."),
    ("audit-rights", "Licensor may review the books and records of Licensee once a year."),

    ("audit-rights", "The Franchisor shall have the right to enter the Restaurant at any reasonable time to ascertain compliance with this Agreement."),
    ("audit-rights", "The Contractor shall furnish the City with audited financial statements within ninety days after the end of each fiscal year."),

]

# (kind, a look-alike passage that is not that kind).
NEGATIVE = [
    ("governing-law", "The Contractor shall comply with all applicable laws and regulations."),
    ("governing-law", '"Applicable Law" means all laws, statutes and regulations in force from time to time.'),
    ("governing-law", "Any provision of this Agreement prohibited by applicable law shall be ineffective to the extent of such prohibition."),
    ("governing-law", "Disputes shall be resolved in accordance with Section 14.5 (Governing Law; Dispute Resolution)."),
    ("governing-law", "The Vendor shall obtain all permits required by the law of the municipality."),
    ("termination-for-convenience", "Either party may terminate this Agreement if the other commits a material breach and fails to cure it within thirty days of notice."),
    ("termination-for-convenience", "Upon termination of this Agreement for any reason, the Vendor shall return all City Data."),
    ("termination-for-convenience", "If the Customer elects to terminate this Agreement for any reason, the Customer shall pay the termination fee."),
    ("termination-for-convenience", "The City may terminate this Agreement immediately by written notice if the Contractor becomes insolvent."),
    ("termination-for-convenience", "Termination of this Agreement shall not affect the accrued rights of either party."),
    ("termination-for-convenience", "The Supplier may suspend the Services on ten days' notice while any invoice remains unpaid."),
    ("liability-cap", "The Contractor shall maintain commercial general liability insurance with limits of not less than USD 2,000,000 per occurrence."),
    ("liability-cap", "The Vendor shall indemnify the City against all liabilities, damages and costs arising from the Vendor's negligence."),
    ("liability-cap", "Supplier is a limited liability company organised under the laws of Delaware."),
    ("liability-cap", "The Contractor shall be liable for all damage caused by its employees to City property."),
    ("liability-cap", "Nothing in this Agreement limits the remedies available to a Party, including injunctive relief."),
    ("uncapped-liability", "The Vendor's aggregate liability shall be limited to the fees paid in the previous twelve months."),
    ("uncapped-liability", "The Vendor shall indemnify the City except to the extent the loss is caused by the City's gross negligence."),
    ("uncapped-liability", "The services include, but are not limited to, maintenance of the sensors in accordance with Section 4."),
    ("uncapped-liability", "Supplier is an unlimited liability company incorporated in Nova Scotia."),
    ("insurance", "The Customer shall pay all freight, insurance and shipping charges for the Products."),
    # the insurance business, not cover held: a website, a broker
    ("insurance", "About shall create and maintain Links within the About Network to the Insurance Center and to the ebix Site."),
    ("insurance", "The deposit accounts of the Bank are insured by the FDIC up to the applicable limits."),
    ("insurance", "The Supplier shall invoice the Customer monthly in arrears."),
    ("audit-rights", "The financial statements have been prepared from the audited financial statements of the Company."),
    ("audit-rights", "Confidential Information may be disclosed to a party's employees, legal counsel, auditors or insurers."),
    ("audit-rights", "Either Party has the right to enter into this Agreement and to perform its obligations."),

    ("post-termination-services", "Either party may terminate this Agreement upon thirty days' written notice."),
    ("post-termination-services", "Sections 8, 9 and 12 shall survive the expiration or termination of this Agreement."),
    ("post-termination-services", "Upon termination, each party shall return or destroy the other party's Confidential Information."),
    # a records clause's tail: kept for years after the end, but no service, payment or transition (see test_kinds_cuad_a)
    ("post-termination-services", "The Licensee shall keep complete and accurate records of its sales and retain those records for three years after the end of the Term."),
    ("post-termination-services", "Royalty reports shall be delivered within sixty days after the end of each calendar quarter."),
    ("source-code-escrow", "The purchase price shall be deposited in an escrow account held by the Escrow Agent until Closing."),
    ("source-code-escrow", "The Vendor shall deliver the Software in object code form only."),

    ("uncapped-liability", "The indemnifying party shall not be liable for the fees of separate counsel, other than reasonable costs of investigation."),
    ("uncapped-liability", "The Supplier's prices shall not exceed the list price, except with respect to orders placed under Section 4."),

    ("uncapped-liability", "In no event shall either party's liability exceed the fees paid (other than payments due under Section 8)."),
    ("audit-rights", "The Steering Committee shall review the documentation for each milestone."),
    ("post-termination-services", "The Consultant shall receive its fees within thirty days after the date of each invoice."),

    ("audit-rights", "Either party may enter into agreements with third parties for the supply of similar products."),

]


@pytest.mark.parametrize("kind, text", POSITIVE)
def test_positive(kind, text):
    det = one(text, kind)
    assert passage(text, det) == text


@pytest.mark.parametrize("kind, text", NEGATIVE)
def test_negative(kind, text):
    assert not found(text, kind)


# (kind, sentence, expected attributes): negation, modality and who is bound or empowered.
ATTRIBUTES = [
    ("governing-law", "This Agreement shall be governed by the laws of Ontario.",
     dict(negated=False, modality="obligation")),
    ("termination-for-convenience", "The City may terminate this Agreement for convenience on 30 days' notice.",
     dict(negated=False, modality="permission", party="City", role="public")),
    ("termination-for-convenience", "The Vendor may terminate this Agreement for convenience on ninety days' notice.",
     dict(negated=False, modality="permission", party="Vendor", role="vendor")),
    ("termination-for-convenience", "This Agreement may be terminated at any time by the Authority upon written notice.",
     dict(negated=False, modality="permission", party="Authority", role="public")),
    ("termination-for-convenience", "Neither party may terminate this Agreement for convenience.",
     dict(negated=True, modality="prohibition", role="both")),
    # "for no reason" says no reason is needed; it negates nothing
    ("termination-for-convenience", "Each Party may, at any time and for any reason or for no reason, terminate any license granted to it under this Agreement upon thirty (30) days' written notice.",
     dict(negated=False, modality="permission")),
    ("termination-for-convenience", "The Supplier shall use reasonable efforts to give the City ninety days' notice before it terminates the Contract for convenience.",
     dict(negated=False, modality="weak")),
    # the cap itself is not negated ("not" bounds the amount); the Vendor's liability is capped
    ("liability-cap", "The Vendor's total liability shall not exceed $500,000.",
     dict(negated=False, modality="obligation", party="Vendor", role="vendor")),
    ("liability-cap", "In no event shall the City be liable for lost profits or consequential damages.",
     dict(negated=True, modality="prohibition", party="City", role="public")),
    ("uncapped-liability", "Except for breaches of Section 8 (Confidentiality), neither party shall be liable for indirect damages.",
     dict(negated=True, role="both")),
    ("insurance", "The Vendor shall obtain and maintain cyber liability insurance throughout the Term.",
     dict(negated=False, modality="obligation", party="Vendor", role="vendor")),
    ("audit-rights", "The City may audit the Contractor's records relating to this Agreement.",
     dict(negated=False, modality="permission", party="City", role="public")),
    ("post-termination-services", "Upon termination of this Agreement, the Contractor shall transfer all City Data to the successor provider.",
     dict(negated=False, modality="obligation", party="Contractor", role="vendor")),
    ("source-code-escrow", "The Contractor shall deposit the source code with the escrow agent within thirty days.",
     dict(negated=False, modality="obligation", party="Contractor", role="vendor")),
    ("insurance", "The Operator should maintain cyber liability insurance where practicable.",
     dict(negated=False, modality="weak", party="Operator", role="vendor")),
    ("audit-rights", "Either party may audit the other party's records once a year.",
     dict(negated=False, modality="permission", role="both")),
    ("post-termination-services", "The Supplier will use reasonable endeavours to assist the Authority in the transition upon termination.",
     dict(negated=False, modality="weak", party="Supplier", role="vendor")),
    ("governing-law", "The Contract is governed by the laws of the Republic of Chile.",
     dict(negated=False, modality=None)),
]


# Kinds whose negation is dropped: a negated duty or right is not the kind at all.
@pytest.mark.parametrize("kind, text", [
    ("insurance", "The City shall not be required to maintain any insurance for the Equipment."),
    ("audit-rights", "The Vendor shall not audit the City's records."),
    ("post-termination-services", "Upon termination, the Vendor shall not continue to provide the Services."),
    ("source-code-escrow", "The Vendor shall not deposit the source code with any escrow agent."),
])
def test_negated_duty_is_not_the_kind(kind, text):
    assert not found(text, kind)


@pytest.mark.parametrize("kind, text, expected", ATTRIBUTES)
def test_attributes(kind, text, expected):
    det = one(text, kind)
    assert {k: getattr(det, k) for k in expected} == expected


# -- spans, headings and values ----------------------------------------------------

def test_governing_law_caption_is_not_the_passage():
    text = "17. Governing Law. This Agreement shall be governed by the laws of the State of California."
    det = one(text, "governing-law")
    assert passage(text, det) == "This Agreement shall be governed by the laws of the State of California."
    assert det.heading == "Governing Law" and det.section == "17"


@pytest.mark.parametrize("kind, text, start", [
    ("governing-law", "24. APPLICABLE LAW\n\nThe substantive laws of Singapore apply to this Agreement and to any dispute under it.", "The substantive laws"),
    ("insurance", "14. Insurance.\n\n14.1 Such policies shall be primary and non-contributory to any cover the City holds.", "14.1 Such policies"),
    ("source-code-escrow", "21. Source Code Escrow.\n\n21.2 The City may verify that each new release of the Source Code has been lodged.", "21.2 The City"),
])
def test_found_under_its_heading_only(kind, text, start):
    det = one(text, kind)
    assert passage(text, det).startswith(start)
    body = text.split("\n\n", 1)[1]
    assert not found(body.split(" ", 1)[1], kind)  # the same words without the heading are not enough


def test_values_are_extracted():
    det = one("The City may terminate this Agreement for convenience on 30 days' notice.", "termination-for-convenience")
    assert det.values["durations"][0]["value"] == 30
    det = one("The Vendor's total liability shall not exceed $500,000.", "liability-cap")
    assert det.values["money"][0]["amount"] == 500000


def test_uncapped_carve_out_is_also_a_cap():
    text = "Except for breaches of Section 8 (Confidentiality), neither party shall be liable for indirect damages."
    kinds = {d.kind for d in analyse_text(text).detections}
    assert {"liability-cap", "uncapped-liability"} <= kinds


def test_audit_in_a_table_of_contents_is_not_a_clause():
    toc = "10.1 Accounting 12 10.2 Annual Financial Statements 12 10.3 Audits 13 10.4 Release of Information 13 10.5 Polling 14"
    assert not found(toc, "audit-rights")


@pytest.mark.parametrize("kind, text, last", [
    ("insurance", "The Supplier shall maintain product liability insurance of at least $2,000,000. "
                  "Such policy shall name the Customer as an additional insured. "
                  "The Supplier shall deliver the Products in accordance with the forecast.", "as an additional insured."),
    ("auto-renewal", "This Agreement shall renew automatically for successive one-year terms. "
                     "The parties may also agree in writing on a longer extension of the then-current term. "
                     "The Supplier shall deliver the Services from its data centre in Dublin.", "the then-current term."),
    ("exclusivity", "The City appoints the Operator as its exclusive provider of bicycle sharing in the City. "
                    "The City shall not permit any other operator to offer shared bicycles on its streets. "
                    "The Operator shall keep the fleet clean.", "on its streets."),
])
def test_a_passage_continues_over_the_sentences_after_it_that_govern_it(kind, text, last):
    det = one(text, kind)
    assert passage(text, det).endswith(last)
