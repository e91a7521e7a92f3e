"""Canonical URLs: the same page always gets the same string (and so the same ``Article.id``)."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

#: Query parameters that only track the reader; dropped from canonical URLs.
TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "mc_cid", "mc_eid"})


def _is_tracking(pair: str) -> bool:
    name = pair.split("=", 1)[0].lower()
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_NAMES


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """``url`` resolved against ``base``, without fragment and tracking parameters, host lower-cased.

    The rest of the query keeps its original spelling and order, so no two different pages collapse.
    """
    if not url or not url.strip():
        return None
    url = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return urlunsplit(parts._replace(fragment=""))
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    netloc = parts.netloc.lower()
    for scheme, port in (("http", ":80"), ("https", ":443")):
        if parts.scheme.lower() == scheme and netloc.endswith(port):
            netloc = netloc[: -len(port)]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))
