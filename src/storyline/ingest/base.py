"""What every input kind shares: its metadata (``Meta``), the run context, and ``build_article``.

Readers raise ``InputRejected`` for a refused input; ``read_sources`` turns it into a ``Rejection``.
"""
from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from ..errors import InputRejected
from ..models import Article
from . import clean, english
from .urls import canonical_url

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Meta:
    """Metadata an input carries about itself; ``None`` means "not known"."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None

    def over(self, other: "Meta") -> "Meta":
        """This metadata where known, ``other`` for the gaps."""
        return Meta(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


@dataclass
class Context:
    """One ``read_sources`` run: settings, the fallback date and the shared URL fetcher."""

    settings: dict
    published: str | None
    fetcher: Any  # fetch.Fetcher; typed loosely to keep the import graph acyclic


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO string, an RFC 2822 date or a ``time.struct_time``; None when unreadable."""
    if not value:
        return None
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    text = str(value).strip()
    match = _ISO_DAY.match(text)
    if match and _valid_day(*map(int, match.groups())):
        return match.group(0)
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def tidy(paragraph: str) -> str:
    """Whitespace runs (newlines included) -> one space; other characters untouched."""
    return " ".join(paragraph.split())


def build_article(paragraphs: list[str], source: str, meta: Meta, ctx: Context) -> Article:
    """Clean ``paragraphs`` of site furniture, check the rest is English text, and make the Article."""
    kept, removed = clean.split_furniture([p for p in map(tidy, paragraphs) if p])
    if meta.title and len(kept) > 1 and kept[0].casefold() == tidy(meta.title).casefold():
        removed.insert(0, clean.Removed(kept.pop(0), "title"))
    text = "\n\n".join(kept)
    if not text:
        if removed:
            raise InputRejected(source, "not_article", f"only site furniture found ({removed[0].reason}: "
                                                       f"{removed[0].text[:60]!r})")
        raise InputRejected(source, "empty", "no text left after extraction")
    english.check(text, source, ctx.settings.get("min_english_share", 0.5))
    return Article(
        text=text,
        title=tidy(meta.title) if meta.title else None,
        url=canonical_url(meta.url),
        published=iso_date(meta.published) or ctx.published,
        source=source,
        site=tidy(meta.site) if meta.site else None,
        author=tidy(meta.author) if meta.author else None,
        removed=tuple(removed),
    )
