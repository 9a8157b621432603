"""Evaluate rules against an analysed document, producing located findings.

- require: the document lacks any accepted detection of the kind(s)
  -> one document-level finding.
- forbid: each accepted detection -> a finding at its passage.
- weak: each detection whose modality is hedged (default: weak) -> a finding.
- threshold: each detection whose extracted value breaks the bound -> a finding.
`when` gates a rule on document type, domains and other kinds present/absent;
`applies_to` and `domains` on the rule gate it first.
"""

from __future__ import annotations

from dataclasses import replace

from pcsc_procure.analysis import Analysis
from pcsc_procure.rules.model import Finding, Rule

_HOURS_PER = {"hours": 1.0, "days": 24.0, "months": 730.0, "years": 8760.0}


def rule_applies(rule: Rule, analysis: Analysis) -> bool:
    if analysis.doc_type in ("contract", "rfp") and analysis.doc_type not in rule.applies_to:
        return False
    if "general" not in rule.domains and not set(rule.domains) & set(analysis.domains):
        return False
    when = rule.check.when
    if when.doc_type and analysis.doc_type not in when.doc_type:
        return False
    if when.domains and not set(when.domains) & set(analysis.domains):
        return False
    present = {d.kind for d in analysis.detections if not d.negated}
    if any(k not in present for k in when.present):
        return False
    if any(k in present for k in when.absent):
        return False
    return True


def _excerpt(text: str, start: int, end: int, limit: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _finding(rule: Rule, analysis: Analysis, det=None, message: str | None = None) -> Finding:
    doc = analysis.document
    f = Finding(
        rule=rule.id, name=rule.name, severity=rule.severity, pillar=rule.pillar, title=rule.title,
        message=message or rule.message_for(analysis.doc_type), source=rule.source, path=doc.path,
        scope="passage" if det is not None else "document", fix=rule.fix,
    )
    if det is None:
        loc = doc.locate(0)
        f.page, f.line, f.column = loc.page, 1, 1
        return f
    loc = doc.locate(det.start)
    f.start, f.end = det.start, det.end
    f.page, f.line, f.column, f.paragraph, f.section = loc.page, loc.line, loc.column, loc.paragraph, det.section or loc.section
    f.excerpt = _excerpt(doc.text, det.start, det.end)
    f.clause_kind = det.kind
    f.attributes = {k: v for k, v in (("negated", det.negated), ("modality", det.modality), ("party", det.party), ("role", det.role)) if v not in (None, False)}
    return f


def _value(det, value: str) -> list[tuple[float, str]]:
    """(value in the rule's unit, the figure as written) for each extracted value."""
    if value in _HOURS_PER:
        return [(d["hours"] / _HOURS_PER[value], f"{d['value']:g}{' business' if d.get('business') else ''} {d['unit']}") for d in det.values.get("durations", [])]
    if value == "amount":
        return [(m["amount"], f"{m['currency']}{m['amount']:,.0f}") for m in det.values.get("money", [])]
    if value == "percent":
        return [(p["value"], f"{p['value']:g}%") for p in det.values.get("percents", [])]
    return []


def evaluate_rule(rule: Rule, analysis: Analysis, params: dict | None = None) -> list[Finding]:
    if not rule_applies(rule, analysis):
        return []
    check = rule.check
    dets = [d for d in analysis.detections if d.kind in check.kinds]
    if check.type == "require":
        if any(check.where.accepts(d) for d in dets):
            return []
        return [_finding(rule, analysis)]
    if check.type == "forbid":
        return [_finding(rule, analysis, d) for d in dets if check.where.accepts(d)]
    if check.type == "weak":
        where = replace(check.where, modality=None)  # the weak modalities stand in for where.modality
        return [_finding(rule, analysis, d) for d in dets if (d.modality or "none") in check.weak_modalities and where.accepts(d)]
    if check.type == "threshold":
        t = check.threshold
        bound_max, bound_min = t.max, t.min
        if t.param and params and t.param in params:
            if bound_max is not None:
                bound_max = float(params[t.param])
            else:
                bound_min = float(params[t.param])
        out = []
        for d in dets:
            if not check.where.accepts(d):
                continue
            values = _value(d, t.value)
            if not values:
                if t.missing:
                    out.append(_finding(rule, analysis, d))
                continue
            # The binding figure is the tightest one stated (e.g. "within 24 hours, full report within 10 days").
            v, shown = min(values) if bound_max is not None else max(values)
            if (bound_max is not None and v > bound_max) or (bound_min is not None and v < bound_min):
                limit = f"at most {bound_max:g}" if bound_max is not None else f"at least {bound_min:g}"
                out.append(_finding(rule, analysis, d, f"{rule.message_for(analysis.doc_type)}: {shown} ({limit} {t.value} allowed)"))
        return out
    raise AssertionError(f"unknown check type {check.type}")


def evaluate(rules: list[Rule], analysis: Analysis, params: dict | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(evaluate_rule(rule, analysis, params))
    return findings
