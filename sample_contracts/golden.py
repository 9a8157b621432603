"""Shared by update_expected.py and tests/test_samples_golden.py.

A sample's expected findings are compared as a multiset of keys
(rule, severity, location), where location is None for a document-level
finding (something missing), {"line": n} for .md/.txt/.docx, and
{"page": p, "line": n} for .pdf (line counted on the page).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXPECTED = HERE / "expected"
MANIFEST = HERE / "manifest.json"
KNOWN_ISSUES = HERE / "KNOWN_ISSUES.md"


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["samples"]


def expected_path(sample_file: str) -> Path:
    return EXPECTED / f"{sample_file}.json"


def _env() -> dict:
    env = dict(os.environ)
    env.pop("PCSC_PROCURE_CONFIG", None)
    env["NO_COLOR"] = "1"
    return env


def lint_command(sample_file: str) -> list[str]:
    """The real command line, as a user would type it from the repository root."""
    return [sys.executable, "-m", "pcsc_procure", "lint", "--isolated", "--format", "json", "--fail-on", "never", f"sample_contracts/{sample_file}"]


def lint(sample_file: str) -> dict:
    """The JSON report's entry for one sample, linted through the CLI."""
    res = subprocess.run(lint_command(sample_file), cwd=REPO, capture_output=True, env=_env(), timeout=600)
    if res.returncode != 0:
        raise RuntimeError(f"lint of {sample_file} exited {res.returncode}:\n{res.stderr.decode(errors='replace')}")
    data = json.loads(res.stdout)
    [entry] = data["files"]
    return entry


def lint_all(sample_files: list[str]) -> dict[str, dict]:
    """Lint several samples, one CLI process each, in parallel."""
    workers = min(len(sample_files), max(1, (os.cpu_count() or 2)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(sample_files, pool.map(lint, sample_files)))


def catalogue() -> list[str]:
    res = subprocess.run([sys.executable, "-m", "pcsc_procure", "rules", "list", "--format", "json"], cwd=REPO, capture_output=True, env=_env(), timeout=300)
    if res.returncode != 0:
        raise RuntimeError(res.stderr.decode(errors="replace"))
    return sorted(r["id"] for r in json.loads(res.stdout)["rules"])


def location(finding: dict) -> dict | None:
    if finding.get("scope") == "document":
        return None
    loc = finding["location"]
    if loc.get("page") is not None:
        return {"page": loc["page"], "line": loc["line"]}
    return {"line": loc["line"]}


def format_location(loc: dict | None) -> str:
    if loc is None:
        return "document"
    if "page" in loc:
        return f"{loc['page']}:{loc['line']}"
    return str(loc["line"])


def parse_location(text: str) -> dict | None:
    text = text.strip().strip("`")
    if text in ("document", "-", ""):
        return None
    if ":" in text:
        page, line = text.split(":", 1)
        return {"page": int(page), "line": int(line)}
    return {"line": int(text)}


def key(finding: dict) -> tuple:
    """Comparison key of an expected or actual finding."""
    loc = finding["location"] if "scope" not in finding else location(finding)
    return (finding["rule"], finding["severity"], format_location(loc))


def keys(findings: list[dict]) -> Counter:
    return Counter(key(f) for f in findings)


def describe_diff(expected: list[dict], actual: list[dict], catalogue_ids: list[str] | None = None) -> str:
    """Human-readable difference between expected and actual findings."""
    exp, act = keys(expected), keys(actual)
    missing = exp - act
    extra = act - exp
    lines = []
    by_key = {key(f): f for f in actual}
    exp_by_key = {key(f): f for f in expected}
    for k in sorted(missing):
        f = exp_by_key.get(k, {})
        lines.append(f"  - expected but not reported: {k[0]} {k[1]} at {k[2]}  {(f.get('excerpt') or '')[:90]}")
    for k in sorted(extra):
        f = by_key.get(k, {})
        note = ""
        if catalogue_ids is not None and k[0] not in catalogue_ids:
            note = "  [rule not in the catalogue when expected/ was last regenerated]"
        lines.append(f"  + reported but not expected: {k[0]} {k[1]} at {k[2]}  {(f.get('excerpt') or '')[:90]}{note}")
    return "\n".join(lines)


_KI_ROW = re.compile(r"^\|\s*(KI-\d+)\s*\|(.+)\|\s*$")


def known_issues() -> list[dict]:
    """Rows of the index table in KNOWN_ISSUES.md.

    | id | sample | rule | location | type |  (type: false alarm, missed, wrong location)
    """
    out = []
    if not KNOWN_ISSUES.exists():
        return out
    for line in KNOWN_ISSUES.read_text(encoding="utf-8").splitlines():
        m = _KI_ROW.match(line)
        if not m:
            continue
        cells = [c.strip().strip("`") for c in m.group(2).split("|")]
        sample, rule, loc, kind = cells[:4]
        out.append({"id": m.group(1), "sample": sample, "rule": rule, "location": format_location(parse_location(loc)), "type": kind.lower()})
    return out


def known_keys(sample_file: str, kind: str) -> set[tuple[str, str]]:
    """(rule, location) pairs of KNOWN_ISSUES entries of one type for one sample."""
    return {(k["rule"], k["location"]) for k in known_issues() if k["sample"] == sample_file and k["type"] == kind}
