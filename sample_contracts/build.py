#!/usr/bin/env python3
"""Build the Word and PDF sample drafts from their text sources.

    python sample_contracts/build.py              # build every src/*.src
    python sample_contracts/build.py streetlight  # only sources whose name contains "streetlight"
    python sample_contracts/build.py --keep-docx  # also keep the DOCX a PDF was rendered from

The Markdown and plain-text samples are their own sources and are not built.
Each `src/<output file name>.src` starts with a front-matter block naming its
output and is written in a small Markdown dialect, turned into real Word
structure. (The .src extension keeps `pcsc-procure lint sample_contracts/`
from linting the sources as drafts of their own.)

    = Title                      Title style
    =: Subtitle                  Subtitle style
    # Heading                    Heading 1, numbered "1." by the legal list
    #* Heading                   Heading 1 without a number (recitals, schedules)
    ## Heading                   Heading 2 without a number
    1. Clause text               List Number, numbered "1.1", "1.2" under its heading
        a. Sub-clause text       List Number 2, numbered "(a)", "(b)"
    - Item                       List Bullet
    | a | b |                    table rows (the first row is the header row)
    \\pagebreak                   page break
    any other line               a Normal paragraph

Inline: **bold**, *italic*, a footnote reference [^1] with its text on a
line `[^1]: ...`, and tracked changes in CriticMarkup: {++inserted++},
{--deleted--} (kept in the DOCX as w:ins / w:del revisions by the front
matter's `reviser`). A line that is only a deletion deletes the whole
paragraph, mark included.

PDF outputs are rendered from the DOCX by LibreOffice headless (`soffice`;
Debian: apt-get install --no-install-recommends libreoffice-writer
fonts-liberation2). The committed .docx/.pdf files are what users and tests
read, so CI never needs LibreOffice. Builds are reproducible: zip timestamps,
document properties and PDF dates/IDs are pinned.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
LIST_NUM_ID = 90  # our own multilevel legal list (numbering.xml)
# source block kind -> (paragraph style, level in the legal list or None)
PARAGRAPH_KINDS = {
    "title": ("Title", None),
    "subtitle": ("Subtitle", None),
    "heading1": ("Heading 1", 0),
    "heading1-plain": ("Heading 1", None),
    "heading2": ("Heading 2", None),
    "list1": ("List Number", 1),
    "list2": ("List Number 2", 2),
    "bullet": ("List Bullet", None),
    "para": (None, None),
}


# --------------------------------------------------------------------------
# Source parsing
# --------------------------------------------------------------------------

def parse_source(path: Path) -> tuple[dict, list[tuple], dict[str, str]]:
    """(front matter, blocks, footnotes) of one source file."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    if text.startswith("---\n"):
        head, _, text = text[4:].partition("\n---\n")
        for line in head.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip()
    for key in ("output", "title", "author", "date"):
        if key not in meta:
            raise SystemExit(f"{path.name}: front matter lacks '{key}'")
    blocks: list[tuple] = []
    footnotes: dict[str, str] = {}
    table: list[list[str]] | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if table is None:
                table = []
                blocks.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line.strip():
            continue
        if m := re.match(r"\[\^(\w+)\]:\s*(.+)$", line):
            footnotes[m.group(1)] = m.group(2)
        elif line == "\\pagebreak":
            blocks.append(("pagebreak", ""))
        elif line.startswith("=: "):
            blocks.append(("subtitle", line[3:]))
        elif line.startswith("= "):
            blocks.append(("title", line[2:]))
        elif line.startswith("#* "):
            blocks.append(("heading1-plain", line[3:]))
        elif line.startswith("## "):
            blocks.append(("heading2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("heading1", line[2:]))
        elif m := re.match(r"\s{2,}[a-z]\.\s+(.+)$", line):
            blocks.append(("list2", m.group(1)))
        elif m := re.match(r"\d+\.\s+(.+)$", line):
            blocks.append(("list1", m.group(1)))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        else:
            blocks.append(("para", line.strip()))
    return meta, blocks, footnotes


_INLINE = re.compile(r"(\{\+\+.+?\+\+\}|\{--.+?--\}|\*\*.+?\*\*|\*[^*\s][^*]*?\*|\[\^\w+\])")


def inline_runs(text: str) -> list[tuple[str, str]]:
    """Split inline markup into (kind, text): plain, bold, italic, ins, del, fn."""
    out = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(("plain", text[pos : m.start()]))
        tok = m.group(0)
        if tok.startswith("{++"):
            out.append(("ins", tok[3:-3]))
        elif tok.startswith("{--"):
            out.append(("del", tok[3:-3]))
        elif tok.startswith("**"):
            out.append(("bold", tok[2:-2]))
        elif tok.startswith("[^"):
            out.append(("fn", tok[2:-1]))
        else:
            out.append(("italic", tok[1:-1]))
        pos = m.end()
    if pos < len(text):
        out.append(("plain", text[pos:]))
    return out


# --------------------------------------------------------------------------
# DOCX writing
# --------------------------------------------------------------------------

class DocxBuilder:
    def __init__(self, meta: dict, footnotes: dict[str, str]):
        self.meta = meta
        self.doc = docx.Document()
        self.footnote_src = footnotes
        self.footnote_ids: dict[str, int] = {}
        self.footnotes_el = None
        self.rev_id = 100
        self.reviser = meta.get("reviser", "City Legal Services")
        self.revision_date = meta.get("revision_date", meta["date"] + "T09:00:00Z")
        self._setup_page()
        self._setup_styles()
        self._setup_numbering()

    # -- set-up ---------------------------------------------------------
    def _setup_page(self) -> None:
        for section in self.doc.sections:
            section.page_height, section.page_width = Cm(29.7), Cm(21.0)
            section.top_margin = section.bottom_margin = Cm(2.3)
            section.left_margin = section.right_margin = Cm(2.4)
            header = section.header.paragraphs[0]
            header.text = self.meta.get("header", "")
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in header.runs:
                run.font.size = Pt(8)
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = footer.add_run(self.meta.get("footer", self.meta["title"]) + " \u2014 page ")
            run.font.size = Pt(8)
            fld = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>')
            footer._p.append(fld)

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = self.meta.get("font", "Times New Roman")
        normal.font.size = Pt(float(self.meta.get("font_size", "11")))
        normal.paragraph_format.space_after = Pt(5)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), normal.font.name)
        for name in ("Heading 1", "Heading 2", "Title", "Subtitle"):
            st = styles[name]
            st.font.name = self.meta.get("heading_font", "Arial")
            st.font.color.rgb = None
            hr = st.element.get_or_add_rPr().find(qn("w:rFonts"))
            if hr is not None:
                for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                    hr.attrib.pop(qn(attr), None)
                for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                    hr.set(qn(attr), st.font.name)
        styles["Heading 1"].font.size = Pt(12.5)
        styles["Heading 2"].font.size = Pt(11.5)
        styles["Title"].font.size = Pt(18)
        styles["Heading 1"].paragraph_format.space_before = Pt(12)
        styles["Heading 1"].paragraph_format.keep_with_next = True
        for name in ("List Number", "List Number 2", "List Bullet"):
            styles[name].paragraph_format.space_after = Pt(5)
        fn_text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        fn_text.base_style = normal
        fn_text.font.size = Pt(8.5)
        fn_text.paragraph_format.space_after = Pt(0)
        fn_ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        fn_ref.font.superscript = True

    def _setup_numbering(self) -> None:
        """A multilevel legal list: 1. / 1.1 / (a), restarting under each heading."""
        numbering = self.doc.part.numbering_part.element
        levels = [
            ("decimal", "%1.", 0, 567),
            ("decimal", "%1.%2", 567, 567),
            ("lowerLetter", "(%3)", 1134, 567),
        ]
        lvl_xml = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left + hang}"/></w:tabs><w:ind w:left="{left + hang}" w:hanging="{hang}"/></w:pPr></w:lvl>'
            for i, (fmt, text, left, hang) in enumerate(levels)
        )
        absn = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_NUM_ID}"><w:nsid w:val="5A3C1E90"/><w:multiLevelType w:val="multilevel"/>{lvl_xml}</w:abstractNum>')
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{LIST_NUM_ID}"><w:abstractNumId w:val="{LIST_NUM_ID}"/></w:num>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absn)  # abstractNum elements must precede num elements
        else:
            numbering.append(absn)
        numbering.append(num)

    # -- content --------------------------------------------------------
    def _next_id(self) -> int:
        self.rev_id += 1
        return self.rev_id

    def _run(self, text: str, bold=False, italic=False, deleted=False):
        r = parse_xml(f"<w:r {nsdecls('w')}/>")
        if bold or italic:
            rpr = parse_xml(f"<w:rPr {nsdecls('w')}>{'<w:b/>' if bold else ''}{'<w:i/>' if italic else ''}</w:rPr>")
            r.append(rpr)
        t = parse_xml(f"<w:{'delText' if deleted else 't'} {nsdecls('w')} xml:space=\"preserve\"/>")
        t.text = text
        r.append(t)
        return r

    def _revision(self, tag: str):
        return parse_xml(f'<w:{tag} {nsdecls("w")} w:id="{self._next_id()}" w:author="{self.reviser}" w:date="{self.revision_date}"/>')

    def fill(self, paragraph, text: str, bold: bool = False) -> None:
        p = paragraph._p
        for kind, value in inline_runs(text):
            if kind == "ins":
                wrap = self._revision("ins")
                for k2, v2 in inline_runs(value):
                    wrap.append(self._run(v2, bold=bold or k2 == "bold", italic=k2 == "italic"))
                p.append(wrap)
            elif kind == "del":
                wrap = self._revision("del")
                wrap.append(self._run(value, bold=bold, deleted=True))
                p.append(wrap)
            elif kind == "fn":
                p.append(self._footnote_ref(value))
            else:
                p.append(self._run(value, bold=bold or kind == "bold", italic=kind == "italic"))
        if re.fullmatch(r"\{--.+--\}", text.strip()):
            # the whole paragraph is struck: its mark goes too
            ppr = p.get_or_add_pPr()
            rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
            rpr.append(self._revision("del"))
            ppr.append(rpr)

    def _numbered(self, paragraph, ilvl: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{LIST_NUM_ID}"/></w:numPr>')
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None:
            pstyle.addnext(numpr)
        else:
            ppr.insert(0, numpr)

    def add(self, kind: str, value) -> None:
        if kind == "pagebreak":
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "table":
            self.table(value)
        else:
            style, level = PARAGRAPH_KINDS[kind]
            p = self.doc.add_paragraph(style=style)
            if level is not None:
                self._numbered(p, level)
            self.fill(p, value)

    def table(self, rows: list[list[str]]) -> None:
        width = max(len(r) for r in rows)
        t = self.doc.add_table(rows=0, cols=width)
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, row in enumerate(rows):
            cells = t.add_row().cells
            for j in range(width):
                cell = cells[j]
                cell.paragraphs[0].paragraph_format.space_after = Pt(2)
                self.fill(cell.paragraphs[0], row[j] if j < len(row) else "", bold=i == 0)
            if i == 0:
                trpr = t.rows[0]._tr.get_or_add_trPr()
                trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        self.doc.add_paragraph()  # breathing space after the table, as Word users do

    # -- footnotes ------------------------------------------------------
    def _footnotes_part(self):
        if self.footnotes_el is None:
            xml = (
                f'<w:footnotes {nsdecls("w")}>'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                "</w:footnotes>"
            )
            self.footnotes_el = parse_xml(xml)
        return self.footnotes_el

    def _footnote_ref(self, key: str):
        if key not in self.footnote_src:
            raise SystemExit(f"footnote [^{key}] has no text line '[^{key}]: ...'")
        fid = self.footnote_ids.setdefault(key, len(self.footnote_ids) + 1)
        root = self._footnotes_part()
        fn = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>'
        )
        text_run = self._run(self.footnote_src[key])
        fn.find(qn("w:p")).append(text_run)
        root.append(fn)
        return parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>')

    def _attach_footnotes(self) -> None:
        if self.footnotes_el is None:
            return
        from lxml import etree

        blob = etree.tostring(self.footnotes_el, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)

    def _properties(self) -> None:
        cp = self.doc.core_properties
        stamp = datetime.fromisoformat(self.meta["date"]).replace(tzinfo=timezone.utc)
        cp.title = self.meta["title"]
        cp.author = self.meta["author"]
        cp.last_modified_by = self.meta.get("reviser", self.meta["author"])
        cp.created = cp.modified = stamp
        cp.last_printed = stamp
        cp.revision = 1
        cp.subject = self.meta.get("subject", "")
        cp.keywords = "smart city; procurement; sample draft"
        cp.comments = "Fictitious sample draft for pcsc-procure; not a real contract."

    def save(self) -> bytes:
        self._attach_footnotes()
        self._properties()
        buf = io.BytesIO()
        self.doc.save(buf)
        return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Same bytes for the same content: fixed member timestamps and order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_docx(meta: dict, blocks: list[tuple], footnotes: dict[str, str]) -> bytes:
    b = DocxBuilder(meta, footnotes)
    for kind, value in blocks:
        b.add(kind, value)
    return b.save()


