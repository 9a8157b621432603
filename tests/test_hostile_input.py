"""Hostile input, end to end: every case ends in exit 0, 1 or 2 within a
bounded time, with exactly one `pcsc-procure: error: <file>: <problem>` line
per file that could not be linted, and the other files still linted.

Cases the older tests already cover are listed in the issue checklist
(test_bad_input.py, test_reader_*.py); this file covers the rest.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import zipfile

import pytest
from conftest import SESSION_CACHE
from docbuild import docx_bytes, new_docx, pdf_bytes, rezip

from pcsc_procure.errors import InputError, RuleError, TemplateError

GOOD_MD = "# Parking Sensor Agreement\n\n1. The Vendor shall retain all right, title and interest in the data collected by the Sensors.\n"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _errors(r) -> dict[str, str]:
    """stderr as {file: problem}; fails unless every line is one clear error line, one per file."""
    err = r.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    out = {}
    for line in err.strip().splitlines():
        assert line.startswith("pcsc-procure: error: "), line
        name, _, problem = line[len("pcsc-procure: error: ") :].partition(": ")
        assert name not in out, f"two lines for {name}"
        out[name] = problem
    return out


def _timed(cli, *args, cwd, limit: float = 60, **kw):
    t = time.monotonic()
    r = cli(*args, cwd=cwd, **kw)
    elapsed = time.monotonic() - t
    assert elapsed < limit, f"took {elapsed:.1f} s"
    assert r.returncode in (0, 1, 2), r.stderr.decode()
    return r


def _files(r) -> dict[str, dict]:
    return {f["path"]: f for f in json.loads(r.stdout)["files"]}


def _linted(files: dict, name: str) -> None:
    assert files[name]["error"] is None, files[name]
    assert any(x["rule"] == "PCSC-DATA-002" for x in files[name]["findings"]), name


# -- DOCX -----------------------------------------------------------------------------------
def _good_docx() -> bytes:
    d = new_docx()
    d.add_paragraph("The Vendor shall retain all right, title and interest in the data collected by the Sensors.")
    return docx_bytes(d)


def _body(inner: str) -> str:
    return f"<w:document {W_NS}><w:body><w:p><w:r><w:t>{inner}</w:t></w:r></w:p></w:body></w:document>"


def _billion_laughs() -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{"".join(ents)}]>\n' + _body("&lol9;")


def _xxe(secret: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n' + _body("&xxe;")


def _with_member(data: bytes, name: str, payload: bytes, method=zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        z.writestr(name, payload, compress_type=method)
    return out.getvalue()


def _lying_sizes(data: bytes, member: str, claimed: int) -> bytes:
    """The package with `member`'s uncompressed size understated in both zip headers."""
    import struct

    buf = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    struct.pack_into("<I", buf, info.header_offset + 22, claimed)
    pos = buf.find(b"PK\x01\x02")
    while pos != -1:
        n = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46 : pos + 46 + n]) == member.encode():
            struct.pack_into("<I", buf, pos + 24, claimed)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    return bytes(buf)


