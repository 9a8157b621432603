"""Document type and domain inference: which rules a draft gets."""

from __future__ import annotations

import pytest

from pcsc_procure.detect.doctype import infer_doc_type, infer_domains

SECURITY = (
    "All City Data shall be encrypted in transit and at rest. Connections shall use Transport Layer Security "
    "(TLS) 1.3 or later. Backups are encrypted in transit. The Vendor shall patch within 14 days. "
)


def test_security_clauses_are_not_mobility():
    # "encrypted in transit" and "Transport Layer Security" are about data, not transport:
    # before, three such phrases put a streetlight contract in the mobility domain
    assert "mobility" not in infer_domains(SECURITY * 2)


@pytest.mark.parametrize(
    "text",
    [
        "The transit agency operates buses. Transit riders pay by card. The transit network covers the city.",
        "Public transport data. Transport for the region. The transport authority publishes GTFS feeds.",
        "Parking sensors report occupancy of parking bays to the parking operator.",
    ],
)
def test_mobility_still_found(text):
    assert "mobility" in infer_domains(text)


def test_doc_type():
    assert infer_doc_type("Invitation to Tender. Tenderers shall submit bids. Award criteria: price 60%.") == "rfp"
    assert infer_doc_type("This Agreement is made by and between the City and the Vendor. Whereas ...") == "contract"
    assert infer_doc_type("Minutes of the meeting.") == "unknown"


def test_recognising_faces_plates_or_events_in_video_is_ai():
    # KI-25: a CCTV tender with video analytics, number-plate and facial recognition got no AI rules
    text = ("The System shall provide video analytics that raise alerts. It shall include automatic number plate "
            "recognition at entry points and a facial recognition module for the police.")
    assert "ai" in infer_domains(text)
    assert "ai" not in infer_domains("The Contractor shall install CCTV cameras at the depot. Cameras record to a local recorder. "
                                     "The cameras are fixed.")
