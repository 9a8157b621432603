#!/usr/bin/env python3
"""Regenerate sample_contracts/expected/*.json from the current tool output.

    python sample_contracts/update_expected.py            # rewrite what changed, report the differences
    python sample_contracts/update_expected.py --check    # write nothing; exit 1 if anything would change
    python sample_contracts/update_expected.py parking    # only samples whose file name contains "parking"

Each sample in manifest.json is linted through the real command line
(`python -m pcsc_procure lint --isolated --format json`), and its findings
are written as (rule, severity, location) with the excerpt and message to
help review. Every finding carries a `review` note written by a person;
notes survive regeneration when the same rule still fires on the same
excerpt (or at the same location). New findings get "UNREVIEWED": read the
clause, decide whether it is a true finding for that draft, and either
replace the note with your reasoning or, if the tool is wrong, record it in
KNOWN_ISSUES.md (never edit an expected file to hide a tool error).

A file is rewritten only when its findings, doc type or reviews change, so
`regenerated` dates say when the tool's output on that sample last moved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import golden  # noqa: E402

UNREVIEWED = "UNREVIEWED"


def build(sample: dict, entry: dict, previous: dict | None, catalogue_ids: list[str]) -> dict:
    old = previous.get("findings", []) if previous else []
    by_excerpt = {(f["rule"], f.get("excerpt")): f.get("review") for f in old if f.get("excerpt")}
    by_key = {golden.key(f): f.get("review") for f in old}
    findings = []
    for f in entry["findings"]:
        item = {
            "rule": f["rule"],
            "severity": f["severity"],
            "location": golden.location(f),
            "section": f["location"].get("section"),
            "excerpt": f.get("excerpt"),
            "message": f["message"],
        }
        review = by_excerpt.get((f["rule"], item["excerpt"])) if item["excerpt"] else None
        if review is None:
            review = by_key.get(golden.key(f))
        item["review"] = review or UNREVIEWED
        findings.append(item)
    findings.sort(key=lambda x: (x["location"] is not None, x["location"].get("page", 0) if x["location"] else 0, x["location"]["line"] if x["location"] else 0, x["rule"]))
    return {
        "sample": sample["file"],
        "quality": sample["quality"],
        "doc_type": entry["doc_type"],
        "domains": entry.get("domains", []),
        "regenerated": previous.get("regenerated") if previous else None,
        "catalogue": catalogue_ids,
        "findings": findings,
    }


def comparable(data: dict | None) -> dict | None:
    if data is None:
        return None
    return {k: v for k, v in data.items() if k not in ("regenerated", "catalogue")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("only", nargs="*", help="only samples whose file name contains one of these")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if an expected file is out of date")
    args = ap.parse_args(argv)

    samples = golden.manifest()
    if args.only:
        samples = [s for s in samples if any(o in s["file"] for o in args.only)]
    if not samples:
        print("no samples matched", file=sys.stderr)
        return 2
    golden.EXPECTED.mkdir(exist_ok=True)
    catalogue_ids = golden.catalogue()
    results = golden.lint_all([s["file"] for s in samples])
    today = dt.date.today().isoformat()
    stale = 0
    unreviewed = 0
    for sample in samples:
        path = golden.expected_path(sample["file"])
        previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        entry = results[sample["file"]]
        new = build(sample, entry, previous, catalogue_ids)
        changed = comparable(new) != comparable(previous)
        diff = golden.describe_diff(previous["findings"] if previous else [], new["findings"], previous.get("catalogue") if previous else None)
        n_unrev = sum(1 for f in new["findings"] if f["review"] == UNREVIEWED)
        unreviewed += n_unrev
        if entry["doc_type"] != sample["doc_type"]:
            print(f"{sample['file']}: WARNING the tool reads this {sample['doc_type']} as '{entry['doc_type']}'")
        if sample["quality"] == "good":
            known = golden.known_keys(sample["file"], "false alarm")
            for f in new["findings"]:
                if (f["rule"], golden.format_location(f["location"])) not in known:
                    print(f"{sample['file']}: WARNING good sample has a finding not in KNOWN_ISSUES.md: {f['rule']} at {golden.format_location(f['location'])}")
        status = "up to date"
        if changed:
            stale += 1
            status = "out of date" if args.check else "rewritten"
            if not args.check:
                new["regenerated"] = today
                path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        elif previous is not None and previous.get("catalogue") != catalogue_ids and not args.check:
            # same findings under a grown catalogue: record that they were checked against it
            new["regenerated"] = previous.get("regenerated")
            path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{sample['file']}: {len(new['findings'])} findings, {status}" + (f", {n_unrev} UNREVIEWED" if n_unrev else ""))
        if diff:
            print(diff)
    if unreviewed:
        print(f"\n{unreviewed} finding(s) need review: set their 'review' note in expected/*.json, or record a tool error in KNOWN_ISSUES.md.")
    if args.check and stale:
        print(f"\n{stale} expected file(s) out of date: run python sample_contracts/update_expected.py and review.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
