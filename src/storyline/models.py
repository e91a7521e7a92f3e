"""The shapes passed between stages.

    ingest  -> Article            (raw text + metadata, or a Rejection)
    extract -> Document           (Article + entities, places, dates, events, quotes)
    store   <- Document, Rejection
    stories <- Document

Everything here is a frozen dataclass. ``Document.to_dict()`` is the public JSON contract, published as
``schema/document.schema.json``; fields may be added, never renamed.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

REJECT_REASONS = (
    "empty",
    "binary",
    "too_large",
    "bad_encoding",
    "malformed_feed",
    "malformed_jsonl",
    "not_article",
    "not_english",
    "fetch_failed",
    "blocked_address",
    "unsupported",
    "not_found",
)

EVENT_STATUSES = (
    "occurred",
    "ongoing",
    "planned",
    "requested",
    "considered",
    "conditional",
    "failed",
    "denied",
)


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and lists -> JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def parse_day(value: str | None) -> date | None:
    """The calendar day an ISO date or timestamp string starts with (``published`` fields), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def content_hash(text: str) -> str:
    """Identity of a text without a URL: sha256 of its whitespace-normalised form."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Removed:
    """A piece of the source text that is not article text, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One ingested article before analysis. ``text`` is the cleaned main text."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None  # where it came from: a path, a URL, "feed.xml#guid", "dump.jsonl:12"
    site: str | None = None
    author: str | None = None
    language: str = "en"
    removed: tuple[Removed, ...] = ()

    @property
    def id(self) -> str:
        """Canonical URL when there is one, else the content hash; shortened for display."""
        basis = self.url or content_hash(self.text)
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Rejection:
    """An input that was refused, with a typed reason from ``REJECT_REASONS``."""

    source: str
    reason: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.reason not in REJECT_REASONS:
            raise ValueError(f"unknown rejection reason {self.reason!r}; use one of {REJECT_REASONS}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str = "name"  # name | title | role | pronoun | demonym | place


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    code: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    knowledge_id: str | None = None


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # country | admin | city | region | territory | facility
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class DateExpr:
    text: str
    start: int
    end: int
    value: str | None  # TIMEX3 value, None when it cannot be resolved
    granularity: str | None  # day | week | month | quarter | year | decade | range | time | duration
    direction: str | None = None  # past | future | present (the tense that decided a relative date)


@dataclass(frozen=True)
class Event:
    id: str
    source: str | None
    target: str | None
    source_name: str | None
    target_name: str | None
    plover: str | None
    mode: str | None
    cameo: str | None
    status: str
    date: str | None
    location: str | None
    evidence: Span
    confidence: float
    trigger: Span | None = None
    source_code: str | None = None
    target_code: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    reported: str | None = None
    more_evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Quote:
    id: str
    kind: str  # direct | indirect | inferred
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    date: str | None
    cue_span: Span | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True)
class Document:
    id: str
    title: str | None
    url: str | None
    published: str | None
    language: str
    text: str
    removed: tuple[Removed, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    source: str | None = None
    site: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Inverse of ``to_dict`` (used by the store and exports)."""

        def spans(items, kind=Span):
            return tuple(kind(**i) for i in items or ())

        return cls(
            id=data["id"],
            title=data.get("title"),
            url=data.get("url"),
            published=data.get("published"),
            language=data.get("language", "en"),
            text=data["text"],
            removed=tuple(Removed(**r) for r in data.get("removed", ())),
            entities=tuple(
                Entity(**{**e, "roles": tuple(e.get("roles", ())), "aliases": tuple(e.get("aliases", ())),
                          "mentions": spans(e.get("mentions"), Mention)})
                for e in data.get("entities", ())
            ),
            places=tuple(Place(**{**p, "mentions": spans(p.get("mentions"), Mention)}) for p in data.get("places", ())),
            dates=tuple(DateExpr(**d) for d in data.get("dates", ())),
            events=tuple(
                Event(**{**e, "evidence": Span(**e["evidence"]),
                         "trigger": Span(**e["trigger"]) if e.get("trigger") else None,
                         "more_evidence": spans(e.get("more_evidence"))})
                for e in data.get("events", ())
            ),
            quotes=tuple(
                Quote(**{**q, "cue_span": Span(**q["cue_span"]) if q.get("cue_span") else None,
                         "speaker_span": Span(**q["speaker_span"]) if q.get("speaker_span") else None})
                for q in data.get("quotes", ())
            ),
            source=data.get("source"),
            site=data.get("site"),
        )


@dataclass(frozen=True)
class IngestResult:
    """What one ingest run did: stored ids, duplicates seen, rejections."""

    stored: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected
