"""RSS/Atom -> one Article per entry (``source`` = "feed#guid", or "feed#index" without a guid).

An entry with substantial content (``MIN_ENTRY_WORDS``) is read from its content/summary HTML; otherwise its
link is fetched and read like any URL. The entry's title, link and date win over the fetched page's.
"""
from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator

import feedparser

from ..errors import InputRejected
from ..models import Article, Rejection
from .base import Context, Meta, build_article, iso_date, tidy
from .html import fragment_paragraphs
from .urls import canonical_url

MIN_ENTRY_WORDS = 40


def _content_html(entry) -> str:
    """The richest HTML the entry carries: content:encoded / Atom content, else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _entry_meta(entry, site: str | None) -> Meta:
    date = entry.get("published_parsed") or entry.get("updated_parsed")
    link = entry.get("link") or ""
    return Meta(title=entry.get("title"), url=link if link.startswith(("http://", "https://")) else None,
                published=date,
                site=site, author=entry.get("author"))


def _usable(entry) -> bool:
    return bool(entry.get("link") or _content_html(entry).strip())


def read_entry(entry, source: str, ctx: Context, site: str | None) -> Iterator[Article | Rejection]:
    from . import read_fetched  # the URL path lives in the package entry point

    meta = _entry_meta(entry, site)
    paragraphs = fragment_paragraphs(_content_html(entry))
    words = sum(len(p.split()) for p in paragraphs)
    if words >= MIN_ENTRY_WORDS or (paragraphs and not meta.url):
        yield build_article(paragraphs, source, meta, ctx)
        return
    if not meta.url:
        raise InputRejected(source, "empty", "feed entry has neither content nor a link")
    for item in read_fetched(meta.url, ctx, allow=("html", "text")):
        if isinstance(item, Rejection):
            item = Rejection(source, item.reason, f"{item.detail} (fetching {meta.url})")
        yield _entry_wins(item, meta, source) if isinstance(item, Article) else item


def _entry_wins(article: Article, meta: Meta, source: str) -> Article:
    """The fetched page's Article with the entry's title, link and date where the entry has them."""
    return dataclasses.replace(
        article, source=source, title=tidy(meta.title) if meta.title else article.title,
        url=canonical_url(meta.url), published=iso_date(meta.published) or article.published,
        site=article.site or meta.site, author=article.author or meta.author)


def read_feed(raw: bytes, source: str, ctx: Context, charset: str | None = None) -> Iterator[Article | Rejection]:
    """Articles (and per-entry Rejections) of an RSS/Atom document.

    Malformed XML (feedparser's ``bozo``) still yields the entries before the last one that carry content or
    a link; with none, the whole feed is ``malformed_feed``.
    """
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else {}
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    entries = parsed.entries
    if parsed.bozo and entries:
        entries = entries[:-1]  # in broken XML (a cut-off download) the last entry may be cut off too
    if parsed.bozo and not any(_usable(e) for e in entries):
        raise InputRejected(source, "malformed_feed",
                            f"not well-formed XML ({parsed.get('bozo_exception')}) and no readable entry")
    if not entries:
        raise InputRejected(source, "empty", "the feed has no entries")
    site = parsed.feed.get("title")
    for index, entry in enumerate(entries):
        entry_source = f"{source}#{entry.get('id') or index}"
        if parsed.bozo and not _usable(entry):
            yield Rejection(entry_source, "malformed_feed", "entry broken in malformed XML")
            continue
        try:
            yield from read_entry(entry, entry_source, ctx, site)
        except InputRejected as exc:
            yield Rejection(entry_source, exc.reason, exc.detail)
