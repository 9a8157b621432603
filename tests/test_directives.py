"""`pcsc-procure: profile NAME` in a document: lint applies that profile's domains.

A generated clause pack names cameras, devices and hosting in its own clauses;
inferred from that text, its domains pulled in rules the profile had left out,
so a pack linted as it was written reported clauses missing from itself.
"""

from __future__ import annotations

import json

import pytest
from lintkit import DRAFT, draft_docx, lint, write

from pcsc_procure.directives import declared_profile
from pcsc_procure.document.reader import read_bytes


@pytest.mark.parametrize("name, content, profile", [
    ("a.md", "# Draft\n\n<!-- pcsc-procure: profile cloud-saas -->\n\nText.\n", "cloud-saas"),
    ("a.txt", "DRAFT\n\npcsc-procure: profile mobility\n\nText.\n", "mobility"),
    ("b.txt", "DRAFT\n\n<!-- pcsc-procure: profile iot-sensors -->\n", "iot-sensors"),
    # a marker quoted inside a sentence is not a directive in .txt
    ("c.txt", "The line pcsc-procure: profile mobility sets it.\n", None),
    ("d.md", "# Draft\n\nNo marker.\n", None),
])
def test_declared_profile_in_text_formats(name, content, profile):
    assert declared_profile(read_bytes(content.encode(), name)) == profile


def test_declared_profile_in_a_word_comment(tmp_path):
    path = draft_docx(tmp_path / "d.docx", comment_on_breach="pcsc-procure: profile surveillance (set by the pack)")
    assert declared_profile(read_bytes(path.read_bytes(), "d.docx")) == "surveillance"


def _domains(monkeypatch, capsys, cwd, *args):
    code, out, err = lint(monkeypatch, capsys, cwd, "-f", "json", "--no-cache", "--fail-on", "never", *args)
    assert code == 0, err
    (f,) = json.loads(out)["files"]
    return f["domains"], f["notes"]


def test_lint_applies_the_declared_profile_unless_one_is_given(tmp_path, monkeypatch, capsys):
    write(tmp_path, "d.md", DRAFT + "\n<!-- pcsc-procure: profile cloud-saas -->\n")
    assert _domains(monkeypatch, capsys, tmp_path, "d.md")[0] == ["cloud"]
    # the command line (or config) wins over the document
    assert _domains(monkeypatch, capsys, tmp_path, "--profile", "mobility", "d.md")[0] == ["iot", "mobility"]
    assert _domains(monkeypatch, capsys, tmp_path, "--domain", "energy", "d.md")[0] == ["energy"]


def test_unknown_declared_profile_is_a_note_and_domains_are_inferred(tmp_path, monkeypatch, capsys):
    write(tmp_path, "d.md", DRAFT + "\n<!-- pcsc-procure: profile parking-robots -->\n")
    domains, notes = _domains(monkeypatch, capsys, tmp_path, "d.md")
    assert "iot" in domains  # inferred from the sensor draft
    assert any("unknown profile 'parking-robots'" in n and "pcsc-procure marker" in n for n in notes)


@pytest.mark.parametrize("ext", ["md", "txt", "docx"])
@pytest.mark.parametrize("profile", ["iot-sensors", "cloud-saas", "surveillance"])
def test_a_pack_linted_as_written_finds_nothing_missing(tmp_path, cli, profile, ext):
    out = tmp_path / f"pack.{ext}"
    r = cli("pack", "--profile", profile, "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    r = cli("lint", "-f", "json", "--no-cache", str(out), cwd=tmp_path)
    data = json.loads(r.stdout)
    assert data["files"][0]["findings"] == [], [f["rule"] for f in data["files"][0]["findings"]]
    assert r.returncode == 0
