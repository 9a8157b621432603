"""`--statistics`: how many findings each rule produced (rules with none omitted)."""

from __future__ import annotations

import json
from collections import Counter

from pcsc_procure.rules.model import SEVERITY_RANK


def rule_counts(results, rules) -> list[dict]:
    counts = Counter(f.rule for r in results for f in r.findings)
    info = {r.id: r for r in rules}
    for r in results:  # a finding's own fields, should its rule not be in the list
        for f in r.findings:
            info.setdefault(f.rule, f)
    rows = [{"rule": rid, "name": info[rid].name, "severity": info[rid].severity, "title": info[rid].title, "count": n} for rid, n in counts.items()]
    rows.sort(key=lambda x: (-x["count"], -SEVERITY_RANK[x["severity"]], x["rule"]))
    return rows


def render_statistics(results, rules, fmt: str = "text") -> str:
    rows = rule_counts(results, rules)
    if fmt == "json":
        return json.dumps({"version": 1, "statistics": rows}, indent=2, ensure_ascii=False) + "\n"
    if not rows:
        return "No findings.\n"
    width = max(len(str(x["count"])) for x in rows)
    rule_width = max(len(x["rule"]) for x in rows)
    lines = [f"{x['count']:>{width}}  {x['rule']:<{rule_width}}  {x['severity']:<8} {x['title']}" for x in rows]
    total = sum(x["count"] for x in rows)
    lines.append(f"{total:>{width}}  total")
    return "\n".join(lines) + "\n"
