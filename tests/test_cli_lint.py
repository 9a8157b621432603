"""The lint command end to end: exit codes, formats, selection, config, bad input."""

from __future__ import annotations

import json
import os

import pytest

DRAFT = """# Smart Parking Sensor Services Agreement

This Agreement is entered into by and between the City of Riverton (the "City") and ParkSense Ltd. (the "Vendor").

1. Term

1.1 Thereafter, this Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal.

2. Data

2.1 The Vendor shall retain all right, title and interest in the data collected by the Sensors.

2.2 The Vendor shall notify the City of any security breach within thirty (30) days.
"""


def write(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content.encode() if isinstance(content, str) else content)
    return p


def test_findings_are_located_and_exit_1(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    r = cli("lint", "draft.md", cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 1, out + r.stderr.decode()
    assert "draft.md:7: warning PCSC-LOCK-002" in out
    assert "draft.md:11: error   PCSC-DATA-002" in out
    assert "draft.md:13: error   PCSC-PRIV-003" in out
    assert "30 days (at most 72 hours allowed)" in out
    assert "draft.md: error   PCSC-DATA-001" in out  # document-level: no line


def test_json_output_parses_and_locates(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    r = cli("lint", "--format", "json", "draft.md", cwd=tmp_path)
    data = json.loads(r.stdout)
    [f] = data["files"]
    assert f["doc_type"] == "contract"
    by_rule = {x["rule"]: x for x in f["findings"]}
    loc = by_rule["PCSC-DATA-002"]["location"]
    text = (tmp_path / "draft.md").read_text()
    assert text[loc["start"]:loc["end"]].startswith("2.1 The Vendor shall retain")
    assert by_rule["PCSC-DATA-002"]["source"].startswith("IG-PCSC")
    assert by_rule["PCSC-DATA-001"]["fix"] == "public-data-ownership"
    assert data["summary"]["by_severity"]["error"] >= 3


def test_fail_on_threshold(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    assert cli("lint", "--fail-on", "never", "draft.md", cwd=tmp_path).returncode == 0
    assert cli("lint", "--select", "PCSC-LOCK-002", "draft.md", cwd=tmp_path).returncode == 0  # a warning only
    assert cli("lint", "--select", "PCSC-LOCK-002", "--fail-on", "warning", "draft.md", cwd=tmp_path).returncode == 1


def test_select_and_ignore_by_pillar(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    data = json.loads(cli("lint", "-f", "json", "--select", "privacy", "draft.md", cwd=tmp_path).stdout)
    assert {x["pillar"] for x in data["files"][0]["findings"]} == {"privacy"}
    data = json.loads(cli("lint", "-f", "json", "--ignore", "PCSC-DATA,privacy", "draft.md", cwd=tmp_path).stdout)
    pillars = {x["pillar"] for x in data["files"][0]["findings"]}
    assert "privacy" not in pillars and "data-ownership" not in pillars and pillars


def test_unknown_selector_is_a_usage_error(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    r = cli("lint", "--select", "PCSC-NOPE-999", "draft.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "matches no rule" in r.stderr.decode()


def test_config_from_pyproject_up_the_tree(tmp_path, cli):
    (tmp_path / "pyproject.toml").write_text('[tool.pcsc-procure]\nselect = ["PCSC-PRIV-003"]\n\n[tool.pcsc-procure.params]\nbreach_notice_hours = 800\n')
    sub = tmp_path / "drafts" / "2024"
    sub.mkdir(parents=True)
    write(sub, "draft.md", DRAFT)
    r = cli("lint", "draft.md", cwd=sub)
    assert r.returncode == 0, r.stdout.decode()  # 30 days = 720 h is within 800 h
    assert "Found 0 problems" in r.stdout.decode()


def test_config_yaml_and_bad_key(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    (tmp_path / ".pcsc-procure.yaml").write_text("fail-on: never\n")
    assert cli("lint", "draft.md", cwd=tmp_path).returncode == 0
    (tmp_path / ".pcsc-procure.yaml").write_text("fial-on: never\n")
    r = cli("lint", "draft.md", cwd=tmp_path)
    assert r.returncode == 2
    assert ".pcsc-procure.yaml" in r.stderr.decode() and "fial-on" in r.stderr.decode()


def test_stdin_with_filename(tmp_path, cli):
    r = cli("lint", "-", "--stdin-filename", "from-editor.md", "--select", "PCSC-DATA-002", stdin=DRAFT.encode(), cwd=tmp_path)
    assert r.returncode == 1
    assert "from-editor.md:11:" in r.stdout.decode()


def test_directory_recursion_skips_hidden_and_unsupported(tmp_path, cli):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / "b", "deep.md", DRAFT)
    write(tmp_path / ".git", "ignored.md", DRAFT)
    write(tmp_path / "a", "picture.png", b"\x89PNG")
    data = json.loads(cli("lint", "-f", "json", ".", cwd=tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == ["a/b/deep.md"]


def test_bad_inputs_one_line_each_exit_2_others_still_linted(tmp_path, cli):
    write(tmp_path, "good.md", DRAFT)
    write(tmp_path, "binary.txt", b"\x00\x01\x02\x03binary\x00")
    write(tmp_path, "fake.docx", b"%PDF-1.4\n%garbage")
    write(tmp_path, "truncated.docx", b"PK\x03\x04" + b"\x00" * 40)
    write(tmp_path, "empty.pdf", b"")
    write(tmp_path, "notes.rtf", b"{\\rtf1 hello}")
    r = cli("lint", "good.md", "binary.txt", "fake.docx", "truncated.docx", "empty.pdf", "notes.rtf", "missing.md", cwd=tmp_path)
    err = r.stderr.decode().strip().splitlines()
    assert r.returncode == 2
    assert "good.md:11:" in r.stdout.decode()  # the readable file was still linted
    assert len(err) == 6, err
    for name in ("binary.txt", "fake.docx", "truncated.docx", "empty.pdf", "notes.rtf", "missing.md"):
        [line] = [e for e in err if name in e]
        assert line.startswith(f"pcsc-procure: error: {name}: ")
    assert "Traceback" not in r.stderr.decode()


def test_output_file_is_written_and_input_protected(tmp_path, cli):
    write(tmp_path, "draft.md", DRAFT)
    r = cli("lint", "-f", "json", "-o", "report.json", "draft.md", cwd=tmp_path)
    assert r.returncode == 1
    assert json.loads((tmp_path / "report.json").read_text())["version"] == 1
    before = (tmp_path / "draft.md").read_bytes()
    r = cli("lint", "-o", "draft.md", "draft.md", cwd=tmp_path)
    assert r.returncode == 2 and "refusing to overwrite an input file" in r.stderr.decode()
    assert (tmp_path / "draft.md").read_bytes() == before


def test_version_and_module_entry(cli):
    from pcsc_procure import __version__

    r = cli("--version")
    assert r.returncode == 0 and __version__ in r.stdout.decode()


def test_a_long_report_reaches_the_end_of_a_pipe_whole(cli, cuad):
    """The tool leaves without tearing the interpreter down (`common.fast_exit`): whatever it
    wrote is flushed first. A report of several hundred KB through a pipe parses, one document
    per file, with each clause's text its file's own."""
    files = sorted((cuad / "txt").glob("*.txt"))[:12]
    r = cli("clauses", "--format", "json", *map(str, files))
    assert r.returncode == 0, r.stderr.decode()
    assert len(r.stdout) > 200_000
    report = json.loads(r.stdout)
    assert [d["path"] for d in report["documents"]] == [str(f) for f in files]
    for doc, f in zip(report["documents"], files):
        content = f.read_text(encoding="utf-8")
        assert doc["clauses"] and all(content[c["start"] : c["end"]] == c["text"] for c in doc["clauses"])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs a device that is always full")
def test_a_full_disk_under_the_report_is_one_error_line_not_an_internal_error(tmp_path):
    """`lint draft.md > report.txt` on a full disk: one line saying the output could not be
    written, exit 2; the tool does not call it a bug of its own."""
    import subprocess
    import sys

    (tmp_path / "draft.md").write_text("# Tender\n\nThe Contractor shall deliver sensors.\n", encoding="utf-8")
    for args in (["lint", "--no-cache", "draft.md"], ["clauses", "draft.md"], ["rules", "list"]):
        with open("/dev/full", "w") as full:
            r = subprocess.run([sys.executable, "-m", "pcsc_procure", *args], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE,
                               text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.strip().splitlines() == ["pcsc-procure: error: could not write the output: No space left on device"], args


def test_a_profiler_still_reports_at_exit(tmp_path):
    """Under a profiler (or coverage), which reports as the interpreter ends, the tool exits the
    ordinary way: `python -m cProfile -m pcsc_procure` prints its table."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "cProfile", "-s", "tottime", "-m", "pcsc_procure", "--version"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "pcsc-procure" in r.stdout and "function calls" in r.stdout


PAVING = """# Road Resurfacing Contract

This Contract is between the City of Riverton (the "City") and Tarmac Works Ltd (the "Contractor").

1. The Contractor shall resurface 4 km of Main Street by 30 June.
"""


def test_profile_decides_the_domains_instead_of_inference(tmp_path, cli):
    (tmp_path / "paving.md").write_text(PAVING)

    def run(*extra):
        r = cli("lint", "-f", "json", "--fail-on", "never", *extra, "paving.md", cwd=tmp_path)
        assert r.returncode == 0, r.stderr.decode()
        f = json.loads(r.stdout)["files"][0]
        return f["domains"], {x["rule"] for x in f["findings"]}

    inferred, plain = run()
    assert "ai" not in inferred and not any(r.startswith("PCSC-HR-00") for r in plain)  # no AI rules on paving
    domains, ai = run("--profile", "ai-system")
    assert "ai" in domains and "PCSC-HR-002" in ai  # algorithmic transparency now required
    (tmp_path / ".pcsc-procure.yaml").write_text("profile: ai-system\n")
    assert run()[0] == domains
    bad = cli("lint", "--profile", "paving", "paving.md", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.decode().strip().startswith("pcsc-procure: error: unknown profile 'paving'; choose one of: general,")


def test_installed_tool_ships_every_rule_template_and_detector(tmp_path, repo):
    """Run from elsewhere, the installed package (wheel or editable) carries the same data as this checkout."""
    import subprocess
    import sys

    script = (
        "import json, pcsc_procure.resources as r\n"
        "from pathlib import Path\n"
        "out = {}\n"
        "for name, folder in (('rules', r.data_dir('rules')), ('clause_templates', r.data_dir('clause_templates')), ('kinds', r.detector_dir())):\n"
        "    out[name] = {p.name: p.read_text(encoding='utf-8') for p in Path(folder).glob('*.yaml')}\n"
        "print(json.dumps(out))\n"
    )
    r = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    shipped = json.loads(r.stdout)
    for name, folder in (("rules", repo / "rules"), ("clause_templates", repo / "clause_templates"), ("kinds", repo / "pcsc_procure" / "detect" / "kinds")):
        expected = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.yaml")}
        assert shipped[name] == expected, f"installed {name} differ from the checkout: reinstall (pip install .)"


def test_a_vendor_licence_audit_is_not_the_public_bodys_audit_right(tmp_path, cli):
    """A software contract where only the licensor may audit (its licence compliance) still lacks
    audit rights for the public body; one where the city may audit does not."""
    head = ('SOFTWARE LICENCE AGREEMENT\n\nThis Agreement is between the City of Springfield (the "City") and '
            'Acme Software Ltd (the "Vendor").\n\n1. Licence. The Vendor grants the City a licence to use the Software.\n\n')
    (tmp_path / "vendor.txt").write_text(head + "2. Licence audit. The Vendor may audit the City's use of the Software once a year.\n")
    (tmp_path / "city.txt").write_text(head + "2. Audit. The City may audit the Vendor's records relating to this Agreement on ten days' notice.\n")
    r = cli("lint", "--select", "PCSC-ACCT-001", "--format", "json", "vendor.txt", "city.txt", cwd=tmp_path)
    rules = {f["path"]: [x["rule"] for x in f["findings"]] for f in json.loads(r.stdout)["files"]}
    assert rules == {"vendor.txt": ["PCSC-ACCT-001"], "city.txt": []}
