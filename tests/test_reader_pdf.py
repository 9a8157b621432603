"""The PDF reader on real PDFs (reportlab) and the CUAD PDFs, with both engines."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from docbuild import pdf_bytes

from pcsc_procure.document.pdf_reader import read_pdf
from pcsc_procure.errors import InputError

ENGINES = ("pdfium", "plumber")

PAGE_1 = [
    "1. SCOPE",
    "The Vendor shall install and maintain the parking sensors listed in",
    "PARKING ZONES OF THE CITY.",
    "The City may inspect them under Section",
    "5.2 of this Agreement.",
    "",
    "2. DATA",
    "Data\xa0Protection applies.",
]
PAGE_3 = ["3. TERM", "Three years."]


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return pdf_bytes([PAGE_1, ("scan", ["SCANNED PAGE", "no text layer"]), PAGE_3])


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_lines_and_blocks(three_pages, engine):
    doc = read_pdf(three_pages, "draft.pdf", engine=engine)
    page1 = "\n".join(line.replace("\xa0", " ") for line in PAGE_1 if line)
    assert doc.text == page1 + "\n" + "\n" + "\n".join(PAGE_3)
    assert doc.page_starts == [0, len(page1) + 1, len(page1) + 2]
    assert doc.notes == ["page 2 has no text layer: scanned?"]
    got = [(b.kind, b.page, b.line, b.paragraph, b.number, doc.block_text(b)) for b in doc.blocks]
    assert got == [
        ("heading", 1, 1, 1, "1.", "1. SCOPE"),
        # a wrapped line that looks like a heading continues the sentence, and
        # "Section" / "5.2 of" is a cross-reference, not a new clause
        ("paragraph", 1, 2, 2, None, "\n".join(PAGE_1[1:5])),
        ("heading", 1, 6, 3, "2.", "2. DATA"),
        ("paragraph", 1, 7, 4, None, "Data Protection applies."),
        ("heading", 3, 1, 5, "3.", "3. TERM"),
        ("paragraph", 3, 2, 6, None, "Three years."),
    ]
    for b in doc.blocks:
        loc = doc.locate(b.start)
        assert (loc.page, loc.line, loc.column, loc.paragraph) == (b.page, b.line, 1, b.paragraph)
    end = doc.locate(len(doc.text))
    assert (end.page, end.line) == (3, 2)


def test_engines_agree(three_pages):
    a, b = (read_pdf(three_pages, "draft.pdf", engine=e) for e in ENGINES)
    assert a.text == b.text and a.notes == b.notes and a.page_starts == b.page_starts
    assert [(x.kind, x.start, x.end, x.page, x.line) for x in a.blocks] == [(x.kind, x.start, x.end, x.page, x.line) for x in b.blocks]


@pytest.mark.parametrize("engine", ENGINES)
def test_many_scanned_pages_are_summarised(engine):
    data = pdf_bytes([["Cover text."]] + [("scan", [f"page {i}"]) for i in range(23)])
    doc = read_pdf(data, "draft.pdf", engine=engine)
    assert doc.notes[0] == "page 2 has no text layer: scanned?"
    assert doc.notes[19] == "page 21 has no text layer: scanned?"
    assert doc.notes[20:] == ["... and 3 more pages like that"]


def _truncated() -> bytes:
    data = pdf_bytes([PAGE_1, PAGE_3])
    return data[: len(data) // 2]


BAD = {
    "empty": (lambda: b"", "empty file, not a PDF"),
    "not-pdf": (lambda: b"Hello, this is text.", "not a PDF (no %PDF header)"),
    "garbage": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20, "not a readable PDF (corrupt, truncated or not a PDF)"),
    "truncated": (_truncated, "not a readable PDF (corrupt, truncated or not a PDF)"),
    "encrypted": (lambda: pdf_bytes([PAGE_1], encrypt="secret"), "encrypted PDF (password required); save an unlocked copy"),
    "scanned": (lambda: pdf_bytes([("scan", ["A SCANNED CONTRACT"]), ("scan", ["page two"])]), "no text layer on any of its 2 page(s): scanned? run OCR first"),
    "blank": (lambda: pdf_bytes([[]]), "no text layer on any of its 1 page(s): scanned? run OCR first"),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(BAD))
def test_unreadable_pdfs_one_clear_error_same_for_both_engines(case, engine):
    make, message = BAD[case]
    with pytest.raises(InputError) as err:
        read_pdf(make(), "bad.pdf", engine=engine)
    assert (err.value.path, err.value.problem) == ("bad.pdf", message)


@pytest.mark.parametrize("engine", ENGINES)
def test_page_limit(engine):
    with pytest.raises(InputError, match=r"^bad\.pdf: 3 pages, over the 2-page limit \(max_pages\)$"):
        read_pdf(pdf_bytes([["a"], ["b"], ["c"]]), "bad.pdf", engine=engine, max_pages=2)


@pytest.mark.parametrize("engine", ENGINES)
def test_damaged_bytes_never_escape_as_anything_but_input_error(engine):
    import random

    data = pdf_bytes([PAGE_1, PAGE_3])
    rnd = random.Random(7)
    outcomes = Counter()
    for _ in range(25):
        b = bytearray(data)
        for _ in range(6):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        try:
            read_pdf(bytes(b), "bad.pdf", engine=engine)
            outcomes["read"] += 1
        except InputError as exc:
            assert "\n" not in exc.problem
            outcomes["error"] += 1
    assert sum(outcomes.values()) == 25


# -- CUAD ----------------------------------------------------------------------------
def _cuad_pairs(cuad):
    for line in (cuad / "labels.jsonl").read_text().splitlines():
        rec = json.loads(line)
        if rec.get("pdf") and (cuad / rec["pdf"]).exists():
            yield rec


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_cuad_pdfs_match_their_text_twins_and_locate_every_block(cuad):
    import pypdfium2 as pdfium

    recs = list(_cuad_pairs(cuad))
    assert len(recs) == 12
    for rec in recs:
        data = (cuad / rec["pdf"]).read_bytes()
        doc = read_pdf(data, rec["pdf"])
        assert doc.page_count == len(pdfium.PdfDocument(data)), rec["pdf"]
        assert doc.notes == [], rec["pdf"]
        assert "\xa0" not in doc.text
        a, b = Counter(_words(doc.text)), Counter(_words((cuad / rec["file"]).read_text()))
        overlap = sum((a & b).values()) / max(sum(a.values()), sum(b.values()))
        assert overlap > 0.99, (rec["pdf"], overlap)
        previous = -1
        for block in doc.blocks:
            assert previous < block.start < block.end <= len(doc.text)
            previous = block.start
            loc = doc.locate(block.start)
            assert (loc.page, loc.line) == (block.page, block.line), (rec["pdf"], block)


@pytest.mark.parametrize("engine", ENGINES)
def test_cuad_governing_law_clause_found_on_its_page_and_line(cuad, engine):
    [path] = sorted((cuad / "pdf").glob("ADAMSGOLF*.pdf"))
    doc = read_pdf(path.read_bytes(), path.name, engine=engine)
    clause = "This Agreement shall be governed and construed according to the laws of the State of Kansas."
    offset = doc.text.index(clause)
    loc = doc.locate(offset)
    assert (doc.page_count, loc.page, loc.line, loc.column) == (13, 10, 18, 1)
    block = doc.block_at(offset)
    assert doc.block_text(block) == clause
    assert (block.page, block.line) == (10, 18)


def _page(n: int, body: list[str]) -> list[str]:
    return ["City of Kestrel Bay - RFP KB-2026-11 - draft", *body, f"KB-2026-11 Parking sensors - page {n} of 3"]


@pytest.mark.parametrize("engine", ENGINES)
def test_running_headers_and_footers_belong_to_no_block(engine):
    # The footer sat under the last clause of each page with no blank line: read as body
    # text it ran into that clause (and its words into the clause's detections).
    pages = [
        _page(1, ["1. DATA", "All sensor data shall be the property of the City and"]),
        _page(2, ["shall be delivered in CSV format.", "2. TERM", "Three years."]),
        _page(3, ["3. PRICE", "The price is fixed for the Term."]),
    ]
    doc = read_pdf(pdf_bytes(pages), "rfp.pdf", engine=engine)
    # What detection reads: the running lines are blanked, so the sentence cut by the
    # page break reads as one, and no block carries the header's or footer's words.
    read = [" ".join(doc.analysis_text[b.start : b.end].split()) for b in doc.blocks]
    assert not [t for t in read if "Kestrel Bay" in t or "page" in t.lower()]
    assert "All sensor data shall be the property of the City and shall be delivered in CSV format." in read
    assert doc.text.count("KB-2026-11 Parking sensors - page") == 3  # the text itself is unchanged: offsets hold
    assert len(doc.analysis_text) == len(doc.text)
    assert [b.page for b in doc.blocks if doc.block_text(b) == "3. PRICE"] == [3]
    assert [(b.page, b.line) for b in doc.blocks if doc.block_text(b).startswith("All sensor data")] == [(1, 3)]


def test_running_lines_need_half_the_pages_and_the_page_edge():
    from pcsc_procure.document.pdf_reader import running_lines

    words = ["alpha", "bravo", "charlie", "delta"]

    def body(n):
        return "\n".join(f"The {words[n - 1]} clause, line {w}." for w in words + ["echo", "foxtrot", "golf"])

    pages = [f"Header\n{body(n)}\nFooter {n}" for n in range(1, 5)]
    # digits aside, "Footer 1" .. "Footer 4" are one line, on every page's edge
    assert running_lines(pages) == [frozenset({1, 9})] * 4
    # the header on one page of four is not running; "Other n" on three is
    pages = [f"Header\n{body(1)}"] + [f"Other {n}\n{body(n)}" for n in range(2, 5)]
    assert running_lines(pages) == [frozenset(), frozenset({1}), frozenset({1}), frozenset({1})]
    # a body line repeated mid-page is not page furniture
    pages = [f"Top {n}\n{body(n)}\nSame line in the middle.\n{body(n)}\nBottom" for n in range(1, 4)]
    assert [sorted(s) for s in running_lines(pages)] == [[1, 17]] * 3
    assert running_lines(["One page\nonly"]) == [frozenset()]


def test_pages_that_are_all_alike_keep_their_text():
    from pcsc_procure.document.pdf_reader import running_lines

    # one line per page, the same but for a number: that line is the page's text
    assert running_lines([f"The Vendor shall deliver page {n}." for n in range(1, 6)]) == [frozenset()] * 5
    # short pages: only the first and last line can be furniture
    pages = [f"Header\nThe {w} clause.\nThe {w} rule.\nFooter {n}" for n, w in enumerate(["alpha", "bravo", "charlie"], 1)]
    assert running_lines(pages) == [frozenset({1, 4})] * 3