# --------------------------------------------------------------------------
# PDF rendering
# --------------------------------------------------------------------------

def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(
        "LibreOffice (soffice) is needed to render the PDF samples: "
        "apt-get install -y --no-install-recommends libreoffice-writer fonts-liberation2"
    )


def render_pdf(docx_bytes: bytes, stem: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="pcsc-samples-") as tmp:
        tmp_path = Path(tmp)
        src = tmp_path / f"{stem}.docx"
        src.write_bytes(docx_bytes)
        profile = (tmp_path / "lo-profile").as_uri()
        cmd = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp_path), str(src)]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        out = tmp_path / f"{stem}.pdf"
        if res.returncode != 0 or not out.exists():
            raise SystemExit(f"LibreOffice failed on {stem}.docx:\n{res.stdout}\n{res.stderr}")
        return normalise_pdf(out.read_bytes())


def normalise_pdf(data: bytes) -> bytes:
    """Pin the creation/modification dates and the file ID (same length, so xref offsets hold)."""
    def pin_date(m: re.Match) -> bytes:
        fixed = b"20260101000000"
        digits = m.group(2)
        return m.group(1) + fixed[: len(digits)].ljust(len(digits), b"0")

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{8,14})", pin_date, data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)", lambda m: m.group(1) + b"2026-01-01T00:00:00Z".ljust(len(m.group(2)))[: len(m.group(2))], data)

    def pin_id(m: re.Match) -> bytes:
        return m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5)

    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)", pin_id, data)
    # LibreOffice's checksum covers the unpinned bytes; pin it as well
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)


