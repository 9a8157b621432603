"""Reporters: one module per output format; none computes anything new.

Each reporter takes the list of FileResults (and the rules that ran) and
returns the text to write. Only the chosen reporter's module is imported.
"""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")

# format -> (module, function); every function is called as f(results, rules, **options)
_REPORTERS = {
    "text": ("pcsc_procure.report.text", "report"),
    "json": ("pcsc_procure.report.json_report", "report"),
    "sarif": ("pcsc_procure.report.sarif", "report"),
    "junit": ("pcsc_procure.report.junit", "report"),
    "github": ("pcsc_procure.report.github", "report"),
    "markdown": ("pcsc_procure.report.markdown", "report"),
    "html": ("pcsc_procure.report.html", "report"),
}

# Formats whose reporter needs each document's text (FileResult.document).
NEEDS_DOCUMENT = {"html"}


def render(fmt: str, results: list, rules: list, **options) -> str:
    import importlib

    if fmt not in _REPORTERS:
        raise ValueError(f"unknown format {fmt!r}")
    module, name = _REPORTERS[fmt]
    return getattr(importlib.import_module(module), name)(results, rules, **options)
