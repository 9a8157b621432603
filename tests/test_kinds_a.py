"""Clause-kind detection, part A: termination for convenience, liability cap and
carve-outs, post-termination services, governing law, audit rights, insurance
and source-code escrow.

Each test feeds contract sentences (written for these tests, in the style of
commercial and public-sector contracts) through the real pipeline and checks
which kinds are found, where, and with what negation, modality and party.
"""

from __future__ import annotations

import pytest

from pcsc_procure.analysis import analyse_text


def found(text: str, kind: str) -> list:
    return [d for d in analyse_text(text).detections if d.kind == kind]


def one(text: str, kind: str):
    dets = found(text, kind)
    assert len(dets) == 1, f"expected one {kind} in {text!r}, got {[(d.kind, d.cue) for d in dets]}"
    return dets[0]


def passage(text: str, det) -> str:
    return text[det.start : det.end]


# -- governing law -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
    "This Contract is governed by the law of England and Wales.",
    "The validity, construction and interpretation of this Agreement shall be governed by the internal laws of the Province of Ontario.",
    "The laws of the Republic of Kenya shall govern this Agreement.",
    "This Agreement shall be governed by Swiss law, without regard to its conflict of laws rules.",
])
def test_governing_law_positive(text):
    det = one(text, "governing-law")
    assert passage(text, det) == text


@pytest.mark.parametrize("text", [
    "The Contractor shall comply with all applicable laws and regulations.",
    '"Applicable Law" means all laws, statutes and regulations in force from time to time.',
    "Any provision of this Agreement prohibited by applicable law shall be ineffective to the extent of such prohibition.",
    "Disputes shall be resolved in accordance with Section 14.5 (Governing Law; Dispute Resolution).",
    "The Vendor shall obtain all permits required by the law of the municipality.",
])
def test_governing_law_negative(text):
    assert not found(text, "governing-law")


def test_governing_law_caption_is_not_the_passage():
    text = "17. Governing Law. This Agreement shall be governed by the laws of the State of California."
    det = one(text, "governing-law")
    assert passage(text, det) == "This Agreement shall be governed by the laws of the State of California."
    assert det.heading == "Governing Law" and det.section == "17"


def test_governing_law_under_its_heading():
    text = "24. APPLICABLE LAW\n\nThe substantive laws of Singapore apply to this Agreement and to any dispute under it."
    det = one(text, "governing-law")
    assert passage(text, det).startswith("The substantive laws of Singapore")


def test_governing_law_attributes():
    det = one("This Agreement shall be governed by the laws of Ontario.", "governing-law")
    assert det.modality == "obligation" and not det.negated


# -- termination for convenience ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Either party may terminate this Agreement at any time without cause upon sixty days' prior written notice.",
    "This Agreement may be terminated by either party upon ninety (90) days written notice to the other party.",
    "Customer may terminate this Agreement for any reason upon six months' written notice to the Supplier.",
    "The Authority shall have the right to terminate the Contract at its sole discretion on three months' notice.",
    "This Agreement shall continue in effect until either Party gives the other thirty (30) days' prior written notice of termination.",
])
def test_termination_for_convenience_positive(text):
    det = one(text, "termination-for-convenience")
    assert passage(text, det) == text and not det.negated


@pytest.mark.parametrize("text", [
    "Either party may terminate this Agreement if the other commits a material breach and fails to cure it within thirty days of notice.",
    "Upon termination of this Agreement for any reason, the Vendor shall return all City Data.",
    "If the Customer elects to terminate this Agreement for any reason, the Customer shall pay the termination fee.",
    "The City may terminate this Agreement immediately by written notice if the Contractor becomes insolvent.",
    "Termination of this Agreement shall not affect the accrued rights of either party.",
    "The Supplier may suspend the Services on ten days' notice while any invoice remains unpaid.",
])
def test_termination_for_convenience_negative(text):
    assert not found(text, "termination-for-convenience")


def test_termination_for_convenience_public_permission():
    det = one("The City may terminate this Agreement for convenience on 30 days' notice.", "termination-for-convenience")
    assert (det.modality, det.party, det.role, det.negated) == ("permission", "City", "public", False)
    assert det.values["durations"][0]["value"] == 30


def test_termination_for_convenience_vendor_and_passive_agent():
    det = one("The Vendor may terminate this Agreement for convenience on ninety days' notice.", "termination-for-convenience")
    assert det.role == "vendor"
    det = one("This Agreement may be terminated at any time by the Authority upon written notice.", "termination-for-convenience")
    assert (det.party, det.role) == ("Authority", "public")


def test_termination_for_convenience_negated():
    det = one("Neither party may terminate this Agreement for convenience.", "termination-for-convenience")
    assert det.negated and det.modality == "prohibition" and det.role == "both"


def test_termination_for_convenience_weak():
    det = one("The Supplier shall use reasonable efforts to give the City ninety days' notice before it terminates the Contract for convenience.", "termination-for-convenience")
    assert det.modality == "weak"
