"""Trending: stories and actors whose volume in the last window bursts against their own recent baseline.

    now window      (now - w, now]                          articles counted: ``now``
    baseline        (now - (B + 1) w, now - w]              articles counted: ``before``; ``expected`` = before / B
    score           (now - expected) / sqrt(expected + 1)   a Poisson-style burst score; > 0 means above baseline

An article's time is its publication date (midnight UTC; a date-only value falls in the window that contains
that day) or, undated, when it was ingested. ``now`` defaults to the newest article time in the store, so a
replayed archive trends as it did at the time. Each result says why: "3 articles in the last 24 h vs 0.14 per
24 h over the 7 windows before".
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..store import schema

BASELINE_WINDOWS = 7
TOP = 20

A = schema.articles.c
SA = schema.story_articles.c
E = schema.entities.c


def _when(published: str | None, ingested: datetime) -> datetime:
    if published:
        try:
            return datetime.fromisoformat(published[:10])
        except ValueError:
            pass
    return ingested


def _rows(store, query) -> list[sa.Row]:
    with store.engine.connect() as conn:
        return conn.execute(query).all()


def latest_time(store) -> datetime | None:
    rows = _rows(store, sa.select(sa.func.max(A.published), sa.func.max(A.ingested_at)))
    published, ingested = rows[0]
    return _when(published, ingested) if published or ingested else None


def _in_range(lo: datetime, hi: datetime):
    """Articles whose time may fall in (lo, hi]: a cheap SQL filter, refined in Python."""
    return sa.or_(sa.and_(A.published.is_not(None), A.published >= lo.date().isoformat(),
                          A.published < (hi.date() + timedelta(days=1)).isoformat()),
                  sa.and_(A.published.is_(None), A.ingested_at > lo, A.ingested_at <= hi))


def burst(now_count: int, before: int, windows: int) -> float:
    expected = before / windows
    return (now_count - expected) / math.sqrt(expected + 1)


def _scored(now_counts: Counter, before_counts: Counter, hours: float) -> list[dict]:
    out = []
    for key, current in now_counts.items():
        before = before_counts.get(key, 0)
        expected = before / BASELINE_WINDOWS
        why = (f"{current} article{'s' * (current != 1)} in the last {hours:g} h vs {expected:.2g} per "
               f"{hours:g} h over the {BASELINE_WINDOWS} windows before ({before} in all)")
        out.append({"key": key, "score": round(burst(current, before, BASELINE_WINDOWS), 3), "now": current,
                    "before": before, "expected": round(expected, 3), "why": why})
    return sorted(out, key=lambda r: (-r["score"], -r["now"], str(r["key"])))[:TOP]


def _split(rows, now: datetime, width: timedelta) -> tuple[Counter, Counter]:
    """Count distinct articles per key in the now window and in the baseline windows."""
    current, before = {}, {}
    for key, article_id, published, ingested in rows:
        when = _when(published, ingested)
        if now - width < when <= now:
            current.setdefault(key, set()).add(article_id)
        elif now - width * (BASELINE_WINDOWS + 1) < when <= now - width:
            before.setdefault(key, set()).add(article_id)
    return Counter({k: len(v) for k, v in current.items()}), Counter({k: len(v) for k, v in before.items()})


def trending(store, now: datetime | None = None, window_hours: float = 24) -> dict:
    now = now or latest_time(store)
    if now is None:
        return {"now": None, "window_hours": window_hours, "stories": [], "actors": []}
    width = timedelta(hours=window_hours)
    span = _in_range(now - width * (BASELINE_WINDOWS + 1), now)
    story_rows = _rows(store, sa.select(SA.story_id, A.id, A.published, A.ingested_at)
                       .join(schema.articles, SA.article_id == A.id).where(span))
    named = _rows(store, sa.select(ACTOR_KEY, E.name, A.id, A.published, A.ingested_at)
                  .join(schema.articles, E.article_id == A.id).where(span, IS_ACTOR))
    actors = _scored(*_split([(key, *rest) for key, _, *rest in named], now, width), window_hours)
    names = _names(named)
    for item in actors:
        item["name"] = names.get(item["key"], item["key"])
    return {"now": now.isoformat(), "window_hours": window_hours, "baseline_windows": BASELINE_WINDOWS,
            "stories": _scored(*_split(story_rows, now, width), window_hours), "actors": actors}


# Who counts as an actor here: people and organisations, and places or groups only when the knowledge file
# knows them (countries, known organisations): a dateline city ("WASHINGTON —") is where, not who. One key per
# identity: the knowledge id, else the type and the case-folded name ("WASHINGTON" and "Washington" are one).
ACTOR_KEY = sa.func.coalesce(E.knowledge_id, E.type + ":" + sa.func.lower(E.name))
IS_ACTOR = sa.or_(E.type.in_(("PERSON", "ORG")), E.knowledge_id.is_not(None))


def _names(rows) -> dict[str, str]:
    """The name each actor key is most often written with (the longer one on a tie)."""
    counts: dict[str, Counter] = {}
    for key, name, *_ in rows:
        counts.setdefault(key, Counter())[name] += 1
    return {key: max(c, key=lambda n: (c[n], len(n))) for key, c in counts.items()}