def _nested_xml(depth: int) -> bytes:
    return (f"<w:document {W_NS}><w:body>" + "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth + "</w:body></w:document>").encode()


DTD_REFUSED = "refused: part {part} declares a DTD (<!DOCTYPE>), which Word files never contain (XML entity attack?)"


@pytest.mark.parametrize(
    "part, xml",
    [
        ("word/document.xml", lambda secret: _billion_laughs()),
        ("word/document.xml", _xxe),
        ("word/document.xml", lambda secret: f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>' + _body("x")),
        ("word/styles.xml", lambda secret: f'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file://{secret}">]><w:styles {W_NS}><w:style w:styleId="a"><w:name w:val="&xxe;"/></w:style></w:styles>'),
        ("word/_rels/document.xml.rels", lambda secret: f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&xxe;</Relationships>'),
        ("word/document.xml", lambda secret: ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "y">]>' + _body("&x;")).encode("utf-16-le")),
    ],
    ids=["billion-laughs", "external-entity", "parameter-entity", "entity-in-styles", "entity-in-rels", "utf16-dtd"],
)
def test_docx_entities_are_refused_before_parsing_and_never_resolved(tmp_path, part, xml):
    from pcsc_procure.document.docx_reader import read_docx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    payload = xml(str(secret))
    data = rezip(_good_docx(), replace={part: payload if isinstance(payload, bytes) else payload.encode()})
    t = time.monotonic()
    with pytest.raises(InputError) as err:
        read_docx(data, "bad.docx")
    assert time.monotonic() - t < 5
    assert err.value.problem == DTD_REFUSED.format(part=part)
    assert "TOPSECRET" not in str(err.value)


def test_docx_parsers_resolve_no_entities_even_past_the_dtd_check(tmp_path, monkeypatch):
    """Second line of defence: with the DTD check off, the entity is still not read."""
    from pcsc_procure.document import docx_package
    from pcsc_procure.document.docx_reader import read_docx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    monkeypatch.setattr(docx_package, "_refuse_dtds", lambda zf, path: None)
    for xml in (_xxe(str(secret)), _billion_laughs()):
        data = rezip(_good_docx(), replace={"word/document.xml": xml.encode()})
        try:
            doc = read_docx(data, "bad.docx")
        except InputError as exc:
            assert "TOPSECRET" not in str(exc)
            continue
        assert "TOPSECRET" not in doc.text and len(doc.text) < 1000


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda: _with_member(_good_docx(), "word/media/bomb.bin", b"\0" * (20 * 1024 * 1024)), "refused: part word/media/bomb.bin expands "),
        (lambda: _lying_sizes(rezip(_good_docx(), replace={"word/document.xml": _body("x").encode() + b" " * (8 * 1024 * 1024)}), "word/document.xml", 1000), "corrupt .docx: a part cannot be decompressed"),
        (lambda: rezip(_good_docx(), replace={"word/document.xml": _nested_xml(300)}), "refused: XML in word/document.xml nested more than 256 elements deep"),
        (lambda: rezip(_good_docx(), replace={"word/document.xml": bytes(range(256)) * 40}), "corrupt .docx: malformed XML in word/document.xml ("),
        (lambda: rezip(_good_docx(), replace={"word/numbering.xml": b"\x00\xffnot xml"}), "corrupt .docx: malformed XML in word/numbering.xml ("),
    ],
    ids=["ratio-bomb", "understated-size", "nesting-300", "binary-document-part", "binary-numbering-part"],
)
def test_docx_bombs_and_junk_parts_are_one_input_error(make, problem):
    from pcsc_procure.document.docx_reader import read_docx

    t = time.monotonic()
    with pytest.raises(InputError) as err:
        read_docx(make(), "bad.docx")
    assert time.monotonic() - t < 5
    assert err.value.problem.startswith(problem), err.value.problem
    assert "\n" not in err.value.problem


def test_docx_nesting_within_limits_is_read():
    from pcsc_procure.document.docx_reader import read_docx

    doc = read_docx(rezip(_good_docx(), replace={"word/document.xml": _nested_xml(120)}), "deep.docx")
    assert doc.text == "deep"


