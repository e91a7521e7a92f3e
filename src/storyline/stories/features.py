"""What clustering knows about an article: its terms, the names of its actors and places, countries, event types,
identity marks (``marks.py``) and date — all read from a ``models.Document`` — plus the sparse-vector arithmetic
used to compare them.

Vectors are plain ``dict[str, float]``; an article's vector is built once, when it arrives, with the document
frequencies known at that moment (``tfidf``), so no article is ever re-weighted against the whole corpus.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..models import Document, parse_day
from .marks import Marks, marks
from .text import content_terms, lead_sentences, term_counts

Vector = dict[str, float]

NAME_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Features:
    id: str
    published: date | None
    title: str
    lead: str
    site: str | None
    terms: Counter
    names: Counter
    countries: frozenset[str]
    event_types: frozenset[str]
    marks: Marks = field(default_factory=dict)  # persons, years, numbers (marks.py)


def _title(doc: Document) -> str:
    if doc.title:
        return doc.title
    first = doc.text.strip().split("\n", 1)[0]
    return first[:120]


def _names(doc: Document) -> Counter:
    """Name tokens of actors and places, weighted by how often each is mentioned; knowledge ids as 'kb:' keys."""
    names: Counter = Counter()
    for entity in doc.entities:
        if entity.type.upper() not in NAME_TYPES:
            continue
        weight = max(1, len(entity.mentions))
        for term in set(content_terms(entity.name)):
            names[term] += weight
        if entity.knowledge_id:
            names[f"kb:{entity.knowledge_id}"] += weight
    for place in doc.places:
        for term in set(content_terms(place.name)):
            names[term] += max(1, len(place.mentions))
    return names


def _countries(doc: Document) -> frozenset[str]:
    return frozenset(p.country for p in doc.places if p.country)


def _event_types(doc: Document) -> frozenset[str]:
    return frozenset(e.plover or (e.cameo or "")[:2] for e in doc.events if e.plover or e.cameo)


def features(doc: Document) -> Features:
    return Features(
        id=doc.id,
        published=parse_day(doc.published),
        title=_title(doc),
        lead=lead_sentences(doc.text if doc.title else doc.text.split("\n", 1)[-1]),
        site=doc.site,
        terms=term_counts(doc.title, doc.text),
        names=_names(doc),
        countries=_countries(doc),
        event_types=_event_types(doc),
        marks=marks(doc),
    )


# ----------------------------------------------------------------------------------------- vector arithmetic


def idf(df: int, total: int) -> float:
    """Smoothed inverse document frequency over the ``total`` articles seen (warm window)."""
    return math.log((total + 1) / (df + 1)) + 1.0


def tfidf(counts: Counter, df: Counter, total: int, keep: int) -> Vector:
    """Unit-length (1 + log tf) * idf vector, cut to its ``keep`` heaviest terms."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), total) for t, c in counts.items() if c > 0}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    return unit(dict(top))


def norm(vector: Vector) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def unit(vector: Vector) -> Vector:
    size = norm(vector)
    return {k: v / size for k, v in vector.items()} if size else {}


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def cosine(a: Vector, b: Vector) -> float:
    size = norm(a) * norm(b)
    return dot(a, b) / size if size else 0.0


def add_into(total: Vector, vector: Vector, keep: int) -> Vector:
    """``total + vector``, cut to the ``keep`` heaviest components (a bounded running centroid)."""
    merged = dict(total)
    for k, v in vector.items():
        merged[k] = merged.get(k, 0.0) + v
    if len(merged) <= keep:
        return merged
    return dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])


def top_terms(vector: Vector, count: int) -> list[str]:
    return [k for k, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:count]]
