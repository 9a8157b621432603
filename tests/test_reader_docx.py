"""The .docx reader on real Word files built with python-docx (plus raw XML for
numbering, tracked changes, notes and content controls)."""

from __future__ import annotations

import pytest
from docbuild import add_list, add_notes, append_xml, docx_bytes, link_style_to_list, new_docx, note_ref, para, rezip

from pcsc_procure.document.docx_reader import TRACKED_NOTE, read_docx
from pcsc_procure.errors import InputError


def read(doc):
    return read_docx(docx_bytes(doc), "draft.docx")


def lines(document):
    return document.text.split("\n")


def table(rows: list[str]) -> str:
    return f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{''.join(rows)}</w:tbl>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{para(text)}</w:tc>"


# -- blocks, offsets, lines ---------------------------------------------------
def test_blocks_slice_to_their_line_and_are_numbered_in_order():
    d = new_docx()
    d.add_heading("Smart Parking Agreement", 0)
    d.add_heading("Definitions", 1)
    d.add_paragraph("The Vendor shall install the sensors.")
    d.add_paragraph("First deliverable", style="List Number")
    d.add_paragraph("Second deliverable", style="List Number")
    d.add_paragraph("A bullet", style="List Bullet")
    doc = read(d)
    assert doc.text == (
        "Smart Parking Agreement\nDefinitions\nThe Vendor shall install the sensors.\n"
        "1.\tFirst deliverable\n2.\tSecond deliverable\n•\tA bullet"
    )
    got = [(b.kind, b.number, b.level, b.title, doc.block_text(b)) for b in doc.blocks]
    assert got == [
        ("heading", None, 1, "Smart Parking Agreement", "Smart Parking Agreement"),
        ("heading", None, 1, "Definitions", "Definitions"),
        ("paragraph", None, None, None, "The Vendor shall install the sensors."),
        ("clause", "1.", 1, None, "1.\tFirst deliverable"),
        ("clause", "2.", 1, None, "2.\tSecond deliverable"),
        ("list-item", "•", 1, None, "•\tA bullet"),
    ]
    assert [(b.start, b.end) for b in doc.blocks][:3] == [(0, 23), (24, 35), (36, 73)]
    for i, b in enumerate(doc.blocks, start=1):
        assert (b.line, b.paragraph) == (i, i)
        loc = doc.locate(b.start)
        assert (loc.page, loc.line, loc.column) == (None, i, 1)
    assert doc.notes == []


def test_headings_by_style_outline_level_bold_and_numbered_title():
    d = new_docx()
    d.add_heading("Scope of Services", 2)
    append_xml(d, '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Service Levels</w:t></w:r></w:p>')
    append_xml(d, para("Data Ownership", bold=True))
    append_xml(d, para("Data ownership is set out below, and it is long enough to be body text.", bold=True))
    append_xml(d, para("12. GOVERNING LAW"))
    append_xml(d, para("12.1 The laws of the State apply to this Agreement."))
    doc = read(d)
    got = [(b.kind, b.level, b.number, b.title) for b in doc.blocks]
    assert got == [
        ("heading", 2, None, "Scope of Services"),
        ("heading", 3, None, "Service Levels"),
        ("heading", None, None, "Data Ownership"),
        ("paragraph", None, None, None),
        ("heading", 1, "12.", "12. GOVERNING LAW"),
        ("clause", 2, "12.1", None),
    ]


# -- numbering -------------------------------------------------------------------
def _outline_list(d):
    add_list(
        d,
        90,
        [("decimal", "%1.", "Heading1"), ("decimal", "%1.%2", "Heading2"), ("lowerLetter", "(%3)"), ("lowerRoman", "(%4)")],
        {90: None, 91: {0: 7}},
    )
    link_style_to_list(d, "Heading1", 90)  # numId only: the level comes from the lvl's pStyle
    link_style_to_list(d, "Heading2", 90)