def test_hostile_docx_and_configured_limits_through_the_cli(tmp_path, cli):
    """Each hostile file is one line; limits come from the config file; the good files are linted."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    good = _good_docx()
    files = {
        "billion.docx": rezip(good, replace={"word/document.xml": _billion_laughs().encode()}),
        "xxe.docx": rezip(good, replace={"word/document.xml": _xxe(str(secret)).encode()}),
        "bomb.docx": _with_member(good, "word/media/bomb.bin", b"\0" * (20 * 1024 * 1024)),
        "big-media.docx": _with_member(good, "word/media/photo.bin", os.urandom(3 * 512 * 1024).hex().encode()),  # 3 MB, packed to 1.6
        "nested.docx": rezip(good, replace={"word/document.xml": _nested_xml(300)}),
        "pages.pdf": pdf_bytes([["The Vendor shall deliver."]] * 4),
        "huge.txt": b"The Vendor shall deliver. " * (3 * 1024 * 1024 // 26 + 1000),
        "good.docx": good,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD_MD)
    (tmp_path / ".pcsc-procure.yaml").write_text("max-unpacked-mb: 2\nmax-pages: 3\nmax-file-mb: 2\n")
    r = _timed(cli, "lint", "-f", "json", "--no-cache", *files, "good.md", cwd=tmp_path)
    assert r.returncode == 2
    errors = _errors(r)
    assert "TOPSECRET" not in r.stdout.decode() + r.stderr.decode()
    expected = {
        "billion.docx": DTD_REFUSED.format(part="word/document.xml"),
        "xxe.docx": DTD_REFUSED.format(part="word/document.xml"),
        "bomb.docx": "refused: part word/media/bomb.bin expands ",
        "big-media.docx": "refused: ",
        "nested.docx": "refused: XML in word/document.xml nested more than 256 elements deep",
        "pages.pdf": "4 pages, over the 3-page limit (max_pages)",
        "huge.txt": "file is 3.0 MB, over the 2 MB limit (max_file_mb)",
    }
    assert set(errors) == set(expected), errors
    for name, problem in expected.items():
        assert errors[name].startswith(problem), (name, errors[name])
    assert re.fullmatch(r"refused: \d+ MB uncompressed, over the 2 MB limit \(max_unpacked_mb\)", errors["big-media.docx"])
    got = _files(r)
    _linted(got, "good.docx")
    _linted(got, "good.md")


def test_limits_have_safe_defaults():
    from pcsc_procure.config import Config
    from pcsc_procure.document import docx_package, pdf_reader, reader

    cfg = Config()
    assert 0 < cfg.max_file_mb <= 100 and 0 < cfg.max_pages <= 10000 and 0 < cfg.max_unpacked_mb <= 500 and 0 < cfg.time_budget <= 300
    assert reader.DEFAULT_MAX_BYTES == cfg.max_file_mb * 1024 * 1024
    assert docx_package.MAX_UNCOMPRESSED == cfg.max_unpacked_mb * 1024 * 1024
    assert pdf_reader.DEFAULT_MAX_PAGES == cfg.max_pages


# -- PDF ------------------------------------------------------------------------------------
def _build_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF from numbered object bodies (root = 1), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[num]) if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(parent: int, contents: int, font: int) -> bytes:
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, contents, font)


def _text_stream(text: str) -> bytes:
    data = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _looping_pdf(kind: str) -> bytes:
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _page(2, 4, 5), 4: _text_stream("The Vendor shall deliver the sensors."), 5: _FONT}
    objs[2] = {
        "self": b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "cycle": b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>",
        "count": b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
        "parent": b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 3 >>",
    }[kind]
    if kind == "cycle":
        objs[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"
    return _build_pdf(objs)


def _many_pages(n: int) -> bytes:
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT}
    kids = []
    for i in range(n):
        objs[10 + 2 * i] = _page(2, 11 + 2 * i, 3)
        objs[11 + 2 * i] = _text_stream(f"The Vendor shall deliver page {i + 1}.")
        kids.append(b"%d 0 R" % (10 + 2 * i))
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    return _build_pdf(objs)


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
@pytest.mark.parametrize("kind", ["self", "cycle", "count", "parent"])
def test_pdf_page_tree_loops_end_cleanly(kind, engine):
    from pcsc_procure.document.pdf_reader import read_pdf

    t = time.monotonic()
    try:
        doc = read_pdf(_looping_pdf(kind), "loop.pdf", engine=engine)
    except InputError as exc:
        assert exc.path == "loop.pdf" and "\n" not in exc.problem
    else:
        assert "The Vendor shall deliver the sensors." in doc.text
        assert 1 <= doc.page_count <= 3
    assert time.monotonic() - t < 10


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_pdf_page_limit_is_checked_before_reading_pages(engine):
    from pcsc_procure.document.pdf_reader import read_pdf

    data = _many_pages(5000)
    t = time.monotonic()
    with pytest.raises(InputError, match=r"^many\.pdf: 5000 pages, over the 3000-page limit \(max_pages\)$"):
        read_pdf(data, "many.pdf", engine=engine)
    assert time.monotonic() - t < 1.0  # counted, not walked page by page
    doc = read_pdf(_many_pages(300), "many.pdf", engine=engine)
    assert doc.page_count == 300 and doc.text.count("The Vendor shall deliver page") == 300


def test_hostile_pdfs_through_the_cli(tmp_path, cli):
    files = {
        "loop-self.pdf": _looping_pdf("self"),
        "loop-cycle.pdf": _looping_pdf("cycle"),
        "lying-count.pdf": _looping_pdf("count"),
        "many.pdf": _many_pages(3001),
        "garbage.pdf": b"%PDF-1.7\n" + os.urandom(20000),
        "header-only.pdf": b"%PDF-1.4\n",
        "good.pdf": pdf_bytes([["The Vendor shall retain all right, title and interest in the data collected by the Sensors."]]),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    r = _timed(cli, "lint", "-f", "json", "--no-cache", *files, cwd=tmp_path)
    assert r.returncode == 2
    errors = _errors(r)
    assert errors["many.pdf"] == "3001 pages, over the 3000-page limit (max_pages)"
    assert errors["garbage.pdf"] == errors["header-only.pdf"] == "not a readable PDF (corrupt, truncated or not a PDF)"
    assert "good.pdf" not in errors
    got = _files(r)
    _linted(got, "good.pdf")
    for name in ("loop-self.pdf", "loop-cycle.pdf", "lying-count.pdf"):  # read, or one line
        assert (got[name]["error"] is None) != (name in errors)


# -- text -------------------------------------------------------------------------------------
# Inputs that made a regex backtrack quadratically (or worse) in the readers
# and the sentence splitter; each must now take time linear in its size.
HOSTILE = {
    "link-brackets.md": "[" * 400_000,
    "image-brackets.md": "![" * 200_000,
    "open-comments.md": "x <!--" * 70_000,
    "table-spaces.md": "a | b\n" + " " * 400_000 + "|x\n",
    "heading-spaces.md": "# a" + " " * 400_000 + "b\n",
    "marks.txt": "!?" * 200_000,
    "dots.txt": "." * 400_000,
    "quotes.txt": '"Data" means ' + "'" * 400_000,
    "captions.txt": "1. " + "Governing Law " * 30_000 + "x",
}


def test_backtracking_patterns_run_in_linear_time():
    from pcsc_procure.document.markdown_reader import read_markdown
    from pcsc_procure.document.text_reader import read_text
    from pcsc_procure.segment.definitions import find_definitions
    from pcsc_procure.segment.sentences import split_sentences

    for name, text in HOSTILE.items():
        t = time.monotonic()
        reader = read_markdown if name.endswith(".md") else read_text
        doc = reader(text.encode(), name)
        for b in doc.blocks:
            split_sentences(doc.analysis_text, b.start, b.end)
        find_definitions(doc.analysis_text[:50000])  # as the detector calls it
        elapsed = time.monotonic() - t
        assert elapsed < 3, f"{name}: {elapsed:.1f} s"


@pytest.mark.slow
def test_big_and_hostile_text_through_the_cli(tmp_path, cli):
    """A 30 MB single line and 300,000 lines finish well inside the time budget."""
    chunk = "The Vendor shall deliver [the data](x) to the City. " + "[" * 40 + "<!-- " + "!?" * 40 + " " * 60 + "|" + "." * 40 + " "
    line = (chunk * (30 * 1024 * 1024 // len(chunk) + 1))[: 30 * 1024 * 1024]
    (tmp_path / "one-line.md").write_text(line)
    sentence = "The Vendor shall deliver the monthly report to the City within ten days."
    (tmp_path / "many-lines.txt").write_text("\n".join(f"{i}. {sentence}" if i % 5 == 0 else sentence for i in range(300_000)))
    (tmp_path / "good.md").write_text(GOOD_MD)
    r = _timed(cli, "lint", "-f", "json", "--no-cache", "-j", "2", "one-line.md", "many-lines.txt", "good.md", cwd=tmp_path, limit=100)
    assert _errors(r) == {}
    got = _files(r)
    assert all(f["error"] is None for f in got.values())
    _linted(got, "good.md")


def test_odd_text_files_through_the_cli(tmp_path, cli):
    nested_list = "".join("  " * i + f"- item {i}\n" for i in range(3000))
    files = {
        "empty.md": b"",
        "empty.txt": b"",
        "blank.txt": b"\n\n   \n",
        "nested-list.md": nested_list.encode(),
        "nested-quotes.md": (">" * 200_000 + " The Vendor shall deliver.\n").encode(),
        "nested-numbers.txt": "".join(".".join(["1"] * (i % 6 + 1)) + " The Vendor shall deliver.\n" for i in range(5000)).encode(),
        "nul.txt": b"The Vendor\x00 shall deliver.",
        "latin1.txt": "Le Fournisseur livrera les données à la Ville.\n".encode("latin-1"),
        "cp437.txt": bytes(range(0x80, 0x100)) * 4,
        "utf16-bom.md": "\ufeff# Title\n\nThe Vendor shall deliver.\n".encode("utf-16-le"),
        "bad-bom.txt": b"\xef\xbb\xbfok \xff\xfe bad",
        "good.md": GOOD_MD.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    r = _timed(cli, "lint", "-f", "json", "--no-cache", *files, cwd=tmp_path)
    assert r.returncode == 2
    errors = _errors(r)
    assert set(errors) == {"nul.txt", "cp437.txt", "bad-bom.txt"}, errors
    assert errors["nul.txt"].startswith("binary content")
    assert errors["cp437.txt"].startswith("not UTF-8 (invalid byte at offset ")
    assert errors["bad-bom.txt"].startswith("starts with a utf-8 byte-order mark but is not valid utf-8")
    got = _files(r)
    for name in ("empty.md", "empty.txt", "blank.txt", "nested-list.md", "nested-quotes.md", "nested-numbers.txt", "latin1.txt", "utf16-bom.md"):
        assert got[name]["error"] is None, got[name]
    _linted(got, "good.md")


# -- paths ------------------------------------------------------------------------------------
def _unprivileged_prefix() -> list[str]:
    """Run as root without the capabilities that bypass file permissions (or as is, when not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", "--"]


def _cli_unprivileged(*args: str, cwd) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("PCSC_PROCURE_CONFIG", None)
    env["NO_COLOR"] = "1"
    env.setdefault("PCSC_PROCURE_CACHE_DIR", SESSION_CACHE)
    return subprocess.run([*_unprivileged_prefix(), sys.executable, "-m", "pcsc_procure", *args], cwd=cwd, capture_output=True, env=env, timeout=120)


def test_awkward_paths_through_the_cli(tmp_path, cli):
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    odd = "it's a \"draft\" – été, 契約 #1.md"
    (drafts / odd).write_text(GOOD_MD)
    (drafts / "sub" / "good.txt").write_text(GOOD_MD)
    (drafts / "notes.rtf").write_text("{\\rtf1 skipped in a walk}")
    (drafts / "README").write_text("skipped in a walk")
    (drafts / "sub" / "loop").symlink_to("..")  # a folder symlink loop
    (drafts / "self.md").symlink_to("self.md")  # a file symlink loop
    (drafts / "gone.md").symlink_to("nowhere.md")  # dangling
    os.mkfifo(drafts / "pipe.md")  # would block a reader that opened it
    (tmp_path / "dangling.docx").symlink_to("missing.docx")
    (tmp_path / "README").write_text("no extension")
    (tmp_path / "data.csv").write_text("a,b")
    r = _timed(cli, "lint", "-f", "json", "--no-cache", "drafts", "dangling.docx", "README", "data.csv", cwd=tmp_path)
    assert r.returncode == 2
    errors = _errors(r)
    assert errors == {
        "drafts/gone.md": "dangling symbolic link",
        "drafts/pipe.md": "not a regular file",
        "drafts/self.md": "cannot read: Too many levels of symbolic links",
        "dangling.docx": "dangling symbolic link",
        "README": "unsupported file type (no extension); supported: .docx, .pdf, .md, .markdown, .txt",
        "data.csv": "unsupported file type ('.csv'); supported: .docx, .pdf, .md, .markdown, .txt",
    }
    got = _files(r)
    _linted(got, f"drafts/{odd}")
    _linted(got, "drafts/sub/good.txt")
    assert len(got) == 8  # each file once, whatever the loop offers


def test_unreadable_files_and_folders_are_one_line_each(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "closed").mkdir(parents=True)
    (drafts / "good.md").write_text(GOOD_MD)
    (drafts / "locked.md").write_text(GOOD_MD)
    (drafts / "locked.md").chmod(0)
    (drafts / "closed" / "inside.md").write_text(GOOD_MD)
    (drafts / "closed").chmod(0)
    try:
        r = _cli_unprivileged("lint", "-f", "json", "--no-cache", "drafts", cwd=tmp_path)
    finally:
        (drafts / "closed").chmod(stat.S_IRWXU)
    assert r.returncode == 2
    assert _errors(r) == {"drafts/locked.md": "cannot read: Permission denied", "drafts/closed": "cannot read folder: Permission denied"}
    _linted(_files(r), "drafts/good.md")


def test_an_unreadable_file_named_on_the_command_line_is_one_line(tmp_path):
    (tmp_path / "good.md").write_text(GOOD_MD)
    (tmp_path / "locked.md").write_text(GOOD_MD)
    (tmp_path / "locked.md").chmod(0)
    r = _cli_unprivileged("lint", "-f", "json", "--no-cache", "good.md", "locked.md", cwd=tmp_path)
    assert r.returncode == 2
    assert _errors(r) == {"locked.md": "cannot read: Permission denied"}
    _linted(_files(r), "good.md")


def test_a_file_that_vanishes_during_the_run(tmp_path, monkeypatch):
    from pcsc_procure.document import reader
    from pcsc_procure.discover import discover

    (tmp_path / "a.md").write_text(GOOD_MD)
    (tmp_path / "b.md").write_text(GOOD_MD)
    found = discover([str(tmp_path)])
    (tmp_path / "a.md").unlink()  # gone between the walk and the read
    with pytest.raises(InputError, match=r": no such file$"):
        reader.read_document(found[0][0], "a.md")

    def vanish(*args, **kwargs):  # gone between stat and open
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(reader, "open", vanish, raising=False)
    with pytest.raises(InputError, match=r"^b\.md: no such file \(it vanished while being read\)$"):
        reader.read_document(found[1][0], "b.md")


# -- rules, config and templates from users ------------------------------------------------------
RULE = """pillar: local
rules:
  - id: LOCAL-SIGN-001
    title: Sign-off
    severity: warning
    source: Local policy
    rationale: Needed.
    message: Missing.
    check: {require: public-data-ownership}
"""


def test_user_yaml_is_loaded_safely_through_the_cli(tmp_path, cli):
    (tmp_path / "good.md").write_text(GOOD_MD)
    pwned = tmp_path / "PWNED"
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "evil.yaml").write_text(f"pillar: !!python/object/apply:os.system ['touch {pwned}']\nrules: []\n")
    r = _timed(cli, "lint", "--rules", "rules", "good.md", cwd=tmp_path)
    assert r.returncode == 2 and not pwned.exists()
    [(name, problem)] = _errors(r).items()
    assert name == "rules/evil.yaml:1" and problem.startswith("invalid YAML: could not determine a constructor for the tag")

    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    (tmp_path / ".pcsc-procure.yaml").write_text("params:\n  " + bomb.replace("\n", "\n  "))
    r = _timed(cli, "lint", "good.md", cwd=tmp_path, limit=30)
    assert r.returncode == 2
    [(name, problem)] = _errors(r).items()
    assert name.endswith(".pcsc-procure.yaml") and problem == "invalid YAML: aliases expand to more than 1000000 values (alias bomb?)"


