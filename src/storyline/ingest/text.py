"""Plain text -> title and paragraphs.

Paragraphs are separated by blank lines; a text without any blank line has one paragraph per line. The first
line is the title when it is short, is not a sentence ending in "." and a blank line follows it.
"""
from __future__ import annotations

import re

from .base import Context, Meta, build_article, iso_date
from ..models import Article

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_TITLE_MAX_WORDS = 20
_TITLE_MAX_CHARS = 200


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs of ``text``, whitespace not yet normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [p for p in parts if p.strip()]


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return (0 < len(line) <= _TITLE_MAX_CHARS and len(line.split()) <= _TITLE_MAX_WORDS
            and not line.endswith((".", ",", ";", ":")))


def split_title(text: str) -> tuple[str | None, str]:
    """(title, rest) when the first line is a title followed by a blank line, else (None, text)."""
    lines = text.lstrip("\ufeff \t\r\n").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) >= 3 and not lines[1].strip() and looks_like_title(lines[0]):
        rest = "\n".join(lines[2:])
        if rest.strip():
            return lines[0].strip(), rest
    return None, text


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEYS = {"title": "title", "url": "url", "link": "url", "published": "published", "date": "published",
               "source": "site", "site": "site", "author": "author"}


def front_matter(text: str) -> tuple[Meta, str]:
    """Metadata from a leading ``---`` block of ``key: value`` lines (as static-site generators write it).

    Known keys: title, url/link, published/date, source/site, author; others are ignored. Without such a
    block, (empty Meta, text) comes back unchanged.
    """
    match = _FRONT_MATTER.match(text)
    if not match or len(match.group(1)) > 4000:
        return Meta(), text
    found: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        if sep and field and value.strip():
            found[field] = value.strip().strip("\"'")
    if found.get("published"):
        found["published"] = iso_date(found["published"])
    return Meta(**found), text[match.end():]


def read_text(text: str, source: str, ctx: Context, meta: Meta = Meta()) -> Article:
    """An Article from plain text; ``meta.title`` (when given) replaces the first-line title rule."""
    own, text = front_matter(text)
    meta = own.over(meta)
    title, body = (None, text) if meta.title else split_title(text)
    return build_article(paragraphs(body), source, meta.over(Meta(title=title)), ctx)
