"""The stories stage's queries over the store's ``stories`` and ``story_articles`` tables.

    load_index(store, params)     the warm stories and their articles back into a StoryIndex
    save(store, assignment)       one placed article: the story row (upserted) and its story_articles row, and
                                  after a split the new story's row and the moved articles' rows
    clear(store)                  forget every story (before a rebuild)
    story_rows / member_rows      what the service reads to answer list/get
"""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from ..errors import NotFound
from ..models import Document, parse_day
from ..store import schema
from ..store.store import utcnow
from .cluster import Assignment, Params, StoryIndex
from .story import Story

S = schema.stories.c
SA = schema.story_articles.c
A = schema.articles.c


def _last_seen():
    return S.data["last_seen"].as_string()


def load_index(store, params: Params) -> StoryIndex:
    """A StoryIndex holding the stories still warm at the newest article date, as the online path left them."""
    index = StoryIndex(params)
    with store.engine.connect() as conn:
        newest = parse_day(conn.execute(sa.select(sa.func.max(_last_seen()))).scalar())
        query = sa.select(S.id, S.data).order_by(S.id)
        if newest is not None:
            cutoff = (newest - timedelta(days=params.window_days)).isoformat()
            query = query.where(sa.or_(_last_seen().is_(None), _last_seen() >= cutoff))
        rows = conn.execute(query).all()
    for ident, data in rows:
        index.restore(Story.from_data(ident, data), _documents(store, ident))
    return index


def _documents(store, story_id: str) -> list[Document]:
    query = (sa.select(A.document).join(schema.story_articles, SA.article_id == A.id)
             .where(SA.story_id == story_id).order_by(A.published, A.id))
    with store.engine.connect() as conn:
        return [Document.from_dict(d) for d in conn.execute(query).scalars()]


def save(store, placed: Assignment) -> None:
    """Write the story the article went to and its story_articles row; when that story was split, both halves
    and the rows of the articles that moved to the new one."""
    now = utcnow()
    copy_of = placed.link.copy_of if placed.link else None
    with store.engine.begin() as conn:
        if placed.split:
            _write(conn, placed.split.kept, now, created=False)
            _write(conn, placed.split.new, now, created=True)
            conn.execute(schema.story_articles.update().where(SA.article_id.in_(placed.split.moved))
                         .values(story_id=placed.split.new.id))
        else:
            _write(conn, placed.story, now, created=placed.created)
        conn.execute(schema.story_articles.insert().values(story_id=placed.story.id, article_id=placed.article_id,
                                                           copy_of=copy_of, added_at=now))


def _write(conn, story: Story, now, created: bool) -> None:
    values = {"title": story.title, "summary": story.summary, "updated_at": now, "data": story.to_data()}
    if created:
        conn.execute(schema.stories.insert().values(id=story.id, created_at=now, **values))
    else:
        conn.execute(schema.stories.update().where(S.id == story.id).values(**values))


def is_placed(store, article_id: str) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(SA.story_id).where(SA.article_id == article_id).limit(1)).first() is not None


def clear(store) -> None:
    with store.engine.begin() as conn:
        conn.execute(schema.story_articles.delete())
        conn.execute(schema.stories.delete())


def story_rows(store, limit: int | None = None, story_id: str | None = None) -> list[sa.Row]:
    """Stories, the most recently active first."""
    query = sa.select(S.id, S.title, S.summary, S.data).order_by(_last_seen().desc(), S.id)
    if story_id is not None:
        query = query.where(S.id == story_id)
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    if story_id is not None and not rows:
        raise NotFound("story", story_id)
    return rows


def member_rows(store, story_ids: list[str]) -> list[sa.Row]:
    """(story_id, article id, url, title, published, site, copy_of) of the given stories, oldest first."""
    query = (sa.select(SA.story_id, A.id, A.url, A.title, A.published, A.site, SA.copy_of)
             .join(schema.articles, SA.article_id == A.id).where(SA.story_id.in_(story_ids))
             .order_by(A.published, SA.added_at, A.id))
    with store.engine.connect() as conn:
        return conn.execute(query).all()


def member_documents(store, story_id: str) -> list[Document]:
    return _documents(store, story_id)
