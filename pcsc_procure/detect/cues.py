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
    item = None
    if cue.scope == "item" and items is not None:
        numbers = items()
        if numbers and numbers[-1]:  # the sentence has more than one item
            item = numbers

    for anchor in positions[0]:
        if combination(anchor, positions[1:], cue.near, cue.order, split, item) is None:
            continue
        if any_found and (cue.near or item) and not any(close(p, anchor, cue.near, split, item) for p in any_found):
            continue
        yield anchor


def close(p: tuple[int, int], anchor: tuple[int, int], near: int | None, split: int | None, item=None) -> bool:
    """Within `near` tokens of the anchor (and, with `item`, in the anchor's item), or across a
    list's lead-in/item join (`split`), where the lead-in applies to the item however far apart
    they are."""
    if split is not None and (p[0] >= split) != (anchor[0] >= split):
        return True
    if item is not None and not same_item(item, p[0], anchor[0]):
        return False
    return near is None or abs(p[0] - anchor[0]) <= near


def combination(anchor: tuple[int, int], others: list[list[tuple[int, int]]], near: int | None, order: bool, split: int | None = None,
                item=None):
    """One occurrence per other group, nearest the anchor; respect `near`, `order` and `item`
    (each token's item number: all occurrences in the anchor's item)."""
    chosen = [anchor]
    prev = anchor
    for occ in others:
        candidates = occ
        if order:
            candidates = [p for p in candidates if p[0] >= prev[1]]
        if near is not None or item is not None:
            candidates = [p for p in candidates if close(p, anchor, near, split, item)]
        if not candidates:
            return None
        prev = min(candidates, key=lambda p: abs(p[0] - anchor[0]))
        chosen.append(prev)
    return chosen


_LABEL = re.compile(r"^(?:[ivx]{1,5}|[a-zA-Z]|\d{1,2})$")
_BEFORE_LABEL = frozenset((",", ";", ":", "and", "or"))


def item_numbers(texts: list[str]) -> list[int]:
    """For each token, the number of the enumerated item it is in: items are separated by
    semicolons and begin at list labels ("(i) ... (ii) ...", "a) ... b) ..."). All zero
    when the sentence is one item. When the first item begins at a label, what comes
    before it is a lead-in that every item continues (see `same_item`): its number is -1."""
    out = []
    n = 0
    lead = None
    last = len(texts) - 1
    for j, t in enumerate(texts):
        if t == ";" and 0 < j < last:
            n += 1
            lead = False if lead is None else lead
        elif (j < last and texts[j + 1] == ")" and _LABEL.match(t)
              and (j == 0 or texts[j - 1] == "(" or texts[j - 1] in _BEFORE_LABEL)):
            n += 1
            lead = True if lead is None else lead
        out.append(n)
    if lead:
        first = out.index(1)
        if first and texts[first - 1] == "(":
            first -= 1
        out[:first] = [-1] * first
    return out


def same_item(numbers: list[int], a: int, b: int) -> bool:
    """Tokens `a` and `b` are in one item, or one is in the lead-in the items continue."""
    x, y = numbers[a], numbers[b]
    return x == y or x == -1 or y == -1
