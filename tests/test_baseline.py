"""Baselines: accept existing findings, see only new ones, survive line shifts."""

from __future__ import annotations

import json

from lintkit import BREACH, DRAFT, RENEWAL, lint, write

EXTRA = "\n3.1 Vendor may use anonymised data for its own commercial purposes.\n"  # PCSC-DATA-003's own fail example


def test_update_then_only_new_findings(tmp_path, monkeypatch, capsys):
    write(tmp_path, "drafts/a.md", DRAFT)
    code, out, err = lint(monkeypatch, capsys, tmp_path, "--baseline", ".pcsc-baseline.json", "--update-baseline", "drafts")
    assert code == 0, out + err
    assert "Found 0 problems" in out and "wrote" in err
    base = json.loads((tmp_path / ".pcsc-baseline.json").read_text())
    assert base["version"] == 1 and base["findings"]
    assert {e["path"] for e in base["findings"]} == {"drafts/a.md"}
    assert any(e["rule"] == "PCSC-PRIV-003" and e["line"] == 13 for e in base["findings"])

    # unchanged: nothing to report, exit 0
    code, out, _ = lint(monkeypatch, capsys, tmp_path, "-f", "json", "--baseline", ".pcsc-baseline.json", "drafts")
    data = json.loads(out)
    assert code == 0 and data["files"][0]["findings"] == []
    assert data["summary"]["baselined"] == len(base["findings"])

    # lines shift, clauses are renumbered, one new risky clause: only that one is reported
    shifted = DRAFT.replace("1. Term", "Recitals\n\nThe City wishes to procure parking sensors.\n\n1. Term").replace("2.2 The Vendor", "2.5  The   Vendor")
    write(tmp_path, "drafts/a.md", shifted + EXTRA)
    code, out, _ = lint(monkeypatch, capsys, tmp_path, "-f", "json", "--baseline", ".pcsc-baseline.json", "drafts")
    [f] = json.loads(out)["files"]
    assert [x["rule"] for x in f["findings"]] == ["PCSC-DATA-003"], f["findings"]
    assert code == 1


def test_baseline_counts_duplicates_and_paths_are_relative_to_it(tmp_path, monkeypatch, capsys):
    write(tmp_path, "repo/drafts/a.md", DRAFT)
    lint(monkeypatch, capsys, tmp_path / "repo", "--baseline", "baseline.json", "--update-baseline", "drafts/a.md")
    # run from another folder: paths are matched relative to the baseline file
    sub = tmp_path / "repo" / "drafts"
    code, out, _ = lint(monkeypatch, capsys, sub, "-f", "json", "--baseline", "../baseline.json", "a.md")
    assert json.loads(out)["files"][0]["findings"] == []
    # the same risky passage a second time is a new finding
    write(tmp_path, "repo/drafts/a.md", DRAFT + "\n" + BREACH + " within thirty (30) days.\n")
    code, out, _ = lint(monkeypatch, capsys, sub, "-f", "json", "--baseline", "../baseline.json", "a.md")
    assert [x["rule"] for x in json.loads(out)["files"][0]["findings"]] == ["PCSC-PRIV-003"]


def test_update_keeps_entries_of_files_not_linted_and_drops_fixed(tmp_path, monkeypatch, capsys):
    write(tmp_path, "a.md", DRAFT)
    write(tmp_path, "b.md", DRAFT)
    lint(monkeypatch, capsys, tmp_path, "--baseline", "bl.json", "--update-baseline", "a.md", "b.md")
    before = json.loads((tmp_path / "bl.json").read_text())["findings"]
    fixed = "\n".join("1.1 The term is two years." if line.startswith(RENEWAL) else line for line in DRAFT.splitlines())
    write(tmp_path, "a.md", fixed)
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--baseline", "bl.json", "a.md")
    assert code == 0 and "1 baseline entry matched no finding" in err
    lint(monkeypatch, capsys, tmp_path, "--baseline", "bl.json", "--update-baseline", "a.md")
    after = json.loads((tmp_path / "bl.json").read_text())["findings"]
    assert [e for e in after if e["path"] == "b.md"] == [e for e in before if e["path"] == "b.md"]
    assert not [e for e in after if e["path"] == "a.md" and e["rule"] == "PCSC-LOCK-002"]
    assert len(after) == len(before) - 1


def test_bad_or_missing_baseline_is_a_usage_error(tmp_path, monkeypatch, capsys):
    write(tmp_path, "a.md", DRAFT)
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--baseline", "nope.json", "a.md")
    assert code == 2 and "nope.json: baseline file not found" in err
    write(tmp_path, "bad.json", '{"findings": 3}')
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--baseline", "bad.json", "a.md")
    assert code == 2 and "not a pcsc-procure baseline" in err and "Traceback" not in err
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--update-baseline", "a.md")
    assert code == 2 and "--update-baseline needs --baseline" in err


def test_fingerprint_normalisation():
    from pcsc_procure.baseline import fingerprint

    a = fingerprint("PCSC-PRIV-003", "2.2 The Vendor shall notify\nthe City within 30 days.")
    assert a == fingerprint("PCSC-PRIV-003", "7.4   the vendor SHALL notify the City within 30 days.")
    assert a != fingerprint("PCSC-PRIV-002", "2.2 The Vendor shall notify the City within 30 days.")
    assert a != fingerprint("PCSC-PRIV-003", "2.2 The Vendor shall notify the City within 60 days.")
