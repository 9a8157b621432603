"""Find defined terms and the parties a draft names.

`"Data" means ...`, `"Contractor" shall mean ...`, `Data has the meaning ...`
and party introductions like `XYZ Ltd. (the "Contractor")` or
`("Licensee")`. Parties matter to detection: "who may terminate" is answered
by the subject's name, and the role it plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q = "\"“”'‘’"
DEFINITION = re.compile(
    rf"[{_Q}](?P<term>[A-Z][^{_Q}\n]{{0,60}}?)[{_Q}]\s*(?:\([^)]*\)\s*)?(?:shall\s+)?(?:means?|has\s+the\s+meaning|is\s+defined\s+as|shall\s+have\s+the\s+meaning|refers\s+to|includes)\b"
)
PARTY_INTRO = re.compile(
    rf"\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[{_Q}](?P<term>[A-Z][A-Za-z .&\-]{{1,40}}?)[{_Q}]"
    rf"(?:\s*(?:or|and)\s+(?:the\s+)?[{_Q}][A-Z][A-Za-z .&\-]{{1,40}}?[{_Q}])?\s*\)"
)


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    term: str
    start: int
    end: int
    kind: str  # "definition" or "party"


def find_definitions(text: str) -> list[DefinedTerm]:
    out = [DefinedTerm(m.group("term").strip(), m.start(), m.end(), "definition") for m in DEFINITION.finditer(text)]
    out.extend(DefinedTerm(m.group("term").strip(), m.start(), m.end(), "party") for m in PARTY_INTRO.finditer(text[:20000]))
    return out