def test_multilevel_numbering_from_heading_styles_letters_and_roman():
    d = new_docx()
    _outline_list(d)
    d.add_heading("Scope", 1)
    d.add_heading("Services", 2)
    for text, ilvl in [("install sensors;", 2), ("maintain them;", 2), ("firmware;", 3), ("batteries;", 3), ("and report.", 2)]:
        append_xml(d, para(text, num=(90, ilvl)))
    d.add_heading("Data", 2)
    d.add_heading("Payment", 1)
    d.add_heading("Invoices", 2)
    doc = read(d)
    assert lines(doc) == [
        "1.\tScope", "1.1\tServices", "(a)\tinstall sensors;", "(b)\tmaintain them;", "(i)\tfirmware;",
        "(ii)\tbatteries;", "(c)\tand report.", "1.2\tData", "2.\tPayment", "2.1\tInvoices",
    ]
    assert [(b.kind, b.number, b.level) for b in doc.blocks][:5] == [
        ("heading", "1.", 1), ("heading", "1.1", 2), ("clause", "(a)", 3), ("clause", "(b)", 3), ("clause", "(i)", 4),
    ]
    assert doc.blocks[1].title == "Services"


def test_start_override_restarts_and_shared_abstract_continues():
    d = new_docx()
    _outline_list(d)
    add_list(d, 80, [("decimal", "%1.")], {80: None, 81: None, 82: {0: 1}})
    for text, num in [("a", 80), ("b", 80), ("c continues", 81), ("d restarts", 82), ("e", 82)]:
        append_xml(d, para(text, num=(num, 0)))
    append_xml(d, para("seventh", num=(91, 0)))
    append_xml(d, para("sub", num=(91, 1)))
    doc = read(d)
    assert lines(doc) == ["1.\ta", "2.\tb", "3.\tc continues", "1.\td restarts", "2.\te", "7.\tseventh", "7.1\tsub"]


def test_formats_upper_roman_upper_letter_zero_padded_legal_and_none():
    d = new_docx()
    add_list(
        d,
        70,
        [
            ("upperRoman", "Article %1"),
            ("upperLetter", "%2."),
            ("decimalZero", "Section %1.%3", None, "<w:isLgl/>"),
            ("none", ""),
        ],
        {70: None},
    )
    for text, ilvl in [("Definitions", 0), ("Terms", 1), ("Scope", 0), ("General", 1), ("Other", 1), ("Detail", 2), ("Unnumbered", 3)]:
        append_xml(d, para(text, num=(70, ilvl)))
    doc = read(d)
    assert lines(doc) == [
        "Article I\tDefinitions", "A.\tTerms", "Article II\tScope", "A.\tGeneral", "B.\tOther",
        "Section 2.01\tDetail", "Unnumbered",
    ]
    assert doc.blocks[0].number == "Article I"
    assert doc.blocks[-1].number is None


def test_level_restart_zero_keeps_counting_across_higher_levels():
    d = new_docx()
    add_list(d, 60, [("decimal", "Part %1"), ("decimal", "(%2)", None, '<w:lvlRestart w:val="0"/>')], {60: None})
    for text, ilvl in [("One", 0), ("x", 1), ("y", 1), ("Two", 0), ("z", 1)]:
        append_xml(d, para(text, num=(60, ilvl)))
    assert lines(read(d)) == ["Part 1\tOne", "(1)\tx", "(2)\ty", "Part 2\tTwo", "(3)\tz"]


def test_numbering_inherited_from_style_and_empty_numbered_paragraphs_count():
    d = new_docx()
    d.add_paragraph("First", style="List Number")
    d.add_paragraph("", style="List Number")  # Word shows "2." on an empty line
    d.add_paragraph("Third", style="List Number")
    append_xml(d, '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering removed</w:t></w:r></w:p>')
    assert lines(read(d)) == ["1.\tFirst", "3.\tThird", "Numbering removed"]


def test_letters_past_z_repeat_like_word():
    d = new_docx()
    add_list(d, 50, [("lowerLetter", "(%1)")], {50: None})
    for i in range(28):
        append_xml(d, para(f"item {i + 1}", num=(50, 0)))
    got = [line.split("\t")[0] for line in lines(read(d))]
    assert got[24:] == ["(y)", "(z)", "(aa)", "(bb)"]


# -- tables, content controls, text boxes ---------------------------------------------
def test_tables_in_reading_order_with_merged_nested_and_controlled_cells():
    d = new_docx()
    d.add_paragraph("Price schedule:")
    nested = "<w:tc><w:tbl><w:tr>" + cell("inner 1") + cell("inner 2") + "</w:tr></w:tbl><w:p/></w:tc>"
    append_xml(
        d,
        table(
            [
                "<w:tr>" + cell("Item", '<w:vMerge w:val="restart"/>') + cell("Price") + "</w:tr>",
                "<w:tr>" + cell("", "<w:vMerge/>") + "<w:sdt><w:sdtContent>" + cell("100 EUR") + "</w:sdtContent></w:sdt></w:tr>",
                '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para("Spanning note") + "</w:tc></w:tr>",
                "<w:sdt><w:sdtContent><w:tr>" + cell("Row in a control") + nested + "</w:tr></w:sdtContent></w:sdt>",
            ]
        ),
    )
    d.add_paragraph("After the table.")
    doc = read(d)
    assert lines(doc) == ["Price schedule:", "Item", "Price", "100 EUR", "Spanning note", "Row in a control", "inner 1", "inner 2", "After the table."]
    assert [b.kind for b in doc.blocks] == ["paragraph"] + ["table-cell"] * 7 + ["paragraph"]


