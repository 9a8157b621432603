"""Is this an RFP/tender or a contract, and what is being bought?

Rules apply by document type (an RFP states what the future contract must
require) and by domain (no AI rules on a paving contract). Both are scored
from cue phrases; `--doc-type` and `--profile` override.
"""

from __future__ import annotations

import re

DOC_TYPES = ("contract", "rfp", "unknown")

_RFP = re.compile(
    r"\b(request for (?:proposals?|quotations?|tenders?|information|qualifications)|invitation to (?:tender|bid)|call for (?:tenders?|proposals?)|"
    r"tender (?:notice|documents?|dossier)|bidders?|tenderers?|proposers?|respondents?|offerors?|submission deadline|closing date for (?:bids|tenders|proposals)|"
    r"evaluation criteria|award criteria|shall submit|proposals? (?:shall|must|will) (?:be|include)|the successful (?:bidder|proposer|tenderer|respondent)|"
    r"terms of reference|scope of (?:the )?(?:services|works) required|rfp|rfq|itt)\b",
    re.IGNORECASE,
)
_CONTRACT = re.compile(
    r"\b(this agreement|this contract|the parties agree|hereby agree|in witness whereof|entered into (?:as of|on|by and between)|by and between|"
    r"now,? therefore|whereas|the parties hereto|executed by|signed by the parties|effective date)\b",
    re.IGNORECASE,
)

DOMAINS = {
    "iot": r"\b(sensors?|iot|internet of things|devices?|gateways?|lorawan|telemetry|smart (?:meters?|streetlights?|lighting|bins?|parking))\b",
    # recognising faces, plates or events in video is AI too (KI-25: a video-analytics tender)
    "ai": r"\b(artificial[\s-]+intelligence|\bai\b|machine[\s-]+learning|algorithm(?:s|ic)?|automated decision|predictive|neural|computer vision|model training|analytics engine|"
          r"video analytics|facial recognition|face recognition|(?:automatic )?(?:number|licen[cs]e) plate recognition|\banpr\b|\balpr\b|object detection|image recognition)\b",
    "cloud": r"\b(cloud|saas|software as a service|hosted|hosting|data cent(?:er|re)s?|subscription service|platform as a service)\b",
    # not "encrypted in transit" or "Transport Layer Security": security clauses, not mobility
    "mobility": r"\b(mobility|(?<!\bin\s)transit|transport(?!\s+layer)|traffic|parking|vehicles?|scooters?|bike[- ]?share|ride[- ]?hail|mobility data specification|\bmds\b|gtfs)\b",
    "surveillance": r"\b(cctv|video (?:surveillance|analytics)|cameras?|facial recognition|biometric|licen[cs]e plate recognition|\banpr\b|\balpr\b|surveillance)\b",
    "energy": r"\b(streetlights?|street lighting|energy management|smart grid|electricity|solar|ev charging|charging stations?)\b",
    "data-sharing": r"\b(data[- ]sharing|data sharing agreement|share data|data exchange|open data)\b",
}
_DOMAIN_RX = {k: re.compile(v, re.IGNORECASE) for k, v in DOMAINS.items()}


def infer_doc_type(text: str) -> str:
    head = text[:20000]
    rfp = len(_RFP.findall(head))
    contract = len(_CONTRACT.findall(head))
    if rfp == 0 and contract == 0:
        return "unknown"
    if rfp >= 3 and rfp >= contract:
        return "rfp"
    if contract >= 1 and contract >= rfp:
        return "contract"
    return "rfp" if rfp >= 2 else "unknown"


def infer_domains(text: str, min_hits: int = 3) -> list[str]:
    """Domains with at least `min_hits` cue mentions (scaled for long texts)."""
    sample = text[:400000]
    threshold = max(min_hits, len(sample) // 60000)
    found = []
    for name, rx in _DOMAIN_RX.items():
        if len(rx.findall(sample)) >= threshold:
            found.append(name)
    return found
