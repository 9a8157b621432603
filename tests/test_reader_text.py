"""Plain-text and Markdown readers, and the byte-decoding policy they share."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcsc_procure.document.decoding import decode_text
from pcsc_procure.document.markdown_reader import read_markdown
from pcsc_procure.document.text_reader import read_text
from pcsc_procure.errors import InputError

TXT = "1. SCOPE\r\n\r\n1.1 The Vendor shall install sensors.\r\nIt shall maintain them.\r\n\r\n- first bullet\r\n- second bullet\r\n\r\nClosing words.\r\n"


# -- decoding -----------------------------------------------------------------
@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Größe – “quoted”".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Größe – “quoted”".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + "Größe – “quoted”".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Größe – “quoted”".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "Größe – “quoted”".encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_unicode_encodings_decode_without_the_bom(data, encoding):
    assert decode_text(data, "a.txt") == ("Größe – “quoted”", encoding, [])


def test_windows_1252_fallback_is_noted():
    data = "Café – 10 €\n".encode("cp1252")
    text, encoding, notes = decode_text(data, "a.txt")
    assert (text, encoding) == ("Café – 10 €\n", "cp1252")
    assert notes == ["not valid UTF-8 (first invalid byte at offset 3): read as Windows-1252"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK\x03\x04\x00\x00binary\x00\x00", "binary content, not text (NUL or control bytes); is this really a text file?"),
        (b"text" + b"\x01\x02\x03\x04\x05" * 3 + b"more text here", "binary content, not text (NUL or control bytes); is this really a text file?"),
        (b"caf\xe9 \x81 bad", "not UTF-8 (invalid byte at offset 3) and not Windows-1252 either; save it as UTF-8"),
        (codecs.BOM_UTF8 + b"ok \xff\xfe bad", "starts with a utf-8 byte-order mark but is not valid utf-8 (byte 6)"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", "starts with a utf-16-le byte-order mark but is not valid utf-16-le (byte 4)"),
    ],
    ids=["nul", "controls", "neither", "bad-utf8-after-bom", "lone-surrogate"],
)
def test_undecodable_bytes_are_one_input_error(data, message):
    with pytest.raises(InputError) as err:
        decode_text(data, "a.txt")
    assert (err.value.path, err.value.problem) == ("a.txt", message)


# -- plain text -----------------------------------------------------------------
def test_txt_offsets_are_into_the_content_with_crlf_kept():
    doc = read_text(TXT.encode(), "a.txt")
    assert doc.text == TXT
    got = [(b.kind, b.number, b.level, b.line, b.paragraph, TXT[b.start : b.end]) for b in doc.blocks]
    assert got == [
        ("heading", "1.", 1, 1, 1, "1. SCOPE"),
        ("clause", "1.1", 2, 3, 2, "1.1 The Vendor shall install sensors.\r\nIt shall maintain them."),
        ("list-item", "-", 1, 6, 3, "- first bullet"),
        ("list-item", "-", 1, 7, 4, "- second bullet"),
        ("paragraph", None, None, 9, 5, "Closing words."),
    ]
    for b in doc.blocks:
        loc = doc.locate(b.start)
        assert (loc.line, loc.column, loc.page) == (b.line, 1, None)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_txt_with_bom_offsets_exclude_the_bom(bom, codec):
    doc = read_text(bom + TXT.encode(codec), "a.txt")
    assert doc.text == TXT
    assert [(b.start, b.end) for b in doc.blocks][:2] == [(0, 8), (12, 74)]


def test_txt_windows_1252_note_and_offsets():
    content = "1. Fees\n\nThe fee is 10 € per sensor – payable “monthly”.\n"
    doc = read_text(content.encode("cp1252"), "a.txt")
    assert doc.text == content
    assert doc.notes == ["not valid UTF-8 (first invalid byte at offset 23): read as Windows-1252"]
    assert [content[b.start : b.end] for b in doc.blocks] == ["1. Fees", "The fee is 10 € per sensor – payable “monthly”."]


def test_txt_numbered_items_split_but_cross_references_do_not():
    content = (
        "The Vendor shall:\n(a) install sensors; and\n(b) maintain them.\n\n"
        "Fees are set out under Section\n5.2 of this Agreement and Article\n7 applies.\n\n"
        "II. SCOPE OF WORK\nA. General\nThe Vendor delivers.\n"
    )
    doc = read_text(content.encode(), "a.txt")
    got = [(b.kind, b.number, content[b.start : b.end]) for b in doc.blocks]
    assert got == [
        ("paragraph", None, "The Vendor shall:"),
        ("clause", "(a)", "(a) install sensors; and"),
        ("clause", "(b)", "(b) maintain them."),
        ("paragraph", None, "Fees are set out under Section\n5.2 of this Agreement and Article\n7 applies."),
        ("heading", "II.", "II. SCOPE OF WORK"),
        ("heading", "A.", "A. General"),
        ("paragraph", None, "The Vendor delivers."),
    ]


def test_txt_wrapped_clause_in_capitals_after_its_caption_is_one_block():
    """A hard-wrapped clause whose first line is its caption and the start of a capitals sentence
    ("11.1 Exclusion of Damages. EXCEPT ..., IN NO / EVENT SHALL ...") is no heading line: the
    sentence runs on, and "EVENT SHALL EITHER PARTY BE LIABLE" does not start a passage of its own."""
    content = ("     11.1 Exclusion of Damages. EXCEPT AS PROVIDED IN SECTION 11.3, IN NO\n"
               "EVENT SHALL EITHER PARTY BE LIABLE TO THE OTHER FOR ANY LOST PROFITS.\n\n"
               "ARTICLE 5. TERM AND TERMINATION\n\nSection 5. Term\n")
    doc = read_text(content.encode(), "a.txt")
    assert [(b.kind, content[b.start : b.end]) for b in doc.blocks] == [
        ("clause", "11.1 Exclusion of Damages. EXCEPT AS PROVIDED IN SECTION 11.3, IN NO\n"
                   "EVENT SHALL EITHER PARTY BE LIABLE TO THE OTHER FOR ANY LOST PROFITS."),
        ("heading", "ARTICLE 5. TERM AND TERMINATION"), ("heading", "Section 5. Term"),
    ]


def test_txt_figures_after_a_number_written_out_continue_the_line():
    # "twelve (12)" wrapped before the brackets: the figures of the number, not item (12)
    content = ("7.3 The Council may terminate this Agreement on twelve\n(12) months' notice.\n\n"
               "The Supplier shall pay:\n(1) the fee; and\n(2) the tax.\n")
    doc = read_text(content.encode(), "a.txt")
    assert [content[b.start : b.end] for b in doc.blocks] == [
        "7.3 The Council may terminate this Agreement on twelve\n(12) months' notice.",
        "The Supplier shall pay:", "(1) the fee; and", "(2) the tax.",
    ]


def test_empty_and_blank_text_files_have_no_blocks():
    assert read_text(b"", "a.txt").blocks == []
    assert read_text(b"\r\n  \n\t\n", "a.txt").blocks == []


# -- markdown ----------------------------------------------------------------------------
MD = """---
title: Smart Parking Agreement
status: draft
---
# Smart Parking Agreement #

