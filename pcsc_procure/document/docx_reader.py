"""Word drafts (.docx) via python-docx, read as a reader would see them.

- Paragraphs, tables (cells in reading order, nested tables too), content
  controls and footnotes become blocks, one line of text each.
- Headings come from paragraph styles / outline levels, or from short bold or
  numbered title lines.
- List numbers are counted (see `docx_numbering`) and shown in the text.
- Tracked changes are read as if accepted (insertions in, deletions and
  moved-from text out); the document gets a note that they are still there.
"""

from __future__ import annotations

import io
import re
import zipfile

from pcsc_procure.document.docx_numbering import Numbering, W
from pcsc_procure.document.model import Block, Document
from pcsc_procure.errors import InputError
from pcsc_procure.segment.headings import looks_like_heading
from pcsc_procure.segment.numbering import match_number

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_TABLE_DEPTH = 8
_TRACKED = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")}
_REMOVED = {W + "del", W + "moveFrom"}
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title|subtitle)$", re.IGNORECASE)
_BODY_CHILD = {W + "p", W + "tbl", W + "sdt", W + "customXml"}


def _check_package(data: bytes, path: str, max_uncompressed: int) -> None:
    """Refuse things that are not Word documents, and zip bombs, before parsing."""
    if data.startswith(b"%PDF"):
        raise InputError(path, "not a Word document: this is a PDF with a .docx name; rename it to .pdf")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(path, "not a .docx: this is an old binary Word file (.doc) or an encrypted document; save it as .docx without a password")
    if not data:
        raise InputError(path, "empty file, not a Word document")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a valid .docx (not a zip package: corrupt or truncated)") from None
    with zf:
        names = set()
        total = 0
        for info in zf.infolist():
            names.add(info.filename)
            total += info.file_size
            if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO and info.file_size > 1024 * 1024:
                raise InputError(path, f"refused: part {info.filename} expands {info.file_size // max(info.compress_size, 1)}x (zip bomb?)")
        if total > max_uncompressed:
            raise InputError(path, f"refused: {total / 1048576:.0f} MB uncompressed, over the {max_uncompressed / 1048576:.0f} MB limit")
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise InputError(path, "not a Word document (zip package without word/ parts)")
        bad = zf.testzip()
        if bad is not None:
            raise InputError(path, f"corrupt .docx: part {bad} fails its checksum")


class _Styles:
    """Style id -> (name, based-on, numbering, outline level), with inheritance."""

    def __init__(self, styles_element):
        self.info: dict[str, dict] = {}
        if styles_element is None:
            return
        for st in styles_element.iter(W + "style"):
            sid = st.get(W + "styleId")
            name_el = st.find(W + "name")
            ppr = st.find(W + "pPr")
            num = None
            outline = None
            if ppr is not None:
                numpr = ppr.find(W + "numPr")
                if numpr is not None:
                    num = (_attr(numpr, "numId"), _attr(numpr, "ilvl"))
                ol = ppr.find(W + "outlineLvl")
                if ol is not None:
                    outline = ol.get(W + "val")
            self.info[sid] = {
                "name": name_el.get(W + "val") if name_el is not None else sid,
                "based": _attr(st, "basedOn"),
                "num": num,
                "outline": outline,
            }

    def lookup(self, sid: str | None, key: str):
        seen = set()
        while sid and sid in self.info and sid not in seen:
            seen.add(sid)
            value = self.info[sid][key]
            if value is not None:
                return value
            sid = self.info[sid]["based"]
        return None

    def name(self, sid: str | None) -> str | None:
        return self.info[sid]["name"] if sid in self.info else sid


def _attr(el, tag):
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "softHyphen", W + "sym"):
        if any(True for _ in el.iterancestors(*_REMOVED)):
            continue
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            if el.getparent() is not None and el.getparent().tag == W + "r":
                parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append(" ")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    text = "".join(parts)
    return text.replace("\n", " ").replace("\r", " ").replace("\x0b", " ")


