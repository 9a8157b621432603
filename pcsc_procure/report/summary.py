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
        "suppressed": sum(r.suppressed for r in results),
        "baselined": sum(r.baselined for r in results),
    }


def where(f, document: str = "document") -> str:
    """A finding's place in words: `line 7`, `page 2, line 4`, or `document` for a missing clause."""
    if f.scope == "document" or f.line is None:
        return document
    if f.page is not None:
        return f"page {f.page}, line {f.line}"
    return f"line {f.line}"