Intro with **bold** and a [link](https://example.org/x).
Second line.

Definitions
===========

1. The Vendor **shall** install sensors.
2) The City owns the data.
   continued line

- bullet one
  * nested bullet
-

> Quoted text
> > nested quote

| Term | Meaning |
|------|---------|
| Data | all data |
Vendor | the supplier

```python
def not_prose(): pass
```
~~~
a ``` inside a tilde fence
~~~

<!-- pcsc-procure: disable PCSC-X
spanning two lines -->
## 3. Data Ownership ##
Closing text.
"""


def test_markdown_blocks():
    doc = read_markdown(MD.encode(), "a.md")
    assert doc.text == MD
    got = [(b.kind, b.line, b.number, b.level, b.title, MD[b.start : b.end]) for b in doc.blocks]
    assert got == [
        ("heading", 5, None, 1, "Smart Parking Agreement", "Smart Parking Agreement"),
        ("paragraph", 7, None, None, None, "Intro with **bold** and a [link](https://example.org/x).\nSecond line."),
        ("heading", 10, None, 1, "Definitions", "Definitions"),
        ("clause", 13, "1.", 1, None, "1. The Vendor **shall** install sensors."),
        ("clause", 14, "2)", 1, None, "2) The City owns the data.\n   continued line"),
        ("list-item", 17, "-", 1, None, "bullet one"),
        ("list-item", 18, "*", 2, None, "nested bullet"),
        ("paragraph", 21, None, None, None, "Quoted text\n> > nested quote"),
        ("table-cell", 24, None, None, None, "Term"),
        ("table-cell", 24, None, None, None, "Meaning"),
        ("table-cell", 26, None, None, None, "Data"),
        ("table-cell", 26, None, None, None, "all data"),
        ("table-cell", 27, None, None, None, "Vendor"),
        ("table-cell", 27, None, None, None, "the supplier"),
        ("heading", 38, "3.", 2, "3. Data Ownership", "3. Data Ownership"),
        ("paragraph", 39, None, None, None, "Closing text."),
    ]
    assert [b.paragraph for b in doc.blocks] == list(range(1, 17))
    for b in doc.blocks:
        assert doc.locate(b.start).line == b.line


def test_markdown_analysis_text_blanks_markup_with_equal_length():
    doc = read_markdown(MD.encode(), "a.md")
    a = doc.analysis_text
    assert len(a) == len(MD)
    assert all(x == y or x == " " for x, y in zip(a, MD))
    assert [i for i, c in enumerate(MD) if c == "\n"] == [i for i, c in enumerate(a) if c == "\n"]
    lines = a.split("\n")
    assert lines[0:4] == ["   ", " " * 30, " " * 13, "   "]  # front matter
    assert lines[4] == "  Smart Parking Agreement  "
    assert lines[6] == "Intro with   bold   and a  link                        ."
    assert lines[10] == " " * 11  # setext underline
    assert lines[12] == "1. The Vendor   shall   install sensors."
    assert lines[16:18] == ["  bullet one", "    nested bullet"]
    assert lines[20:22] == ["  Quoted text", "    nested quote"]
    assert lines[23:27] == ["  Term   Meaning  ", " " * 18, "  Data   all data  ", "Vendor   the supplier"]
    assert set("".join(lines[28:34])) == {" "}  # both code blocks
    assert set("".join(lines[35:37])) == {" "}  # the comment
    assert lines[37] == "   3. Data Ownership   "


def test_markdown_inline_markup_blanked_links_images_code_and_intraword_underscores_kept():
    content = "See ![map](zones.png) and [the list](x.md), `code` and _under_score_ing."
    doc = read_markdown(content.encode(), "a.md")
    assert doc.analysis_text == "See   map             and  the list       ,  code  and  under_score_ing."


def test_markdown_fence_left_open_blanks_to_the_end():
    content = "Before.\n\n```\nnot prose\n\n# not a heading\n"
    doc = read_markdown(content.encode(), "a.md")
    assert [content[b.start : b.end] for b in doc.blocks] == ["Before."]
    assert doc.analysis_text.startswith("Before.\n\n   \n         \n")


