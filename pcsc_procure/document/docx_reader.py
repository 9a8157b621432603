"""Word drafts (.docx) via python-docx, read as a reader would see them.

- Paragraphs, tables (cells in reading order, nested tables too), content
  controls, text boxes and footnotes/endnotes become blocks, one line of
  text each; `line` and `paragraph` are the block's 1-based index.
- Headings come from paragraph styles / outline levels, or from short bold or
  numbered title lines.
- List numbers are counted (see `docx_numbering`) and shown in the text
  before a tab, as Word shows them: "1.2\tScope".
- Tracked changes are read as if accepted (insertions in, deletions and
  moved-from text out, a deleted paragraph mark joins the paragraph with the
  next, deleted table rows and cells out); the document gets a note that
  they are still there.
"""

from __future__ import annotations

import re

from lxml import etree

from pcsc_procure.document.docx_notes import notes as read_notes
from pcsc_procure.document.docx_numbering import Numbering, W
from pcsc_procure.document.docx_package import MAX_UNCOMPRESSED, open_docx
from pcsc_procure.document.docx_text import all_bold, mark_removed, paragraph_text
from pcsc_procure.document.model import Block, Document
from pcsc_procure.errors import InputError
from pcsc_procure.segment.headings import looks_like_heading
from pcsc_procure.segment.numbering import match_number

MAX_TABLE_DEPTH = 8
TRACKED_NOTE = "draft still has tracked changes; read as if all were accepted"
_TRACKED = tuple(
    W + t
    for t in (
        "ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange", "sectPrChange", "tblPrChange",
        "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    )
)
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title|subtitle)$", re.IGNORECASE)
_P, _TBL, _TR, _TC, _SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
_SDT_CONTENT = W + "sdtContent"
_WRAPPERS = (W + "customXml", W + "ins", W + "moveTo", W + "smartTag")  # containers whose children are read in place


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
            num = outline = None
            if ppr is not None:
                numpr = ppr.find(W + "numPr")
                if numpr is not None:
                    num = (_val(numpr, "numId"), _val(numpr, "ilvl"))
                outline = _val(ppr, "outlineLvl")
            self.info[sid] = {
                "name": name_el.get(W + "val") if name_el is not None else sid,
                "based": _val(st, "basedOn"),
                "num": num,
                "outline": outline,
            }

    def lookup(self, sid: str | None, key: str) -> tuple[str | None, object]:
        """(style id that sets `key`, its value), following basedOn."""
        seen = set()
        while sid and sid in self.info and sid not in seen:
            seen.add(sid)
            value = self.info[sid][key]
            if value is not None:
                return sid, value
            sid = self.info[sid]["based"]
        return None, None

    def name(self, sid: str | None) -> str | None:
        return self.info[sid]["name"] if sid in self.info else sid


