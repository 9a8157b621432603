"""Bad input through the real command line: one clear stderr line per bad file
(naming it and the problem), exit 2, the good files still linted, no traceback."""

from __future__ import annotations

import codecs

from docbuild import docx_bytes, new_docx, pdf_bytes, rezip

GOOD_MD = """# Parking Sensor Agreement

1. The Vendor shall retain all right, title and interest in the data collected by the Sensors.
"""


def _good_docx() -> bytes:
    d = new_docx()
    d.add_paragraph("The Vendor shall retain all right, title and interest in the data collected by the Sensors.")
    return docx_bytes(d)


def _bad_files() -> dict[str, tuple[bytes, str]]:
    good = _good_docx()
    return {
        "corrupt.docx": (b"PK\x03\x04" + b"\x00" * 40, "not a valid .docx (not a zip package: corrupt or truncated)"),
        "truncated.docx": (good[: len(good) // 2], "not a valid .docx (not a zip package: corrupt or truncated)"),
        "really-a-pdf.docx": (pdf_bytes([["A contract."]]), "not a Word document: this is a PDF with a .docx name; rename it to .pdf"),
        "old-word.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, "not a .docx: this is an old binary Word file (.doc) or a password-protected document; save it as .docx without a password"),
        "no-document-part.docx": (rezip(good, drop="word/document.xml"), "corrupt .docx: the main document part word/document.xml is missing"),
        "bad-xml.docx": (rezip(good, replace={"word/document.xml": b"<w:document><w:body><w:p>"}), "corrupt .docx: malformed XML in word/document.xml ("),
        "empty.pdf": (b"", "empty file, not a PDF"),
        "textless.pdf": (pdf_bytes([("scan", ["SCANNED CONTRACT"])]), "no text layer on any of its 1 page(s): scanned? run OCR first"),
        "encrypted.pdf": (pdf_bytes([["Secret contract."]], encrypt="secret"), "encrypted PDF (password required); save an unlocked copy"),
        "truncated.pdf": (pdf_bytes([["A contract."]] * 3)[:400], "not a readable PDF (corrupt, truncated or not a PDF)"),
        "binary.txt": (b"\x00\x01\x02\x03binary\x00", "binary content, not text (NUL or control bytes); is this really a text file?"),
        "utf16-no-bom.md": ("text".encode("utf-16-le"), "binary content, not text (NUL or control bytes); is this really a text file?"),
        "notes.rtf": (b"{\\rtf1 hello}", "unsupported file type ('.rtf'); supported: .docx, .pdf, .md, .markdown, .txt"),
    }


def test_each_bad_file_one_line_exit_2_good_files_still_linted(tmp_path, cli):
    bad = _bad_files()
    for name, (data, _) in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD_MD)
    (tmp_path / "good.docx").write_bytes(_good_docx())
    (tmp_path / "good.pdf").write_bytes(pdf_bytes([["The Vendor shall retain all right, title and interest in the data collected by the Sensors."]]))
    (tmp_path / "good-utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD_MD.encode("utf-16-le"))
    names = ["good.md", *bad, "missing.docx", "good.docx", "good.pdf", "good-utf16.txt"]
    r = cli("lint", "--format", "json", *names, cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == len(bad) + 1, lines
    expected = {**{name: problem for name, (_, problem) in bad.items()}, "missing.docx": "no such file"}
    for name, problem in expected.items():
        [line] = [x for x in lines if x.startswith(f"pcsc-procure: error: {name}: ")]
        assert line[len(f"pcsc-procure: error: {name}: ") :].startswith(problem), line
    import json

    files = {f["path"]: f for f in json.loads(r.stdout)["files"]}
    for good in ("good.md", "good.docx", "good.pdf", "good-utf16.txt"):
        assert files[good]["error"] is None, files[good]
        assert any(x["rule"] == "PCSC-DATA-002" for x in files[good]["findings"]), good


def test_pdf_engines_fail_alike_through_the_cli(tmp_path, cli):
    (tmp_path / "encrypted.pdf").write_bytes(pdf_bytes([["Secret."]], encrypt="secret"))
    (tmp_path / "textless.pdf").write_bytes(pdf_bytes([("scan", ["SCANNED"])]))
    (tmp_path / "truncated.pdf").write_bytes(pdf_bytes([["A contract."]] * 3)[:400])
    outputs = []
    for engine in ("pdfium", "plumber"):
        (tmp_path / ".pcsc-procure.yaml").write_text(f"pdf-engine: {engine}\n")
        r = cli("lint", "encrypted.pdf", "textless.pdf", "truncated.pdf", cwd=tmp_path)
        assert r.returncode == 2
        assert "Traceback" not in r.stderr.decode()
        outputs.append(sorted(r.stderr.decode().strip().splitlines()))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 3


def test_debug_still_one_line_for_a_user_error(tmp_path, cli):
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    r = cli("--debug", "lint", "bad.docx", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.decode().strip().splitlines() == ["pcsc-procure: error: bad.docx: not a valid .docx (not a zip package: corrupt, truncated or another format)"]
