"""The rules for a run: bundled ones, plus user folders, filtered by selection."""

from __future__ import annotations

from pathlib import Path

from pcsc_procure.resources import data_dir


def rule_folders(extra: list[Path] | None = None) -> list[Path]:
    return [data_dir("rules"), *(extra or [])]


def load_ruleset(extra: list[Path] | None = None, select=None, ignore=None):
    from pcsc_procure.rules.loader import known_kinds, load_rules
    from pcsc_procure.selection import select_rules

    rules = load_rules(rule_folders(extra), known_kinds())
    return select_rules(rules, select, ignore)
