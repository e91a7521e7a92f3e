"""The tables, as SQLAlchemy Core ``Table`` objects: the shape queries are written against.

The database itself is built by the Alembic migrations in ``migrations/versions``; a test checks that
migrating a fresh database gives exactly these tables. All timestamps are naive UTC.

    articles ──< entities, places, events, quotes      (one row per item of Document.to_dict())
    articles ──< story_articles >── stories
    rejections                                          (one row per refused input and reason)
    watches ──< watch_hits
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# Deterministic constraint names, so later migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(64)

metadata = sa.MetaData(naming_convention=NAMING)


def _article_fk() -> sa.Column:
    return sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


articles = sa.Table(
    "articles", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("url", sa.Text, unique=True),
    sa.Column("content_hash", ID, nullable=False, index=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32), index=True),
    sa.Column("site", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime, nullable=False, index=True),
    sa.Column("document", JSON, nullable=False),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("entity_id", sa.Text, nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("country", sa.String(16)),
    sa.Column("code", sa.Text),
    sa.Column("knowledge_id", sa.Text),
    sa.Column("mentions", sa.Integer, nullable=False),
)

places = sa.Table(
    "places", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("place_id", sa.Text, nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(16)),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("plover", sa.String(32), index=True),
    sa.Column("mode", sa.String(32)),
    sa.Column("cameo", sa.String(16)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("source", sa.Text, index=True),
    sa.Column("target", sa.Text, index=True),
    sa.Column("source_name", sa.Text),
    sa.Column("target_name", sa.Text),
    sa.Column("source_code", sa.Text),
    sa.Column("target_code", sa.Text),
    sa.Column("date", sa.String(32), index=True),
    sa.Column("location", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("quad_class", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("reported", sa.Text),
    sa.Column("evidence", sa.Text, nullable=False),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("quote_id", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("speaker", sa.Text, index=True),
    sa.Column("speaker_name", sa.Text),
    sa.Column("cue", sa.Text),
    sa.Column("date", sa.String(32), index=True),
    sa.Column("text", sa.Text, nullable=False),
)

rejections = sa.Table(
    "rejections", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.String(32), nullable=False, index=True),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("source", "reason"),
)

stories = sa.Table(
    "stories", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("summary", sa.Text),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False, index=True),
    sa.Column("data", JSON, nullable=False),
)

story_articles = sa.Table(
    "story_articles", metadata,
    sa.Column("story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
    sa.Column("copy_of", ID, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("added_at", sa.DateTime, nullable=False),
)

watches = sa.Table(
    "watches", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("rule", JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

watch_hits = sa.Table(
    "watch_hits", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("watch_id", "key"),
)
