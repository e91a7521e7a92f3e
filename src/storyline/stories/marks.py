"""Identity marks: what tells two incidents of the same kind apart.

Two earthquakes, two celebrity rehab stays or two emergency patches share most of their words; what differs are
the people named, the years and the numbers (death tolls, magnitudes, ages, sums). An article's marks are read
from its Document:

    person   PERSON entities, by knowledge id or surname       ("lohan", "reid")
    year     years in resolved dates and in the text            ("2008", "2013")
    number   the other numbers of the text                      ("6.1", "85", "200")

Two articles are compared kind by kind where both carry marks of that kind: the IDF-weighted overlap of their
marks (shared weight over the smaller side's weight) minus the kind's ``prior`` (the overlap at which a pair is
as likely the same incident as not), times the kind's ``weight``. A story keeps the marks of its last
``MEMBER_MARKS`` articles, and an article's agreement with it is the mean over those members (average link), so
one article that strays does not decide and the cost per comparison is bounded.

The weights were set on the ECB+ train split (``storyline eval ecbplus --split train``); measured pairwise on
that split, a shared year is the strongest single sign of the same incident and no shared number the most
frequent sign of another one.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Document
from .text import content_terms, words

Marks = dict[str, frozenset[str]]

MEMBER_MARKS = 30  # members whose marks a story keeps (the most recent ones)

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class MarkKind:
    key: str
    weight: float
    prior: float


KINDS: tuple[MarkKind, ...] = (
    MarkKind("person", weight=0.1, prior=0.3),
    MarkKind("year", weight=0.3, prior=0.5),
    MarkKind("number", weight=0.1, prior=0.3),
)


def _persons(doc: Document) -> set[str]:
    found = set()
    for entity in doc.entities:
        if entity.type.upper() == "PERSON":
            name = content_terms(entity.name)
            if entity.knowledge_id or name:
                found.add(entity.knowledge_id or name[-1])
    return found


def _years(doc: Document) -> set[str]:
    found = {d.value[:4] for d in doc.dates if d.value and _YEAR.match(d.value)}
    return found | {w for w in words(doc.text) if _YEAR.fullmatch(w)}


def _numbers(doc: Document) -> set[str]:
    return {w for w in words(doc.text) if _NUMBER.fullmatch(w) and not _YEAR.fullmatch(w)}


def marks(doc: Document) -> Marks:
    """The article's marks by kind (kinds without any are left out)."""
    found = {"person": _persons(doc), "year": _years(doc), "number": _numbers(doc)}
    return {kind: frozenset(values) for kind, values in found.items() if values}


def keys(found: Marks) -> frozenset[str]:
    """Marks as document-frequency keys ('year#2013'), counted beside the terms to weigh them."""
    return frozenset(f"{kind}#{value}" for kind, values in found.items() for value in values)


def to_data(found: Marks) -> dict[str, list[str]]:
    return {kind: sorted(values) for kind, values in found.items()}


def from_data(data: dict) -> Marks:
    return {kind: frozenset(values) for kind, values in data.items()}


Weigh = Callable[[str], float]  # a mark key -> its IDF weight


def overlap(kind: str, mine: frozenset[str], theirs: frozenset[str], weigh: Weigh) -> float:
    """Shared weight over the lighter side's weight: 1 when one side's marks are all in the other."""
    mass = [sum(weigh(f"{kind}#{v}") for v in side) for side in (mine, theirs)]
    shared = sum(weigh(f"{kind}#{v}") for v in mine & theirs)
    return shared / min(mass) if min(mass) > 0 else 0.0


def pair_agreement(mine: Marks, theirs: Marks, weigh: Weigh) -> float:
    """Agreement of two articles' marks: positive when they share specific marks, negative when they conflict."""
    total = 0.0
    for kind in KINDS:
        if kind.key in mine and kind.key in theirs:
            total += kind.weight * (overlap(kind.key, mine[kind.key], theirs[kind.key], weigh) - kind.prior)
    return total


def agreement(mine: Marks, members: list[Marks], weigh: Weigh) -> float:
    """Mean agreement of an article's marks with a story's members (0 for a story without kept members)."""
    if not mine or not members:
        return 0.0
    return sum(pair_agreement(mine, other, weigh) for other in members) / len(members)
