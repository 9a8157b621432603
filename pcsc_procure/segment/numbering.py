"""Recognise clause numbers at the start of a block of text.

Handles the numbering styles found in contracts and tenders: `1.`, `1.2`,
`1.2.3`, `12)`, `(a)`, `(iv)`, `(A)`, `a.`, `Article 5`, `Section 12.3`,
`Clause 7`, `§ 4`. Returns the label as written and a nesting depth so the
structure pass can tell a section from its sub-items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_NUMBER = re.compile(
    r"(?P<word>Article|ARTICLE|Section|SECTION|Clause|CLAUSE|Part|PART|Schedule|SCHEDULE|Annex|ANNEX|Appendix|APPENDIX|Exhibit|EXHIBIT)"
    r"\s+(?P<num>\d{1,3}(?:\.\d{1,3}){0,4}|[IVXLC]{1,6}|[A-Z])\b\.?"
)
_SECTION_SIGN = re.compile(r"§\s*(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})\b\.?")
# 1.  1.2  1.2.3  1.2.3.  12)  -- a bare integer needs "." or ")" after it.
_DECIMAL = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3}){1,5})(?P<trail>\.|\))?(?=\s)|(?P<int>\d{1,3})(?P<itrail>\.|\))(?=\s)")
_PAREN = re.compile(r"\((?P<num>[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6}|\d{1,3})\)(?=\s|$)")
_LETTER = re.compile(r"(?P<num>[a-z]|[ivx]{1,5}|[A-Z])(?P<trail>[.)])(?=\s)")
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClauseNumber:
    label: str  # as written, without trailing whitespace: "1.2", "(a)", "Article 5"
    end: int  # offset just after the label (relative to the string examined)
    depth: int  # 1 for top-level sections; larger for nested items
    style: str  # "word", "decimal", "paren", "letter"
    key: str  # normalised number: "5", "1.2", "a", "iv"


def match_number(text: str, pos: int = 0) -> ClauseNumber | None:
    """Return the clause number starting exactly at `text[pos]`, if any."""
    m = _WORD_NUMBER.match(text, pos)
    if m:
        num = m.group("num")
        return ClauseNumber(m.group(0).rstrip("."), m.end(), 1 + num.count("."), "word", num)
    m = _SECTION_SIGN.match(text, pos)
    if m:
        num = m.group("num")
        return ClauseNumber(m.group(0).rstrip("."), m.end(), 1 + num.count("."), "word", num)
    m = _DECIMAL.match(text, pos)
    if m:
        if m.group("num"):
            num = m.group("num")
            # "2.5 million" or a decimal amount is not a clause number.
            if _looks_like_amount(text, m.end()):
                return None
            return ClauseNumber(m.group(0), m.end(), 1 + num.count("."), "decimal", num)
        num = m.group("int")
        return ClauseNumber(m.group(0), m.end(), 1, "decimal", num)
    m = _PAREN.match(text, pos)
    if m:
        num = m.group("num")
        depth = 3 if _ROMAN.match(num) and len(num) > 1 else 2
        return ClauseNumber(m.group(0), m.end(), depth, "paren", num.lower() if not num.isdigit() else num)
    m = _LETTER.match(text, pos)
    if m:
        num = m.group("num")
        return ClauseNumber(m.group(0), m.end(), 2, "letter", num.lower())
    return None


_UNITS_AFTER = re.compile(r"\s+(?:million|billion|thousand|percent|per\s*cent|%|hours?|days?|months?|years?|kg|km|m|mm|cm|kwh|kw|mw|gb|tb|mb)\b", re.IGNORECASE)


def _looks_like_amount(text: str, end: int) -> bool:
    return bool(_UNITS_AFTER.match(text, end))
