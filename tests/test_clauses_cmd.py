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
