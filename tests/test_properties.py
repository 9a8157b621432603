"""Property tests over generated content: readers only ever raise the project's
InputError, block offsets lie within the text and slice to what the reader
reports, JSON and SARIF reports always parse, and the linear-time scans that
replaced backtracking regexes agree with those regexes."""

from __future__ import annotations

import json
import re

import pytest
from docbuild import append_xml, docx_bytes, new_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcsc_procure.document.docx_reader import read_docx
from pcsc_procure.document.markdown_reader import read_markdown
from pcsc_procure.document.text_reader import read_text
from pcsc_procure.errors import InputError

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_XML_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.sampled_from(["\t", " ", "1.", "(a)", "Section 5", "“", "\"", "shall", "Data"])
_TEXT = st.lists(_XML_CHARS, max_size=40).map("".join)
_STYLES = st.sampled_from([None, "Heading 1", "Heading 2", "Title", "List Number", "List Bullet", "Quote"])
_ITEM = st.one_of(
    st.tuples(st.just("p"), _STYLES, _TEXT, st.booleans()),
    st.tuples(st.just("table"), st.lists(st.lists(_TEXT, min_size=1, max_size=3), min_size=1, max_size=3)),
)


def _docx(items) -> bytes:
    d = new_docx()
    for item in items:
        if item[0] == "p":
            _, style, text, bold = item
            p = d.add_paragraph(style=style)
            p.add_run(text).bold = bold
        else:
            rows = item[1]
            t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    t.cell(i, j).text = text
    return docx_bytes(d)


def _check_blocks(doc) -> None:
    text = doc.text
    assert len(doc.analysis_text) == len(text)
    previous = -1
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text), b
        assert b.start >= previous
        previous = b.start
        body = text[b.start : b.end]
        assert body == body.strip() or doc.format == "docx", b
        assert doc.locate(b.start).line == b.line, b


@SETTINGS
@given(st.lists(_ITEM, max_size=12))
def test_docx_reads_generated_content_with_blocks_in_bounds(items):
    doc = read_docx(_docx(items), "gen.docx")
    _check_blocks(doc)
    lines = doc.text.split("\n") if doc.text else []
    assert len(doc.blocks) == len(lines)
    for b, line in zip(doc.blocks, lines):
        assert doc.block_text(b) == line  # a block is exactly its line
    expected = [" ".join(t.split()) for item in items for t in ([item[2]] if item[0] == "p" else [c for r in item[1] for c in r]) if t.strip()]
    got = " ".join(doc.text.split())
    for piece in expected:  # every visible text is read (tables once each, merged or not)
        assert piece in got


_GOOD_DOCX = None


def _good_docx() -> bytes:
    global _GOOD_DOCX
    if _GOOD_DOCX is None:
        d = new_docx()
        d.add_heading("1. Scope", 1)
        d.add_paragraph("The Vendor shall retain all right, title and interest in the data.")
        append_xml(d, '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
        _GOOD_DOCX = docx_bytes(d)
    return _GOOD_DOCX


def test_docx_asking_for_a_newer_unzipper_is_an_input_error():
    """A central directory entry whose "version needed to extract" is past what Python's zipfile reads
    (found by the property test below: one damaged byte made it 6.4) is one clear line, not a crash."""
    data = bytearray(_good_docx())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6 : entry + 8] = (64).to_bytes(2, "little")
    with pytest.raises(InputError) as caught:
        read_docx(bytes(data), "bad.docx")
    assert caught.value.path == "bad.docx" and "unsupported zip package" in caught.value.problem


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8), st.one_of(st.none(), st.floats(0.05, 1)))
def test_damaged_docx_bytes_give_a_document_or_an_input_error(edits, cut):
    data = bytearray(_good_docx())
    for where, value in edits:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    try:
        doc = read_docx(bytes(data), "bad.docx")
    except InputError as exc:
        assert exc.path == "bad.docx" and exc.problem and "\n" not in exc.problem
        return
    _check_blocks(doc)


# -- reports ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def lint_options():
    from pcsc_procure.cli.lint_cmd import build_options
    from pcsc_procure.config import Config
    from pcsc_procure.ruleset import load_ruleset
    from pcsc_procure.suppress import META_RULE

    rules = [*load_ruleset([]), META_RULE]
    options = build_options(Config(), rules, None, None)
    options.known_rules = rules
    options.time_budget = 0
    return options


_PROSE = st.sampled_from(
    [
        "The Vendor shall retain all right, title and interest in the data collected by the Sensors. ",
        "The City owns the data. ", "1. ", "(a) ", "# ", "- ", "**shall** ", "[link](http://x) ", "\n", "\n\n", "Section\n5.2 ",
        "\"Data\" means all data. ", "within 96 hours ", "The Vendor may terminate for convenience. ", "<!-- pcsc-procure: disable -->\n",
        "| a | b |\n|---|---|\n", "é “quoted” ", "\t", "\u2028", "renews automatically for successive one-year terms. ",
    ]
)
_CONTENT = st.lists(_PROSE | st.text(max_size=20), max_size=25).map("".join)


