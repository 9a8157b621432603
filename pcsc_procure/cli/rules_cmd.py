"""`pcsc-procure rules list|show|test`: the rule catalogue and its self-tests."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from pcsc_procure.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


def _load(rule_dirs, config_path=None):
    from pcsc_procure.config import load_config
    from pcsc_procure.ruleset import load_ruleset

    cfg = load_config(config_path)
    return load_ruleset([*cfg.extend, *(Path(d) for d in rule_dirs)])


def rule_record(rule) -> dict:
    c = rule.check
    check: dict = {"type": c.type, "kinds": c.kinds}
    if c.where.role is not None or c.where.modality is not None or c.where.negated is not False:
        check["where"] = {"role": c.where.role, "modality": c.where.modality, "negated": c.where.negated}
    if c.threshold:
        t = c.threshold
        check["threshold"] = {"value": t.value, "max": t.max, "min": t.min, "param": t.param}
    when = {k: v for k, v in vars(c.when).items() if v}
    if when:
        check["when"] = when
    return {
        "id": rule.id, "name": rule.name, "title": rule.title, "pillar": rule.pillar, "severity": rule.severity,
        "applies_to": rule.applies_to, "domains": rule.domains, "source": rule.source, "rationale": rule.rationale,
        "message": rule.message, "message_rfp": rule.message_rfp, "check": check, "fix": rule.fix, "examples": rule.examples,
        "file": rule.path,
    }


@click.group()
def rules():
    """Browse and test the rule catalogue."""


@rules.command("list")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--pillar", help="Only rules of this pillar.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder.")
def list_rules(fmt, pillar, rule_dirs):
    """List rules: id, severity, pillar, title, source."""
    found = [r for r in _load(rule_dirs) if not pillar or r.pillar == pillar]
    if pillar and not found:
        raise click.UsageError(f"no rules in pillar {pillar!r}")
    if fmt == "json":
        click.echo(json.dumps({"rules": [rule_record(r) for r in found]}, indent=2, ensure_ascii=False))
        return EXIT_OK
    for r in found:
        click.echo(f"{r.id:<18} {r.severity:<8} {r.pillar:<18} {r.title}  [{r.source}]")
    return EXIT_OK


def describe(rule) -> str:
    """Ruff-style rule documentation, generated from the rule file."""
    c = rule.check
    kinds = ", ".join(c.kinds)
    what = {
        "require": f"Reports a document that has no clause of kind {kinds}" + (f" (held by: {', '.join(c.where.role)})" if c.where.role else "") + ".",
        "forbid": f"Reports each clause of kind {kinds}" + (f" where the party is {', '.join(c.where.role)}" if c.where.role else "") + ".",
        "weak": f"Reports each clause of kind {kinds} that is hedged ({', '.join(c.weak_modalities)}).",
        "threshold": f"Reports each clause of kind {kinds} whose {c.threshold.value if c.threshold else ''} exceed the limit"
        + (f" ({'max' if c.threshold and c.threshold.max is not None else 'min'} {c.threshold.max if c.threshold and c.threshold.max is not None else c.threshold.min if c.threshold else ''}; parameter `{c.threshold.param}`)" if c.threshold and c.threshold.param else "") + ".",
    }[c.type]
    wrap = lambda s: textwrap.fill(s, 88)  # noqa: E731
    parts = [
        f"{rule.id} ({rule.name}): {rule.title}",
        f"severity: {rule.severity}   pillar: {rule.pillar}   applies to: {', '.join(rule.applies_to)}   domains: {', '.join(rule.domains)}",
        "",
        "## What it does",
        wrap(what),
        "",
        "## Why is this bad?",
        wrap(rule.rationale),
        "",
        f"Source: {rule.source}",
    ]
    if rule.examples.get("fail"):
        parts += ["", "## Example", *(textwrap.indent(textwrap.fill(e, 84), "    ") for e in rule.examples["fail"][:2])]
    if rule.examples.get("pass"):
        parts += ["", "## Use instead", *(textwrap.indent(textwrap.fill(e, 84), "    ") for e in rule.examples["pass"][:2])]
    if rule.fix:
        parts += ["", "## Fix", f"Clause template `{rule.fix}` (`pcsc-procure fix` adds it to a draft)."]
    return "\n".join(parts) + "\n"


@rules.command("show")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder.")
def show_rule(rule_id, rule_dirs):
    """Explain one rule: what it checks, why, examples, the fix."""
    wanted = rule_id.upper()
    for r in _load(rule_dirs):
        if r.id == wanted or r.name == rule_id.lower():
            click.echo(describe(r), nl=False)
            return EXIT_OK
    raise click.UsageError(f"no rule {rule_id!r} (see `pcsc-procure rules list`)")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="Print every example, not only failures.")
def test_rules(paths, verbose):
    """Run every rule's fail/pass examples (bundled rules plus PATHS folders)."""
    from pcsc_procure.rules.examples import run_examples

    results = run_examples(_load(paths))
    bad = [r for r in results if not r.ok]
    for r in results:
        if verbose or not r.ok:
            status = "ok  " if r.ok else "FAIL"
            expectation = "a finding" if r.expect == "fail" else "no finding"
            where = f"{r.path}:{r.line}" if r.line else r.path
            click.echo(f"{status} {r.rule} {r.expect}-example expects {expectation}, got {r.got}: {r.text[:80]!r} ({where})")
    n_rules = len({r.rule for r in results})
    click.echo(f"{len(results) - len(bad)}/{len(results)} examples behave as declared across {n_rules} rules.")
    return EXIT_FINDINGS if bad else EXIT_OK


_ = EXIT_ERROR
