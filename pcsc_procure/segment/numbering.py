"""Recognise clause numbers at the start of a block of text.

Handles the numbering styles found in contracts and tenders: `1.`, `1.2`,
`1.2.3`, `12)`, `(a)`, `(iv)`, `(A)`, `a.`, `II.`, `Article 5`, `Section 12.3`,
`Clause 7`, `§ 4`, and continental drafting's `Art. 12`. Returns the label as
written and a nesting depth so the structure pass can tell a section from its
sub-items.

Text extracted from PDFs often loses the space after a label ("B.“PRODUCT”
shall mean", "2.Sufficient"); a label is accepted there too when what follows
is clearly a new word or a quote, never inside an abbreviation ("U.S.",
"e.g."). A word-number that is the subject of a sentence ("Section 5 of this
Agreement shall ...") is a cross-reference, not a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_NUMBER = re.compile(
    r"(?P<word>Article|ARTICLE|Art\.|ART\.|Section|SECTION|Clause|CLAUSE|Part|PART|Schedule|SCHEDULE|Annex|ANNEX|Appendix|APPENDIX|Exhibit|EXHIBIT)"
    r"\s+(?P<num>\d{1,3}(?:\.\d{1,3}){0,4}|[IVXLC]{1,6}|[A-Z])\b\.?"
)
# "Section 5 of this Agreement", "Article 3 shall survive": a reference, not a label.
_REFERENCE_AFTER = re.compile(
    r"[ \t]*(?:\([a-z0-9]{1,4}\)[ \t]*)?(?:of|to|in|on|and|or|shall|will|may|must|is|are|was|has|have|above|below|hereof|herein|hereto|thereof|applies|apply|does|do)\b"
)
_SECTION_SIGN = re.compile(r"§\s*(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})\b\.?")
# 1.2  1.2.3  1.2.3.  -- then whitespace; a bare integer needs "." or ")" after it.
_MULTI = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3}){1,5})(?P<trail>\.|\))?(?=\s)")
_INT = re.compile(r"(?P<num>\d{1,3})(?P<trail>\.|\))")
_PAREN = re.compile(r"\((?P<num>[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6}|\d{1,3})\)")
_LETTER = re.compile(r"(?P<num>[ivx]{2,5}|[IVX]{2,5}|[a-zA-Z])(?P<trail>[.)])")
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)
# What may follow a label with no space between: a quote, a bracket, or a word
# (two letters, so "U.S." and "e.g." stay abbreviations).
_TIGHT = re.compile(r"[“\"‘\[]|[A-Z][a-z]|[a-z]{2}")


@dataclass(frozen=True, slots=True)
class ClauseNumber:
    label: str  # as written, without trailing whitespace: "1.2", "(a)", "Article 5"
    end: int  # offset just after the label (relative to the string examined)
    depth: int  # 1 for top-level sections; larger for nested items
    style: str  # "word", "decimal", "paren", "letter"
    key: str  # normalised number: "5", "1.2", "a", "iv"


def _label_ends(text: str, end: int, allow_end: bool = False) -> bool:
    """A label must be followed by whitespace, or run straight into a new word."""
    if end >= len(text):
        return allow_end
    return text[end].isspace() or _TIGHT.match(text, end) is not None


# The characters a label can start with (digits, "(", "§", the word numbers' capitals, roman
# numerals); any other letter only as a one-letter label ("a.", "B)"). Most sentences start with
# none of them, and are rejected without trying the patterns (this runs for every block and sentence).
_CAN_START = frozenset("0123456789(§ASCPEivxIVX")


def match_number(text: str, pos: int = 0) -> ClauseNumber | None:
    """Return the clause number starting exactly at `text[pos]`, if any."""
    if text[pos : pos + 1] not in _CAN_START and text[pos + 1 : pos + 2] not in (".", ")"):
        return None
    m = _WORD_NUMBER.match(text, pos)
    if m:
        if _REFERENCE_AFTER.match(text, m.end()):
            return None
        num = m.group("num")
        return ClauseNumber(m.group(0).rstrip("."), m.end(), 1 + num.count("."), "word", num)
    m = _SECTION_SIGN.match(text, pos)
    if m:
        num = m.group("num")
        return ClauseNumber(m.group(0).rstrip("."), m.end(), 1 + num.count("."), "word", num)
    m = _MULTI.match(text, pos)
    if m:
        # "2.5 million" or a decimal amount is not a clause number.
        if _looks_like_amount(text, m.end()):
            return None
        num = m.group("num")
        return ClauseNumber(m.group(0), m.end(), 1 + num.count("."), "decimal", num)
    m = _INT.match(text, pos)
    if m:
        if not _label_ends(text, m.end()):
            return None
        return ClauseNumber(m.group(0), m.end(), 1, "decimal", m.group("num"))
    m = _PAREN.match(text, pos)
    if m and _label_ends(text, m.end(), allow_end=True):
        num = m.group("num")
        depth = 3 if _ROMAN.match(num) and len(num) > 1 else 2
        return ClauseNumber(m.group(0), m.end(), depth, "paren", num.lower() if not num.isdigit() else num)
    m = _LETTER.match(text, pos)
    if m and _label_ends(text, m.end()):
        num = m.group("num")
        # "II." heads a top-level part in RFPs (I., II., III. > A., B. > 1., 2.).
        depth = 1 if len(num) > 1 and num.isupper() else 2
        return ClauseNumber(m.group(0), m.end(), depth, "letter", num.lower())
    return None


_UNITS_AFTER = re.compile(r"\s+(?:million|billion|thousand|percent|per\s*cent|%|hours?|days?|months?|years?|kg|km|m|mm|cm|kwh|kw|mw|gb|tb|mb)\b", re.IGNORECASE)


def _looks_like_amount(text: str, end: int) -> bool:
    return bool(_UNITS_AFTER.match(text, end))
