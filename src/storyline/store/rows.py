"""Documents -> rows: the article row and the denormalised rows queries read (entities, places, events, quotes)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from ..models import Document, content_hash


def article_row(doc: Document, ingested_at: datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
        "content_hash": content_hash(doc.text),
        "title": doc.title,
        "published": doc.published,
        "site": doc.site,
        "source": doc.source,
        "language": doc.language,
        "text": doc.text,
        "ingested_at": ingested_at,
        "document": doc.to_dict(),
    }


def entity_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"article_id": doc.id, "entity_id": e.id, "name": e.name, "type": e.type, "country": e.country,
             "code": e.code, "knowledge_id": e.knowledge_id, "mentions": len(e.mentions)}
            for e in doc.entities]


def place_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"article_id": doc.id, "place_id": p.id, "name": p.name, "country": p.country, "kind": p.kind,
             "lat": p.lat, "lon": p.lon}
            for p in doc.places]


def event_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"article_id": doc.id, "event_id": e.id, "plover": e.plover, "mode": e.mode, "cameo": e.cameo,
             "status": e.status, "source": e.source, "target": e.target, "source_name": e.source_name,
             "target_name": e.target_name, "source_code": e.source_code, "target_code": e.target_code,
             "date": e.date, "location": e.location, "confidence": e.confidence, "quad_class": e.quad_class,
             "goldstein": e.goldstein, "reported": e.reported, "evidence": e.evidence.text}
            for e in doc.events]


def quote_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"article_id": doc.id, "quote_id": q.id, "kind": q.kind, "speaker": q.speaker,
             "speaker_name": q.speaker_name, "cue": q.cue, "date": q.date, "text": q.text}
            for q in doc.quotes]