def _val(el, tag):
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _digit(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


class _Builder:
    """Walks the body in reading order and collects one line + block spec per paragraph."""

    def __init__(self, styles: _Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[str] = []
        self.specs: list[dict] = []
        self.pending = ""  # text of a paragraph whose mark was deleted (joins the next)

    # -- containers -------------------------------------------------------
    def container(self, el, cell_depth: int = 0) -> None:
        for child in el:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, cell_depth)
            elif tag == _TBL:
                self.flush_pending()
                self.table(child, cell_depth + 1)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.container(content, cell_depth)
            elif tag in _WRAPPERS:
                self.container(child, cell_depth)

    def table(self, tbl, depth: int) -> None:
        if depth > MAX_TABLE_DEPTH:
            raise InputError(None, f"tables nested more than {MAX_TABLE_DEPTH} deep")
        for tr in _children(tbl, _TR):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a deleted row is gone once changes are accepted
            for tc in _children(tr, _TC):
                tcpr = tc.find(W + "tcPr")
                if tcpr is not None:
                    if tcpr.find(W + "cellDel") is not None:
                        continue
                    merge = tcpr.find(W + "vMerge")
                    if merge is None:
                        merge = tcpr.find(W + "hMerge")
                    if merge is not None and merge.get(W + "val") in (None, "continue"):
                        continue  # the text of a merged cell sits in its first cell
                self.container(tc, depth)
                self.flush_pending()  # a deleted mark never joins across cells

    # -- paragraphs -------------------------------------------------------
    def flush_pending(self) -> None:
        if self.pending.strip():
            self._add(self.pending.strip(), {"kind": "paragraph"})
        self.pending = ""

    def paragraph(self, p, cell_depth: int = 0) -> None:
        text, boxes = paragraph_text(p)
        if mark_removed(p):
            self.pending += text
        else:
            if self.pending:
                text, self.pending = self.pending + text, ""
            self._numbered_paragraph(p, text, cell_depth)
        for box in boxes:  # a text box is read after its anchor, on its own
            joining, self.pending = self.pending, ""
            self.container(box, cell_depth)
            self.flush_pending()
            self.pending = joining

    def _numbering(self, ppr, sid: str | None) -> tuple[str | None, int | None]:
        """(numId, level) from the paragraph, else from its style chain."""
        num_id = ilvl = None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId"), _digit(_val(numpr, "ilvl"))
        if num_id is None:
            style_id, inherited = self.styles.lookup(sid, "num")
            if inherited:
                num_id = inherited[0]
                if ilvl is None:
                    ilvl = _digit(inherited[1])
                if ilvl is None and num_id is not None:
                    ilvl = self.numbering.level_for_style(num_id, style_id)
        return num_id, ilvl or 0

    def _numbered_paragraph(self, p, text: str, cell_depth: int) -> None:
        ppr = p.find(W + "pPr")
        sid = _val(ppr, "pStyle") if ppr is not None else None
        num_id, ilvl = self._numbering(ppr, sid)
        label = fmt = None
        if num_id is not None:  # Word counts empty numbered paragraphs too
            res = self.numbering.next_label(num_id, ilvl)
            if res:
                label, fmt = res
        stripped = text.strip()
        if not stripped:
            return
        style_name = (self.styles.name(sid) or "").strip()
        outline = _val(ppr, "outlineLvl") if ppr is not None else None
        if outline is None:
            outline = self.styles.lookup(sid, "outline")[1]
        kind, level = self._kind(p, stripped, style_name, _digit(outline), label, fmt, cell_depth)
        manual = match_number(stripped) if not label else None
        if label:
            number, depth = label, ilvl + 1
        else:
            number, depth = (manual.label, manual.depth) if manual else (None, None)
        display = f"{label}\t{stripped}" if label else stripped
        self._add(display, {"kind": kind, "number": number, "level": level or depth, "title": stripped if kind == "heading" else None, "p": p})

    def _kind(self, p, stripped: str, style_name: str, outline: int | None, label, fmt, cell_depth: int) -> tuple[str, int | None]:
        if cell_depth:
            return "table-cell", None
        styled = _HEADING_STYLE.match(style_name)
        if styled:
            return "heading", int(styled.group(1)) if styled.group(1) else 1
        if outline is not None and outline < 9:
            return "heading", outline + 1
        if label and fmt == "bullet":
            return "list-item", None
        manual = None if label else match_number(stripped)
        title = stripped[manual.end :].strip() if manual else stripped
        short_title = len(stripped) < 80 and looks_like_heading(title)
        if (label or manual) and short_title and (all_bold(p) or stripped.isupper() or not stripped.endswith(".")):
            return "heading", None
        if short_title and all_bold(p):
            return "heading", None
        if label or manual:
            return "clause", None
        return "paragraph", None

    def _add(self, line: str, spec: dict) -> None:
        self.lines.append(line)
        self.specs.append(spec)


def _children(el, tag):
    """Children with `tag`, looking through content controls and custom XML around them."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _comment_texts(doc) -> dict[str, str]:
    """Word comment id -> its text (paragraphs joined by newlines); {} without a comments part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml

    try:
        part = next((rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.COMMENTS and not rel.is_external), None)
        if part is None:
            return {}
        root = parse_xml(part.blob)  # python-docx's parser: no entity expansion
    except (etree.XMLSyntaxError, KeyError, ValueError):
        return {}  # comments are a bonus; a broken part must not lose the body
    return {c.get(W + "id"): "\n".join(paragraph_text(p)[0] for p in c.iter(_P)) for c in root.iter(W + "comment")}


def _comments_on(p, texts: dict[str, str]) -> list[str] | None:
    """Texts of the comments anchored (range start or reference) in paragraph `p`."""
    if not texts:
        return None
    ids = dict.fromkeys(el.get(W + "id") for el in p.iter(W + "commentRangeStart", W + "commentReference"))
    found = [texts[i] for i in ids if i in texts]
    return found or None


def read_docx(data: bytes, path: str, max_uncompressed: int = MAX_UNCOMPRESSED) -> Document:
    doc = open_docx(data, path, max_uncompressed)
    try:
        numbering_el = doc.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_el = None
    try:
        styles_el = doc.part.styles.element if doc.part.styles is not None else None
    except (KeyError, AttributeError, ValueError):
        styles_el = None
    builder = _Builder(_Styles(styles_el), Numbering(numbering_el))
    try:
        builder.container(doc.element.body)
    except InputError as exc:
        raise InputError(path, exc.problem) from None
    builder.flush_pending()
    notes: list[str] = []
    tracked = any(True for _ in doc.element.body.iter(*_TRACKED))
    try:
        note_texts, notes_tracked = read_notes(doc)
    except (etree.XMLSyntaxError, KeyError, ValueError) as exc:
        note_texts, notes_tracked = [], False  # the body is still worth reading
        notes.append(f"footnotes/endnotes not read: malformed ({exc})")
    for label, text in note_texts:
        builder._add(f"[{label}] {text}", {"kind": "footnote", "number": label})
    if tracked or notes_tracked:
        notes.insert(0, TRACKED_NOTE)
    source_index = {p: i for i, p in enumerate(doc.element.body.iter(_P))}
    comment_texts = _comment_texts(doc)
    blocks: list[Block] = []
    pos = 0
    for i, (line, spec) in enumerate(zip(builder.lines, builder.specs), start=1):
        end = pos + len(line)
        blocks.append(Block(spec["kind"], pos, end, line=i, paragraph=i, number=spec.get("number"), level=spec.get("level"), title=spec.get("title")))
        if spec.get("p") is not None:
            blocks[-1].source_index = source_index.get(spec["p"])
            blocks[-1].comments = _comments_on(spec["p"], comment_texts)
        pos = end + 1
    return Document(path=path, format="docx", text="\n".join(builder.lines), blocks=blocks, notes=notes)
