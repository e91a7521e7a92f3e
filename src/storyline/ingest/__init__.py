"""Ingest: files, directories, URLs, stdin -> ``Article`` (or a typed ``Rejection``), one input at a time.

    read_sources(["a.txt", "site/", "https://x/y", "-"], settings)  ->  Article | Rejection, ...

Each input goes: bytes (size-capped) -> ``decode`` (empty/binary/encoding checks) -> ``sniff`` (text, html,
feed, jsonl) -> its reader -> ``base.build_article`` (furniture removal in ``clean``, the English check).
Nothing here raises for a bad input: readers raise ``InputRejected`` and this module yields it as a Rejection.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from ..errors import InputRejected
from ..models import Article, Rejection
from .base import Context, Meta
from .decode import check_bytes, decode
from .feeds import read_feed
from .fetch import Fetcher
from .html import read_html
from .jsonl import read_jsonl
from .sniff import sniff
from .text import read_text

__all__ = ["read_sources", "read_upload", "article_from_text"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_sources(sources: Iterable[str], settings: dict, published: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> Iterator[Article | Rejection]:
    """Articles and Rejections from paths, directories, http(s) URLs and "-" (stdin), in order.

    ``published`` (YYYY-MM-DD) dates the inputs that carry no date of their own. ``transport`` replaces the
    network (``httpx.MockTransport`` in tests).
    """
    _check_day(published)
    return _read_all(sources, Context(settings, published, Fetcher(settings, transport)))


def article_from_text(text: str, source: str = "<text>", published: str | None = None,
                      settings: dict | None = None) -> Article | Rejection:
    """One Article from a raw text or HTML string (the first one, for a feed or JSONL), or its Rejection."""
    from ..settings import load_settings

    _check_day(published)
    settings = settings or load_settings()
    ctx = Context(settings, published, Fetcher(settings))
    data = text.encode("utf-8")
    items = list(_guarded(source, lambda: read_bytes(data, source, ctx)))
    return next((i for i in items if isinstance(i, Article)), items[0] if items else
                Rejection(source, "empty", "no article found in the text"))


def read_upload(data: bytes, source: str, settings: dict, published: str | None = None, name: str = "",
                url: str | None = None) -> Iterator[Article | Rejection]:
    """Articles (or the Rejection) of one uploaded body: text, HTML, a feed or a JSONL dump, told apart by content."""
    _check_day(published)
    ctx = Context(settings, published, Fetcher(settings))
    try:
        yield from _guarded(source, lambda: _upload(data, source, ctx, name, url))
    finally:
        ctx.fetcher.close()


def _upload(data: bytes, source: str, ctx: Context, name: str, url: str | None) -> Iterator[Article | Rejection]:
    limit = int(ctx.settings["max_bytes"])
    if len(data) > limit:
        raise InputRejected(source, "too_large", f"{len(data)} bytes > max_bytes {limit}; raise max_bytes to read it")
    return read_bytes(data, source, ctx, name=name, base_url=url)


def _check_day(published: str | None) -> None:
    if published is not None and not _DAY.match(published):
        raise ValueError(f"published must be a date written YYYY-MM-DD, got {published!r}")


def _read_all(sources: Iterable[str], ctx: Context) -> Iterator[Article | Rejection]:
    try:
        for source in sources:
            yield from _guarded(str(source), lambda s=str(source): _read_one(s, ctx))
    finally:
        ctx.fetcher.close()


def _guarded(source: str, produce) -> Iterator[Article | Rejection]:
    """Items of ``produce()``, with an ``InputRejected`` raised on the way turned into a Rejection."""
    try:
        yield from produce()
    except InputRejected as exc:
        yield Rejection(exc.source or source, exc.reason, exc.detail)


def _read_one(source: str, ctx: Context) -> Iterator[Article | Rejection]:
    if source == "-":
        return read_bytes(_read_stream(sys.stdin.buffer, "stdin", ctx), "stdin", ctx)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        return read_fetched(source, ctx)
    path = Path(source)
    if path.is_dir():
        return _read_dir(path, ctx)
    if not path.exists():
        raise InputRejected(source, "not_found", "no such file or directory (URLs need http:// or https://)")
    if not path.is_file():
        raise InputRejected(source, "unsupported", "not a regular file (a device, socket or pipe?)")
    return read_bytes(_read_file(path, ctx), source, ctx, name=path.name)


# In a directory walk only files with these endings are read (a README or a manifest beside the articles is
# not news); a file named on the command line is read whatever its name.
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl", ".ndjson"}


def _read_dir(root: Path, ctx: Context) -> Iterator[Article | Rejection]:
    """Every non-hidden article file under ``root`` (by ``ARTICLE_SUFFIXES``), recursively, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(f for f in filenames if not f.startswith(".")
                           and Path(f).suffix.lower() in ARTICLE_SUFFIXES):
            path = str(Path(dirpath) / name)
            yield from _guarded(path, lambda p=path: _read_one(p, ctx))


def _read_file(path: Path, ctx: Context) -> bytes:
    limit = int(ctx.settings["max_bytes"])
    size = path.stat().st_size
    if size > limit:
        raise InputRejected(str(path), "too_large", f"{size} bytes > max_bytes {limit}; raise max_bytes to read it")
    with path.open("rb") as handle:
        return _read_stream(handle, str(path), ctx)


def _read_stream(handle, source: str, ctx: Context) -> bytes:
    limit = int(ctx.settings["max_bytes"])
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputRejected(source, "too_large", f"more than max_bytes {limit}; raise max_bytes to read it")
    return data


def read_fetched(url: str, ctx: Context, allow: tuple[str, ...] | None = None) -> Iterator[Article | Rejection]:
    """Fetch ``url`` and read the body like a file; the final URL is the base and fallback canonical URL."""
    fetched = ctx.fetcher.fetch(url)
    return read_bytes(fetched.body, url, ctx, base_url=fetched.url, charset=fetched.charset, allow=allow)


def read_bytes(data: bytes, source: str, ctx: Context, name: str = "", base_url: str | None = None,
               charset: str | None = None, allow: tuple[str, ...] | None = None) -> Iterator[Article | Rejection]:
    """Articles of one input's bytes, whatever its kind; raises ``InputRejected`` for the whole input."""
    check_bytes(data, source)
    text = decode(data, source, charset)
    if not text.strip():
        raise InputRejected(source, "empty", "only whitespace")
    kind = sniff(text, source, name)
    if allow is not None and kind not in allow:
        raise InputRejected(source, "unsupported", f"a {kind} input where only {', '.join(allow)} is read")
    if kind == "feed":
        return read_feed(data, source, ctx, charset)
    if kind == "jsonl":
        return read_jsonl(text, source, ctx)
    if kind == "html":
        return iter([read_html(text, source, ctx, base_url=base_url)])
    return iter([read_text(text, source, ctx, Meta(url=base_url))])
