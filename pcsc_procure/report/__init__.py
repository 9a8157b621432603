"""Reporters: one module per output format; none computes anything new.

Each reporter takes the list of FileResults (and the rules that ran) and
returns the text to write.
"""

from __future__ import annotations

FORMATS = ("text", "json")


def render(fmt: str, results: list, rules: list, **options) -> str:
    if fmt == "text":
        from pcsc_procure.report.text import render_text

        return render_text(results, **options)
    if fmt == "json":
        from pcsc_procure.report.json_report import render_json

        return render_json(results, rules)
    raise ValueError(f"unknown format {fmt!r}")
