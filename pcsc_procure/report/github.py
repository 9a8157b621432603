"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=drafts/parking.md,line=11,col=1,title=PCSC-DATA-002::This clause gives ...

error -> `::error`, warning -> `::warning`, info -> `::notice`. Document-level
findings (a missing clause) point at line 1. Values are escaped as GitHub's
toolkit does: `%`, CR and LF in the message; those and `:` and `,` in
properties. Unreadable files become `::error file=...::` lines too.
"""

from __future__ import annotations

import os

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: dict, message: str) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {body}::{escape_data(message)}" if body else f"::{kind}::{escape_data(message)}"


def _file(path: str) -> str:
    return path.replace(os.sep, "/")


def render_github(results, rules) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(_command("error", {"file": _file(r.path), "title": "unreadable"}, f"{r.path}: {r.error}"))
            continue
        for f in r.findings:
            document = f.scope == "document" or f.line is None
            props = {"file": _file(f.path), "line": 1 if document else f.line, "col": None if document else f.column, "title": f.rule}
            message = f.message
            if f.page is not None and not document:
                message = f"page {f.page}: {message}"
            message += f"\nSource: {f.source}"
            if f.fix:
                message += f"\nFix: clause template '{f.fix}'"
            lines.append(_command(COMMANDS[f.severity], props, message))
    return "".join(line + "\n" for line in lines)


def report(results, rules, **_options) -> str:
    return render_github(results, rules)