def test_yaml_aliases_within_reason_still_load():
    from pcsc_procure.yamlio import load_yaml_text

    assert load_yaml_text("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n", "r.yaml") == {"a": [1, 2], "b": [1, 2], "c": [[1, 2], [1, 2]]}
    with pytest.raises(RuleError, match="nested too deeply"):
        load_yaml_text("[" * 5000 + "]" * 5000, "r.yaml")


def test_user_rules_carry_no_regex_to_run(tmp_path, cli):
    """Rules select clause kinds; a rule that brings its own pattern is refused, never compiled or run."""
    (tmp_path / "good.md").write_text(GOOD_MD)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "local.yaml").write_text(RULE.replace("    check: {require: public-data-ownership}", '    check: {require: public-data-ownership}\n    pattern: "(a+)+$"'))
    r = _timed(cli, "lint", "--rules", "rules", "good.md", cwd=tmp_path, limit=30)
    assert r.returncode == 2
    [(name, problem)] = _errors(r).items()
    assert name == "rules/local.yaml:3" and problem == "unknown key(s) pattern in rule LOCAL-SIGN-001"


def test_config_globs_cannot_backtrack(tmp_path, cli):
    name = "a" * 200 + ".md"
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / name).write_text(GOOD_MD)
    (tmp_path / ".pcsc-procure.yaml").write_text("exclude: ['" + "*a" * 30 + "*b']\nper-file-ignores: {'" + "*a" * 30 + "*b': [PCSC-DATA-002]}\n")
    r = _timed(cli, "lint", "-f", "json", "--no-cache", "d", cwd=tmp_path, limit=30)
    _linted(_files(r), f"d/{name}")


