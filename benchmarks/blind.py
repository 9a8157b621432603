#!/usr/bin/env python3
"""Clause detection on contracts written blind to the detectors, in the drafting the tool's users meet.

CUAD is US commercial filings; the tool's users also read UK call-off
contracts, EU model service contracts, city and state ICT contracts. The
contracts under `blind_contracts/` were written for this project by drafting
helpers who saw neither the detectors nor CUAD, each with a label file
(`NAME.labels.json`: for each of the 18 kinds, the exact passages of that
kind). Parties and places are fictitious.

Two splits, kept as the CUAD benchmark keeps its folds:
- `design/`: contracts whose errors were looked at and mended on (their
  figure is optimistic);
- `check/`: contracts scored once, before any change for them, and never
  mended on: the honest figure. New contracts go here first.

Prints, per split, (contract, kind) presence precision and recall and span
precision and recall pooled over all kinds (a predicted passage counts when
it overlaps a labelled one; a labelled passage is found when a prediction
overlaps it), then per kind. Pooled, not macro: most kinds appear in only a
few of these contracts. The labels are the writers' readings of CUAD's
definitions and differ from CUAD's practice in places (accrued payments and
data deletion at exit as post-termination services, non-competes as
exclusivity); `--errors` lists every miss and extra passage to read them by.

Usage: python benchmarks/blind.py [--errors] [--split design|check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cuad import KINDS, detect, get_detector, overlaps  # noqa: E402

DATA = HERE / "blind_contracts"


def load(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Each kind's labelled passages in the contract at `path`, as character spans."""
    text = path.read_text(encoding="utf-8")
    labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
    unknown = set(labels) - set(KINDS)
    if unknown:
        raise SystemExit(f"{path.with_suffix('.labels.json')}: unknown kinds {sorted(unknown)}")
    spans = {}
    for kind in KINDS:
        out = []
        for passage in labels.get(kind, []):
            at = text.find(passage)
            if at < 0:
                raise SystemExit(f"{path.with_suffix('.labels.json')}: {kind} passage not in the contract: {passage[:60]!r}")
            out.append((at, at + len(passage)))
        spans[kind] = out
    return spans


def score(detector, files: list[Path], errors: bool) -> dict:
    """Pooled and per-kind counts over `files`."""
    per = {k: {"tp": 0, "fp": 0, "fn": 0, "p_ok": 0, "p_all": 0, "g_ok": 0, "g_all": 0} for k in KINDS}
    for path in files:
        gold = load(path)
        doc, dets = detect(detector, path)
        for kind in KINDS:
            preds = [d for d in dets if d.kind == kind]
            g = gold[kind]
            c = per[kind]
            c["tp"] += bool(g and preds)
            c["fp"] += bool(preds and not g)
            c["fn"] += bool(g and not preds)
            for d in preds:
                ok = overlaps((d.start, d.end), g)
                c["p_ok"] += ok
                c["p_all"] += 1
                if errors and not ok:
                    print(f"  extra   {path.name:26s} {kind:28s} [{d.cue}] {' '.join(doc.text[d.start:d.end].split())[:160]!r}")
            for s, e in g:
                ok = any(overlaps((d.start, d.end), ((s, e),)) for d in preds)
                c["g_ok"] += ok
                c["g_all"] += 1
                if errors and not ok:
                    print(f"  missed  {path.name:26s} {kind:28s} {' '.join(doc.text[s:e].split())[:160]!r}")
    return per


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(name: str, files: list[Path], per: dict) -> None:
    tot = {key: sum(c[key] for c in per.values()) for key in next(iter(per.values()))}
    print(f"{name}: {len(files)} contracts")
    print(f"  presence P {ratio(tot['tp'], tot['tp'] + tot['fp'])}  R {ratio(tot['tp'], tot['tp'] + tot['fn'])}"
          f"   spans P {ratio(tot['p_ok'], tot['p_all'])} ({tot['p_ok']}/{tot['p_all']})"
          f"  R {ratio(tot['g_ok'], tot['g_all'])} ({tot['g_ok']}/{tot['g_all']})")
    for kind, c in per.items():
        if c["tp"] + c["fp"] + c["fn"]:
            print(f"    {kind:28s} contracts {c['tp']:2d} found, {c['fp']} extra, {c['fn']} missed;"
                  f" passages {c['p_ok']}/{c['p_all']} right, {c['g_ok']}/{c['g_all']} found")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list each missed and extra passage")
    ap.add_argument("--split", choices=["design", "check"], help="one split only")
    args = ap.parse_args()
    detector = get_detector()
    for split in ("design", "check"):
        if args.split and split != args.split:
            continue
        files = sorted((DATA / split).glob("*.txt"))
        if not files:
            continue
        report(split, files, score(detector, files, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