def test_python_docx_merged_cells_are_read_once():
    d = new_docx()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "A1", "B1", "A2", "B2"
    t.cell(0, 0).merge(t.cell(1, 0))
    assert lines(read(d)) == ["A1", "A2", "B1", "B2"]


def test_tables_nested_too_deep_are_refused():
    inner = para("deep")
    for _ in range(9):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    d = new_docx()
    append_xml(d, inner)
    with pytest.raises(InputError, match=r"draft\.docx: tables nested more than 8 deep"):
        read(d)


def test_content_controls_block_and_inline():
    d = new_docx()
    append_xml(d, '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Term: three years.</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    append_xml(d, '<w:p><w:r><w:t xml:space="preserve">Price: </w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>100 EUR</w:t></w:r></w:sdtContent></w:sdt></w:p>')
    assert lines(read(d)) == ["Term: three years.", "Price: 100 EUR"]


def test_text_box_read_once_after_its_anchor_and_hidden_text_left_out():
    d = new_docx()
    box = '<w:txbxContent><w:p><w:r><w:t>Box text.</w:t></w:r></w:p></w:txbxContent>'
    append_xml(
        d,
        "<w:p><w:r><w:t>Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>",
    )
    append_xml(d, '<w:p><w:r><w:t xml:space="preserve">Visible </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">hidden </w:t></w:r><w:r><w:t>text.</w:t></w:r></w:p>')
    append_xml(d, '<w:p><w:r><w:t>Tab</w:t></w:r><w:r><w:tab/><w:t>and</w:t><w:br/><w:t>break</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>')
    assert lines(read(d)) == ["Anchor paragraph.", "Box text.", "Visible text.", "Tab\tand break-x"]


# -- footnotes --------------------------------------------------------------------------
def test_footnotes_and_endnotes_numbered_by_reference_order():
    d = new_docx()
    append_xml(d, f'<w:p><w:r><w:t>Data is owned by the City.</w:t></w:r>{note_ref("footnote", 5)}</w:p>')
    append_xml(d, f'<w:p><w:r><w:t>See the guideline.</w:t></w:r>{note_ref("footnote", 2)}{note_ref("endnote", 3)}</w:p>')
    add_notes(d, "footnotes", {2: "IG-PCSC 2.2.4.", 5: "Including sensor data.", 9: "Never referenced."})
    add_notes(d, "endnotes", {3: "An endnote."})
    doc = read(d)
    assert lines(doc) == ["Data is owned by the City.", "See the guideline.", "[1] Including sensor data.", "[2] IG-PCSC 2.2.4.", "[i] An endnote."]
    assert [(b.kind, b.number) for b in doc.blocks[2:]] == [("footnote", "1"), ("footnote", "2"), ("footnote", "i")]


def test_malformed_footnotes_part_loses_only_the_notes():
    d = new_docx()
    append_xml(d, f'<w:p><w:r><w:t>Body.</w:t></w:r>{note_ref("footnote", 1)}</w:p>')
    add_notes(d, "footnotes", {1: "note"})
    data = rezip(docx_bytes(d), replace={"word/footnotes.xml": b"<w:footnotes"})
    doc = read_docx(data, "draft.docx")
    assert doc.text == "Body."
    assert len(doc.notes) == 1 and doc.notes[0].startswith("footnotes/endnotes not read: malformed (")


# -- tracked changes ----------------------------------------------------------------------
def test_tracked_changes_read_as_accepted_with_a_note():
    d = new_docx()
    append_xml(
        d,
        '<w:p><w:r><w:t xml:space="preserve">The Vendor </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText xml:space="preserve">may </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">shall </w:t></w:r></w:ins>'
        '<w:r><w:t>return all data.</w:t></w:r></w:p>',
    )
    append_xml(
        d,
        '<w:p><w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve">Moved away. </w:t></w:r></w:moveFrom>'
        '<w:r><w:t>Stays.</w:t></w:r><w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> Moved here.</w:t></w:r></w:moveTo></w:p>',
    )
    # a deleted paragraph mark joins this paragraph with the next
    append_xml(d, '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Joined with </w:t></w:r></w:p>')
    append_xml(d, para("the next paragraph."))
    # a whole deleted paragraph disappears
    append_xml(d, '<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="a"/></w:rPr></w:pPr><w:del w:id="7" w:author="a"><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>')
    append_xml(d, '<w:ins w:id="8" w:author="a"><w:p><w:r><w:t>Inserted paragraph.</w:t></w:r></w:p></w:ins>')
    append_xml(
        d,
        table(
            [
                "<w:tr>" + cell("kept row") + "</w:tr>",
                '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' + cell("deleted row") + "</w:tr>",
            ]
        ),
    )
    doc = read(d)
    assert lines(doc) == [
        "The Vendor shall return all data.", "Stays. Moved here.", "Joined with the next paragraph.",
        "Inserted paragraph.", "kept row",
    ]
    assert doc.notes == [TRACKED_NOTE]
    assert all(doc.block_text(b) == line for b, line in zip(doc.blocks, lines(doc)))


def test_deleted_mark_before_a_table_does_not_join_the_cell():
    d = new_docx()
    append_xml(d, '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>Before the table</w:t></w:r></w:p>')
    append_xml(d, table(["<w:tr>" + cell("cell") + "</w:tr>"]))
    doc = read(d)
    assert lines(doc) == ["Before the table", "cell"]
    assert [b.kind for b in doc.blocks] == ["paragraph", "table-cell"]


def test_formatting_change_alone_is_still_a_tracked_change():
    d = new_docx()
    append_xml(d, '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="a"><w:rPr/></w:rPrChange></w:rPr><w:t>Bold now.</w:t></w:r></w:p>')
    assert read(d).notes == [TRACKED_NOTE]


def test_clean_draft_has_no_tracked_changes_note():
    d = new_docx()
    d.add_paragraph("Nothing tracked here.")
    assert read(d).notes == []


# -- broken packages -------------------------------------------------------------------------
GOOD = None


def good() -> bytes:
    global GOOD
    if GOOD is None:
        d = new_docx()
        d.add_paragraph("Hello.")
        GOOD = docx_bytes(d)
    return GOOD


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: b"", "empty file, not a Word document"),
        (lambda: b"%PDF-1.4\n%%EOF", "not a Word document: this is a PDF with a .docx name; rename it to .pdf"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not a .docx: this is an old binary Word file (.doc) or a password-protected document; save it as .docx without a password"),
        (lambda: b"{\\rtf1\\ansi hello}", "not a .docx: this is an RTF file with a .docx name; save it as .docx"),
        (lambda: good()[: len(good()) // 2], "not a valid .docx (not a zip package: corrupt or truncated)"),
        (lambda: rezip(good(), drop="word/document.xml"), "corrupt .docx: the main document part word/document.xml is missing"),
        (lambda: rezip(good(), drop="[Content_Types].xml"), "not a Word document (zip package without word/ parts)"),
        (lambda: rezip(good(), replace={"word/document.xml": b"<w:document><w:body><w:p>"}), "corrupt .docx: malformed XML in word/document.xml ("),
        (lambda: rezip(good(), replace={"word/styles.xml": b"<<"}), "corrupt .docx: malformed XML in word/styles.xml ("),
        (
            lambda: rezip(good(), replace={"word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'}),
            "corrupt .docx: the main document part has no body",
        ),
    ],
    ids=["empty", "pdf", "doc", "rtf", "truncated", "no-document-xml", "no-content-types", "bad-xml", "bad-styles-xml", "no-body"],
)
def test_broken_packages_give_one_clear_error(make, message):
    with pytest.raises(InputError) as err:
        read_docx(make(), "bad.docx")
    assert err.value.path == "bad.docx"
    assert err.value.problem.startswith(message)
    assert "\n" not in str(err.value)


def test_damaged_member_checksum_is_an_input_error():
    d = new_docx()
    d.add_paragraph("Hello world " * 300)
    data = bytearray(docx_bytes(d))
    import io
    import zipfile

    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 60] ^= 0xFF
    with pytest.raises(InputError, match=r"corrupt \.docx: a part cannot be decompressed"):
        read_docx(bytes(data), "bad.docx")