def _template_folder(tmp_path, body: str):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "hostile.yaml").write_text("id: hostile\ntitle: Hostile\nsatisfies: [PCSC-DATA-001]\nsource: test\nbody: |\n  " + body + "\n")
    return folder


@pytest.mark.parametrize("body", ['{% include "/etc/passwd" %}', '{% import "/etc/passwd" as p %}', '{% from "/etc/passwd" import x %}', '{% extends "/etc/passwd" %}'])
def test_templates_cannot_read_files(tmp_path, body):
    from pcsc_procure.generate.templates import load_templates, template_folders

    with pytest.raises(RuleError) as err:
        load_templates([*template_folders(), _template_folder(tmp_path, body)])
    assert re.search(r"hostile\.yaml:\d+$", err.value.path) and re.fullmatch(r"template body may not (include|import|extend) other templates or files", err.value.problem)


@pytest.mark.parametrize(
    "body, problem",
    [
        ("{{ vendor.__class__.__mro__[1].__subclasses__() }}", "refused by the sandbox"),
        ("{{ lipsum.__globals__.os.popen('id').read() }}", "refused by the sandbox"),
        ("{{ cycler.__init__.__globals__ }}", "refused by the sandbox"),
        ("{{ 'x' * 1000000000 }}", "refused by the sandbox"),
        ("{{ 99 ** 99999999 }}", "refused by the sandbox"),
        ("{{ 'x' | center(1000000000) }}", "refused by the sandbox"),
        ("{{ 'x'.ljust(1000000000) }}", "refused by the sandbox"),
        ("{{ '%999999999d' % 1 }}", "refused by the sandbox"),
        ("{{ '{:>999999999}'.format(1) }}", "refused by the sandbox"),
        ("{% for i in range(100000) %}words words {% endfor %}", "rendered text is over 20000 characters"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "rendering took longer than 0.5 s"),
        ("{{ range(1000000) | list }}", "cannot render: OverflowError"),
        ("{{ 1 / 0 }}", "cannot render: ZeroDivisionError"),
    ],
)
def test_template_rendering_is_sandboxed_and_bounded(tmp_path, monkeypatch, body, problem):
    from pcsc_procure.generate import templates as T

    monkeypatch.setattr(T, "RENDER_SECONDS", 0.5)
    loaded, shared = T.load_templates([*T.template_folders(), _template_folder(tmp_path, body)])
    t = time.monotonic()
    with pytest.raises(TemplateError) as err:
        T.render(loaded["hostile"], shared, {})
    assert time.monotonic() - t < 3
    assert err.value.problem.startswith(problem), err.value.problem


