"""Inline suppressions: Markdown/text markers, Word comments, stale markers, per-file-ignores."""

from __future__ import annotations

import json

from lintkit import BREACH, DRAFT, RENEWAL, VENDOR_DATA, draft_docx, lint, write


def findings(monkeypatch, capsys, cwd, *args):
    code, out, err = lint(monkeypatch, capsys, cwd, "-f", "json", *args)
    data = json.loads(out)
    [f] = data["files"]
    return code, f


def rules_of(f) -> list[str]:
    return sorted(x["rule"] for x in f["findings"])


def test_markdown_block_marker_suppresses_only_the_next_block(tmp_path, monkeypatch, capsys):
    text = DRAFT.replace(BREACH, "<!-- pcsc-procure: ignore PCSC-PRIV-003; agreed with the DPO -->\n" + BREACH)
    text += "\n2.3 The Vendor shall notify the City of any other security breach within thirty (30) days.\n"
    write(tmp_path, "d.md", text)
    _, f = findings(monkeypatch, capsys, tmp_path, "d.md")
    priv = [x for x in f["findings"] if x["rule"] == "PCSC-PRIV-003"]
    assert len(priv) == 1 and priv[0]["excerpt"].startswith("2.3")  # the next clause is still checked
    assert f["suppressed"] == 1
    assert "PCSC-META-001" not in rules_of(f)
    assert "PCSC-DATA-002" in rules_of(f)


def test_marker_by_prefix_pillar_and_without_ids(tmp_path, monkeypatch, capsys):
    base = findings(monkeypatch, capsys, tmp_path, write(tmp_path, "a.md", DRAFT).name)[1]
    assert {"PCSC-LOCK-002", "PCSC-DATA-002"} <= set(rules_of(base))
    write(tmp_path, "b.md", DRAFT.replace(RENEWAL, "<!-- pcsc-procure: ignore PCSC-LOCK -->\n\n" + RENEWAL).replace(VENDOR_DATA, "<!-- pcsc-procure: ignore data-ownership -->\n" + VENDOR_DATA))
    f = findings(monkeypatch, capsys, tmp_path, "b.md")[1]
    assert "PCSC-LOCK-002" not in rules_of(f) and "PCSC-DATA-002" not in rules_of(f)
    assert "PCSC-DATA-001" in rules_of(f)  # a block marker never reaches a missing clause
    write(tmp_path, "c.md", DRAFT.replace(BREACH, "<!-- pcsc-procure: ignore -->\n" + BREACH))
    f = findings(monkeypatch, capsys, tmp_path, "c.md")[1]
    assert "PCSC-PRIV-003" not in rules_of(f) and f["suppressed"] == 1


def test_ignore_file_with_and_without_ids(tmp_path, monkeypatch, capsys):
    write(tmp_path, "a.md", "<!-- pcsc-procure: ignore-file PCSC-DATA PCSC-GREEN -->\n" + DRAFT)
    f = findings(monkeypatch, capsys, tmp_path, "a.md")[1]
    assert not [r for r in rules_of(f) if r.startswith(("PCSC-DATA", "PCSC-GREEN"))]
    assert "PCSC-PRIV-003" in rules_of(f) and "PCSC-LOCK-001" in rules_of(f)  # other rules, document-level too
    write(tmp_path, "b.md", DRAFT + "\n<!-- pcsc-procure: ignore-file -->\n")
    code, f = findings(monkeypatch, capsys, tmp_path, "b.md")
    assert f["findings"] == [] and code == 0 and f["suppressed"] > 5


def test_txt_bare_line_and_comment_markers(tmp_path, monkeypatch, capsys):
    text = DRAFT.replace("# Smart", "Smart").replace(BREACH, "pcsc-procure: ignore PCSC-PRIV-003\n" + BREACH).replace(VENDOR_DATA, "<!-- pcsc-procure: ignore PCSC-DATA-002 -->\n\n" + VENDOR_DATA)
    write(tmp_path, "d.txt", text)
    f = findings(monkeypatch, capsys, tmp_path, "d.txt")[1]
    assert "PCSC-PRIV-003" not in rules_of(f) and "PCSC-DATA-002" not in rules_of(f)
    assert f["suppressed"] == 2
    # the bare-line form is for .txt only: in Markdown it is prose, not a marker
    write(tmp_path, "d.md", DRAFT.replace(BREACH, "pcsc-procure: ignore PCSC-PRIV-003\n\n" + BREACH))
    assert "PCSC-PRIV-003" in rules_of(findings(monkeypatch, capsys, tmp_path, "d.md")[1])