def test_markdown_pipe_in_prose_is_not_a_table():
    content = "Either A | B applies.\n---\n\nText | more\n"
    doc = read_markdown(content.encode(), "a.md")
    assert [(b.kind, content[b.start : b.end]) for b in doc.blocks] == [("heading", "Either A | B applies."), ("paragraph", "Text | more")]


# -- properties ------------------------------------------------------------------------------
_PIECES = st.sampled_from(
    list("ab AB1.2)(#*-_>|`~=\n\r\t:\"“”§ivx") + ["\r\n", "Article ", "1. ", "(a) ", "- ", "# ", "```", "~~~", "|---|", "> ", "\f", "\xa0", "é", "\u2028", "\x85", "**", "<!--", "-->", "---\n", "Section\n5.2 "]
)
_CONTENT = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=200)


def _check_blocks(doc) -> None:
    text = doc.text
    previous = -1
    assert len(doc.analysis_text) == len(text)
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text), b
        assert b.start >= previous, b
        previous = b.start
        body = text[b.start : b.end]
        assert body == body.strip(), b
        assert doc.locate(b.start).line == b.line, b


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONTENT)
def test_txt_reads_any_text_exactly(content):
    try:
        doc = read_text(content.encode("utf-8"), "a.txt")
    except InputError as exc:  # control characters: refused as binary
        assert exc.problem.startswith("binary content")
        return
    assert doc.text == content
    _check_blocks(doc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONTENT)
