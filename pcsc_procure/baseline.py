"""Baselines: accept the findings a repository already has, report only new ones.

A baseline is a JSON file listing one entry per accepted finding:

    {"version": 1, "tool": "pcsc-procure",
     "findings": [{"path": "drafts/parking.md", "rule": "PCSC-LOCK-002",
                   "fingerprint": "3f1c...", "line": 7, "excerpt": "..."}]}

`path` is relative to the baseline file's folder (with `/`), so the baseline
works from any working directory. `fingerprint` hashes the rule id and the
finding's passage, normalised (case, whitespace, a leading clause number), so
a finding keeps its fingerprint when lines shift or clauses are renumbered;
`line` and `excerpt` are only there for the reader. Matching counts: two
identical passages need two entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter

from pcsc_procure.errors import ConfigError

VERSION = 1
_LEADING_NUMBER = re.compile(r"^\s*(?:(?:section|clause|article)\s+)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,4}\)|\(?\d+\))\s+", re.IGNORECASE)


def normalise_passage(text: str) -> str:
    text = _LEADING_NUMBER.sub("", text)
    return " ".join(text.casefold().split())


def fingerprint(rule: str, passage: str) -> str:
    """Stable id of a finding within a file: rule + normalised passage text."""
    digest = hashlib.sha256(f"{rule}\0{normalise_passage(passage)}".encode("utf-8"))
    return digest.hexdigest()[:20]


class Baseline:
    def __init__(self, path: str, entries: list[dict] | None = None):
        self.path = path
        self.base_dir = os.path.dirname(os.path.abspath(path))
        self.entries = list(entries or [])
        self._left = Counter((e["path"], e["fingerprint"]) for e in self.entries)

    @classmethod
    def load(cls, path: str, missing_ok: bool = False) -> "Baseline":
        if not os.path.exists(path):
            if missing_ok:
                return cls(path)
            raise ConfigError(path, "baseline file not found (create it with --update-baseline)")
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise ConfigError(path, f"cannot read baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(path, f"not a pcsc-procure baseline (expected an object with version {VERSION} and a findings list)")
        for i, e in enumerate(data["findings"]):
            if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "rule", "fingerprint")):
                raise ConfigError(path, f"baseline entry {i + 1} needs string path, rule and fingerprint")
        return cls(path, data["findings"])

    def key_path(self, path: str) -> str:
        """A result's path as the baseline writes it (relative to the baseline's folder)."""
        absolute = os.path.abspath(path)
        try:
            rel = os.path.relpath(absolute, self.base_dir)
        except ValueError:  # another drive on Windows
            rel = absolute
        return rel.replace(os.sep, "/")

    def take(self, path: str, fp: str) -> bool:
        """True if an unused entry matches this finding (and use it up)."""
        key = (self.key_path(path), fp)
        if self._left[key] > 0:
            self._left[key] -= 1
            return True
        return False

    def unmatched(self, results) -> int:
        """Entries of the files linted in `results` that matched no finding (fixed since)."""
        linted = {self.key_path(r.path) for r in results if not r.error}
        return sum(n for (path, _), n in self._left.items() if path in linted)


def updated_entries(old: Baseline, results) -> list[dict]:
    """Entries for every current finding; files not linted now keep their old entries."""
    linted = {old.key_path(r.path) for r in results if not r.error}
    keep = [e for e in old.entries if e["path"] not in linted]
    new = []
    for r in results:
        if r.error:
            continue
        for f, fp in zip(r.findings, r.fingerprints):
            new.append({"path": old.key_path(r.path), "rule": f.rule, "fingerprint": fp, "line": f.line, "excerpt": f.excerpt or f.title})
    entries = keep + new
    entries.sort(key=lambda e: (e["path"], e.get("line") or 0, e["rule"], e["fingerprint"]))
    return entries


def render_baseline(entries: list[dict]) -> str:
    return json.dumps({"version": VERSION, "tool": "pcsc-procure", "findings": entries}, indent=2, ensure_ascii=False) + "\n"
