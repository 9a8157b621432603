"""The blind-written benchmark contracts (benchmarks/blind_contracts): labels that the script can read.

`benchmarks/blind.py` scores detection on them; a label that is not an exact
passage of its contract, or names no kind, would silently shrink the figure,
so the script refuses it and this test keeps the files honest.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
CONTRACTS = sorted((BENCH / "blind_contracts").glob("*/*.txt"))


def test_there_are_contracts_in_the_design_split():
    assert any(p.parent.name == "design" for p in CONTRACTS)


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_label_is_a_passage_of_its_contract(path):
    sys.path.insert(0, str(BENCH))
    try:
        from blind import load
        from cuad import KINDS
    finally:
        sys.path.remove(str(BENCH))
    labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
    assert set(labels) <= set(KINDS)
    spans = load(path)
    text = path.read_text(encoding="utf-8")
    assert sum(len(v) for v in spans.values()) == sum(len(v) for v in labels.values()) > 0
    for kind, found in spans.items():
        assert [text[s:e] for s, e in found] == labels.get(kind, [])
