"""How one cue matches a tokenised sentence: which anchors it has, if any.

A sentence's phrase hits are {group key: [(token start, end), ...]}. A cue
matches when all its `all` groups (and its token pattern) occur, one of its
`any` groups does, none of its `none` groups does, its heading condition
holds, and the occurrences respect `near` and `order`. Each anchor (an
occurrence of the first group) that can be completed is yielded in turn, so
that attribute filters can try the next one.
"""

from __future__ import annotations

import re

from pcsc_procure.detect.prefilter import phrase_in
from pcsc_procure.detect.spec import Cue
from pcsc_procure.detect.values import NUMBER_WORDS


def written_as_name(tokens) -> bool:
    """Whether an anchor's words are each capitalised, as a defined term's are ("Minimum Purchase
    Commitment"); a sentence in capitals ("MINIMUM PURCHASES") names nothing that way."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return bool(words) and all(w[0].isupper() and not w.isupper() for w in words)


def apply_mask(hits: dict, mask_keys: set[str]) -> dict:
    """Drop occurrences that sit inside an occurrence of a mask group."""
    masks = [p for k in mask_keys for p in hits.get(k, ())]
    if not masks:
        return hits
    out = {}
    for key, occ in hits.items():
        if key in mask_keys:
            out[key] = occ
            continue
        kept = [o for o in occ if not any(m[0] <= o[0] and o[1] <= m[1] for m in masks)]
        if kept:
            out[key] = kept
    return out


def anchors(cue: Cue, hits: dict, key, heading: str, heading_phrases: list[str], split: int | None = None, items=None):
    """Yield (anchor token start, end) for each way `cue` matches.

    `key(group)` is a group's key in `hits`; `heading` the lower-cased heading
    the sentence is read under; `split` the first token of a list item read
    after its lead-in (`near` does not apply across it); `items()` each token's item
    number, for cues with `scope: item`.
    """
    if cue.scope == "item" and items is not None:
        numbers = items()
        if numbers and numbers[-1]:  # the sentence has more than one item
            yield from _item_anchors(cue, hits, key, heading, heading_phrases, split, numbers)
            return
    positions: list[list[tuple[int, int]]] = []
    if cue.tokens:  # the token match is the anchor; `near` counts from it
        found = hits.get(key("@" + cue.id))
        if not found:
            return
        positions.append(found)
    for group in cue.all:
        found = hits.get(key(group))
        if not found:
            return
        positions.append(found)
    any_found = [p for g in cue.any for p in hits.get(key(g), ())]
    if cue.any and not any_found:
        return
    for group in cue.none:
        if hits.get(key(group)):
            return
    if cue.heading and not (heading and any(phrase_in(p, heading) for p in heading_phrases)):
        return
    if not positions:
        yield from sorted(any_found)
        return
    for anchor in positions[0]:
        if combination(anchor, positions[1:], cue.near, cue.order, split) is None:
            continue
        if any_found and cue.near and not any(close(p, anchor, cue.near, split) for p in any_found):
            continue
        yield anchor


def _item_anchors(cue: Cue, hits: dict, key, heading: str, heading_phrases: list[str], split, numbers: list[int]):
    """`scope: item`: each item of an enumerated sentence, with the lead-in it continues, is read
    as if it were the sentence, `none` groups included when the sentence has the lead-in.
    "Either party may terminate this Agreement (a) upon ninety days' notice, or (b) immediately
    if the other party breaches it": the breach in (b) does not make (a) a termination for cause."""
    if numbers[0] != -1 and any(hits.get(key(g)) for g in cue.none):
        # No lead-in in the sentence. Items cut only at semicolons: the first is as likely a lead-in
        # ("In the event that X is prevented by any act of God; fire; strike; ... either party may
        # terminate"). Items from the sentence's start ("a) Serious default ... f) ... to terminate
        # the Contract, notify in writing"): their lead-in, and its conditions, came before.
        return
    seen = set()
    needed = [key(g) for g in (*cue.all, *cue.any, *cue.none)] + ([key("@" + cue.id)] if cue.tokens else [])
    present = [(kk, hits[kk]) for kk in needed if kk in hits]
    # Item numbers rise through the sentence (the lead-in's -1 first), so each item is one run
    # of tokens: a view is the lead-in's run and the item's, counted as if the other items were
    # not there, so that `near` spans the lead-in and this item only ("terminable (a) by X (i)
    # ... or (ii) upon notice").
    lead = 0
    while lead < len(numbers) and numbers[lead] == -1:
        lead += 1
    runs: dict[int, list[int]] = {}
    for i in range(lead, len(numbers)):
        run = runs.get(numbers[i])
        if run is None:
            runs[numbers[i]] = [i, i + 1]
        else:
            run[1] = i + 1
    for k, (first, end) in runs.items():
        shift = first - lead  # a token of the item at i is at i - shift in the view

        def place(i: int) -> int | None:
            return i if i < lead else i - shift if first <= i < end else None

        view = {}
        for g, occ in present:
            kept = [(a, b + 1) for s, e in occ if (a := place(s)) is not None and (b := place(e - 1)) is not None]
            if kept:
                view[g] = kept
        at = None if split is None else (split if split < lead else lead + max(0, min(split, end) - first))
        for a_start, a_end in anchors(cue, view, key, heading, heading_phrases, at):
            anchor = (a_start if a_start < lead else a_start + shift, (a_end - 1 if a_end - 1 < lead else a_end - 1 + shift) + 1)
            if anchor not in seen:
                seen.add(anchor)
                yield anchor


