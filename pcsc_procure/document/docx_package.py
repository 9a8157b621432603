"""Open a .docx package, or say in one line why it is not one.

Word files go wrong in a handful of recognisable ways: a PDF or an old .doc
renamed .docx, a truncated download, a zip without the main document part,
a part whose XML is broken. Each gets its own message naming the problem
(and the part), so a user knows what to fix; zip bombs are refused before
anything is decompressed, and XML parts that declare a DTD (billion laughs,
external entities: the Open Packaging Conventions forbid DTDs, Word never
writes one) before anything is parsed. The parsers used later resolve no
entities and read no files or URLs either way.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from pcsc_procure.errors import InputError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_PARTS = 10000
_PROLOG_BYTES = 65536  # how much of each XML part is searched for a DTD
_DTD_MARKS = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_DOCUMENT = "/officeDocument"
# Word packages python-docx will not open as documents.
_OTHER_WORD_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": ".docm (macro-enabled)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": ".dotx (template)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": ".dotm (macro-enabled template)",
}


def _sniff(data: bytes, path: str) -> None:
    """Recognise the usual impostors by their first bytes."""
    if not data:
        raise InputError(path, "empty file, not a Word document")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        raise InputError(path, "not a Word document: this is a PDF with a .docx name; rename it to .pdf")
    if data.startswith(_OLE_MAGIC):
        raise InputError(path, "not a .docx: this is an old binary Word file (.doc) or a password-protected document; save it as .docx without a password")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "not a .docx: this is an RTF file with a .docx name; save it as .docx")
    if not data.startswith(b"PK"):
        raise InputError(path, "not a valid .docx (not a zip package: corrupt, truncated or another format)")


def _main_part_name(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The main document part named by the package relationships (word/document.xml)."""
    from lxml import etree

    if "_rels/.rels" not in names:
        return "word/document.xml"
    try:
        root = etree.fromstring(zf.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    except (etree.XMLSyntaxError, ValueError):
        return "word/document.xml"
    for rel in root:
        if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    return "word/document.xml"


def check_package(data: bytes, path: str, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
    """Refuse things that are not Word documents, and zip bombs, before parsing."""
    _sniff(data, path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:  # "zip file version 6.4": a central directory entry asks for a newer unzipper
        raise InputError(path, f"not a valid .docx (unsupported zip package: {exc})") from None
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(path, "not a valid .docx (not a zip package: corrupt or truncated)") from None
    with zf:
        names = set()
        total = 0
        for info in zf.infolist():
            names.add(info.filename)
            total += info.file_size
            if info.file_size > 1024 * 1024 and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
                raise InputError(path, f"refused: part {info.filename} expands {info.file_size // max(info.compress_size, 1)}x (zip bomb?)")
            if len(names) > MAX_PARTS:
                raise InputError(path, f"refused: more than {MAX_PARTS} parts in the package (zip bomb?)")
        if total > max_uncompressed:
            raise InputError(path, f"refused: {total / 1048576:.0f} MB uncompressed, over the {max_uncompressed / 1048576:.0f} MB limit (max_unpacked_mb)")
        _refuse_dtds(zf, path)
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise InputError(path, "not a Word document (zip package without word/ parts)")
        main = _main_part_name(zf, names)
        if main not in names:
            raise InputError(path, f"corrupt .docx: the main document part {main} is missing")


def _refuse_dtds(zf: zipfile.ZipFile, path: str) -> None:
    """Refuse a package whose XML parts declare a DTD (entity expansion, external entities)."""
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels")) or info.is_dir():
            continue
        try:
            with zf.open(info) as fh:
                head = fh.read(_PROLOG_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise InputError(path, f"corrupt .docx: a part cannot be decompressed ({exc})") from None
        if any(mark in head for mark in _DTD_MARKS):
            raise InputError(path, f"refused: part {info.filename} declares a DTD (<!DOCTYPE>), which Word files never contain (XML entity attack?)")


def _broken_part(data: bytes) -> str | None:
    """Name the first XML part that does not parse (only called after a failure)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in sorted(zf.namelist()):
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                etree.fromstring(zf.read(name), parser)
            except etree.XMLSyntaxError:
                return name
            except Exception:
                continue
    return None


def open_docx(data: bytes, path: str, max_uncompressed: int = MAX_UNCOMPRESSED):
    """Return the python-docx Document, or raise InputError with one clear line."""
    check_package(data, path, max_uncompressed)
    try:
        import docx
        from lxml import etree
    except ImportError as exc:  # pragma: no cover - installation problem
        raise InputError(path, f"python-docx is not installed ({exc})") from None
    try:
        doc = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        part = _broken_part(data)
        where = f" in {part}" if part else ""
        msg = getattr(exc, "msg", None) or str(exc)
        if "Excessive depth" in msg:  # libxml2 stops at 256 levels of elements
            raise InputError(path, f"refused: XML{where} nested more than 256 elements deep") from None
        raise InputError(path, f"corrupt .docx: malformed XML{where} ({msg})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(path, f"corrupt .docx: a part cannot be decompressed ({exc})") from None
    except KeyError as exc:
        raise InputError(path, f"corrupt .docx: missing part ({str(exc).strip(chr(34))})") from None
    except ValueError as exc:
        kind = next((label for ct, label in _OTHER_WORD_TYPES.items() if ct in str(exc)), None)
        if kind:
            raise InputError(path, f"not a .docx: this is a Word {kind} file; save it as .docx") from None
        raise InputError(path, f"corrupt or unsupported .docx ({exc})") from None
    except Exception as exc:  # python-docx raises assorted errors on broken packages
        raise InputError(path, f"corrupt or unsupported .docx ({type(exc).__name__}: {exc})") from None
    if doc.element.body is None:
        raise InputError(path, "corrupt .docx: the main document part has no body")
    return doc
