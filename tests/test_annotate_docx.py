"""`lint --annotate`: a commented copy of a Word draft; the reader fields it relies on."""

from __future__ import annotations

import json

import docx
from docx.oxml.ns import qn
from lintkit import BREACH, DRAFT, RENEWAL, VENDOR_DATA, draft_docx, lint, write


def test_reader_gives_each_block_its_source_paragraph_and_comments(tmp_path):
    from pcsc_procure.document.reader import read_document

    path = draft_docx(tmp_path / "d.docx", comment_on_breach="Check with DPO\npcsc-procure: ignore PCSC-PRIV-003")
    doc = read_document(path)
    source = list(docx.Document(str(path)).element.body.iter(qn("w:p")))
    for block in doc.blocks:
        assert block.source_index is not None
        p_text = "".join(t.text or "" for t in source[block.source_index].iter(qn("w:t")))
        assert p_text.strip() and p_text.strip() in doc.block_text(block)
    cells = [b for b in doc.blocks if b.kind == "table-cell"]
    assert [doc.block_text(b) for b in cells] == ["Contract value", "EUR 400,000"]
    commented = [b for b in doc.blocks if b.comments]
    assert len(commented) == 1 and doc.block_text(commented[0]).startswith(BREACH)
    assert commented[0].comments == ["Check with DPO\npcsc-procure: ignore PCSC-PRIV-003"]


def _comments(path):
    d = docx.Document(str(path))
    out = {}
    # which paragraph each comment is anchored on
    for p in d.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        for start in p.iter(qn("w:commentRangeStart")):
            out[int(start.get(qn("w:id")))] = text
    return [(c, out.get(c.comment_id)) for c in d.comments]


def test_annotated_copy_has_a_comment_per_flagged_paragraph(tmp_path, monkeypatch, capsys):
    src = draft_docx(tmp_path / "draft.docx", comment_on_breach="Legal: please review.")
    before = src.read_bytes()
    code, out, err = lint(monkeypatch, capsys, tmp_path, "--annotate", "annotated.docx", "draft.docx")
    assert code == 1
    assert src.read_bytes() == before  # the input is never changed
    ours = [(c, anchor) for c, anchor in _comments(tmp_path / "annotated.docx") if c.author == "pcsc-procure"]
    theirs = [c for c, _ in _comments(tmp_path / "annotated.docx") if c.author != "pcsc-procure"]
    assert [c.text for c in theirs] == ["Legal: please review."]  # existing comments kept
    by_anchor = {anchor: c.text for c, anchor in ours}
    renewal = next(a for a in by_anchor if a.startswith(RENEWAL))
    assert by_anchor[renewal].startswith("PCSC-LOCK-002 (warning): The term renews automatically")
    assert "Source: IG-PCSC 2.2.4" in by_anchor[renewal] and "template 'renewal-by-decision'" in by_anchor[renewal]
    vendor = by_anchor[next(a for a in by_anchor if a.startswith(VENDOR_DATA))]
    assert vendor.startswith("PCSC-DATA-002 (error)") and "template 'public-data-ownership'" in vendor
    assert "PCSC-PRIV-003 (error)" in by_anchor[next(a for a in by_anchor if a.startswith(BREACH))]
    # missing clauses: one comment, on the first paragraph
    _, out, _ = lint(monkeypatch, capsys, tmp_path, "-f", "json", "draft.docx")
    findings = json.loads(out)["files"][0]["findings"]
    general = by_anchor["Smart Parking Sensor Services Agreement"]
    missing = [f["rule"] for f in findings if f["scope"] == "document"]
    assert general.startswith(f"{len(missing)} findings about the whole document")
    assert {"PCSC-DATA-001", "PCSC-LOCK-001", "PCSC-PRIV-001"} <= set(missing)
    assert all(f"{rid} (" in general for rid in missing)
    # as many of our comments as flagged paragraphs + the general one, and the counts agree with the findings
    paragraphs = {f["location"]["line"] for f in findings if f["scope"] == "passage"}
    assert len(ours) == len(paragraphs) + 1
    assert sum(c.text.count(" (error): ") + c.text.count(" (warning): ") + c.text.count(" (info): ") for c, _ in ours) == len(findings)
    assert "wrote annotated.docx with" in err


def test_annotate_needs_one_docx_and_never_overwrites_it(tmp_path, monkeypatch, capsys):
    write(tmp_path, "d.md", DRAFT)
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--annotate", "out.docx", "d.md")
    assert code == 2 and "exactly one .docx" in err
    src = draft_docx(tmp_path / "draft.docx")
    before = src.read_bytes()
    code, _, err = lint(monkeypatch, capsys, tmp_path, "--annotate", "draft.docx", "draft.docx")
    assert code == 2 and "refusing to overwrite an input file" in err
    assert src.read_bytes() == before
