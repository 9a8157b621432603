"""Bytes to text for .txt and .md drafts, with one documented policy.

- UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a BOM are read
  as such; the BOM is not part of the text.
- Line endings are kept exactly as in the file, so offsets are offsets into
  `raw_bytes.decode(encoding)` minus the BOM.
- Anything else that is clearly text is read as Windows-1252 (the usual
  encoding of legacy Western office exports), with a note saying so.
- Binary content (NUL bytes, control characters) is an input error.
"""

from __future__ import annotations

import codecs

from pcsc_procure.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})
_CONTROL_TABLE = bytes.maketrans(b"", b"")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL))
    return controls / len(sample) > 0.01


def decode_text(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Return (text, encoding, notes) or raise InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {encoding} byte-order mark but is not valid {encoding} (byte {exc.start + len(bom)})") from None
    if _looks_binary(data):
        raise InputError(path, "binary content, not text (NUL or control bytes); is this really a text file?")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(path, f"not UTF-8 (invalid byte at offset {first_bad}) and not Windows-1252 either; save it as UTF-8") from None
    return text, "cp1252", [f"not valid UTF-8 (first invalid byte at offset {first_bad}): read as Windows-1252"]