def close(p: tuple[int, int], anchor: tuple[int, int], near: int | None, split: int | None) -> bool:
    """Within `near` tokens of the anchor, or across a list's lead-in/item join (`split`), where
    the lead-in applies to the item however far apart they are."""
    if split is not None and (p[0] >= split) != (anchor[0] >= split):
        return True
    return near is None or abs(p[0] - anchor[0]) <= near


def combination(anchor: tuple[int, int], others: list[list[tuple[int, int]]], near: int | None, order: bool, split: int | None = None):
    """One occurrence per other group, nearest the anchor; respect `near` and `order`."""
    chosen = [anchor]
    prev = anchor
    for occ in others:
        candidates = occ
        if order:
            candidates = [p for p in candidates if p[0] >= prev[1]]
        if near is not None:
            candidates = [p for p in candidates if close(p, anchor, near, split)]
        if not candidates:
            return None
        prev = min(candidates, key=lambda p: abs(p[0] - anchor[0]))
        chosen.append(prev)
    return chosen


_LABEL = re.compile(r"^(?:[ivx]{1,5}|[a-zA-Z]|\d{1,2})$")
_BEFORE_LABEL = frozenset((",", ";", ":", "and", "or"))
# a bracketed label after these is a cross-reference, not the start of an item: "transferable in
# accordance with subsection (4), to use", "subject to clause 14.3 (b)", "§ 11 (2)"
_XREF = frozenset(("section", "sections", "subsection", "subsections", "sub-section", "clause", "clauses", "sub-clause",
                   "subclause", "paragraph", "paragraphs", "subparagraph", "sub-paragraph", "article", "articles",
                   "schedule", "annex", "appendix", "exhibit", "§", "part", "regulation", "rule"))


def item_numbers(texts: list[str]) -> list[int]:
    """For each token, the number of the enumerated item it is in: items are separated by
    semicolons and begin at list labels ("(i) ... (ii) ...", "a) ... b) ..."). All zero
    when the sentence is one item. When the first item begins at a label, what comes
    before it is a lead-in that every item continues: its number is -1."""
    out = []
    n = 0
    lead = None
    last = len(texts) - 1
    for j, t in enumerate(texts):
        if t == ";" and 0 < j < last:
            n += 1
            lead = False if lead is None else lead
        elif (j < last and texts[j + 1] == ")" and _LABEL.match(t)
              and (j == 0 or texts[j - 1] == "(" or texts[j - 1] in _BEFORE_LABEL)
              and not (t.isdigit() and j >= 2 and texts[j - 2].lower() in NUMBER_WORDS)  # "sixty (60) days"
              and not (j >= 2 and texts[j - 1] == "(" and (texts[j - 2].lower() in _XREF or texts[j - 2][-1:].isdigit()))):
            n += 1
            lead = True if lead is None else lead
        out.append(n)
    if lead:
        first = out.index(1)
        if first and texts[first - 1] == "(":
            # the bracket of the first label stays in item 0, so the lead-in is also read alone:
            # "X may terminate this Agreement by giving notice at any time as follows: (a) ..."
            # (design folds: one labelled clause, which its items' conditions would veto)
            first -= 1
        out[:first] = [-1] * first
    return out


