"""Decide which clauses to generate: for a pack (a profile) or a fix (a draft).

Both are driven by the rules: a clause template is chosen because a
require-rule that applies names it as its `fix`, so a pack always covers
exactly the rules that would otherwise report a missing clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pcsc_procure.errors import UserError
from pcsc_procure.generate.templates import Clause, Template, render


# The order clauses appear in a pack or annex: what the public body owns and
# controls first, then how it is protected, then how it can leave, then the rest.
PILLAR_ORDER = (
    "data-ownership", "privacy", "security", "open-standards", "interoperability", "vendor-lock-in",
    "accountability", "human-rights", "participation-and-capacity", "green", "fair-competition",
)


@dataclass
class Selection:
    templates: list[Template] = field(default_factory=list)
    resolves: dict[str, list[str]] = field(default_factory=dict)  # template id -> rule ids
    without_template: list[str] = field(default_factory=list)  # rule ids whose fix has no template
    pillars: dict[str, str] = field(default_factory=dict)  # template id -> pillar of the first rule it resolves

    def ordered(self) -> "Selection":
        """Templates grouped by pillar (PILLAR_ORDER; unknown pillars last), stable within one."""
        rank = {p: i for i, p in enumerate(PILLAR_ORDER)}
        self.templates.sort(key=lambda t: rank.get(self.pillars.get(t.id, ""), len(rank)))
        return self


def _add(sel: Selection, templates: dict[str, Template], rule_id: str, fix: str | None, pillar: str = "") -> bool:
    """Note that `fix` resolves `rule_id`; True when the template is new to the selection."""
    if not fix or fix not in templates:
        if rule_id not in sel.without_template:
            sel.without_template.append(rule_id)
        return False
    new = fix not in sel.resolves
    if new:
        sel.templates.append(templates[fix])
        sel.resolves[fix] = []
        sel.pillars[fix] = pillar
    if rule_id not in sel.resolves[fix]:
        sel.resolves[fix].append(rule_id)
    return new


def for_profile(rules, templates: dict[str, Template], domains: list[str]) -> Selection:
    """Templates for every require-rule that applies to a contract in these domains."""
    sel = Selection()
    for rule in rules:
        if rule.check.type != "require" or "contract" not in rule.applies_to:
            continue
        if "general" not in rule.domains and not set(rule.domains) & set(domains):
            continue
        if rule.check.when.domains and not set(rule.check.when.domains) & set(domains):
            continue
        _add(sel, templates, rule.id, rule.fix, rule.pillar)
    return sel.ordered()


def for_findings(findings, templates: dict[str, Template]) -> Selection:
    """Templates for a draft's missing-clause findings, in report order."""
    sel = Selection()
    add_findings(sel, findings, templates)
    return sel.ordered()


def add_findings(sel: Selection, findings, templates: dict[str, Template]) -> int:
    """Add templates for missing-clause findings; how many templates were new."""
    return sum(_add(sel, templates, f.rule, f.fix, f.pillar) for f in findings if f.scope == "document")


def close_over(sel: Selection, templates: dict[str, Template], shared: dict, supplied: dict, findings_with, rounds: int = 4) -> list[Clause]:
    """Render, then add what the added clauses themselves make necessary.

    A clause can bring a rule into play: a data-protection clause mentions
    personal data, and the rules on retention and minimisation then apply.
    `findings_with(clauses)` lints the draft with the clauses added; repeat
    until it asks for nothing new (a few rounds at most).
    """
    clauses = render_all(sel.ordered(), shared, supplied)
    for _ in range(rounds):
        if not add_findings(sel, findings_with(clauses), templates):
            break
        clauses = render_all(sel.ordered(), shared, supplied)
    return clauses


def check_supplied(supplied: dict, templates: dict[str, Template], shared: dict) -> None:
    """Every user-supplied value must name a declared variable and satisfy it.

    Checked up front, whether or not a template using it is rendered this
    time: a typo or an out-of-range value should never pass silently.
    """
    known = set(shared) | {v for t in templates.values() for v in t.variables}
    unknown = sorted(set(supplied) - known)
    if unknown:
        raise UserError(None, f"unknown template variable(s): {', '.join(unknown)} (see `pcsc-procure pack --list-variables`)")
    for name, value in supplied.items():
        if name in shared:
            shared[name].coerce(value, "template variables")
        for t in templates.values():
            if name in t.variables:
                t.variables[name].coerce(value, f"template {t.id}")


def render_all(selection: Selection, shared: dict, supplied: dict) -> list[Clause]:
    """Render every selected template; a bad variable raises TemplateError naming both."""
    return [render(t, shared, supplied) for t in selection.templates]