def test_stale_markers_are_reported_as_info(tmp_path, monkeypatch, capsys):
    text = DRAFT.replace("1. Term", "<!-- pcsc-procure: ignore PCSC-PRIV-003 -->\n\n1. Term")
    text = text.replace(BREACH, "<!-- pcsc-procure: ignore PCSC-PRIV-003 PCSC-NOPE-999 -->\n" + BREACH)
    write(tmp_path, "d.md", text)
    code, f = findings(monkeypatch, capsys, tmp_path, "d.md")
    meta = [x for x in f["findings"] if x["rule"] == "PCSC-META-001"]
    assert len(meta) == 2
    assert all(m["severity"] == "info" and m["pillar"] == "meta" for m in meta)
    lines = sorted(m["location"]["line"] for m in meta)
    assert lines == [5, 15]
    first, second = sorted(meta, key=lambda m: m["location"]["line"])
    assert "PCSC-PRIV-003" in first["message"]
    assert "PCSC-NOPE-999 (no such rule)" in second["message"] and "PCSC-PRIV-003," not in second["message"]
    # --fail-on info makes stale suppressions fail the run; --ignore PCSC-META turns the check off
    assert lint(monkeypatch, capsys, tmp_path, "--select", "PCSC-PRIV-003,PCSC-META", "--fail-on", "info", "d.md")[0] == 1
    f = findings(monkeypatch, capsys, tmp_path, "--ignore", "PCSC-META", "d.md")[1]
    assert "PCSC-META-001" not in rules_of(f)
    # a marker for a rule that simply did not run is not judged
    f = findings(monkeypatch, capsys, tmp_path, "--select", "PCSC-DATA,PCSC-META", "d.md")[1]
    assert [m["message"] for m in f["findings"] if m["rule"] == "PCSC-META-001"] == [next(m["message"] for m in f["findings"] if "NOPE" in m["message"])]


def test_word_comment_suppresses_its_paragraph(tmp_path, monkeypatch, capsys):
    draft_docx(tmp_path / "plain.docx")
    plain = findings(monkeypatch, capsys, tmp_path, "plain.docx")[1]
    assert "PCSC-PRIV-003" in rules_of(plain)
    draft_docx(tmp_path / "commented.docx", comment_on_breach="Agreed with the DPO.\npcsc-procure: ignore PCSC-PRIV-003")
    f = findings(monkeypatch, capsys, tmp_path, "commented.docx")[1]
    assert "PCSC-PRIV-003" not in rules_of(f) and f["suppressed"] == 1
    assert rules_of(f) == [r for r in rules_of(plain) if r != "PCSC-PRIV-003"]
    draft_docx(tmp_path / "stale.docx", comment_on_breach="pcsc-procure: ignore PCSC-DATA-002")
    f = findings(monkeypatch, capsys, tmp_path, "stale.docx")[1]
    [meta] = [x for x in f["findings"] if x["rule"] == "PCSC-META-001"]
    assert meta["excerpt"] == "pcsc-procure: ignore PCSC-DATA-002" and "PCSC-PRIV-003" in rules_of(f)
    draft_docx(tmp_path / "whole.docx", comment_on_breach="pcsc-procure: ignore-file PCSC-PRIV, PCSC-DATA-001")
    f = findings(monkeypatch, capsys, tmp_path, "whole.docx")[1]
    assert not [r for r in rules_of(f) if r.startswith("PCSC-PRIV") or r == "PCSC-DATA-001"]


def test_per_file_ignores_from_config(tmp_path, monkeypatch, capsys):
    write(tmp_path, "legacy/old.md", DRAFT)
    write(tmp_path, "new.md", DRAFT)
    write(tmp_path, ".pcsc-procure.yaml", 'per-file-ignores:\n  "legacy/*.md": [PCSC-PRIV, PCSC-DATA-002]\n')
    code, out, _ = lint(monkeypatch, capsys, tmp_path, "-f", "json", "legacy/old.md", "new.md")
    old, new = json.loads(out)["files"]
    assert not [r for r in rules_of(old) if r.startswith("PCSC-PRIV") or r == "PCSC-DATA-002"]
    assert "PCSC-PRIV-003" in rules_of(new) and "PCSC-DATA-002" in rules_of(new)