# --------------------------------------------------------------------------

def build_one(src: Path, keep_docx: bool = False) -> list[Path]:
    meta, blocks, footnotes = parse_source(src)
    if src.name != meta["output"] + ".src":
        raise SystemExit(f"{src.name}: front matter says output '{meta['output']}'; name the source '{meta['output']}.src'")
    output = HERE / meta["output"]
    data = build_docx(meta, blocks, footnotes)
    written = []
    if output.suffix == ".docx":
        output.write_bytes(data)
        written.append(output)
    elif output.suffix == ".pdf":
        output.write_bytes(render_pdf(data, output.stem))
        written.append(output)
        if keep_docx:
            kept = output.with_suffix(".rendered-from.docx")
            kept.write_bytes(data)
            written.append(kept)
    else:
        raise SystemExit(f"{src.name}: output must be .docx or .pdf, not {output.suffix}")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("only", nargs="*", help="build only sources whose file name contains one of these")
    ap.add_argument("--keep-docx", action="store_true", help="also write the DOCX each PDF was rendered from (not committed)")
    args = ap.parse_args(argv)
    sources = sorted(SRC.glob("*.src"))
    if args.only:
        sources = [s for s in sources if any(o in s.name for o in args.only)]
    if not sources:
        print("no sources matched", file=sys.stderr)
        return 2
    for src in sources:
        for path in build_one(src, args.keep_docx):
            print(f"built {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
