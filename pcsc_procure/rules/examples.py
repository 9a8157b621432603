"""Run every rule's `examples` (Semgrep-style rule tests).

A `fail` example must produce at least one finding of its rule, a `pass`
example none. Each example is analysed as a document of the rule's first
document type, in the rule's domains, so `applies_to`/`domains` gates hold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExampleResult:
    rule: str
    expect: str  # "fail" or "pass"
    text: str
    ok: bool
    got: int  # number of findings
    path: str
    line: int | None


def run_examples(rules, params: dict | None = None) -> list[ExampleResult]:
    from pcsc_procure.analysis import analyse_text
    from pcsc_procure.config import DEFAULT_PARAMS
    from pcsc_procure.rules.engine import evaluate_rule

    params = params or dict(DEFAULT_PARAMS)
    results = []
    for rule in rules:
        domains = [d for d in rule.domains if d != "general"]
        for expect in ("fail", "pass"):
            for text in rule.examples.get(expect, []):
                analysis = analyse_text(text, path=f"<{rule.id} example>.txt", doc_type=rule.applies_to[0], domains=domains)
                got = len(evaluate_rule(rule, analysis, params))
                ok = got > 0 if expect == "fail" else got == 0
                results.append(ExampleResult(rule.id, expect, text, ok, got, rule.path, rule.example_lines.get(expect)))
    return results
