"""Counts shared by reporters (per severity, per rule, per file)."""

from __future__ import annotations

from collections import Counter

from pcsc_procure.rules.model import SEVERITIES


def severity_counts(results) -> dict[str, int]:
    c = Counter(f.severity for r in results for f in r.findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def summary(results) -> dict:
    counts = severity_counts(results)
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "findings": sum(counts.values()),
        "by_severity": counts,
    }