def test_markdown_reads_any_text_with_blocks_in_bounds(content):
    try:
        doc = read_markdown(content.encode("utf-8"), "a.md")
    except InputError as exc:
        assert exc.problem.startswith("binary content")
        return
    assert doc.text == content
    _check_blocks(doc)
    assert all(x == y or x == " " for x, y in zip(doc.analysis_text, content))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_an_input_error(data):
    for reader, path in ((read_text, "a.txt"), (read_markdown, "a.md")):
        try:
            doc = reader(data, path)
        except InputError as exc:
            assert exc.path == path and "\n" not in exc.problem
            continue
        _check_blocks(doc)


@pytest.mark.parametrize(
    "line, heading",
    [
        ("9. Evaluation criteria", True),  # sentence case, as UN and UK drafts write them
        ("3.2 Data ownership and access", True),
        ("Section 4 Exit and transition", True),
        ("10. The Supplier shall deliver the", False),  # first line of a wrapped sentence
        ("4. Delivery of the sensors to the", False),  # ends in a small word: wrapped
        ("2. Payment within 30 days", False),  # a digit: a term, not a title
        ("(a) Data ownership", False),  # a sub-item, not a section
        ("5. Price is fixed", False),  # a verb: a sentence
        # a dash between the number and a sentence-case title, as continental drafts in translation set them, longer titles too
        ("Article 22 – Transfer of the Contract and change of control", True),
        ("Article 21 – Amendments and unforeseen circumstances", True),
        ("Article 4 – the Supplier shall deliver", False),  # lower case and a verb: body text
        ("Article 5 – Delivery of the sensors to the", False),  # ends in a small word: wrapped
    ],
)
def test_txt_numbered_sentence_case_title_is_a_heading(line, heading):
    blocks = read_text(f"{line}\nBids are scored on price and quality.\n".encode(), "rfp.txt").blocks
    assert (blocks[0].kind == "heading") is heading
    if heading:
        assert blocks[1].kind == "paragraph"


def test_txt_sentence_case_heading_cues_detection_like_markdown():
    # "Price 70%" counts as a published weight only under an evaluation heading:
    # the heading has to be read as one in a .txt draft too.
    from pcsc_procure.analysis import analyse_text

    txt = "Request for proposals\n\n8. Evaluation criteria\nTechnical solution 30%\nPrice 70%\n"
    assert [d for d in analyse_text(txt, path="rfp.txt").detections if d.kind == "evaluation-weights"]
    txt = txt.replace("Evaluation criteria", "Price schedule")
    assert not [d for d in analyse_text(txt, path="rfp.txt").detections if d.kind == "evaluation-weights"]


def test_txt_form_feed_pages_lose_running_headers_and_footers():
    # pdftotext output: pages end "\n\f"; each page's header and footer would otherwise
    # run into the clause next to them
    pages = [
        "City of Kestrel Bay - RFP KB-2026-11\n\n1. DATA\nAll sensor data shall be the property of the City.\n\nPage 1 of 2\n",
        "City of Kestrel Bay - RFP KB-2026-11\n2. TERM\nThree years from signature.\nPage 2 of 2\n",
    ]
    content = "\f".join(pages)
    doc = read_text(content.encode(), "rfp.txt")
    got = [(b.kind, b.line, content[b.start : b.end]) for b in doc.blocks]
    assert got == [
        ("heading", 3, "1. DATA"),
        ("paragraph", 4, "All sensor data shall be the property of the City."),
        ("heading", 8, "2. TERM"),
        ("paragraph", 9, "Three years from signature."),
    ]
    assert doc.text == content  # nothing removed from the text: offsets hold
    # without form feeds there are no pages, and nothing is taken for furniture
    flat = read_text(content.replace("\f", "").encode(), "rfp.txt")
    assert any("Page 1 of 2" in content[b.start : b.end] for b in flat.blocks)


