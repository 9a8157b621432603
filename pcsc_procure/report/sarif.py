"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

- `tool.driver.rules`: every rule that ran, with its title (shortDescription),
  rationale (fullDescription), help (message, guideline source, fix template)
  and default level.
- one result per finding; `artifactLocation.uri` is relative to the working
  directory, given as the `%SRCROOT%` base (`originalUriBaseIds`).
- `region`: `startLine`/`startColumn` as the text report shows them, plus
  `charOffset`/`charLength` (Unicode code points into the document's text;
  for Word, the extracted text, one paragraph per line). For PDFs the line is
  the line on the page; the page and the text offsets go in the region's
  property bag, since SARIF's charOffset would have to agree with a
  whole-file line number. Document-level findings (a missing clause) point at
  line 1.
- `partialFingerprints["pcscPassage/v1"]`: the finding's fingerprint (rule +
  normalised passage), so viewers track a finding across line shifts.
- unreadable inputs become tool execution notifications, and the invocation
  is marked unsuccessful.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from pcsc_procure import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "%SRCROOT%"


def rule_help(rule) -> tuple[str, str]:
    """(text, markdown) help for a rule: what is wrong, where it comes from, the fix."""
    text = [rule.message, f"Source: {rule.source}"]
    md = [rule.message, "", f"**Source:** {rule.source}"]
    if rule.fix:
        text.append(f"Fix: clause template '{rule.fix}' (pcsc-procure fix adds it to a draft).")
        md.append("")
        md.append(f"**Fix:** clause template `{rule.fix}` (`pcsc-procure fix` adds it to a draft).")
    if rule.rationale:
        md += ["", f"**Why:** {' '.join(rule.rationale.split())}"]
    return "\n".join(text), "\n".join(md)


def _descriptor(rule) -> dict:
    text, markdown = rule_help(rule)
    d = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": " ".join((rule.rationale or rule.title).split())},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.pillar], "pillar": rule.pillar, "source": rule.source},
    }
    if rule.help_uri:
        d["helpUri"] = rule.help_uri
    if rule.fix:
        d["properties"]["fix"] = rule.fix
    return d


def artifact_location(path: str, root: str) -> dict:
    """A URI relative to `root` (the %SRCROOT% base) when the file is inside it."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:
        rel = None
    if rel is not None and not rel.startswith(".."):
        return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": BASE_ID}
    return {"uri": Path(absolute).as_uri()}


def _region(f) -> dict:
    if f.scope == "document" or f.line is None:
        return {"startLine": 1}
    region: dict = {"startLine": f.line}
    if f.column is not None:
        region["startColumn"] = f.column
    has_span = f.start is not None and f.end is not None
    if f.page is not None:
        props = {"page": f.page}
        if has_span:
            props.update({"textOffset": f.start, "textLength": f.end - f.start})
        region["properties"] = props
    elif has_span:
        region["charOffset"] = f.start
        region["charLength"] = f.end - f.start
    return region


def _result(f, fp, rule_index: dict, root: str) -> dict:
    res = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(f.path, root), "region": _region(f)}}],
        "properties": {"pillar": f.pillar, "source": f.source, "scope": f.scope},
    }
    if f.rule in rule_index:
        res["ruleIndex"] = rule_index[f.rule]
    if fp:
        res["partialFingerprints"] = {"pcscPassage/v1": fp}
    if f.fix:
        res["properties"]["fix"] = f.fix
    if f.clause_kind:
        res["properties"]["clauseKind"] = f.clause_kind
    if f.section:
        res["properties"]["section"] = f.section
    return res


def render_sarif(results, rules, root: str | None = None) -> str:
    root = os.path.abspath(root or os.getcwd())
    ran = list(rules)
    rule_index = {r.id: i for i, r in enumerate(ran)}
    out_results = []
    notifications = []
    for r in results:
        if r.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{r.path}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path, root)}}],
            })
            continue
        for f, fp in r.pairs():
            out_results.append(_result(f, fp, rule_index, root))
    run = {
        "tool": {"driver": {"name": "pcsc-procure", "version": __version__, "semanticVersion": __version__, "rules": [_descriptor(r) for r in ran]}},
        "originalUriBaseIds": {BASE_ID: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": out_results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def report(results, rules, root: str | None = None, **_options) -> str:
    return render_sarif(results, rules, root=root)
