"""Span policy: which sentences may carry a detection, and how detections join.

A clause kind is the clause that *does* the thing ("This Agreement shall be
governed by the laws of ..."), not every passage that names it. So:

- caption sentences ("12. Governing Law.", a heading block) name a clause
  but are not it: they never carry a detection; cues see their words
  through `heading`.
- definitions ('"Applicable Law" means ...') fix a term's meaning; the
  clause that uses the term is elsewhere.
- tables of contents ("10.3 Audits 10.4 Insurance 11 ...") list clauses.
- cross-reference titles ("Section 14.5 (Governing Law)", 'Clause 24
  ("Governing law and arbitration")') point at another clause; their words
  are masked before cues are evaluated.
- detections of one kind in consecutive sentences of one block are one
  passage, reported once.
"""

from __future__ import annotations

import re

from pcsc_procure.detect.spec import CONTINUE
from pcsc_procure.segment.headings import VERBISH as _VERBISH, inline_caption, looks_like_heading, numbered_title
from pcsc_procure.segment.numbering import match_number

_WORD = re.compile(r"[A-Za-z]+")
_LEAD = re.compile(r"[\s\-–—:.)(]*")
_LETTERS_LABEL = re.compile(r"[A-Z]{1,3}\.(?=\s)")  # list labels "A.", "QQ." in definition lists
_DEFINITION = re.compile(
    # ('In this Clause 9, "Losses" means ...': a definition for one clause)
    r"(?:In\s+this\s+(?:Agreement|Contract|Clause|Section|Article|Schedule|Paragraph)(?:\s+[0-9IVX][0-9A-Za-z.]*)?\s*,\s*)?"
    r"(?:[Tt]he\s+(?:term|terms|expression|word)s?\s+)?[\"“”'‘’]?[A-Z][A-Za-z0-9\-/&,. ]{0,60}?[\"“”'‘’]?\s*"
    r"(?:(?:or|and)\s+[\"“][^\"”]{1,60}[\"”]\s*)?"
    r"(?:\((?:or\s+)?(?:the\s+)?[\"“][^)]{0,60}\)\s*)?(?:[,:]\s*)?(?:shall\s+|will\s+)?(?:(?<!\bby )(?<!\bany )(?<!\bother )(?<!\bown )means?|ha(?:s|ve)\s+the\s+meanings?|shall\s+have\s+the\s+meanings?|is\s+defined\s+as|refers\s+to)\b"
)
# Latin American and continental definition lists: 'h) "Insurance Policy": the civil liability policy referred to in Clause
# Fifteen.' (the term quoted: "Notice: the Supplier shall ..." is a caption)
_COLON_DEFINITION = re.compile(r"[\"“][A-Z][^\"”]{0,60}[\"”]\s*:\s+(?:the|a|an|any|all|each|every)\b")
_XREF = re.compile(
    r"\b(?:Sections?|Articles?|Clauses?|Paragraphs?|Schedules?|Exhibits?|Annex(?:es)?|Appendix|Appendices|[Cc]hapters?|SECTIONS?|ARTICLES?|CLAUSES?|CHAPTERS?)"
    r"\s+[0-9IVXLC][0-9A-Za-z.\-]*(?:\s*\([a-z0-9]{1,4}\))*\s*(?:[-–—]\s*)?"
    r"(?P<a>\([^()]{1,160}(?:\)|$)|[\"“][^\"”]{1,160}[\"”]|\[[^\[\]]{1,160}\])"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3})*\s*[-–—]\s*(?P<b>[\"“][^\"”]{1,100}[\"”])"
    # the later numbers of a list of references: "Sections 17.1 [During Term] and 17.2 [After Termination]"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3})+\s*(?P<c>\[[^\[\]]{1,160}\])"
    # a provision named by its title in quotes: 'set forth in the "Audit" provision herein'
    r"|(?P<d>[\"“][A-Z][^\"”]{0,60}[\"”])(?=\s+(?:[Pp]rovisions?|[Ss]ections?|[Cc]lauses?|[Aa]rticles?|[Pp]aragraphs?)\b)"
)


def strip_labels(text: str, pos: int = 0) -> int:
    """Offset after any clause numbers ("12.", "ARTICLE 9 -", "(a)", "QQ.") at `pos`."""
    for _ in range(4):
        m = _LEAD.match(text, pos)
        pos = m.end()
        num = match_number(text, pos)
        if num is None:
            m = _LETTERS_LABEL.match(text, pos)
            if m is None:
                break
            pos = m.end()
        else:
            pos = num.end
    return _LEAD.match(text, pos).end()


def is_caption(text: str, whole_block: bool = False) -> bool:
    """A sentence that only names a clause: "9.2 Termination At Will.", "INSURANCE", and after a
    clause number, in sentence case too: "2. Licence audit." (the sentence splitter cuts such a
    run-in caption from the clause it heads). A `whole_block` (a paragraph of its own) in
    sentence case without a number is one too: "Source code escrow" above "7.6 Within 60 days
    after the start of the Term, the Contractor must deposit ..."."""
    start = strip_labels(text)
    rest = text[start:].strip().rstrip(".:;-–— ")
    if not rest:
        return True
    chained = _CHAINED_CAPTION.match(rest)
    if chained:  # a clause's caption, then its first sub-clause's: "2.1 Licence and Restrictions. (i) Licence."
        return is_caption(text[:start] + chained.group(1)) and is_caption(chained.group(2))
    words = _WORD.findall(rest)
    if len(words) > 12 or any(w.lower() in _VERBISH for w in words):
        return False
    return looks_like_heading(rest) or ((start > 0 or whole_block) and numbered_title(rest, text.lstrip().startswith("§")))


_CHAINED_CAPTION = re.compile(r"(.+?)\.\s+((?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|\([A-Za-z]{1,4}\)|[A-Za-z]{1,4}\))\s+\S.*)$")
_BULLET = re.compile(r"[\s•·▪◦●■*\-–]*")


def run_in_caption(text: str, item: bool = False) -> tuple[str, int] | None:
    """A numbered sentence's run-in caption: (caption, offset after it and its separator).

    "(f) Termination for Change of Control — If MBRK terminates ...", "12.3
    Insurance: The Supplier shall ...": the words between the clause number and
    the dash, colon or full stop name the clause, like a heading. None when the
    sentence has no clause number, or nothing but the caption. A list `item`'s
    label may be a bullet, or not in the text at all (Markdown, Word numbering).
    """
    if item:
        pos = strip_labels(text, _BULLET.match(text).end())
    else:
        lead = _LEAD.match(text).end()
        if match_number(text, lead) is None and _LETTERS_LABEL.match(text, lead) is None:
            return None
        pos = strip_labels(text)
    cap = inline_caption(text, pos)
    if cap is None or cap[1] >= len(text.rstrip()):
        return None
    if any(w.lower() in _VERBISH for w in _WORD.findall(cap[0])):
        return None
    # What follows must read as a sentence: after "Umbrella Liability:" an amount
    # ("$5,000,000 per occurrence.") makes the words a label of a value, not a title.
    if not any(w.lower() in _VERBISH for w in _WORD.findall(text, cap[1])):
        return None
    return cap


_LEADERS = re.compile(r"\.{5,}|(?:\. ){5,}|_{5,}")
_LEADER_PERCENT = re.compile(r"(?:\.{5,}|(?:\. ){5,}|_{5,})\s*\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|per\s*cent|percent)")
# A title word, a clause or page number, then the next title: "Audits 28 10.4 Insurance".
_TOC_STEP = re.compile(r"[A-Za-z][\s.]+\d{1,3}(?:\.\d{1,3})*\.?\s+(?=[A-Z\d])")
_MODAL = re.compile(r"\b(?:shall|will|may|must|agrees?)\b", re.IGNORECASE)


def is_toc(text: str) -> bool:
    """A run of clause titles and page numbers: "10.3 Audits 28 10.4 Insurance 29"."""
    if _LEADERS.search(text):
        # weighted criteria ("environmental performance ........ 5%") use leaders too
        return _LEADER_PERCENT.search(text) is None
    # (the modal verb first: a clause has one early on, and the steps are searched at every letter)
    return not _MODAL.search(text) and len(_TOC_STEP.findall(text)) >= 4


def is_definition(text: str) -> bool:
    """'"Applicable Law" means ...', '1.3 Change of Control shall mean ...', '"Audit" or "Review" means', 'Term: means',
    '"Personal Data" and "Data Protection Legislation" have the meanings given in clause 6.1' (not "The verification shall be
    carried out primarily by means of a licence report": "by means", "by any means", "by its own means" define nothing)."""
    start = strip_labels(text)
    return _DEFINITION.match(text, start) is not None or _COLON_DEFINITION.match(text, start) is not None


# A reference's title is in quotes or brackets, or in parentheses after one of these words:
# a sentence with none of them (most) is not searched (the regex tries every position).
_XREF_WORDS = ("Section", "Article", "Clause", "Paragraph", "Schedule", "Exhibit", "Annex", "Appendi", "hapter", "SECTION", "ARTICLE", "CLAUSE", "CHAPTER")


def xref_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of cross-reference titles in `text`."""
    if '"' not in text and "“" not in text and "[" not in text and ("(" not in text or not any(w in text for w in _XREF_WORDS)):
        return []
    out = []
    for m in _XREF.finditer(text):
        g = next(g for g in "abcd" if m.group(g) is not None)
        out.append((m.start(g), m.end(g)))
    return out


def absorb(keep, det, bars: frozenset = frozenset()):
    """One passage from `keep` and the later `det` of the same kind, covering both.

    It keeps the attributes of its first non-negated part, so a negated
    sentence never hides a positive one next to it -- except in kinds that are
    ordinarily a bar (`bars`, `negation: bar`), where the negated part that
    opens the passage is the clause ("NEITHER PARTY SHALL BE LIABLE ... .
    SUTRO'S LIABILITY TO SUTROVAX ..."; "Consultant may not assign ... .
    Company may assign ..."). The party named first stays when the later part
    names none, and a first part that names none takes the next part's party;
    but a sentence that only continues the passage (`continue`), or that a cue
    with `stands: false` found, never stands for it ("X shall not assign ...
    Y may assign to its affiliates" is X's bar). Extracted values of both
    parts are kept, in document order. Returns the detection that stands for both.
    """
    # (a passage is a fallback's only while every part that can stand for it is one)
    fallback = keep.fallback and (det.fallback or det.cue == CONTINUE or not det.stands)
    if keep.negated and keep.kind not in bars and not det.negated and det.cue != CONTINUE and det.stands:
        det.fallback = fallback
        det.start = keep.start
        det.end = max(det.end, keep.end)
        if det.party is None or (det.role == "both" and keep.party is not None):
            # "the Consultant shall not assign ... . Any assignment without consent shall be void":
            # the later part names no one (or only "a Party": "Any attempted assignment by a Party
            # ... will be null and void"); the passage is still about the party named first
            det.party, det.role = keep.party, keep.role
        for k, v in keep.values.items():
            det.values[k] = v + det.values.get(k, [])
        return det
    keep.end = max(keep.end, det.end)
    keep.fallback = fallback
    if keep.party is None and det.party is not None and det.cue != CONTINUE and det.stands:
        # "In the event of any termination ..., then: 14.3.1 ... SFJ shall assign ...": a first part
        # that names no one leaves the passage to the party its next part names
        keep.party, keep.role = det.party, det.role
    for k, v in det.values.items():
        keep.values[k] = keep.values.get(k, []) + v
    return keep


def merge_adjacent(found: list, sentence_index: dict[int, int], bars: frozenset = frozenset()) -> list:
    """Join detections of one kind in consecutive sentences of one block.

    `sentence_index` maps a detection's start to its sentence number; parts
    are joined as `absorb` says.
    """
    out: list = []
    last: dict[str, tuple] = {}  # kind -> (index of its passage in out, sentence number)
    for det in sorted(found, key=lambda d: d.start):
        n = sentence_index[det.start]
        prev = last.get(det.kind)
        if prev is not None and prev[1] == n - 1 and out[prev[0]].block == det.block:
            at = prev[0]  # positions, not list.index(): that compared dataclasses, quadratic on long documents
            out[at] = absorb(out[at], det, bars)
            last[det.kind] = (at, n)
            continue
        last[det.kind] = (len(out), n)
        out.append(det)
    return out


_LAST_ITEM = re.compile(r"\([0-9A-Za-z]{1,4}\)$")


def parent_number(number: str) -> str:
    """"9.1" -> "9", "9(a)" -> "9", "9.1(b)" -> "9.1"."""
    m = _LAST_ITEM.search(number)
    if m is not None and m.start() > 0:
        return number[: m.start()]
    return number.rsplit(".", 1)[0]


def clause_number(number: str) -> str:
    """The numbered clause a sub-clause or its item belongs to: "12.3" -> "12", "12.3(a)" -> "12", "9(a)" -> "9"."""
    while (m := _LAST_ITEM.search(number)) is not None and m.start() > 0:
        number = number[: m.start()]
    return number.rsplit(".", 1)[0]


def _same_clause(a: str | None, b: str | None) -> bool:
    """One numbered clause: the same number, or siblings and children under it ("9.1", "9.3", "9";
    "9(a)", "9(b)")."""
    if not a or not b:
        return False
    pa, pb = parent_number(a), parent_number(b)
    return a == b or pa == pb or pa == b or pb == a


def join_sections(found: list, kinds: set[str], max_gap: int = 4, bars: frozenset = frozenset()) -> list:
    """Join detections of the given kinds that lie under one numbered clause and heading.

    Contracts spread one clause over sub-paragraphs ("9.1 The Supplier shall
    maintain insurance ... 9.3 Certificates of insurance ..."); reported
    sentence by sentence, the clause looks like several. Parts more than
    `max_gap` blocks after the previous part stay separate. Parts are joined
    as `absorb` says (before, the values of later parts were dropped here).
    """
    if not kinds:
        return found
    out: list = []
    last: dict[str, tuple] = {}  # kind -> (index of its passage in out, block of its last part)
    for det in sorted(found, key=lambda d: d.start):
        at, prev_block = last.get(det.kind, (None, None)) if det.kind in kinds else (None, None)
        prev = out[at] if at is not None else None
        if (prev is not None and _same_clause(prev.section, det.section) and prev.heading == det.heading
                and prev_block is not None and det.block is not None and det.block - prev_block <= max_gap):
            out[at] = absorb(prev, det, bars)
            last[det.kind] = (at, det.block)
            continue
        last[det.kind] = (len(out), det.block)
        out.append(det)
    return out


MAX_LIST_ITEMS = 12
_LIST_KINDS = ("clause", "list-item")


def _ends_with_colon(text: str, block) -> bool:
    """The block's last visible character is ":" (read from its end, not by copying the block)."""
    end = block.end
    while end > block.start and text[end - 1].isspace():
        end -= 1
    return end > block.start and text[end - 1] == ":"


def list_pairs(doc):
    """(lead-in span, item span, lead-in block) for each item of each list in `doc`.

    A lead-in is the last sentence of a block that ends with ":"; its items are
    the numbered or bulleted blocks right after it (at most MAX_LIST_ITEMS), up
    to a clause numbered at the lead-in's own level or above ("11." after
    "10.2 ... terminated:"); an item's span is its first sentence. Points
    "1.", "2.", ... counted from one under a paragraph "(1) ... shall:" are its
    items (Bulgarian, Serbian and other civil-law drafting), as are those under
    "Art. 21. ... shall:", not new clauses.
    """
    from pcsc_procure.segment.sentences import split_sentences

    text = doc.analysis_text
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if not _ends_with_colon(text, b):
            continue
        sentences = split_sentences(text, b.start, b.end)
        if not sentences:
            continue
        lead = sentences[-1]
        lead_num = match_number(text, b.start)
        points = 0  # points "1.", "2.", ... under a paragraph "(1)"
        for nb in blocks[i + 1 : i + 1 + MAX_LIST_ITEMS]:
            if nb.kind not in _LIST_KINDS or _ends_with_colon(text, nb):
                break
            num = match_number(text, nb.start)
            if lead_num is not None and num is not None and num.style in ("decimal", "word") and num.depth <= lead_num.depth:
                if not (lead_num.style in ("paren", "word") and num.style == "decimal" and num.key == str(points + 1)):
                    break
                points += 1
            first = split_sentences(text, nb.start, nb.end)
            if first:
                yield lead, first[0], i
