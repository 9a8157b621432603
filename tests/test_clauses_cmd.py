"""`pcsc-procure clauses`: the stable JSON interface other tools depend on."""

from __future__ import annotations

import codecs
import json

CONTRACT = (
    "MASTER SERVICES AGREEMENT\r\n\r\n"
    "This Agreement is between the City of Riverton (the \"City\") and ParkSense Ltd. (the \"Vendor\").\r\n\r\n"
    "12. Governing Law. This Agreement shall be governed by the laws of the State of Ohio.\r\n\r\n"
    "13. Termination. The City may terminate this Agreement for convenience at any time on thirty (30) days' written notice.\r\n\r\n"
    "14. Renewal. This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal.\r\n"
)


def run_json(cli, cwd, *args):
    r = cli("clauses", "-f", "json", *args, cwd=cwd)
    return r, (json.loads(r.stdout) if r.stdout else None)


def test_json_shape_and_txt_offsets_slice_the_decoded_content(tmp_path, cli):
    (tmp_path / "msa.txt").write_bytes(codecs.BOM_UTF8 + CONTRACT.encode("utf-8"))
    r, data = run_json(cli, tmp_path, "msa.txt")
    assert r.returncode == 0, r.stderr.decode()
    assert data["version"] == 1 and len(data["documents"]) == 1
    doc = data["documents"][0]
    assert set(doc) >= {"path", "kind", "clauses"} and doc["path"] == "msa.txt" and doc["kind"] == "contract"
    content = CONTRACT  # decoded: BOM gone, CRLF kept
    kinds = {c["kind"] for c in doc["clauses"]}
    assert {"governing-law", "termination-for-convenience", "auto-renewal"} <= kinds
    for c in doc["clauses"]:
        assert set(c) >= {"kind", "start", "end", "page", "line", "text"}
        assert c["page"] is None and isinstance(c["line"], int)
        assert content[c["start"]:c["end"]] == c["text"]
    law = next(c for c in doc["clauses"] if c["kind"] == "governing-law")
    assert "laws of the State of Ohio" in law["text"] and len(law["text"].split()) > 5  # the sentence, not a keyword
    assert law["line"] == 5


def test_kind_filter_jobs_and_bad_files(tmp_path, cli):
    for i in range(3):
        (tmp_path / f"c{i}.txt").write_text(CONTRACT.replace("Ohio", f"Ohio {i}"))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04" + b"\0" * 30)
    names = ["c0.txt", "broken.docx", "c1.txt", "c2.txt"]
    r1, one = run_json(cli, tmp_path, "-j", "1", "-k", "governing-law", *names)
    r2, two = run_json(cli, tmp_path, "-j", "2", "-k", "governing-law", *names)
    assert r1.returncode == r2.returncode == 2
    assert one == two
    assert [d["path"] for d in one["documents"]] == ["c0.txt", "c1.txt", "c2.txt"]
    assert all({c["kind"] for c in d["clauses"]} == {"governing-law"} for d in one["documents"])
    assert r1.stderr.decode().strip().splitlines() == ["pcsc-procure: error: broken.docx: not a valid .docx (not a zip package: corrupt or truncated)"]


def test_stdin_with_a_name_for_its_format(tmp_path, cli):
    r = cli("clauses", "-f", "json", "--stdin-filename", "draft.md", "-", cwd=tmp_path, stdin=b"# MSA\n\n" + CONTRACT.encode())
    assert r.returncode == 0, r.stderr.decode()
    (doc,) = json.loads(r.stdout)["documents"]
    assert doc["path"] == "draft.md" and "governing-law" in {c["kind"] for c in doc["clauses"]}
    # bad bytes on stdin are one error line, like a bad file, and exit code 2
    r = cli("clauses", "--stdin-filename", "draft.docx", "-", cwd=tmp_path, stdin=b"not a zip")
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "pcsc-procure: error: draft.docx: not a valid .docx (not a zip package: corrupt, truncated or another format)"


def test_files_are_read_under_the_project_config(tmp_path, cli):
    # the same limits and excludes as `lint`: a repository's config is not bypassed by `clauses`
    (tmp_path / ".pcsc-procure.yaml").write_text("exclude: ['notes/*']\nmax-file-mb: 0.001\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.txt").write_text(CONTRACT)
    (tmp_path / "big.txt").write_text(CONTRACT * 3)
    (tmp_path / "small.txt").write_text("This Agreement shall be governed by the laws of Kenya.")
    r, data = run_json(cli, tmp_path, ".")
    assert r.returncode == 2
    assert [d["path"] for d in data["documents"]] == ["small.txt"]
    assert "big.txt: file is 0.0 MB, over the 0 MB limit (max_file_mb)" in r.stderr.decode()
    r, data = run_json(cli, tmp_path, "--isolated", ".")
    assert r.returncode == 0 and sorted(d["path"] for d in data["documents"]) == ["big.txt", "notes/n.txt", "small.txt"]


def test_kinds_are_listed_and_unknown_kinds_refused(tmp_path, cli):
    r = cli("clauses", "--list-kinds", cwd=tmp_path)
    assert r.returncode == 0
    names = [line.split()[0] for line in r.stdout.decode().splitlines()]
    assert len(names) == len(set(names)) >= 90 and "governing-law" in names
    assert "governing-law                    Governing law  [CUAD: Governing Law]" in r.stdout.decode()
    (tmp_path / "a.txt").write_text(CONTRACT)
    r = cli("clauses", "-k", "governing-laws", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "unknown clause kind 'governing-laws'; did you mean governing-law?" in r.stderr.decode()


def test_text_listing_names_a_party_that_has_no_role(tmp_path, cli):
    (tmp_path / "c.txt").write_text(
        'This Agreement is between Acme Ltd (the "Supplier") and Beta Inc (the "Customer").\n\n'
        "1. The Customer may terminate this Agreement for convenience on 30 days notice.\n"
        "2. The Supplier shall maintain insurance of at least $1,000,000 per claim.\n"
    )
    out = cli("clauses", "c.txt", cwd=tmp_path).stdout.decode()
    assert "[permission, Customer]" in out  # no public/vendor role: the name
    assert "[obligation, vendor]" in out


def test_a_clause_cut_by_a_page_break_is_one_clause(tmp_path, cli):
    # EDGAR text as CUAD ships it: each page ends with a running "Source:" line, and the
    # page break falls mid-sentence; read as two sentences, neither half was the grant.
    pages = [
        "9. LICENCE\n\nThe Supplier hereby grants to the City during the term of this Agreement (and after termination",
        "or expiration of this Agreement) a non-exclusive, royalty-free licence to use the Software.",
        "10. NOTICES\n\nNotices shall be in writing.",
    ]
    content = "".join(f"{p}\n\nSource: KESTREL BAY CITY, 8-K, 2/{20 + i}/2026\n\n\n\n\n\n" for i, p in enumerate(pages))
    (tmp_path / "licence.txt").write_text(content, encoding="utf-8", newline="")
    r, data = run_json(cli, tmp_path, "--kind", "license-grant", "licence.txt")
    assert r.returncode == 0, r.stderr.decode()
    (grant,) = data["documents"][0]["clauses"]
    assert grant["text"] == content[grant["start"]:grant["end"]]  # the running line inside it: offsets hold
    assert grant["text"].startswith("The Supplier hereby grants") and grant["text"].endswith("licence to use the Software.")
    assert grant["line"] == 3
