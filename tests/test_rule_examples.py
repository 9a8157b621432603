"""Every bundled rule's fail/pass examples behave as declared (Semgrep-style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcsc_procure.rules.examples import run_examples
from pcsc_procure.ruleset import load_ruleset

RULES = load_ruleset()


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert len(rule.examples.get("fail", [])) >= 2, rule.id
        assert len(rule.examples.get("pass", [])) >= 2, rule.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    bad = [r for r in run_examples([rule]) if not r.ok]
    assert not bad, "\n".join(f"{r.expect} example gave {r.got} findings: {r.text}" for r in bad)


def test_rule_ids_unique_and_cited():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.source.startswith(("IG-PCSC", "Playbook", "Carnegie", "UN-Habitat")), r.id
        assert Path(r.path).suffix == ".yaml"


def test_docs_rules_md_is_generated_from_the_rule_files(repo, cli, tmp_path):
    """docs/rules.md is regenerated, never hand-edited: it must match the rules as they are."""
    out = tmp_path / "rules.md"
    r = cli("rules", "list", "--format", "markdown", "-o", str(out), cwd=repo)
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_text(encoding="utf-8") == (repo / "docs" / "rules.md").read_text(encoding="utf-8"), (
        "docs/rules.md is out of date: run `pcsc-procure rules list --format markdown -o docs/rules.md`")
