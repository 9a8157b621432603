"""Build real test documents: DOCX with python-docx (plus raw WordprocessingML
where python-docx has no API: numbering, tracked changes, notes, content
controls), PDFs with reportlab (text pages, image-only "scanned" pages,
encryption), and broken variants of both."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
NSDECL = (
    f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"'
)


# -- DOCX -------------------------------------------------------------------
def new_docx():
    return docx.Document()


def append_xml(doc, xml: str) -> None:
    """Append body-level WordprocessingML (`<w:p>`, `<w:tbl>`, `<w:sdt>` ...) before the section properties."""
    holder = parse_xml(f"<w:body {NSDECL}>{xml}</w:body>")
    sect = doc.element.body.find(W + "sectPr")
    for child in list(holder):
        sect.addprevious(child)


def para(text: str, style: str | None = None, num: tuple[int, int] | None = None, bold: bool = False) -> str:
    """XML of a simple paragraph; `num` = (numId, ilvl)."""
    ppr = ""
    if style or num:
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        ppr = f"<w:pPr>{pstyle}{numpr}</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def add_list(doc, abstract_id: int, levels: list[tuple], num_ids: dict[int, dict[int, int] | None]) -> None:
    """Add an abstract numbering definition and its instances.

    `levels`: (format, lvlText[, pStyle[, extra xml]]) per level from 0;
    `num_ids`: numId -> {ilvl: startOverride} (or None).
    """
    numbering = doc.part.numbering_part.element
    lvls = []
    for ilvl, spec in enumerate(levels):
        fmt, text = spec[0], spec[1]
        pstyle = f'<w:pStyle w:val="{spec[2]}"/>' if len(spec) > 2 and spec[2] else ""
        extra = spec[3] if len(spec) > 3 else ""
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}{pstyle}<w:lvlText w:val="{text}"/></w:lvl>')
    abstract = parse_xml(f'<w:abstractNum {NSDECL} w:abstractNumId="{abstract_id}">{"".join(lvls)}</w:abstractNum>')
    first_num = numbering.find(W + "num")
    if first_num is not None:
        first_num.addprevious(abstract)  # schema order: all abstractNum before num
    else:
        numbering.append(abstract)
    for num_id, starts in num_ids.items():
        overrides = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for k, v in (starts or {}).items())
        numbering.append(parse_xml(f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))


def link_style_to_list(doc, style_id: str, num_id: int, ilvl: int | None = None) -> None:
    """Give a paragraph style a numPr (numbering inherited from the style)."""
    style = doc.styles.element.get_by_id(style_id)
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {NSDECL}>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))


def add_notes(doc, kind: str, notes: dict[int, str]) -> None:
    """Add a footnotes or endnotes part with separator notes and `notes` (id -> text)."""
    tag = kind[:-1]  # footnotes -> footnote
    body = [
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>',
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>',
    ]
    for nid, text in notes.items():
        body.append(f'<w:{tag} w:id="{nid}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>')
    xml = f'<w:{kind} {NSDECL}>{"".join(body)}</w:{kind}>'.encode()
    ct, rt = (CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnotes" else (CT.WML_ENDNOTES, RT.ENDNOTES)
    part = Part(PackURI(f"/word/{kind}.xml"), ct, xml, doc.part.package)
    doc.part.relate_to(part, rt)


def note_ref(kind: str, nid: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{nid}"/></w:r>'


def docx_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rezip(data: bytes, drop: str | None = None, replace: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip package without one member and/or with members replaced."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename == drop:
                continue
            z.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
    return out.getvalue()


# -- PDF --------------------------------------------------------------------
def _scan_image(lines: list[str]):
    """A picture of text, as a scanner would make it: pixels, no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 300), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((20, 20 + 20 * i), line, fill=0)
    return img


def pdf_bytes(pages: list, encrypt: str | None = None) -> bytes:
    """A real PDF: each page is a list of text lines, or ("scan", lines) for an image-only page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    for page in pages:
        if isinstance(page, tuple) and page[0] == "scan":
            c.drawImage(ImageReader(_scan_image(page[1])), 40, 400, width=500, height=190)
        else:
            y = 800
            for line in page:
                if line:
                    c.drawString(72, y, line)
                y -= 16
        c.showPage()
    c.save()
    return out.getvalue()
