"""Tell headings and inline clause captions from body text in plain text.

Word documents say which paragraphs are headings; text, PDF and Markdown
paragraphs that are not marked up need these heuristics.
"""

from __future__ import annotations

import re

from pcsc_procure.segment.sentences import ABBREVIATIONS

_SMALL_WORDS = {"of", "and", "or", "the", "for", "to", "in", "on", "by", "with", "a", "an", "at", "from", "as", "&", "vs", "per", "upon", "under"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-/]*")
# "Governing Law." or "GOVERNING LAW:" right after a clause number, then body text.
_CAPTION = re.compile(
    r"(?P<cap>(?:[A-Z][A-Za-z'’\-/&]*|[a-z]{1,4})(?:[ \t]+(?:[A-Z][A-Za-z'’\-/&,]*|of|and|or|the|for|to|in|on|by|with|a|an|at|from|upon|under|&)){0,8})"
    r"[ \t]*(?P<sep>[.:\u2013\u2014]|-{1,2})[ \t]+(?=\S)"
)


def looks_like_heading(line: str) -> bool:
    """True for a short line that reads as a title rather than a sentence."""
    s = line.strip().strip("*_#").strip()
    if not s or len(s) > 100 or s.endswith((",", ";")):
        return False
    if s.endswith(".") and not s.isupper():
        return False
    words = _WORD.findall(s)
    if not words or len(words) > 12 or _runs_on(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) >= 3:
        # a short sentence in capitals is no title: "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ..."
        return not (s.endswith(".") and sum(w.lower() in VERBISH for w in words) >= 2)
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(w[0].isupper() for w in significant)
    return capitalised == len(significant) and len(words) <= 10


# A caption and then body text on one line: "Exclusion of Damages. EXCEPT AS PROVIDED IN SECTION 11.3, IN NO"
# (the first line of a clause a hard-wrapped text runs on to the next line), not "Section 5. Term" or "Acme
# Corp. Supply Agreement".
_RUN_ON = re.compile(r"([A-Za-z]{3,})\.[ \t]+\S+[ \t]+\S")


def _runs_on(s: str) -> bool:
    return any(m.group(1).lower() not in ABBREVIATIONS for m in _RUN_ON.finditer(s))


# Words no title or caption contains: a line or sentence with one of them is body text.
VERBISH = frozenset(
    "shall will may must is are be been being was were has have had agree agrees agreed hereby means mean can should would does do "
    "not any all this such which who if".split()
)


def numbered_title(rest: str, section_sign: bool = False) -> bool:
    """True for the title after a section number in sentence case: "9. Evaluation criteria".

    `rest` is what follows the number on a line of its own. Plain-text and PDF
    drafts from the UN system and the UK write headings this way; a title-cased
    or upper-case one is already a heading by `looks_like_heading`. Kept
    narrow (six words, a capital first, no verb, no digit, no punctuation but
    commas between its items, not ending in a small word, as a wrapped line
    would) so that a short list item or the first line of a wrapped sentence
    is not read as a title.
    """
    s = rest.strip()
    # after a section sign, only a title follows on the line, and continental titles run longer ("§ 18 Handover on
    # expiry of the Maintenance Period"); so after a dash, which marks a title line the same way ("Article 22 –
    # Transfer of the Contract and change of control")
    long_title = section_sign
    if s[:1] in ("–", "—", "-") and s[1:2].isspace():
        s = s.lstrip("–—-").strip()
        long_title = True
    if not s or len(s) > 60 or not s[0].isupper() or s[-1] in ".,;:" or any(c.isdigit() for c in s):
        return False
    words = s.split()
    # (a comma may join its items: "Article 19 – Subcontracting, assignment and change of control"; so may a
    # semicolon, in continental drafting, and then the items are longer: "§ 19 Subcontractors; transfer of the
    # contract; change of control")
    if len(words) > (10 if ";" in s or long_title else 6) or any(not _WORD.fullmatch(w.removesuffix(",").removesuffix(";")) and w != "&" for w in words[:-1]) or not _WORD.fullmatch(words[-1]):
        return False
    lower = [w.lower() for w in words]
    return lower[-1] not in _SMALL_WORDS and not VERBISH.intersection(lower)


def inline_caption(text: str, pos: int) -> tuple[str, int] | None:
    """A caption like "Governing Law." starting at `pos`; returns (caption, end).

    Only accepted when the caption is title-cased or upper-cased and short,
    so that an ordinary first sentence is not mistaken for a caption.
    """
    m = _CAPTION.match(text, pos)
    if not m:
        return None
    cap = m.group("cap").strip()
    words = _WORD.findall(cap)
    if not words or len(words) > 9:
        return None
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant or not all(w[0].isupper() for w in significant):
        return None
    # A one-word "caption" followed by "." is usually a sentence fragment
    # ("Licensee. The ...") unless it is upper case or a typical heading noun.
    if len(significant) == 1 and not cap.isupper() and m.group("sep") != ":" and len(cap) < 4:
        return None
    return cap, m.end()
