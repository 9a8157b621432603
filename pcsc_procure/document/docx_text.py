"""The visible text of one Word paragraph, with tracked changes accepted.

A paragraph's XML holds more than a reader sees: deleted and moved-away runs,
hidden text, field codes, the fallback copy of every text box, tab-stop
definitions. This walks the paragraph once, keeping what would be on the page
if every tracked change were accepted, and hands text boxes back to the
caller to read as blocks of their own.
"""

from __future__ import annotations

from pcsc_procure.document.docx_numbering import W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_T, _TAB, _PTAB, _BR, _CR, _NBH = (W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
_R, _RPR, _TXBX = W + "r", W + "rPr", W + "txbxContent"
# Subtrees that contribute no visible text once changes are accepted.
_SKIP = {
    W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "instrText", W + "delText", W + "delInstrText",
    W + "footnoteReference", W + "endnoteReference", W + "commentReference", W + "fldData", MC + "Fallback",
}
_OFF = ("0", "false", "off")
_REMOVED_MARK = (W + "del", W + "moveFrom")


def _on(el) -> bool:
    """A toggle property (`<w:b/>`, `<w:vanish w:val="0"/>`) that is switched on."""
    return el is not None and el.get(W + "val") not in _OFF


def run_hidden(r) -> bool:
    rpr = r.find(_RPR)
    return rpr is not None and _on(rpr.find(W + "vanish"))


def paragraph_text(p) -> tuple[str, list]:
    """Return (visible text, text boxes anchored in the paragraph)."""
    parts: list[str] = []
    boxes: list = []
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == _T:
                parts.append(el.text or "")
            elif tag == _TAB or tag == _PTAB:
                parts.append("\t")
            elif tag == _BR or tag == _CR:
                parts.append(" ")
            elif tag == _NBH:
                parts.append("-")
            elif tag == _TXBX:
                boxes.append(el)
            elif tag in _SKIP or (tag == _R and run_hidden(el)):
                continue
            elif len(el):
                stack.append(iter(el))
                break
        else:
            stack.pop()
    text = "".join(parts)
    if "\n" in text or "\r" in text or "\x0b" in text:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\x0b", " ")
    return text, boxes


def mark_removed(p) -> bool:
    """True when the paragraph mark itself is deleted or moved away (joins the next)."""
    ppr = p.find(W + "pPr")
    rpr = ppr.find(_RPR) if ppr is not None else None
    return rpr is not None and any(rpr.find(tag) is not None for tag in _REMOVED_MARK)


def all_bold(p) -> bool:
    """Every visible run with text is bold (a typical unstyled heading)."""
    seen = False
    for r in p.iter(_R):
        t = r.find(_T)
        if t is None or not (t.text or "").strip() or run_hidden(r):
            continue
        if any(True for _ in r.iterancestors(*_REMOVED_MARK)):
            continue
        rpr = r.find(_RPR)
        if rpr is None or not _on(rpr.find(W + "b")):
            return False
        seen = True
    return seen