def _is_all_bold(p) -> bool:
    runs = [r for r in p.iter(W + "r") if r.find(W + "t") is not None and (r.findtext(W + "t") or "").strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(W + "rPr")
        b = rpr.find(W + "b") if rpr is not None else None
        if b is None or b.get(W + "val") in ("0", "false"):
            return False
    return True


class _Builder:
    def __init__(self, styles: _Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[str] = []
        self.specs: list[dict] = []
        self.pending = ""  # text of a paragraph whose mark was deleted (joins the next)

    def paragraph(self, p, cell_depth: int = 0) -> None:
        ppr = p.find(W + "pPr")
        text = _paragraph_text(p)
        mark_deleted = ppr is not None and ppr.find(W + "rPr") is not None and ppr.find(W + "rPr").find(W + "del") is not None
        if mark_deleted:
            self.pending += text
            return
        if self.pending:
            text = self.pending + text
            self.pending = ""
        sid = _attr(ppr, "pStyle") if ppr is not None else None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = _attr(numpr, "numId"), _attr(numpr, "ilvl")
        if num_id is None:
            inherited = self.styles.lookup(sid, "num")
            if inherited:
                num_id, ilvl_style = inherited
                ilvl = ilvl or ilvl_style
        label = fmt = None
        if num_id is not None and text.strip():
            res = self.numbering.next_label(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)
            if res:
                label, fmt = res
        if not text.strip():
            return
        style_name = self.styles.name(sid) or ""
        outline = _attr(ppr, "outlineLvl") if ppr is not None else None
        if outline is None:
            outline = self.styles.lookup(sid, "outline")
        hm = _HEADING_STYLE.match(style_name.strip())
        level = None
        kind = "paragraph"
        stripped = text.strip()
        if cell_depth:
            kind = "table-cell"
        elif hm or (outline is not None and outline.isdigit() and int(outline) < 9):
            kind = "heading"
            level = int(hm.group(1)) if hm and hm.group(1) else (int(outline) + 1 if outline and outline.isdigit() else 1)
        elif label and fmt == "bullet":
            kind = "list-item"
        elif (label or match_number(stripped)) and looks_like_heading(stripped if not match_number(stripped) else stripped[match_number(stripped).end:]) and len(stripped) < 80 and (_is_all_bold(p) or stripped.isupper() or not stripped.rstrip().endswith(".")):
            kind = "heading"
        elif _is_all_bold(p) and looks_like_heading(stripped):
            kind = "heading"
        elif label:
            kind = "clause"
        elif match_number(stripped):
            kind = "clause"
        display = f"{label}\t{stripped}" if label else stripped
        if label is None:
            manual = match_number(stripped)
            number = manual.label if manual else None
            depth = manual.depth if manual else None
        else:
            number = label
            depth = (int(ilvl) + 1) if ilvl and ilvl.isdigit() else 1
        self.specs.append({"kind": kind, "number": number, "level": level or depth, "title": stripped if kind == "heading" else None, "style": style_name, "p": p})
        self.lines.append(display)

    def table(self, tbl, depth: int = 1) -> None:
        if depth > MAX_TABLE_DEPTH:
            raise InputError(None, f"tables nested more than {MAX_TABLE_DEPTH} deep")
        for tr in tbl.iter(W + "tr"):
            if _nearest(tr, W + "tbl") is not tbl:
                continue
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                if tcpr is not None:
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None and vm.get(W + "val") in (None, "continue"):
                        continue
                self.container(tc, depth)

    def container(self, el, cell_depth: int = 0) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell_depth)
            elif tag == W + "tbl":
                self.table(child, cell_depth + 1)
            elif tag in (W + "sdt",):
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.container(content, cell_depth)
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                self.container(child, cell_depth)


def _nearest(el, tag):
    for anc in el.iterancestors(tag):
        return anc
    return None


def _footnotes(doc) -> list[tuple[str, str]]:
    """(id, text) of real footnotes, if the package has a footnotes part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml

    out = []
    for rel in doc.part.rels.values():
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        root = parse_xml(rel.target_part.blob)
        for fn in root.iter(W + "footnote"):
            fid = fn.get(W + "id")
            if fid is None or fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(t for t in (_paragraph_text(p).strip() for p in fn.iter(W + "p")) if t)
            if text:
                out.append((fid, text))
    return out


def _comment_texts(doc) -> dict[str, str]:
    """Word comment id -> its text (paragraphs joined by newlines); {} without a comments part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    try:
        part = next((rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.COMMENTS and not rel.is_external), None)
        if part is None:
            return {}
        root = etree.fromstring(part.blob)
    except (etree.XMLSyntaxError, KeyError, ValueError):
        return {}  # comments are a bonus; a broken part must not lose the body
    return {c.get(W + "id"): "\n".join(_paragraph_text(p) for p in c.iter(W + "p")) for c in root.iter(W + "comment")}


def _comments_on(p, texts: dict[str, str]) -> list[str] | None:
    """Texts of the comments anchored (range start or reference) in paragraph `p`."""
    if not texts:
        return None
    ids = dict.fromkeys(el.get(W + "id") for el in p.iter(W + "commentRangeStart", W + "commentReference"))
    found = [texts[i] for i in ids if i in texts]
    return found or None


def read_docx(data: bytes, path: str, max_uncompressed: int = MAX_UNCOMPRESSED) -> Document:
    _check_package(data, path, max_uncompressed)
    try:
        import docx
        from lxml import etree
    except ImportError as exc:  # pragma: no cover - installation problem
        raise InputError(path, f"python-docx is not installed ({exc})") from None
    try:
        doc = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"corrupt .docx: malformed XML ({exc.msg if hasattr(exc, 'msg') else exc})") from None
    except KeyError as exc:
        raise InputError(path, f"corrupt .docx: missing part {exc}") from None
    except Exception as exc:  # python-docx raises assorted errors on broken packages
        raise InputError(path, f"corrupt or unsupported .docx ({type(exc).__name__}: {exc})") from None

    body = doc.element.body
    try:
        numbering_el = doc.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_el = None
    try:
        styles_el = doc.part.styles.element if doc.part.styles is not None else None
    except Exception:
        styles_el = None
    builder = _Builder(_Styles(styles_el), Numbering(numbering_el))
    try:
        builder.container(body)
    except InputError as exc:
        raise InputError(path, exc.problem) from None
    if builder.pending.strip():
        builder.lines.append(builder.pending.strip())
        builder.specs.append({"kind": "paragraph", "number": None, "level": None, "title": None, "style": None})
    try:
        for fid, text in _footnotes(doc):
            builder.lines.append(f"[{fid}] {text}")
            builder.specs.append({"kind": "footnote", "number": fid, "level": None, "title": None, "style": None})
    except Exception:
        pass  # footnotes are a bonus; a broken footnotes part must not lose the body

    tracked = any(True for _ in body.iter(*_TRACKED))
    notes = []
    if tracked:
        notes.append("draft still has tracked changes; read as if all were accepted")

    source_index = {p: i for i, p in enumerate(body.iter(W + "p"))}
    comment_texts = _comment_texts(doc)
    blocks: list[Block] = []
    pos = 0
    for i, (line, spec) in enumerate(zip(builder.lines, builder.specs)):
        start, end = pos, pos + len(line)
        blocks.append(Block(spec["kind"], start, end, line=i + 1, paragraph=i + 1, number=spec["number"], level=spec["level"], title=spec["title"]))
        if spec.get("p") is not None:
            blocks[-1].source_index = source_index.get(spec["p"])
            blocks[-1].comments = _comments_on(spec["p"], comment_texts)
        pos = end + 1
    text = "\n".join(builder.lines)
    return Document(path=path, format="docx", text=text, blocks=blocks, notes=notes)
