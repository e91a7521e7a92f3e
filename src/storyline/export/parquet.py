"""Parquet tables: the store's denormalised rows, plus the character spans that make each fact checkable.

Column names and types follow the store's tables (store/schema.py), so a query written against the database
reads the files too. Every table is written even when empty, with its full schema.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from ..models import Document, content_hash
from ..store import schema
from ..store.rows import entity_rows, event_rows, place_rows, quote_rows

TABLES = ("articles", "entities", "places", "events", "quotes")
SPAN = [("start", pa.int64()), ("end", pa.int64())]
EXTRA = {  # columns the files add to the store's
    "events": [("evidence_start", pa.int64()), ("evidence_end", pa.int64()), ("trigger", pa.string()),
               ("trigger_start", pa.int64()), ("trigger_end", pa.int64()), ("mentions", pa.int64())],
    "quotes": SPAN,
}
SKIP = {"document", "ingested_at"}  # the stored JSON blob and the store's own clock


def write(documents: Iterable[Document], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    count = 0
    for doc in documents:
        for name, items in table_rows(doc).items():
            rows[name].extend(items)
        count += 1
    for name, items in rows.items():
        arrow = arrow_schema(name)
        pq.write_table(pa.Table.from_pylist(items, schema=arrow), out / f"{name}.parquet")
    return count


def table_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    article = {"id": doc.id, "url": doc.url, "content_hash": content_hash(doc.text), "title": doc.title,
               "published": doc.published, "site": doc.site, "source": doc.source, "language": doc.language,
               "text": doc.text}
    events = [{**row, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
               "trigger": e.trigger.text if e.trigger else None,
               "trigger_start": e.trigger.start if e.trigger else None,
               "trigger_end": e.trigger.end if e.trigger else None,
               "mentions": 1 + len(e.more_evidence)}
              for row, e in zip(event_rows(doc), doc.events)]
    quotes = [{**row, "start": q.start, "end": q.end} for row, q in zip(quote_rows(doc), doc.quotes)]
    return {"articles": [article], "entities": entity_rows(doc), "places": place_rows(doc), "events": events,
            "quotes": quotes}


def arrow_schema(name: str) -> pa.Schema:
    table = schema.metadata.tables[name]
    fields = [(c.name, _arrow_type(c.type)) for c in table.columns if c.name not in SKIP and not _surrogate(c)]
    return pa.schema(fields + EXTRA.get(name, []))


def _surrogate(column: sa.Column) -> bool:
    return column.primary_key and isinstance(column.type, sa.Integer)


def _arrow_type(column_type: sa.types.TypeEngine) -> pa.DataType:
    if isinstance(column_type, sa.Integer):
        return pa.int64()
    if isinstance(column_type, sa.Float):
        return pa.float64()
    return pa.string()
