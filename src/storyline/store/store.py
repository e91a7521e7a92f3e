"""``Store``: save and read documents and rejections. One transaction per document, committed at once."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from ..errors import NotFound
from ..models import Document, Rejection, content_hash
from . import rows, schema
from .engine import display, normalise_url, open_engine

log = logging.getLogger(__name__)

ORDERS = ("published", "ingested", "id")
_CHUNK = 200  # documents loaded per query by iter_documents

_CHILDREN = (
    (schema.entities, rows.entity_rows),
    (schema.places, rows.place_rows),
    (schema.events, rows.event_rows),
    (schema.quotes, rows.quote_rows),
)


def default_url(settings: dict[str, Any]) -> str:
    """The database URL from loaded settings (``db``, which ``STORYLINE_DB`` overrides), normalised."""
    return normalise_url(settings["db"]).render_as_string(hide_password=False)


def utcnow() -> datetime:
    """Naive UTC, the form every timestamp in the store takes."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A SQLite or PostgreSQL database holding documents, rejections, stories and watches.

    Opening migrates the schema to the latest version. ``engine`` is public for queries written against
    ``storyline.store.schema``.
    """

    def __init__(self, url: str):
        self.engine: sa.Engine = open_engine(url)
        self.url: str = self.engine.url.render_as_string(hide_password=False)

    def __repr__(self) -> str:
        return f"Store({display(self.engine.url)!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def has_article(self, article_id: str) -> bool:
        query = sa.select(schema.articles.c.id).where(schema.articles.c.id == article_id)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def save_document(self, doc: Document) -> bool:
        """Store ``doc`` and commit. False, changing nothing, when its id, URL or (without a URL) text is known."""
        try:
            with self.engine.begin() as conn:
                # The insert comes first so the write lock is taken before anything is read.
                conn.execute(schema.articles.insert(), rows.article_row(doc, utcnow()))
                if doc.url is None and self._same_text_elsewhere(conn, doc):
                    conn.rollback()
                    return False
                for table, make_rows in _CHILDREN:
                    if found := make_rows(doc):
                        conn.execute(table.insert(), found)
        except sa.exc.IntegrityError:
            if self._known(doc):
                return False
            raise
        log.debug("stored article %s", doc.id)
        return True

    def _same_text_elsewhere(self, conn: sa.Connection, doc: Document) -> bool:
        a = schema.articles.c
        query = sa.select(a.id).where(a.content_hash == content_hash(doc.text), a.id != doc.id).limit(1)
        return conn.execute(query).first() is not None

    def _known(self, doc: Document) -> bool:
        a = schema.articles.c
        same = a.id == doc.id if doc.url is None else sa.or_(a.id == doc.id, a.url == doc.url)
        with self.engine.connect() as conn:
            return conn.execute(sa.select(a.id).where(same).limit(1)).first() is not None

    def save_rejection(self, rej: Rejection) -> bool:
        """Record a refused input; False when the same source was already refused for the same reason."""
        row = {"source": rej.source, "reason": rej.reason, "detail": rej.detail, "created_at": utcnow()}
        try:
            with self.engine.begin() as conn:
                conn.execute(schema.rejections.insert(), row)
        except sa.exc.IntegrityError:
            return False
        return True

    def get_document(self, article_id: str) -> Document:
        query = sa.select(schema.articles.c.document).where(schema.articles.c.id == article_id)
        with self.engine.connect() as conn:
            data = conn.execute(query).scalar_one_or_none()
        if data is None:
            raise NotFound("article", article_id)
        return Document.from_dict(data)

    def iter_documents(self, order: str = "published") -> Iterator[Document]:
        """Every stored document: by ``published`` date (undated last), ``ingested`` time, or ``id``."""
        ids = self._ordered_ids(order)
        a = schema.articles.c
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            with self.engine.connect() as conn:
                found = dict(conn.execute(sa.select(a.id, a.document).where(a.id.in_(chunk))).all())
            for article_id in chunk:
                if article_id in found:  # deleted meanwhile
                    yield Document.from_dict(found[article_id])

    def _ordered_ids(self, order: str) -> list[str]:
        a = schema.articles.c
        keys = {
            "published": (a.published.is_(None), a.published, a.ingested_at, a.id),
            "ingested": (a.ingested_at, a.id),
            "id": (a.id,),
        }
        if order not in keys:
            raise ValueError(f"unknown order {order!r}; use one of {ORDERS}")
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(a.id).order_by(*keys[order])).scalars())

    def rejections(self) -> list[Rejection]:
        r = schema.rejections.c
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(r.source, r.reason, r.detail).order_by(r.id)).all()
        return [Rejection(source, reason, detail) for source, reason, detail in found]

    def stats(self) -> dict[str, Any]:
        count = sa.func.count()
        tables = {"articles": schema.articles, "rejected": schema.rejections, "entities": schema.entities,
                  "events": schema.events, "quotes": schema.quotes, "stories": schema.stories}
        r = schema.rejections.c
        with self.engine.connect() as conn:
            out: dict[str, Any] = {name: conn.execute(sa.select(count).select_from(t)).scalar_one()
                                   for name, t in tables.items()}
            by_reason = conn.execute(sa.select(r.reason, count).group_by(r.reason).order_by(r.reason)).all()
        out["rejected_by_reason"] = dict(by_reason)
        return out
