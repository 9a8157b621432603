"""How one cue matches a tokenised sentence: which anchors it has, if any.

A sentence's phrase hits are {group key: [(token start, end), ...]}. A cue
matches when all its `all` groups (and its token pattern) occur, one of its
`any` groups does, none of its `none` groups does, its heading condition
holds, and the occurrences respect `near` and `order`. Each anchor (an
occurrence of the first group) that can be completed is yielded in turn, so
that attribute filters can try the next one.
"""

from __future__ import annotations

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


def anchors(cue: Cue, hits: dict, key, heading: str, heading_phrases: list[str], split: int | None = None):
    """Yield (anchor token start, end) for each way `cue` matches.

    `key(group)` is a group's key in `hits`; `heading` the lower-cased heading
    the sentence is read under; `split` the first token of a list item read
    after its lead-in (`near` does not apply across it).
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
    for anchor in positions[0]:
        if combination(anchor, positions[1:], cue.near, cue.order, split) is None:
            continue
        if cue.near and any_found and not any(close(p, anchor, cue.near, split) for p in any_found):
            continue
        yield anchor


def close(p: tuple[int, int], anchor: tuple[int, int], near: int, split: int | None) -> bool:
    """Within `near` tokens of the anchor, or across a list's lead-in/item join (`split`),
    where the lead-in applies to the item however far apart they are."""
    return abs(p[0] - anchor[0]) <= near or (split is not None and (p[0] >= split) != (anchor[0] >= split))


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
