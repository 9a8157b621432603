"""Find defined terms and the parties a draft names.

`"Data" means ...`, `“Contractor” shall mean ...`, `'Personal data' has the
meaning ...` and party introductions like `XYZ Ltd. (the "Contractor")` or
`("Licensee")`. Parties matter to detection: "who may terminate" is answered
by the subject's name, and the role it plays.

A term is what stands between a pair of matching quotes ("…", “…”, '…',
‘…’), so an apostrophe inside it ("Contractor's Personnel") does not end it.
Unquoted definitions (a bold term in Word) are not found: without the quotes
nothing marks where the term begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q = "\"“”'‘’"


def _quoted(name: str) -> str:
    """A term in matching quotes; a closing single quote must not be an apostrophe."""
    return (
        rf"(?:\"(?P<{name}1>[^\"\n]{{1,60}}?)\""
        rf"|“(?P<{name}2>[^“”\n]{{1,60}}?)”"
        rf"|‘(?P<{name}3>[^‘\n]{{1,60}}?)’(?!\w)"
        rf"|'(?P<{name}4>[^\n]{{1,60}}?)'(?!\w))"
    )


DEFINITION = re.compile(
    _quoted("t")
    + r"(?:\s*(?:,|or|and)\s*[\"“‘'][^\"”’'\n]{1,60}[\"”’'])*"  # "Data" or "City Data" means
    + r"\s*(?:\([^)\n]{0,80}\)\s*)?(?:shall\s+)?"
    + r"(?:means?|has\s+the\s+meaning|is\s+defined\s+as|shall\s+have\s+the\s+meaning|refers\s+to|includes?)\b"
)
# a party named for several: "(collectively, "Merchant")", "(collectively, Lender, Endorser, and Fitness
# are referred to as the "AS Parties")", "(collectively, "MusclePharm" or the "Company")"
_COLLECTIVE = (r"(?P<group>(?:(?:collectively|together|jointly)\s*,?\s*)?"
               r"(?:[^()\n\"“”]{1,120}?\s(?:are|is)\s*,?\s*(?:(?:individually\s+and\s+)?collectively\s*,?\s*)?"
               r"(?:(?:hereinafter\s+)?(?:referred\s+to\s+(?:herein\s+)?as|called|known\s+as)\s+)?)?)")
# a company name written in lower case: "eGain Communications Corporation ("eGain")", "ebix.com, Inc. ("ebix")"
_LOWER_NAME = r"|[a-z]{1,3}[A-Z][A-Za-z]{1,30}|[a-z]{3,20}"
PARTY_INTRO = re.compile(
    rf"\({_COLLECTIVE}(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[{_Q}](?P<term>[A-Z][A-Za-z .&'’\-]{{1,40}}?{_LOWER_NAME})[{_Q}]"
    rf"(?:\s*(?:or|and)\s+(?:the\s+)?[{_Q}][A-Z][A-Za-z .&\-]{{1,40}}?[{_Q}])?\s*\)"
    # a cover page's role, unquoted: "AZUL LINHAS AÉREAS S/A (as Company)", "ACME SA (as the Seller)"
    rf"|\(as\s+(?:the\s+)?(?P<role>[A-Z][A-Za-z\-]{{1,30}})\)"
)
PARTY_WINDOW = 20000  # parties are introduced at the top of a draft
# A text conversion that lost the quotes: "by and between Bioeq IP AG, having its place of business at
# ... (Bioeq) and Coherus BioSciences, Inc., ... (Licensee)". One to three capitalised words alone in
# brackets name cross-references and headings far more often ("Section 5 (Confidentiality)"), so
# such a term is tentative (it must act to count), and only the first few are tested.
BARE_INTRO = re.compile(r"\((?P<bare>[A-Z][A-Za-z&\-]{1,30}(?: [A-Z][A-Za-z&\-]{1,30}){0,2})\)")
MAX_BARE = 6
BARE_WINDOW = 5000


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    term: str
    start: int
    end: int
    kind: str  # "definition" or "party"
    # a party named for several ("(collectively, "Merchant")") or without quotes ("(Bioeq)"): a thing
    # as often, so it counts only if the contract makes it act
    tentative: bool = False


def _term(m: re.Match) -> str | None:
    term = next(t for t in (m.group("t1"), m.group("t2"), m.group("t3"), m.group("t4")) if t is not None).strip()
    return term if term and term[0].isalnum() else None


def find_definitions(text: str) -> list[DefinedTerm]:
    out = []
    for m in DEFINITION.finditer(text):
        term = _term(m)
        if term:
            out.append(DefinedTerm(term, m.start(), m.end(), "definition"))
    parties = [DefinedTerm((m.group("term") or m.group("role")).strip(), m.start(), m.end(), "party", bool(m.group("group")))
               for m in PARTY_INTRO.finditer(text[:PARTY_WINDOW])]
    # (not a bracket inside a name whose quoted term follows: 'SYSTEMS APPLICATIONS PRODUCTS (AFRICA) (PTY)
    # LIMITED ("SAP AFRICA")')
    bare = [DefinedTerm(m.group("bare"), m.start(), m.end(), "party", True) for m in BARE_INTRO.finditer(text[:BARE_WINDOW])
            if not any(0 <= d.start - m.end() <= 80 for d in parties)]
    out.extend(sorted(parties + bare[:MAX_BARE], key=lambda d: d.start))
    return out