def test_txt_with_more_form_feeds_than_pages_is_not_searched_for_furniture():
    # 3000+ "pages" are no printout: a run of form feeds must cost neither time nor text
    from pcsc_procure.document.pdf_reader import DEFAULT_MAX_PAGES
    from pcsc_procure.document.text_reader import page_furniture

    pages = [f"Header\nClause {i} text.\nFooter {i}" for i in range(DEFAULT_MAX_PAGES + 1)]
    assert page_furniture("\f".join(pages)) == frozenset()
    assert page_furniture("\f".join(pages[:10]))  # ten pages: header and footer found


# -- page breaks in text without form feeds (see document.page_breaks) --------
_SOURCE = "Source: KESTREL BAY CITY, 8-K, 2/27/2026"


def _edgar_pages(*pages: str) -> str:
    # EDGAR exhibits as CUAD ships them: each page ends with a running "Source:" line
    return "".join(f"{p}\n\n{_SOURCE.replace('27', str(20 + i))}\n\n\n\n\n\n" for i, p in enumerate(pages))


def _read_blocks(doc) -> list[str]:
    """Each block as detection reads it: the analysis text, white space collapsed."""
    return [" ".join(doc.analysis_text[b.start : b.end].split()) for b in doc.blocks]


def test_txt_sentence_cut_by_a_running_line_is_one_block():
    content = _edgar_pages(
        "1. LICENCE\n\n1.1 The Supplier hereby grants to the City during the term of this Agreement (and after termination",
        "or expiration of this Agreement) a non-exclusive, irrevocable licence to use the Software.\n\n2. TERM\n\nThree years.",
        "3. PRICE\n\nThe price is fixed.",
    )
    doc = read_text(content.encode(), "contract.txt")
    assert doc.text == content and len(doc.analysis_text) == len(content)  # offsets hold
    read = _read_blocks(doc)
    assert "1.1 The Supplier hereby grants to the City during the term of this Agreement (and after termination or " \
           "expiration of this Agreement) a non-exclusive, irrevocable licence to use the Software." in read
    assert not [t for t in read if "Source:" in t]  # the running lines are in no block, and blanked inside one
    joined = next(b for b in doc.blocks if content[b.start : b.end].startswith("1.1"))
    assert (joined.kind, joined.line, joined.number) == ("clause", 3, "1.1")
    # a clause number or heading after the break starts afresh; a finished sentence is not continued
    assert ["2. TERM", "Three years.", "3. PRICE", "The price is fixed."] == read[-4:]


def test_txt_block_ending_in_its_page_number_is_not_continued():
    # the page's footer ran into its last line: the page ended there, not a sentence
    content = _edgar_pages(
        "All items are provided subject to clause 14 of the Agreement.   Master Agreement DS-3957   Page 108/110",
        "Execution version   EXHIBIT 17 - INSURANCE CERTIFICATES",
        "1. The Contractor shall maintain insurance.",
    )
    doc = read_text(content.encode(), "contract.txt")
    read = _read_blocks(doc)
    assert read[:2] == ["All items are provided subject to clause 14 of the Agreement. Master Agreement DS-3957 Page 108/110",
                        "Execution version EXHIBIT 17 - INSURANCE CERTIFICATES"]


def _glued_pages(*pages: str) -> str:
    # a conversion that glued each page's footer to its last line and its header to its first
    return "\n\n".join(
        ("Execution version     " if i else "") + p + f"   KESTREL BAY - Master Agreement   Page {i + 1}/{len(pages)}"
        for i, p in enumerate(pages)
    ) + "\n"


