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


def _rule_file(tmp_path, check: str) -> Path:
    p = tmp_path / "local.yaml"
    p.write_text(
        "pillar: local\nrules:\n  - id: LOCAL-AUDIT-001\n    title: Audit\n    severity: warning\n"
        f"    source: Local policy\n    rationale: Needed.\n    message: Missing.\n    check: {check}\n",
        encoding="utf-8",
    )
    return p


def test_where_unless_leaves_out_what_matches_all_its_filters(tmp_path):
    """`unless` takes out a vendor-held right and keeps every other audit clause (rule language)."""
    from pcsc_procure.analysis import analyse_text
    from pcsc_procure.rules.engine import evaluate_rule
    from pcsc_procure.rules.loader import load_rule_file

    (rule,) = load_rule_file(_rule_file(tmp_path, "{require: audit-rights, where: {unless: {role: [vendor], modality: [permission]}}}"), None)
    assert rule.check.where.unless.negated is None  # filters only on what it names
    fires = {
        "The Vendor may audit the City's use of the Software once a year.": 1,  # the vendor's right only
        "The City may audit the Vendor's records on ten days' notice.": 0,
        "The Vendor shall permit the City to audit its records.": 0,
        "The Vendor shall keep its records open to audit for six years.": 0,  # a duty on the vendor counts
    }
    for text, n in fires.items():
        assert len(evaluate_rule(rule, analyse_text(text, doc_type="contract"))) == n, text


@pytest.mark.parametrize("check, problem", [
    ("{require: audit-rights, where: {unless: {party: [vendor]}}}", "check.where.unless: unknown key(s) party"),
    ("{require: audit-rights, where: {unless: {role: [vendor], unless: {role: [public]}}}}", "check.where.unless: unknown key(s) unless"),
    ("{require: audit-rights, where: {unless: {}}}", "check.where.unless must name a role, modality or negated"),
    ("{require: audit-rights, where: {unless: {role: [seller]}}}", "check.where.unless.role: unknown value(s) seller"),
])
def test_where_unless_mistakes_are_reported(tmp_path, check, problem):
    from pcsc_procure.errors import RuleError
    from pcsc_procure.rules.loader import load_rule_file

    with pytest.raises(RuleError) as err:
        load_rule_file(_rule_file(tmp_path, check), None)
    assert problem in str(err.value)