def test_template_variables_stay_text_in_docx(tmp_path, cli):
    import docx

    evil = '</w:t></w:r><w:r><w:t>INJECTED</w:t> & "Co" <b>'
    r = _timed(cli, "pack", "--profile", "general", "-o", "pack.docx", "--var", f"vendor={evil}", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    with zipfile.ZipFile(tmp_path / "pack.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:t>INJECTED</w:t>" not in xml and "&lt;/w:t&gt;" in xml
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "pack.docx")).paragraphs)
    assert evil in text


# -- outputs ------------------------------------------------------------------------------------
def test_report_is_replaced_atomically(tmp_path, cli):
    (tmp_path / "good.md").write_text(GOOD_MD)
    report = tmp_path / "report.json"
    report.write_text("old report")
    report.chmod(0o640)
    os.link(report, tmp_path / "old-link.json")  # sees the old inode
    r = _timed(cli, "lint", "-f", "json", "-o", "report.json", "good.md", cwd=tmp_path)
    assert r.returncode == 1
    assert json.loads(report.read_text())["version"] == 1
    assert (tmp_path / "old-link.json").read_text() == "old report"  # renamed over, not rewritten in place
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.md", "old-link.json", "report.json"]  # no temp file left


def test_report_never_overwrites_an_input(tmp_path, cli):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(GOOD_MD)
    (tmp_path / "link.md").symlink_to("drafts/a.md")
    for target, inputs in (("drafts/a.md", ["drafts"]), ("./drafts/../drafts/a.md", ["drafts/a.md"]), ("link.md", ["drafts/a.md"])):
        r = _timed(cli, "lint", "-o", target, *inputs, cwd=tmp_path, limit=30)
        assert r.returncode == 2
        assert _errors(r) == {target: "refusing to overwrite an input file; choose another output path"}
        assert (drafts / "a.md").read_text() == GOOD_MD


