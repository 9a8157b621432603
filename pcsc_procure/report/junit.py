"""JUnit XML for CI test dashboards (GitLab, Jenkins, Azure, GitHub test reporters).

One `<testsuite name="pcsc-procure">`; one `<testcase>` per file and rule that
ran (classname = the file's path, name = rule id and name), so a dashboard
shows which checks each draft passes. A rule with findings at or above
`--fail-on` gives its testcase a `<failure>` whose text lists each finding
(location, severity, message, guideline source, fix template); findings below
the threshold are listed in the testcase's `<system-out>` and it passes, so
the dashboard agrees with the exit code. A file that could not be read gets
one testcase with an `<error>`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pcsc_procure.report.text import location
from pcsc_procure.rules.model import SEVERITY_RANK


def _finding_line(f) -> str:
    line = f"{location(f)}: {f.severity} {f.rule} {f.message} [{f.source}]"
    if f.excerpt:
        line += f"\n    | {f.excerpt}"
    if f.fix:
        line += f"\n    fix: clause template '{f.fix}'"
    return line


def render_junit(results, rules, fail_on: str = "error") -> str:
    threshold = SEVERITY_RANK.get(fail_on)  # None for "never"
    suite = ET.Element("testsuite", name="pcsc-procure")
    tests = failures = errors = 0
    for r in results:
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=r.path, name="read document")
            ET.SubElement(case, "error", message=r.error, type="unreadable").text = f"{r.path}: {r.error}"
            tests += 1
            errors += 1
            continue
        by_rule: dict[str, list] = {}
        for f in r.findings:
            by_rule.setdefault(f.rule, []).append(f)
        names = {x.id: x.name for x in rules}
        order = [x.id for x in rules] + [rid for rid in by_rule if rid not in names]
        for rid in order:
            found = by_rule.get(rid, [])
            case = ET.SubElement(suite, "testcase", classname=r.path, name=f"{rid} {names.get(rid, found[0].name if found else '')}".strip())
            tests += 1
            failing = [f for f in found if threshold is not None and SEVERITY_RANK[f.severity] >= threshold]
            passing = [f for f in found if f not in failing]
            if failing:
                failures += 1
                first = failing[0]
                summary = first.message if len(failing) == 1 else f"{len(failing)} findings: {first.message}"
                ET.SubElement(case, "failure", message=summary, type=max((f.severity for f in failing), key=SEVERITY_RANK.get)).text = "\n".join(_finding_line(f) for f in failing)
            if passing:
                ET.SubElement(case, "system-out").text = "\n".join(_finding_line(f) for f in passing)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="pcsc-procure", tests=str(tests), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def report(results, rules, fail_on: str = "error", **_options) -> str:
    return render_junit(results, rules, fail_on=fail_on)
