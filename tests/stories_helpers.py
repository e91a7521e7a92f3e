"""Documents built directly (no model) for the stories tests."""
from __future__ import annotations

import hashlib

from storyline.models import Document, Entity, Event, Mention, Place, Quote, Span


def entity(name: str, kind: str = "PERSON", country: str | None = None, code: str | None = None,
           knowledge_id: str | None = None, mentions: int = 2) -> Entity:
    ident = "e-" + hashlib.sha1(name.encode()).hexdigest()[:6]
    return Entity(id=ident, name=name, type=kind, country=country, code=code, knowledge_id=knowledge_id,
                  mentions=tuple(Mention(0, len(name), name) for _ in range(mentions)))


def place(name: str, country: str) -> Place:
    return Place(id=f"p-{name.lower()}", name=name, country=country, lat=None, lon=None, kind="city",
                 mentions=(Mention(0, len(name), name),))


def event(plover: str, source: Entity, target: Entity, status: str, text: str, date: str | None = None,
          ident: str = "ev1") -> Event:
    return Event(id=ident, source=source.id, target=target.id, source_name=source.name, target_name=target.name,
                 plover=plover, mode=None, cameo=None, status=status, date=date, location=None,
                 evidence=Span(0, len(text), text), confidence=0.9, source_code=source.code,
                 target_code=target.code)


def quote(speaker: str, text: str, ident: str = "q1") -> Quote:
    return Quote(id=ident, kind="direct", text=text, start=0, end=len(text), speaker=None, speaker_name=speaker,
                 cue="said", date=None)


def doc(ident: str, title: str, text: str, published: str | None, site: str = "news.example",
        entities=(), places=(), events=(), quotes=()) -> Document:
    return Document(id=ident, title=title, url=f"https://{site}/{ident}", published=published, language="en",
                    text=text, entities=tuple(entities), places=tuple(places), events=tuple(events),
                    quotes=tuple(quotes), site=site)
