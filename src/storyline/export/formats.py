"""One writer per export format; each reads the store's documents once, in publication order."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..errors import ExportError
from ..models import Document
from . import gdelt, parquet

FORMATS = ("jsonl", "parquet", "gdelt")


def export(documents: Iterable[Document], fmt: str, out: str | None, statuses: tuple[str, ...] | None = None) -> int:
    """Write ``documents`` as ``fmt`` to ``out`` (a file, a directory for parquet, or None for standard output)."""
    if fmt == "parquet":
        if not out:
            raise ExportError(fmt, "parquet writes a directory of tables: give it with --out DIR")
        return parquet.write(documents, Path(out))
    with _text_out(out) as stream:
        if fmt == "jsonl":
            return _write_jsonl(documents, stream)
        if fmt == "gdelt":
            return gdelt.write(documents, stream, statuses or gdelt.HAPPENED)
    raise ExportError(fmt, f"unknown format; use one of {', '.join(FORMATS)}")


@contextmanager
def _text_out(out: str | None):
    if not out:
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as stream:
        yield stream


def _write_jsonl(documents: Iterable[Document], stream: TextIO) -> int:
    count = 0
    for doc in documents:
        stream.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
