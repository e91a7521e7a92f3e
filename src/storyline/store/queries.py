"""Read-side queries over the denormalised tables, with the filters an analyst asks for. Each returns dicts.

    articles(store, limit, offset)                           newest first, without their text
    events(store, plover=, status=, actor=, since=, until=)  one row per stored event
    quotes(store, speaker=, since=, until=)                  one row per stored quote

``actor`` matches an actor code prefix ("USA", "RUSGOV") or a name, on either side of the event.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from . import schema

MAX_LIMIT = 1000


def _limit(limit: int | None) -> int:
    return max(1, min(int(limit or 100), MAX_LIMIT))


def _dicts(store, query) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def articles(store, limit: int | None = 100, offset: int = 0) -> dict[str, Any]:
    a = schema.articles.c
    query = (sa.select(a.id, a.title, a.url, a.published, a.site, a.source)
             .order_by(a.published.is_(None), a.published.desc(), a.id).limit(_limit(limit)).offset(max(0, offset)))
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one()
    return {"total": total, "articles": _dicts(store, query)}


def events(store, plover: str | None = None, status: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = 100) -> dict[str, Any]:
    e = schema.events.c
    when = sa.func.coalesce(e.date, e.reported)
    query = sa.select(*[c for c in schema.events.c if c.name != "id"])
    if plover:
        query = query.where(e.plover == plover.upper())
    if status:
        query = query.where(e.status == status.lower())
    if actor:
        query = query.where(sa.or_(*_actor_matches(e.source_code, e.source_name, actor),
                                   *_actor_matches(e.target_code, e.target_name, actor)))
    query = _dated(query, when, since, until).order_by(when.desc(), e.article_id, e.event_id)
    return {"events": _dicts(store, query.limit(_limit(limit)))}


def quotes(store, speaker: str | None = None, since: str | None = None, until: str | None = None,
           limit: int | None = 100) -> dict[str, Any]:
    q = schema.quotes.c
    query = sa.select(*[c for c in schema.quotes.c if c.name != "id"])
    if speaker:
        query = query.where(sa.func.lower(q.speaker_name).contains(speaker.lower()))
    query = _dated(query, q.date, since, until).order_by(q.date.desc(), q.article_id, q.quote_id)
    return {"quotes": _dicts(store, query.limit(_limit(limit)))}


def _actor_matches(code, name, actor: str):
    return (code.startswith(actor.upper()), sa.func.lower(name).contains(actor.lower()))


def _dated(query, column, since: str | None, until: str | None):
    """Dates compare on the length of the bound given, so "2025-10" takes in every day of October."""
    if since:
        query = query.where(sa.func.substr(column, 1, len(since)) >= since)
    if until:
        query = query.where(sa.func.substr(column, 1, len(until)) <= until)
    return query