def _check_report(results, rules, texts) -> None:
    from pcsc_procure.report import render

    data = json.loads(render("json", results, rules))
    sarif = json.loads(render("sarif", results, rules, root="/"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    for f in data["files"]:
        text = texts[f["path"]]
        for finding in f["findings"]:
            loc = finding["location"]
            if loc["start"] is None:
                continue
            assert 0 <= loc["start"] <= loc["end"] <= len(text), finding
            if finding["excerpt"]:
                passage = " ".join(text[loc["start"] : loc["end"]].split())
                excerpt = " ".join(finding["excerpt"].rstrip(".…").split())
                assert passage.startswith(excerpt[:20]) or excerpt[:20] in passage, (passage, finding["excerpt"])


@SETTINGS
@given(_CONTENT, st.sampled_from(["md", "txt"]))
def test_reports_parse_and_findings_slice_into_the_text(lint_options, content, ext):
    from pcsc_procure.linter import FileResult, lint_document

    path = f"gen draft \"1\".{ext}"
    reader = read_markdown if ext == "md" else read_text
    try:
        doc = reader(content.encode("utf-8"), path)
    except InputError as exc:
        result = FileResult(path=path, error=exc.problem)
        texts = {path: ""}
    else:
        _check_blocks(doc)
        result = lint_document(doc, lint_options)
        texts = {path: doc.text}
    _check_report([result], lint_options.rules, texts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_ITEM, max_size=8))
def test_reports_parse_for_generated_docx(lint_options, items):
    from pcsc_procure.linter import lint_document

    doc = read_docx(_docx(items), "gen.docx")
    _check_report([lint_document(doc, lint_options)], lint_options.rules, {"gen.docx": doc.text})


# -- the linear scans agree with the regexes they replaced ------------------------------------------
_OLD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_OLD_LINK_OPEN = re.compile(r"\[(?=[^\]\n]*\]\()")
_OLD_IMAGE = re.compile(r"!(?=\[[^\]\n]*\]\()")
_OLD_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_OLD_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_OLD_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:[\"'“‘(\[]?[A-Z0-9§]|\[\*|\[…))")
_MARKUP = st.lists(st.sampled_from(list("[]()!<>-\n x#|: \t.?\"')A1a*…") + ["<!--", "-->", "](", "![", "---", " | "]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKUP)
def test_markdown_scans_match_the_old_regexes(text):
    from pcsc_procure.document.markdown_mask import _comment_spans, _link_bracket_spans
    from pcsc_procure.document.markdown_reader import _atx_close, _is_table_sep

    assert _comment_spans(text) == [m.span() for m in _OLD_COMMENT.finditer(text)]
    old = {m.span() for rx in (_OLD_LINK_OPEN, _OLD_IMAGE) for m in rx.finditer(text)}
    assert set(_link_bracket_spans(text)) == old
    for line in text.split("\n"):
        assert _is_table_sep(line) == bool(_OLD_TABLE_SEP.match(line)), line
        m = _OLD_ATX_CLOSE.search(line)
        assert _atx_close(line) == (m.start() if m else None), line


@settings(max_examples=300, deadline=None)
@given(_MARKUP)
def test_sentence_boundaries_match_the_old_regex(text):
    from pcsc_procure.segment.sentences import _BOUNDARY

    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in _OLD_BOUNDARY.finditer(text)]


_WORDY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60) | st.lists(
    st.sampled_from(["Ab", "10km", "İ", "K", "ß", "ﬁ", "é", "\u0301", " ", "-", "x2y", "Ω", "９"]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WORDY)
def test_sentence_words_match_the_old_regex(text):
    """`words_of` (byte translation) finds the runs the regex found on the lower-cased text."""
    from pcsc_procure.detect.prefilter import words_of

    assert words_of(text) == set(re.findall(r"[a-z]+|[0-9]+", text.lower()))


def test_a_redaction_mark_starts_a_sentence():
    """Filed contracts put "[***]" where text was cut, often at a sentence's start, and glue
    notices after a full stop ("... herein.   [*****] Confidential material redacted ..."): the
    notice is not part of the sentence before it."""
    from pcsc_procure.segment.sentences import split_sentences

    text = "The Parties are the only beneficiaries.   [*****] Confidential material redacted and filed separately."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The Parties are the only beneficiaries.", "[*****] Confidential material redacted and filed separately."]
    text = "Payment is due in 30 days. [***] shall pay the balance. See clause [3] for more."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Payment is due in 30 days.", "[***] shall pay the balance.", "See clause [3] for more."]
    # an ellipsis mark of omitted text ("[…]") starts one too; a lower-case word after a bracket does not
    assert len(split_sentences("It ends here. […] the rest follows.")) == 2
    assert len(split_sentences("It ends here. [a] see below.")) == 1


def test_a_statute_chapter_before_its_number_ends_no_sentence():
    """Commonwealth citations give a statute's chapter: "the Insurance Act (Cap. 487) the insurances";
    the same word as a noun still ends one ("... towards the cap. The Supplier ...")."""
    from pcsc_procure.segment.sentences import split_sentences

    text = "It shall insure with insurers licensed under the Insurance Act (Cap. 487) the insurances stated. Next."
    assert [text[s:e] for s, e in split_sentences(text)] == [text[:-6], "Next."]
    assert len(split_sentences("Credits shall not count towards the cap. The Supplier shall pay them.")) == 2
    assert len(split_sentences("Payments under Chap. 12 of the Code are exempt. Next.")) == 2
