"""Bytes -> text: refuse empty and binary inputs, then decode.

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else the charset the
input declares (HTTP ``Content-Type``, HTML ``<meta charset>``, the XML prolog). Latin-1 declarations decode
as cp1252, as browsers do. Nothing is guessed: undeclared non-UTF-8 bytes are ``bad_encoding``.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputRejected

#: (format, leading bytes) of common non-text files.
MAGIC_NUMBERS = (
    ("PNG image", b"\x89PNG\r\n\x1a\n"),
    ("JPEG image", b"\xff\xd8\xff"),
    ("GIF image", b"GIF87a"),
    ("GIF image", b"GIF89a"),
    ("RIFF media (WebP/WAV/AVI)", b"RIFF"),
    ("PDF document", b"%PDF-"),
    ("ZIP archive (also docx/xlsx/epub)", b"PK\x03\x04"),
    ("gzip archive", b"\x1f\x8b"),
    ("xz archive", b"\xfd7zXZ\x00"),
    ("7z archive", b"7z\xbc\xaf\x27\x1c"),
    ("MS Office (OLE) document", b"\xd0\xcf\x11\xe0"),
    ("ELF executable", b"\x7fELF"),
    ("SQLite database", b"SQLite format 3\x00"),
)

#: Byte-order marks, longest first (the UTF-32 LE mark starts like UTF-16 LE's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1b")
_DECLARED = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I),
)
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def check_bytes(data: bytes, source: str) -> None:
    """Raise ``empty`` or ``binary`` for inputs that cannot be text."""
    if not data.strip():
        raise InputRejected(source, "empty", "no bytes" if not data else "only whitespace")
    for name, magic in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise InputRejected(source, "binary", f"a {name}; storyline reads text, HTML, RSS/Atom and JSONL")
    if bom_encoding(data):
        return
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise InputRejected(source, "binary", "contains NUL bytes (a binary file, or UTF-16 without a BOM)")
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputRejected(source, "binary", f"{controls} control bytes in the first {len(sample)}")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML prolog declares in the first 4 KB, if any."""
    head = data[:4096]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in _AS_CP1252 else codec


def decode(data: bytes, source: str, header_charset: str | None = None) -> str:
    """Text of ``data`` (see the module docstring for the order tried), or raise ``bad_encoding``."""
    bom = bom_encoding(data)
    if bom:
        return _strict(data, bom, source, "byte-order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = header_charset or declared_charset(data)
    codec = _codec(declared) if declared else None
    if codec and codec != "utf-8":
        return _strict(data, codec, source, f"declared charset {declared!r}")
    raise InputRejected(
        source, "bad_encoding",
        f"not valid UTF-8 (byte {utf8_error.start}) and no usable charset declared"
        f"{f' ({declared!r})' if declared else ''}; convert it to UTF-8 or declare its charset")


def _strict(data: bytes, codec: str, source: str, why: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputRejected(source, "bad_encoding",
                            f"invalid {codec} at byte {exc.start} ({why}); convert it to UTF-8") from exc
