"""Clause-kind detection, part B: exclusivity, renewal, IP, change of control,
assignment, minimum commitment, licences and warranty duration.

Each test feeds a few contract sentences (written for these tests, in the style
of commercial and public-sector contracts) through the real pipeline and
checks which kinds are found and with what attributes.
"""

from __future__ import annotations

import pytest

from pcsc_procure.analysis import analyse_text


def kinds_of(text: str) -> dict[str, list]:
    """kind -> detections, for one text."""
    out: dict[str, list] = {}
    for d in analyse_text(text).detections:
        out.setdefault(d.kind, []).append(d)
    return out


def found(text: str, kind: str) -> list:
    return kinds_of(text).get(kind, [])


def one(text: str, kind: str):
    dets = found(text, kind)
    assert len(dets) == 1, f"expected one {kind} in {text!r}, got {[(d.kind, d.cue) for d in dets]}"
    return dets[0]


# -- exclusivity ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Supplier hereby appoints Distributor as its exclusive distributor of the Products in the Territory.",
    "The Company shall purchase all of its requirements for the Products from the Supplier during the Term.",
    "During the Term, the Contractor shall be the sole supplier of parking sensors to the City.",
    "The Licensor grants to the Licensee an exclusive, royalty-bearing license to manufacture the Products.",
    "During the Term, the Vendor shall not sell the Products to any other distributor in the Territory.",
    "The Agency shall procure the Services exclusively from the Contractor for the duration of the pilot.",
    "Operator shall be prohibited from granting any rights in the Platform to any person other than the Authority.",
])
def test_exclusivity_positive(text):
    assert found(text, "exclusivity"), text


@pytest.mark.parametrize("text", [
    "Licensor hereby grants to Licensee a non-exclusive, perpetual license to use the Software.",
    "The courts of the State shall have exclusive jurisdiction over any dispute arising under this Agreement.",
    "The remedies set out in this Section are the City's sole and exclusive remedies for breach of warranty.",
    "All Deliverables shall be the sole and exclusive property of the City.",
    "This Agreement is the complete and exclusive statement of the agreement between the parties.",
    "The Contractor shall not disclose Confidential Information to any third party without the prior written consent of the City.",
    "The Contractor shall not assign this Agreement to any third party without the consent of the City.",
    "Vendor acknowledges that it does not have exclusive rights and that the City may engage other vendors.",
])
def test_exclusivity_negative(text):
    assert not found(text, "exclusivity"), text


def test_exclusivity_bar_on_dealing_is_negated_and_binds_vendor():
    d = one("The Contractor shall not license the Data to any third party during the Term.", "exclusivity")
    assert d.negated is True
    assert d.role == "vendor"
    assert d.modality == "prohibition"


def test_exclusive_licence_grant_is_also_a_licence_grant():
    k = kinds_of("The City hereby grants to the Contractor an exclusive license to use the City marks in the Territory.")
    assert "exclusivity" in k and "license-grant" in k
    assert k["exclusivity"][0].negated is False


# -- warranty-duration ---------------------------------------------------------

def test_warranty_duration_with_value():
    d = one("The Contractor warrants that the Equipment will be free from defects in materials and workmanship "
            "for a period of twenty-four (24) months from the date of Final Acceptance.", "warranty-duration")
    assert d.role == "vendor"
    assert [v["value"] for v in d.values["durations"]] == [24.0]
    assert d.values["durations"][0]["unit"] == "months"


@pytest.mark.parametrize("text", [
    "The Warranty Period shall commence on the date of Final Acceptance of the System.",
    "Vendor provides a twelve-month limited warranty on all sensors supplied under this Contract.",
    "The Goods shall be free from defects for one (1) year after delivery to the City.",
    "The Authority may reject any defective Goods by notice to the Supplier within thirty (30) days after delivery.",
])
def test_warranty_duration_positive(text):
    assert found(text, "warranty-duration"), text


@pytest.mark.parametrize("text", [
    "The Contractor represents and warrants that it has full power and authority to enter into this Agreement.",
    "The representations and warranties of each party shall survive the Closing for a period of two years.",
    "The holder may exercise the Warrants at any time within five years of the date of issue.",
    "Vendor warrants that the Software will comply with all applicable laws.",
])
def test_warranty_duration_negative(text):
    assert not found(text, "warranty-duration"), text
