"""Golden tests: the sample drafts in sample_contracts/ lint to their reviewed findings.

Each sample is linted through the real command line
(`python -m pcsc_procure lint --isolated --format json sample_contracts/<file>`)
and its (rule, severity, location) multiset must equal the one in
sample_contracts/expected/<file>.json. When the tool or the rule catalogue
changes on purpose, regenerate and review:

    python sample_contracts/update_expected.py

Tool errors on the samples are recorded in sample_contracts/KNOWN_ISSUES.md,
never hidden in the expected files.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_contracts"
sys.path.insert(0, str(SAMPLES))

import golden  # noqa: E402

MANIFEST = golden.manifest()
FILES = [s["file"] for s in MANIFEST]
GOOD = [s["file"] for s in MANIFEST if s["quality"] == "good"]
PDFS = [f for f in FILES if f.endswith(".pdf")]
REGENERATE = "If the change is intended, run `python sample_contracts/update_expected.py` and review every new finding."


@pytest.fixture(scope="session")
def linted() -> dict[str, dict]:
    """Every sample linted once per session (one CLI process per file, in parallel)."""
    return golden.lint_all(FILES)


def _expected(sample_file: str) -> dict:
    path = golden.expected_path(sample_file)
    assert path.exists(), f"no expected findings for {sample_file}: run python sample_contracts/update_expected.py"
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_sample_is_listed_with_its_expected_findings():
    on_disk = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf", ".md", ".txt") and p.name not in ("README.md", "KNOWN_ISSUES.md"))
    assert on_disk == sorted(FILES), "sample_contracts/manifest.json and the drafts in sample_contracts/ differ"
    expected = sorted(p.name[: -len(".json")] for p in golden.EXPECTED.glob("*.json"))
    assert expected == sorted(FILES), "sample_contracts/expected/ and manifest.json differ"
    formats = {Path(f).suffix for f in FILES}
    assert formats == {".docx", ".pdf", ".md", ".txt"}
    for doc_type in ("contract", "rfp"):
        qualities = {s["quality"] for s in MANIFEST if s["doc_type"] == doc_type}
        assert {"good", "bad"} <= qualities, f"samples need a good and a bad {doc_type}: {qualities}"


def test_expected_files_are_reviewed():
    for f in FILES:
        unreviewed = [x for x in _expected(f)["findings"] if x["review"] == "UNREVIEWED"]
        assert not unreviewed, f"{f}: {len(unreviewed)} finding(s) never reviewed: {[(x['rule'], x['location']) for x in unreviewed]}"


@pytest.mark.parametrize("sample_file", FILES)
def test_sample_lints_to_expected_findings(sample_file, linted):
    expected = _expected(sample_file)
    actual = linted[sample_file]
    assert actual["error"] is None, actual["error"]
    assert actual["doc_type"] == expected["doc_type"], f"{sample_file}: read as {actual['doc_type']}, expected {expected['doc_type']}. {REGENERATE}"
    exp_keys, act_keys = golden.keys(expected["findings"]), golden.keys(actual["findings"])
    if exp_keys != act_keys:
        diff = golden.describe_diff(expected["findings"], actual["findings"], expected.get("catalogue"))
        pytest.fail(f"{sample_file}: findings differ from sample_contracts/expected/{sample_file}.json\n{diff}\n{REGENERATE}", pytrace=False)


@pytest.mark.parametrize("sample_file", GOOD)
def test_good_samples_have_no_errors_beyond_known_issues(sample_file, linted):
    known = golden.known_keys(sample_file, "false alarm")
    errors = [(f["rule"], golden.format_location(golden.location(f)), f.get("excerpt") or f["message"]) for f in linted[sample_file]["findings"] if f["severity"] == "error"]
    unexplained = [e for e in errors if (e[0], e[1]) not in known]
    assert not unexplained, f"{sample_file} is a good draft, but the tool reports errors not listed in sample_contracts/KNOWN_ISSUES.md: {unexplained}"


def test_known_issues_name_real_samples_and_rules():
    issues = golden.known_issues()
    # the index may be empty (every recorded error fixed), but it must be there and its rows must parse
    assert "| id | sample | rule | location | type |" in golden.KNOWN_ISSUES.read_text(encoding="utf-8")
    row = golden._KI_ROW.match("| KI-99 | ev-charging-concession.txt | PCSC-LOCK-001 | 12 | false alarm |")
    assert row is not None and row.group(1) == "KI-99"
    rules = set(golden.catalogue())
    for issue in issues:
        assert issue["sample"] in FILES, issue
        assert issue["type"] in ("false alarm", "missed", "wrong location"), issue
        assert issue["rule"] in rules, f"{issue['id']}: unknown rule {issue['rule']}"


def test_lint_folder_from_another_directory(tmp_path, cli):
    r = cli("lint", "--isolated", str(SAMPLES), cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 1, out + r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
    # every draft is linted, and passage findings are printed at their line (page:line for PDFs)
    for sample in MANIFEST:
        name = sample["file"]
        assert name in out, f"{name} not linted"
        for f in _expected(name)["findings"]:
            if f["location"] is None:
                continue
            where = golden.format_location(f["location"])
            pattern = rf"{re.escape(name)}:{re.escape(where)}(:\d+)?: {f['severity']}\s+{re.escape(f['rule'])}\b"
            assert re.search(pattern, out), f"no located finding '{name}:{where}: {f['severity']} {f['rule']}' in the text report"
    assert re.search(r"Found \d+ problems", out)


def _plumber_lines(path: Path) -> list[list[str]]:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(path) as pdf:
        return [(page.extract_text() or "").split("\n") for page in pdf.pages]


def _words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


@pytest.mark.parametrize("sample_file", PDFS)
def test_pdf_locations_point_at_the_flagged_text(sample_file, linted):
    """Page and line agree with an independent reading of the PDF (pdfplumber), except known location errors.

    pdfplumber reads table rows as one line where pdfium reads each cell, so
    line counts may differ below a table: keep located clauses above tables
    on their page (the samples do).
    """
    pages = _plumber_lines(SAMPLES / sample_file)
    wrong = golden.known_keys(sample_file, "wrong location")
    checked = 0
    for f in linted[sample_file]["findings"]:
        loc = golden.location(f)
        if loc is None or (f["rule"], golden.format_location(loc)) in wrong:
            continue
        lines = pages[loc["page"] - 1]
        line = " ".join(lines[loc["line"] - 1].split())
        following = " ".join(lines[loc["line"]].split()) if loc["line"] < len(lines) else ""
        at = f"{line} {following}".find(_words(f["excerpt"]))
        assert 0 <= at < len(line), f"{sample_file} {f['rule']} at page {loc['page']} line {loc['line']}: that line is {line!r}, but the finding starts {f['excerpt'][:60]!r}"
        checked += 1
    assert checked, f"{sample_file}: no located finding to check"
