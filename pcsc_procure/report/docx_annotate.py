"""`lint --annotate OUT.docx`: a copy of a Word draft with the findings as comments.

- one Word comment per flagged paragraph, listing each finding there: rule
  id and severity, message, guideline source, suggested clause template;
- the missing-clause (document-level) findings gathered into one comment on
  the first paragraph with text;
- the input is read, never written: the copy is saved to OUT atomically.

Findings are mapped to paragraphs through the reader's blocks: each DOCX
block knows its source paragraph (`Block.source_index`, the ordinal of the
`w:p` among `body.iter(w:p)`), so the copy is opened with python-docx and the
same paragraph is found by the same traversal.
"""

from __future__ import annotations

import io

AUTHOR = "pcsc-procure"
INITIALS = "PCSC"


def comment_text(f) -> str:
    lines = [f"{f.rule} ({f.severity}): {f.message}", f"Source: {f.source}"]
    if f.fix:
        lines.append(f"Suggested clause: template '{f.fix}' (pcsc-procure fix adds it to a copy of the draft).")
    return "\n".join(lines)


def _runs(paragraph):
    """Runs to anchor a comment on: the paragraph's own, else any inside it (links, fields)."""
    from docx.text.run import Run

    runs = list(paragraph.runs)
    if not runs:
        from docx.oxml.ns import qn

        runs = [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]
    if not runs:
        runs = [paragraph.add_run("")]
    return runs


def plan_comments(result) -> list[tuple[int | None, list]]:
    """[(source paragraph index or None for 'first paragraph', findings)], in document order."""
    doc = result.document
    by_paragraph: dict[int, list] = {}
    general: list = []
    for f in result.findings:
        block = doc.block_at(f.start) if f.scope == "passage" and f.start is not None else None
        index = getattr(block, "source_index", None) if block is not None else None
        if index is None:
            general.append(f)  # missing clause, or a passage with no Word paragraph (footnote)
        else:
            by_paragraph.setdefault(index, []).append(f)
    plan: list[tuple[int | None, list]] = []
    if general:
        plan.append((None, general))
    plan += sorted(by_paragraph.items())
    return plan


def annotate_docx(source: str, result, target: str) -> int:
    """Write `target`: a copy of `source` with one comment per flagged paragraph. Returns the count."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    from pcsc_procure.outputs import write_atomic

    with open(source, "rb") as fh:
        data = fh.read()
    document = docx.Document(io.BytesIO(data))
    paragraphs = list(document.element.body.iter(qn("w:p")))
    first = next((b.source_index for b in result.document.blocks if getattr(b, "source_index", None) is not None), 0)
    count = 0
    for index, findings in plan_comments(result):
        if index is None:
            head = f"{len(findings)} finding{'s' if len(findings) != 1 else ''} about the whole document (missing clauses or passages outside the body):"
            text = head + "\n\n" + "\n\n".join(comment_text(f) for f in findings)
            index = first
        else:
            text = "\n\n".join(comment_text(f) for f in findings)
        if not paragraphs:
            break
        paragraph = Paragraph(paragraphs[index], document._body)
        document.add_comment(_runs(paragraph), text=text, author=AUTHOR, initials=INITIALS)
        count += 1
    out = io.BytesIO()
    document.save(out)
    write_atomic(target, out.getvalue(), [source])
    return count
