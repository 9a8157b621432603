"""Clause templates, `fix` and `pack`: rendering, round trips, safety."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from pcsc_procure.analysis import analyse_text
from pcsc_procure.errors import RuleError, TemplateError
from pcsc_procure.generate.profiles import load_profiles
from pcsc_procure.generate.templates import Template, load_templates, render, template_folders
from pcsc_procure.resources import data_dir
from pcsc_procure.rules.engine import evaluate
from pcsc_procure.ruleset import load_ruleset

TEMPLATES, SHARED = load_templates(template_folders())
RULES = load_ruleset()
RULE_BY_ID = {r.id: r for r in RULES}
ALL_DOMAINS = ["iot", "ai", "cloud", "mobility", "surveillance", "energy", "data-sharing"]
PROFILES = load_profiles(data_dir("clause_templates"))

DRAFT_MD = """# Smart Parking Sensor Services Agreement

This Agreement is entered into by and between the City of Riverton (the "City") and ParkSense Ltd. (the "Vendor").

## 1. Services

1.1 The Vendor shall install and maintain 400 parking sensors and operate the parking dashboard.

1.2 The Vendor shall notify the City of any security breach within thirty (30) days.
"""


def test_every_fix_named_by_a_rule_that_has_a_template_is_valid():
    for t in TEMPLATES.values():
        assert t.satisfies, t.id
        for rid in t.satisfies:
            assert rid in RULE_BY_ID, f"{t.id} claims to satisfy unknown rule {rid}"
            assert RULE_BY_ID[rid].fix == t.id or RULE_BY_ID[rid].check.type != "require", f"{rid} names fix {RULE_BY_ID[rid].fix}, not {t.id}"


def test_every_require_rule_has_a_template():
    missing = sorted(f"{r.id} (fix: {r.fix})" for r in RULES if r.check.type == "require" and r.fix not in TEMPLATES)
    assert not missing, f"require-rules without a clause template: {missing}"


def test_fix_adds_what_its_own_clauses_make_necessary(tmp_path, cli):
    """A data-protection clause brings the personal-data rules into play; fix adds their clauses too."""
    (tmp_path / "draft.md").write_text(DRAFT_MD)
    assert cli("fix", "draft.md", "-o", "fixed.md", cwd=tmp_path).returncode == 0
    out = json.loads(cli("lint", "-f", "json", "--fail-on", "never", "fixed.md", cwd=tmp_path).stdout)["files"][0]
    assert not [f["rule"] for f in out["findings"] if f["scope"] == "document"]
    text = (tmp_path / "fixed.md").read_text()
    assert text.index("shall own") < text.index("audit")  # data ownership before accountability


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_template_body_alone_satisfies_its_rules(template_id):
    """The rendered clause, on its own, resolves every require-rule it claims and trips no rule."""
    t = TEMPLATES[template_id]
    clause = render(t, SHARED, {})
    analysis = analyse_text("\n\n".join(clause.paragraphs), doc_type="contract", domains=ALL_DOMAINS)
    findings = evaluate(RULES, analysis, {})
    unresolved = [f.rule for f in findings if f.rule in t.satisfies and f.scope == "document"]
    flagged = [(f.rule, f.excerpt) for f in findings if f.scope == "passage"]
    assert not unresolved, f"{template_id} does not satisfy {unresolved}"
    assert not flagged, f"{template_id} text is itself flagged: {flagged}"


def test_variables_are_checked_with_template_and_variable_named():
    t = TEMPLATES["breach-notification"]
    assert "within 24 hours" in " ".join(render(t, SHARED, {"breach_notice_hours": "24"}).paragraphs)
    with pytest.raises(TemplateError) as exc:
        render(t, SHARED, {"breach_notice_hours": 96})
    assert "breach-notification" in str(exc.value) and "breach_notice_hours" in str(exc.value) and "maximum 72" in str(exc.value)
    with pytest.raises(TemplateError, match="expected a whole number"):
        render(t, SHARED, {"breach_notice_hours": "two days"})


def test_sandbox_refuses_internals(tmp_path):
    hostile = Template(id="hostile", title="x", satisfies=[], source="x", body="{{ vendor.__class__.__mro__[1].__subclasses__() }}", path="x", used={"vendor"})
    with pytest.raises(TemplateError, match="sandbox|cannot render"):
        render(hostile, SHARED, {})


def test_template_with_undeclared_variable_is_rejected_at_load(tmp_path):
    (tmp_path / "oops.yaml").write_text("id: oops\ntitle: Oops\nsatisfies: [PCSC-DATA-001]\nsource: IG-PCSC 2.2.4\nbody: |\n  The {{ vendr }} shall own nothing.\n")
    with pytest.raises(RuleError) as exc:
        load_templates([data_dir("clause_templates"), tmp_path])
    assert "oops.yaml" in str(exc.value) and "vendr" in str(exc.value)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_pack_round_trip_markdown(profile, tmp_path, cli):
    out = tmp_path / "pack.md"
    r = cli("pack", "--profile", profile, "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    text = out.read_text()
    assert text.startswith(f"# Standard clause pack: {profile}") and "## Contents" in text and "## Variables used" in text
    covered = {rid for t in TEMPLATES.values() if f"Satisfies: {', '.join(t.satisfies)}." in text for rid in t.satisfies}
    assert covered
    args = ["lint", "-f", "json", "--doc-type", "contract", "--fail-on", "never", str(out)]
    for d in PROFILES[profile].domains:
        args += ["--domain", d]
    data = json.loads(cli(*args, cwd=tmp_path).stdout)
    missing = {f["rule"] for f in data["files"][0]["findings"] if f["scope"] == "document"}
    assert not (missing & covered), f"pack for {profile} still misses {missing & covered}"
    passage = [f["rule"] for f in data["files"][0]["findings"] if f["scope"] == "passage"]
    assert not passage, passage


def test_pack_docx_has_real_headings_and_numbering(tmp_path, cli):
    out = tmp_path / "pack.docx"
    assert cli("pack", "--profile", "iot-sensors", "-o", str(out), "--var", "public_body=City", cwd=tmp_path).returncode == 0
    document = docx.Document(str(out))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) >= 5
    assert all(p._p.pPr.numPr is not None for p in headings)
    with zipfile.ZipFile(out) as z:
        numbering = z.read("word/numbering.xml").decode()
    assert 'w:lvlText w:val="%1."' in numbering and 'w:lvlText w:val="%1.%2"' in numbering
    # read back as a user's linter would: numbers as shown, clauses detected
    r = cli("lint", "-f", "json", "--doc-type", "contract", "--domain", "iot", "--domain", "energy", "--fail-on", "never", str(out), cwd=tmp_path)
    f = json.loads(r.stdout)["files"][0]
    assert [x["rule"] for x in f["findings"]] == []
    clauses = json.loads(cli("clauses", "-f", "json", str(out), cwd=tmp_path).stdout)["documents"][0]["clauses"]
    # clauses in pillar order: what the public body owns comes first
    assert any(c["kind"] == "public-data-ownership" and c["text"].startswith("1.1\tThe City shall own") for c in clauses)


def test_pack_html_is_self_contained_and_escaped(tmp_path, cli):
    out = tmp_path / "pack.html"
    r = cli("pack", "--profile", "general", "-o", str(out), "--var", "vendor=<script>alert(1)</script>", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    page = out.read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_list_profiles_one_per_line(cli):
    lines = cli("pack", "--list-profiles").stdout.decode().strip().splitlines()
    assert [line.split()[0] for line in lines] == list(PROFILES)
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_fix_markdown_round_trip_keeps_input(tmp_path, cli):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT_MD)
    before = draft.read_bytes()
    r = cli("fix", "draft.md", "-o", "fixed.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert draft.read_bytes() == before
    fixed = (tmp_path / "fixed.md").read_text()
    assert fixed.startswith(DRAFT_MD.rstrip("\n"))
    assert "## Annex A: Standard clauses" in fixed and "the City shall own all data" in fixed.replace("The City", "the City")
    assert "The Vendor shall notify the City" in fixed  # the draft's own party names are used
    out = json.loads(cli("lint", "-f", "json", "fixed.md", cwd=tmp_path).stdout)["files"][0]["findings"]
    assert not [f for f in out if f["scope"] == "document"], out
    assert {f["rule"] for f in out} == {"PCSC-PRIV-003"}  # the passage the officer must edit remains


def test_fix_docx_keeps_content_and_adds_numbered_annex(tmp_path, cli):
    d = docx.Document()
    d.add_heading("Smart Streetlight Contract", 0)
    d.add_paragraph('This Contract is made between the Riverton City Council (the "Council") and LumenCo Ltd (the "Contractor").')
    d.add_paragraph("The Contractor shall supply and install 2,000 smart streetlights with sensors.", style="List Number")
    d.save(tmp_path / "draft.docx")
    before = (tmp_path / "draft.docx").read_bytes()
    r = cli("fix", "draft.docx", "-o", "fixed.docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "draft.docx").read_bytes() == before
    fixed = docx.Document(str(tmp_path / "fixed.docx"))
    texts = [p.text for p in fixed.paragraphs]
    assert texts[:3] == [p.text for p in docx.Document(io.BytesIO(before)).paragraphs][:3]
    annex = [p for p in fixed.paragraphs if p.style.name == "Heading 2"]
    assert annex and all(p._p.pPr.numPr is not None for p in annex)
    assert any("the Council shall own" in t.replace("The Council", "the Council") for t in texts)
    out = json.loads(cli("lint", "-f", "json", "--fail-on", "never", "fixed.docx", cwd=tmp_path).stdout)["files"][0]
    assert not [f for f in out["findings"] if f["scope"] == "document"], out["findings"]


def test_fix_text_keeps_encoding_and_line_endings(tmp_path, cli):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT_MD.replace("\n", "\r\n").encode())
    assert cli("fix", "draft.txt", "-o", "fixed.txt", cwd=tmp_path).returncode == 0
    data = (tmp_path / "fixed.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\nANNEX A: STANDARD CLAUSES\r\n" in data and b"\n\n" not in data.replace(b"\r\n", b"")


def test_fix_refuses_input_as_output_and_format_change(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT_MD)
    r = cli("fix", "draft.md", "-o", "draft.md", cwd=tmp_path)
    assert r.returncode == 2 and "refusing to write over the draft" in r.stderr.decode()
    r = cli("fix", "draft.md", "-o", "fixed.docx", cwd=tmp_path)
    assert r.returncode == 2 and "keep the draft's format" in r.stderr.decode()
    assert (tmp_path / "draft.md").read_text() == DRAFT_MD


def test_fix_dry_run_writes_nothing(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT_MD)
    r = cli("fix", "draft.md", "--dry-run", cwd=tmp_path)
    assert r.returncode == 0 and "Would add" in r.stdout.decode() and "Ownership of data" in r.stdout.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


def test_bad_variables_are_one_clear_line(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT_MD)
    r = cli("fix", "draft.md", "-o", "fixed.md", "--var", "breach_notice_hours=96", cwd=tmp_path)
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and err.count("\n") == 0
    assert "template breach-notification" in err and "breach_notice_hours" in err
    r = cli("pack", "--profile", "general", "-o", "p.md", "--var", "breach_notice_hour=48", cwd=tmp_path)
    assert r.returncode == 2 and "unknown template variable(s): breach_notice_hour" in r.stderr.decode()
    assert not (tmp_path / "fixed.md").exists() and not (tmp_path / "p.md").exists()


def test_fix_pdf_writes_annex_as_separate_document(tmp_path, cli, cuad):
    pdf = sorted((cuad / "pdf").glob("*.pdf"))[0]
    r = cli("fix", str(pdf), "-o", str(tmp_path / "annex.md"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    text = (tmp_path / "annex.md").read_text()
    assert text.startswith(f"# Standard clauses to add to {pdf.name}") and "## Annex A: Standard clauses" in text
    _ = Path
