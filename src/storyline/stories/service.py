"""The functions the CLI (and the REST API) call; each returns JSON-ready data.

    list_stories(store, limit=None)              {"stories": [...]}, most recently active first
    get_story(store, story_id)                   one story with its articles and timeline
    rebuild(store)                               re-cluster every article offline (same path as online)
    trending(store, now=None, window_hours=None) bursting stories and actors, each with why
    watch_add(store, rule) -> id;  watch_run(store, out, webhook, transport) -> matches emitted
    story_feed(store, story_id)                  the story's Atom feed (XML text)
"""
from __future__ import annotations

from datetime import datetime
from typing import IO

from ..settings import load_settings
from . import feed, online, repo
from . import trending as _trending
from . import watch as _watch
from .timeline import timeline


def _article(row, links: dict) -> dict:
    link = links.get(row.id, {})
    out = {"id": row.id, "url": row.url, "title": row.title, "published": row.published, "site": row.site,
           "copy_of": row.copy_of}
    if link:
        out["kind"] = link.get("kind")
        out["quote_changes"] = link.get("quote_changes", [])
    return out


def _story(row, members: list) -> dict:
    data = row.data
    articles = [_article(m, data.get("links", {})) for m in members]
    return {
        "id": row.id, "title": row.title, "summary": row.summary, "articles": articles,
        "first_seen": data.get("first_seen"), "last_seen": data.get("last_seen"), "size": len(articles),
        "copies": sum(1 for a in articles if a["copy_of"]),
        "sources": len({a["site"] or a["url"] or a["id"] for a in articles}),
        "central_article": data.get("central", {}).get("id"),
    }


def list_stories(store, limit: int | None = None) -> dict:
    rows = repo.story_rows(store, limit=limit)
    members: dict[str, list] = {}
    for m in repo.member_rows(store, [r.id for r in rows]):
        members.setdefault(m.story_id, []).append(m)
    return {"stories": [_story(r, members.get(r.id, [])) for r in rows]}


def get_story(store, story_id: str) -> dict:
    (row,) = repo.story_rows(store, story_id=story_id)
    story = _story(row, repo.member_rows(store, [story_id]))
    story["timeline"] = timeline(repo.member_documents(store, story_id))
    story["quote_changes"] = [{"article_id": a["id"], **c} for a in story["articles"]
                              for c in a.get("quote_changes", [])]
    return story


def rebuild(store) -> dict:
    return online.rebuild(store)


def trending(store, now: datetime | str | None = None, window_hours: float | None = None) -> dict:
    if isinstance(now, str):
        now = datetime.fromisoformat(now)
    hours = window_hours or load_settings()["trending_window_hours"]
    result = _trending.trending(store, now=now, window_hours=hours)
    titles = {r.id: r.title for r in repo.story_rows(store)} if result["stories"] else {}
    for item in result["stories"]:
        item["id"] = item["key"]
        item["title"] = titles.get(item["key"])
    return result


def watch_add(store, rule: dict) -> int:
    return _watch.watch_add(store, rule)


def watch_run(store, out: IO[str] | None = None, webhook: str | None = None, transport=None) -> int:
    return _watch.watch_run(store, out=out, webhook=webhook, transport=transport)


def story_feed(store, story_id: str) -> str:
    return feed.atom(get_story(store, story_id))
