"""Machine-readable lint output (schema documented in docs/json-output.md)."""

from __future__ import annotations

import json

from pcsc_procure import __version__
from pcsc_procure.report.summary import summary


def render_json(results, rules) -> str:
    data = {
        "version": 1,
        "tool": {"name": "pcsc-procure", "version": __version__},
        "files": [r.as_dict() for r in results],
        "summary": summary(results),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report(results, rules, **_options) -> str:
    return render_json(results, rules)
