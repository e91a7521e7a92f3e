"""A story's timeline: the events of its articles merged into one entry per real-world event.

Two event mentions are the same event when they have the same type (PLOVER, else the CAMEO root) and the same
pair of actors (knowledge id, else the last word of the name, else the actor code), in either direction. Each
entry counts, as GDELT does, its ``mentions`` (every evidence sentence), ``sources`` (distinct sites) and
``articles``, keeps all its evidence, and its ``status_history``: each status with the date it was first
reported and the article that reported it — so a summit ``planned`` on 16 October and ``failed`` on 21 October
shows both, in that order.
"""
from __future__ import annotations

from collections import Counter

from ..models import Document, Event
from .text import content_terms


def _actor_key(doc: Document, entity_id: str | None, name: str | None, code: str | None) -> str:
    entity = next((e for e in doc.entities if e.id == entity_id), None) if entity_id else None
    if entity is not None and entity.knowledge_id:
        return entity.knowledge_id
    words = content_terms(name or (entity.name if entity else ""))
    return words[-1] if words else (code or "?")


def event_key(doc: Document, event: Event) -> tuple:
    kind = event.plover or (event.cameo or "")[:2] or "?"
    source = _actor_key(doc, event.source, event.source_name, event.source_code)
    target = _actor_key(doc, event.target, event.target_name, event.target_code)
    return (kind, *sorted((source, target)))


def _evidence(doc: Document, event: Event) -> list[dict]:
    spans = [event.evidence, *event.more_evidence]
    return [{"article_id": doc.id, "published": doc.published, "site": doc.site, "status": event.status,
             "text": span.text, "start": span.start, "end": span.end} for span in spans]


def _history(reports: list[tuple]) -> list[dict]:
    """Each status once per reporting date, in the order reported; a status repeated later is kept again."""
    history: list[dict] = []
    for published, article_id, status in sorted(reports, key=lambda r: (r[0] or "", r[1])):
        if history and history[-1]["status"] == status:
            continue
        history.append({"status": status, "reported": published, "article_id": article_id})
    return history


def _entry(key: tuple, found: list[tuple[Document, Event]]) -> dict:
    first_doc, first = min(found, key=lambda de: (de[0].published or "", de[0].id))
    history = _history([(doc.published, doc.id, event.status) for doc, event in found])
    dates = Counter(event.date for _, event in found if event.date)
    return {
        "event": {"type": key[0], "plover": first.plover, "cameo": first.cameo, "mode": first.mode,
                  "source_name": first.source_name, "target_name": first.target_name,
                  "source_code": first.source_code, "target_code": first.target_code,
                  "date": dates.most_common(1)[0][0] if dates else None, "location": first.location},
        "status": history[-1]["status"],
        "status_history": history,
        "first_reported": first_doc.published,
        "mentions": sum(1 + len(event.more_evidence) for _, event in found),
        "sources": len({doc.site or doc.url or doc.id for doc, _ in found}),
        "articles": len({doc.id for doc, _ in found}),
        "evidence": [ev for doc, event in found for ev in _evidence(doc, event)],
    }


def timeline(docs: list[Document]) -> list[dict]:
    """Merged events of ``docs``, ordered by when each was first reported, then by event date."""
    groups: dict[tuple, list[tuple[Document, Event]]] = {}
    for doc in sorted(docs, key=lambda d: (d.published or "", d.id)):
        for event in doc.events:
            groups.setdefault(event_key(doc, event), []).append((doc, event))
    entries = [_entry(key, found) for key, found in groups.items()]
    return sorted(entries, key=lambda e: (e["first_reported"] or "", e["event"]["date"] or "", -e["mentions"]))
