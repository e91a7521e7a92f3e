"""Initial schema: articles and their entities, places, events and quotes; rejections; stubs for stories and watches.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(64)


def _article_fk(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (sa.Column("article_id", ID, nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                    name=f"fk_{table}_article_id_articles"))


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def _child(table: str, *columns: sa.Column, indexed: tuple[str, ...] = ()) -> None:
    column, fk = _article_fk(table)
    op.create_table(
        table,
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        column,
        *columns,
        fk,
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    )
    _indexes(table, "article_id", *indexed)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", ID, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("site", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("document", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url", name="uq_articles_url"),
    )
    _indexes("articles", "content_hash", "published", "ingested_at")

    _child(
        "entities",
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("code", sa.Text),
        sa.Column("knowledge_id", sa.Text),
        sa.Column("mentions", sa.Integer, nullable=False),
        indexed=("entity_id", "name"),
    )
    _child(
        "places",
        sa.Column("place_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        indexed=("place_id",),
    )
    _child(
        "events",
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("plover", sa.String(32)),
        sa.Column("mode", sa.String(32)),
        sa.Column("cameo", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("target", sa.Text),
        sa.Column("source_name", sa.Text),
        sa.Column("target_name", sa.Text),
        sa.Column("source_code", sa.Text),
        sa.Column("target_code", sa.Text),
        sa.Column("date", sa.String(32)),
        sa.Column("location", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("quad_class", sa.Integer),
        sa.Column("goldstein", sa.Float),
        sa.Column("reported", sa.Text),
        sa.Column("evidence", sa.Text, nullable=False),
        indexed=("plover", "source", "target", "date"),
    )
    _child(
        "quotes",
        sa.Column("quote_id", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_name", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("date", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        indexed=("speaker", "date"),
    )

    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
        sa.UniqueConstraint("source", "reason", name="uq_rejections_source_reason"),
    )
    _indexes("rejections", "reason")

    op.create_table(
        "stories",
        sa.Column("id", ID, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("summary", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    _indexes("stories", "updated_at")

    op.create_table(
        "story_articles",
        sa.Column("story_id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("copy_of", ID),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("story_id", "article_id", name="pk_story_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE",
                                name="fk_story_articles_story_id_stories"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_story_articles_article_id_articles"),
        sa.ForeignKeyConstraint(["copy_of"], ["articles.id"], ondelete="SET NULL",
                                name="fk_story_articles_copy_of_articles"),
    )
    _indexes("story_articles", "article_id")

    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("rule", JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watches"),
    )
    op.create_table(
        "watch_hits",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("watch_id", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watch_hits"),
        sa.ForeignKeyConstraint(["watch_id"], ["watches.id"], ondelete="CASCADE",
                                name="fk_watch_hits_watch_id_watches"),
        sa.UniqueConstraint("watch_id", "key", name="uq_watch_hits_watch_id_key"),
    )


def downgrade() -> None:
    for table in ("watch_hits", "watches", "story_articles", "stories", "rejections",
                  "quotes", "events", "places", "entities", "articles"):
        op.drop_table(table)
