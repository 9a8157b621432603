"""Write a fixed copy of a draft: the original plus an annex of missing clauses.

The input file is never touched. The copy keeps the input's format:
- .docx: the original document (content, styles, numbering untouched) with
  "Annex A: Standard clauses" appended, headings in Word heading styles and
  clauses numbered by Word (A.1, A.1.1 ...);
- .md: the annex appended as Markdown headings and numbered paragraphs;
- .txt: the annex appended as plain text, in the file's encoding and line endings;
- .pdf: PDFs are not edited; the annex alone is written as .docx, .md or .txt.
"""

from __future__ import annotations

from pathlib import Path

from pcsc_procure.errors import UserError
from pcsc_procure.generate import writers

_TEXT_ENCODINGS = {"utf-8": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16", "utf-32-le": "utf-32", "utf-32-be": "utf-32", "cp1252": "cp1252"}


def output_format(input_path: str, output_path: str) -> str:
    src = Path(input_path).suffix.lower()
    dst = Path(output_path).suffix.lower()
    if src == ".pdf":
        if dst not in (".docx", ".md", ".txt"):
            raise UserError(output_path, "a PDF cannot be edited: write the missing clauses to a .docx, .md or .txt file instead")
        return dst
    if src == ".markdown":
        src = ".md"
    if dst == ".markdown":
        dst = ".md"
    if dst != src:
        raise UserError(output_path, f"the fixed copy must keep the draft's format ({src}); use an output name ending in {src}")
    return dst


def _text_output(data: bytes, path: str, annex: str) -> bytes:
    from pcsc_procure.document.decoding import decode_text

    text, encoding, _ = decode_text(data, path)
    newline = "\r\n" if "\r\n" in text else "\n"
    body = text if text.endswith(("\n", "\r")) else text + newline
    out = body + annex.replace("\n", newline) + newline
    bom = b""
    if data.startswith(b"\xef\xbb\xbf"):
        bom = b"\xef\xbb\xbf"
    codec = _TEXT_ENCODINGS.get(encoding, "utf-8")
    try:
        encoded = out.encode(codec)
    except UnicodeEncodeError:
        raise UserError(path, f"the added clauses cannot be written in the draft's encoding ({encoding})") from None
    return bom + encoded if codec == "utf-8" else encoded


def build_fixed(input_path: str, data: bytes, output_path: str, clauses) -> bytes:
    fmt = output_format(input_path, output_path)
    source_is_pdf = Path(input_path).suffix.lower() == ".pdf"
    if fmt == ".docx":
        if source_is_pdf:
            import io

            import docx

            buf = io.BytesIO()
            blank = docx.Document()
            blank.add_paragraph(f"Standard clauses to add to {Path(input_path).name}", style="Title")
            blank.save(buf)
            return writers.annex_docx(buf.getvalue(), clauses)
        return writers.annex_docx(data, clauses)
    if fmt == ".md":
        annex = writers.annex_markdown(clauses)
        if source_is_pdf:
            return (f"# Standard clauses to add to {Path(input_path).name}\n" + annex + "\n").encode("utf-8")
        return _text_output(data, input_path, annex)
    annex = writers.annex_text(clauses)
    if source_is_pdf:
        return (f"STANDARD CLAUSES TO ADD TO {Path(input_path).name}\n" + annex + "\n").encode("utf-8")
    return _text_output(data, input_path, annex)