def test_txt_footer_glued_to_a_line_is_running_text_and_the_sentence_runs_on():
    content = _glued_pages(
        "1. INSURANCE\n\nThis clause sets out cover.\n\n1.1 The Company shall maintain in force, with insurers of internationally recognized",
        "reputation acceptable to the City, public liability insurance.\n\nCover starts on signature.\n\n1.2 Certificates shall be provided.",
        "2. TERM\n\nThe Term starts on signature.\n\nIt runs for three years.",
        "3. PRICE\n\nPrices are in euros.\n\nThe price is fixed.",
    )
    doc = read_text(content.encode(), "contract.txt")
    assert doc.text == content and len(doc.analysis_text) == len(content)  # offsets hold
    read = _read_blocks(doc)
    assert "1.1 The Company shall maintain in force, with insurers of internationally recognized reputation acceptable " \
           "to the City, public liability insurance." in read
    assert not [t for t in read if "KESTREL" in t or "Execution version" in t]  # blanked wherever glued
    assert ["2. TERM", "The Term starts on signature.", "It runs for three years.", "3. PRICE"] == read[-6:-2]
    # and the clause is found whole
    from pcsc_procure.detect.engine import get_detector
    from pcsc_procure.segment.structure import annotate_structure

    annotate_structure(doc)
    dets = get_detector().detect(doc, {"insurance"})
    assert len(dets) == 1 and doc.text[dets[0].start : dets[0].end].startswith("1.1 The Company shall maintain")
    assert "public liability insurance." in doc.text[dets[0].start : dets[0].end]


def test_txt_lines_full_of_wide_gaps_are_read_in_linear_time(monkeypatch):
    # a hostile file: every line a run of short words and wide gaps. Only a few gaps at each end of a
    # line are read, however many it has, and nothing here is blanked.
    import pcsc_procure.document.pdf_reader as pdf_reader
    from pcsc_procure.document.page_breaks import _MAX_GAPS, glued_running

    keys = []
    original = pdf_reader.running_key
    monkeypatch.setattr(pdf_reader, "running_key", lambda text: keys.append(text) or original(text))
    assert glued_running("\n".join(["ab   " * 40] * 50)) == ([], [])
    assert len(keys) == 50 * 2 * _MAX_GAPS
    keys.clear()
    glued_running("ab   " * 4000)
    assert len(keys) == 2 * _MAX_GAPS


def test_txt_table_column_repeated_row_after_row_is_text():
    # the same words after a wide gap on neighbouring lines are a table's column, not a footer
    rows = "\n".join(f"Sensor type {i}   Monthly maintenance fee   per unit per month" for i in range(6))
    content = f"SCHEDULE 2 - PRICES\n\n{rows}\n\nThe prices are fixed for the Term.\n"
    doc = read_text(content.encode(), "contract.txt")
    assert doc.analysis_text == content


@pytest.mark.parametrize(
    "content",
    [
        # twice is no running line
        "The Supplier shall deliver the goods and\n\nDraft 2\n\nshall install them.\n\nDraft 2\n\nEnd.",
        # the line does not stand alone between blank lines: it is body text
        "The Supplier shall deliver the goods and\nDraft 2\n\nshall install them.\nDraft 2\n\nIt shall.\nDraft 2\n\nEnd.",
        # most of the lines alike: that is the text, not furniture
        "Not used.\n\nNot used.\n\nNot used.\n\nThe Supplier shall deliver the goods and\n\nNot used.",
    ],
    ids=["twice", "not-standalone", "mostly-alike"],
)
def test_txt_lines_that_are_not_running_lines_stay_text(content):
    doc = read_text(content.encode(), "contract.txt")
    assert doc.analysis_text == content
    assert any("Not used." in content[b.start : b.end] or "Draft 2" in content[b.start : b.end] for b in doc.blocks)
    assert not [b for b in doc.blocks if "goods and" in content[b.start : b.end] and "install" in content[b.start : b.end]]


def test_txt_form_feed_page_break_mid_sentence_is_one_block():
    pages = [
        "Kestrel Bay RFP\n\n1. DATA\n\nAll sensor data shall be the property of the City and\n\nPage 1\n",
        "Kestrel Bay RFP\n\nshall be delivered in CSV format.\n\nPage 2\n",
    ]
    content = "\f".join(pages)
    doc = read_text(content.encode(), "rfp.txt")
    read = _read_blocks(doc)
    assert read == ["1. DATA", "All sensor data shall be the property of the City and shall be delivered in CSV format."]
