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
