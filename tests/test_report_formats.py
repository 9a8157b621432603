"""Machine outputs of `lint --format`: SARIF, JUnit, GitHub annotations, Markdown, JSON.

Each is parsed back (JSON Schema, xml.etree, the workflow-command grammar, the
Markdown table) and checked against the same findings the JSON report gives.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lintkit import BREACH, DRAFT, VENDOR_DATA, lint, write

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0-subset.schema.json").read_text())


@pytest.fixture
def drafts(tmp_path):
    write(tmp_path, "drafts/parking.md", DRAFT)
    write(tmp_path, "drafts/notes.txt", "Meeting notes.\n\nThe Vendor shall notify the City of any security breach within 24 hours.\n")
    write(tmp_path, "drafts/broken.docx", b"PK\x03\x04" + b"\x00" * 40)
    return tmp_path


def _json(monkeypatch, capsys, cwd, *paths):
    code, out, _ = lint(monkeypatch, capsys, cwd, "-f", "json", *paths)
    return json.loads(out)


def _by_rule(findings):
    return {f["rule"]: f for f in findings}


def test_sarif_validates_and_carries_every_rule_and_finding(drafts, monkeypatch, capsys):
    code, out, err = lint(monkeypatch, capsys, drafts, "-f", "sarif", "drafts")
    assert code == 2  # broken.docx is unreadable; the others are still reported
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    from pcsc_procure.ruleset import load_ruleset

    assert set(rules) == {r.id for r in load_ruleset()} | {"PCSC-META-001"}  # every rule that ran
    d2 = rules["PCSC-DATA-002"]
    assert d2["shortDescription"]["text"].startswith("The vendor claims ownership")
    assert "public asset" in d2["fullDescription"]["text"]  # the rationale
    assert "IG-PCSC 2.2.2" in d2["help"]["text"] and "public-data-ownership" in d2["help"]["markdown"]
    assert d2["defaultConfiguration"]["level"] == "error"
    assert rules["PCSC-LOCK-002"]["defaultConfiguration"]["level"] == "warning"

    expected = _json(monkeypatch, capsys, drafts, "drafts")
    n_findings = sum(len(f["findings"]) for f in expected["files"])
    assert len(run["results"]) == n_findings
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == drafts.resolve().as_uri() + "/"
    text = DRAFT
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        region = loc["region"]
        if loc["artifactLocation"]["uri"] == "drafts/parking.md" and "charOffset" in region:
            passage = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
            line = text.count("\n", 0, region["charOffset"]) + 1
            assert line == region["startLine"]  # offsets and line agree
            if res["ruleId"] == "PCSC-DATA-002":
                assert passage.startswith(VENDOR_DATA)
    by_rule = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r for r in run["results"]}
    missing = by_rule[("drafts/parking.md", "PCSC-DATA-001")]
    assert missing["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}  # document-level
    assert missing["level"] == "error"
    assert by_rule[("drafts/parking.md", "PCSC-LOCK-002")]["level"] == "warning"
    assert by_rule[("drafts/parking.md", "PCSC-LOCK-002")]["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert all(len(r["partialFingerprints"]["pcscPassage/v1"]) == 20 for r in run["results"])
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert "broken.docx" in note["message"]["text"]


def test_sarif_pdf_page_goes_in_the_property_bag(tmp_path, monkeypatch, capsys):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "rfp.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawString(72, 800, "Smart Parking Sensor Services Agreement between the City and the Vendor.")
    c.showPage()
    c.drawString(72, 800, "Heading")
    c.drawString(72, 760, "The Vendor shall retain all right, title and interest in the data collected by the Sensors.")
    c.save()
    code, out, _ = lint(monkeypatch, capsys, tmp_path, "-f", "sarif", "--select", "PCSC-DATA-002", "rfp.pdf")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    [res] = log["runs"][0]["results"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["properties"]["page"] == 2
    assert region["startLine"] == 2  # the line on the page, as the text report shows it
    assert "charOffset" not in region and region["properties"]["textLength"] > 0


def test_junit_one_testcase_per_file_and_rule(drafts, monkeypatch, capsys):
    code, out, _ = lint(monkeypatch, capsys, drafts, "-f", "junit", "drafts")
    root = ET.fromstring(out)
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    from pcsc_procure.ruleset import load_ruleset

    n_rules = len(load_ruleset()) + 1  # + PCSC-META-001
    assert len(cases) == 2 * n_rules + 1  # two readable files, one unreadable
    assert suite.get("tests") == str(len(cases))
    failures = [c for c in cases if c.find("failure") is not None]
    assert suite.get("failures") == str(len(failures))
    by = {(c.get("classname"), c.get("name").split()[0]): c for c in cases}
    d2 = by[("drafts/parking.md", "PCSC-DATA-002")].find("failure")
    assert d2.get("type") == "error"
    assert "drafts/parking.md:11" in d2.text and "IG-PCSC 2.2.2" in d2.text and "public-data-ownership" in d2.text
    # a warning is below the default --fail-on error: listed, but the testcase passes
    lock = by[("drafts/parking.md", "PCSC-LOCK-002")]
    assert lock.find("failure") is None and "drafts/parking.md:7" in lock.find("system-out").text
    assert by[("drafts/notes.txt", "PCSC-PRIV-003")].find("failure") is None  # 24 hours is fine
    [broken] = [c for c in cases if c.get("classname") == "drafts/broken.docx"]
    assert broken.find("error") is not None
    # --fail-on warning turns the warning into a failure, as the exit code does
    _, out, _ = lint(monkeypatch, capsys, drafts, "-f", "junit", "--fail-on", "warning", "drafts/parking.md")
    lock = {c.get("name").split()[0]: c for c in ET.fromstring(out).iter("testcase")}["PCSC-LOCK-002"]
    assert lock.find("failure").get("type") == "warning"


COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def _unescape(value: str) -> str:
    return value.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_parse_and_escape(drafts, monkeypatch, capsys):
    write(drafts, "drafts/odd, name: 100%.md", DRAFT)
    code, out, _ = lint(monkeypatch, capsys, drafts, "-f", "github", "drafts/parking.md", "drafts/odd, name: 100%.md")
    lines = out.splitlines()
    expected = _json(monkeypatch, capsys, drafts, "drafts/parking.md", "drafts/odd, name: 100%.md")
    assert len(lines) == sum(len(f["findings"]) for f in expected["files"])
    seen = []
    for line in lines:
        m = COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        seen.append((m.group(1), _unescape(props["file"]), int(props["line"]), props["title"], _unescape(m.group(3))))
    assert ("warning", "drafts/parking.md", 7, "PCSC-LOCK-002") in [s[:4] for s in seen]
    assert ("error", "drafts/parking.md", 1, "PCSC-DATA-001") in [s[:4] for s in seen]  # document-level at line 1
    assert ("error", "drafts/odd, name: 100%.md", 11, "PCSC-DATA-002") in [s[:4] for s in seen]  # escaped and back
    msg = next(s[4] for s in seen if s[3] == "PCSC-PRIV-003")
    assert msg.splitlines()[0].startswith("The breach notification deadline") and "\nSource: IG-PCSC" in msg
    # info -> notice
    from pcsc_procure.report.github import render_github

    class R:  # a result with one info finding
        error = None

    from pcsc_procure.rules.model import Finding

    f = Finding(rule="PCSC-META-001", name="x", severity="info", pillar="meta", title="t", message="50% done\r\nnext", source="s", path="a.md", scope="passage", line=3, column=2)
    R.findings = [f]
    assert render_github([R], []) == "::notice file=a.md,line=3,col=2,title=PCSC-META-001::50%25 done%0D%0Anext%0ASource: s\n"


def _md_rows(block: str) -> list[list[str]]:
    rows = []
    for line in block.splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            rows.append([c.strip() for c in cells])
    return rows


def test_markdown_summary_tables(drafts, monkeypatch, capsys):
    write(drafts, "drafts/pipe.md", DRAFT.replace("2.1 The Vendor", "2.1 The <b>Vendor</b> | Co").replace("Sensors.", "Sensors."))
    code, out, _ = lint(monkeypatch, capsys, drafts, "-f", "markdown", "drafts")
    expected = _json(monkeypatch, capsys, drafts, "drafts")
    total = sum(len(f["findings"]) for f in expected["files"])
    assert out.startswith(f"## pcsc-procure: {total} findings in 4 files")
    counts = dict(r for r in _md_rows(out.split("\n\n")[1]) if r[0] != "severity")
    assert {k: int(v) for k, v in counts.items()} == expected["summary"]["by_severity"]
    section = out.split("### `drafts/parking.md`")[1].split("###")[0]
    rows = _md_rows(section)
    assert rows[0] == ["where", "severity", "rule", "finding", "source", "fix"]
    by_rule = {r[2].strip("`"): r for r in rows[1:]}
    assert by_rule["PCSC-LOCK-002"][0] == "line 7" and by_rule["PCSC-LOCK-002"][1] == "warning"
    assert by_rule["PCSC-DATA-001"][0] == "document" and by_rule["PCSC-DATA-001"][5] == "`public-data-ownership`"
    assert len(rows) - 1 == len(next(f for f in expected["files"] if f["path"] == "drafts/parking.md")["findings"])
    assert "broken.docx" in out.split("could not be read")[1]
    assert "<b>" not in out  # no HTML from the drafts reaches the comment
    for row in _md_rows(out):
        assert len(row) in (2, 6)  # a `|` in a cell never splits it


def test_json_matches_documented_schema(drafts, monkeypatch, capsys):
    from pcsc_procure.report.json_schema import SCHEMA, schema_block

    doc = (REPO / "docs" / "json-output.md").read_text()
    assert schema_block() in doc, "docs/json-output.md is stale: run python -m pcsc_procure.report.json_schema docs/json-output.md"
    blocks = re.findall(r"```json\n(.*?)\n```", doc, re.DOTALL)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(json.loads(blocks[0]), SCHEMA)  # the doc's example is valid output
    assert json.loads(blocks[-1]) == SCHEMA
    data = _json(monkeypatch, capsys, drafts, "drafts")
    jsonschema.validate(data, SCHEMA)
    parking = next(f for f in data["files"] if f["path"] == "drafts/parking.md")
    f = _by_rule(parking["findings"])["PCSC-PRIV-003"]
    assert DRAFT[f["location"]["start"]:f["location"]["end"]].startswith(BREACH)
    # a field the schema does not know fails validation: the doc cannot silently fall behind
    parking["findings"][0]["new_field"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_every_format_reports_the_same_findings(drafts, monkeypatch, capsys):
    """No reporter drops or invents a finding: counts agree across formats."""
    expected = _json(monkeypatch, capsys, drafts, "drafts/parking.md")
    n = len(expected["files"][0]["findings"])
    _, sarif, _ = lint(monkeypatch, capsys, drafts, "-f", "sarif", "drafts/parking.md")
    _, github, _ = lint(monkeypatch, capsys, drafts, "-f", "github", "drafts/parking.md")
    _, junit, _ = lint(monkeypatch, capsys, drafts, "-f", "junit", "--fail-on", "info", "drafts/parking.md")
    _, text, _ = lint(monkeypatch, capsys, drafts, "drafts/parking.md")
    assert len(json.loads(sarif)["runs"][0]["results"]) == n
    assert len(github.splitlines()) == n
    failures = [c.find("failure").text for c in ET.fromstring(junit).iter("testcase") if c.find("failure") is not None]
    assert sum(1 for t in failures for line in t.splitlines() if line.startswith("drafts/parking.md")) == n
    assert f"Found {n} problems" in text


def test_statistics_counts_per_rule(drafts, monkeypatch, capsys):
    write(drafts, "drafts/twice.md", DRAFT + "\n3.1 Thereafter, this Agreement shall automatically renew for successive one-year terms.\n")
    code, out, _ = lint(monkeypatch, capsys, drafts, "--statistics", "drafts/parking.md", "drafts/twice.md")
    assert code == 1  # the exit code still follows the findings
    rows = {line.split()[1]: int(line.split()[0]) for line in out.splitlines() if "PCSC-" in line}
    assert rows["PCSC-LOCK-002"] == 3 and rows["PCSC-DATA-002"] == 2
    assert out.splitlines()[-1].split() == [str(sum(rows.values())), "total"]
    _, out, _ = lint(monkeypatch, capsys, drafts, "--statistics", "-f", "json", "drafts/parking.md", "drafts/twice.md")
    stats = {x["rule"]: x for x in json.loads(out)["statistics"]}
    assert stats["PCSC-LOCK-002"]["count"] == 3 and stats["PCSC-LOCK-002"]["severity"] == "warning"
    code, _, err = lint(monkeypatch, capsys, drafts, "--statistics", "-f", "sarif", "drafts/parking.md")
    assert code == 2 and "--statistics" in err
