"""JSONL -> one Article per line: ``{"text" | "html", "url", "title", "published", "author", "site"}``.

A bad line is a ``malformed_jsonl`` Rejection with source "file:lineno"; the other lines go on.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputRejected
from ..models import Article, Rejection
from .base import Context, Meta
from .html import read_html
from .text import read_text

FIELDS = ("text", "html", "url", "title", "published", "author", "site")


def parse_line(line: str, source: str) -> dict:
    """The JSON object on ``line``, checked to carry a string ``text`` or ``html``."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise InputRejected(source, "malformed_jsonl", f"not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputRejected(source, "malformed_jsonl", f"a JSON {type(record).__name__}, not an object")
    if not isinstance(record.get("text"), str) and not isinstance(record.get("html"), str):
        raise InputRejected(source, "malformed_jsonl",
                            f"no string 'text' or 'html' field (keys: {', '.join(sorted(record)) or 'none'})")
    return record


def read_record(record: dict, source: str, ctx: Context) -> Article:
    meta = Meta(**{k: (str(record[k]) if record.get(k) is not None else None) for k in FIELDS[2:]})
    if isinstance(record.get("text"), str):
        if not record["text"].strip():
            raise InputRejected(source, "empty", "the 'text' field is empty")
        return read_text(record["text"], source, ctx, meta)
    if not record["html"].strip():
        raise InputRejected(source, "empty", "the 'html' field is empty")
    return read_html(record["html"], source, ctx, base_url=meta.url, meta=meta)


def read_jsonl(text: str, source: str, ctx: Context) -> Iterator[Article | Rejection]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        line_source = f"{source}:{lineno}"
        try:
            yield read_record(parse_line(line, line_source), line_source, ctx)
        except InputRejected as exc:
            yield Rejection(exc.source, exc.reason, exc.detail)