def test_output_folder_missing_or_read_only(tmp_path):
    (tmp_path / "good.md").write_text(GOOD_MD)
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    try:
        r = _cli_unprivileged("lint", "--no-cache", "-o", "missing/report.txt", "good.md", cwd=tmp_path)
        assert r.returncode == 2
        assert _errors(r) == {"missing/report.txt": "output folder missing does not exist"}
        r = _cli_unprivileged("lint", "--no-cache", "-o", "ro/report.txt", "good.md", cwd=tmp_path)
        assert r.returncode == 2
        assert _errors(r) == {"ro/report.txt": "cannot write to output folder ro: Permission denied"}
        assert list((tmp_path / "ro").iterdir()) == []
    finally:
        (tmp_path / "ro").chmod(stat.S_IRWXU)


@pytest.mark.parametrize("command", ["lint", "clauses"])
def test_stdin_is_held_to_the_file_size_limit(tmp_path, cli, command):
    # A pipe has no size to check first: before, `-` was read whole, past max-file-mb.
    (tmp_path / ".pcsc-procure.yaml").write_text("max-file-mb: 1\n")
    big = b"The Vendor shall deliver the sensors. " * 30000  # 1.1 MB
    r = cli(command, "-", cwd=tmp_path, stdin=big)
    assert r.returncode == 2
    assert _errors(r) == {"stdin.txt": "input is over the 1 MB limit (max_file_mb)"}
    r = cli(command, "-", cwd=tmp_path, stdin=big[: 1024 * 1024])  # exactly at the limit: read
    assert r.returncode in (0, 1), r.stderr.decode()
