"""A story's running state: its centroid, names, countries, dates, central article, copy links, its members'
identity marks and, while it is small, its members themselves (``Member``: enough to build it again without one
group of them when it is split, see cluster.py).

``Story.to_data()`` is what the ``stories.data`` column holds, and ``Story.from_data`` reads it back, so a
process that starts later resumes from exactly the state the previous one left (online == rebuild).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from ..models import parse_day
from . import marks as marks_
from .features import Features, Vector, add_into, cosine
from .marks import MEMBER_MARKS, Marks

CENTROID_TERMS = 300
CENTROID_NAMES = 120
SPLIT_MEMBERS = 20  # a story keeps its members while it has at most this many (the ones it can still be split)


def story_id(first_article: str) -> str:
    return "st-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Member:
    """A member as it was absorbed: its features (without the term counts, which only weigh it on arrival) and the
    vectors it was given then, so a story can be built again from its members and gives the same centroid."""

    item: Features
    text: Vector
    names: Vector

    @classmethod
    def of(cls, item: Features, text: Vector, names: Vector) -> Member:
        return cls(replace(item, terms=Counter(), names=Counter()), text, names)

    def to_data(self) -> dict:
        item = self.item
        return {"id": item.id, "published": item.published.isoformat() if item.published else None,
                "title": item.title, "lead": item.lead, "site": item.site, "countries": sorted(item.countries),
                "event_types": sorted(item.event_types), "marks": marks_.to_data(item.marks),
                "text": self.text, "names": self.names}

    @classmethod
    def from_data(cls, data: dict) -> Member:
        item = Features(id=data["id"], published=parse_day(data["published"]), title=data["title"],
                        lead=data["lead"], site=data["site"], terms=Counter(), names=Counter(),
                        countries=frozenset(data["countries"]), event_types=frozenset(data["event_types"]),
                        marks=marks_.from_data(data["marks"]))
        return cls(item, dict(data["text"]), dict(data["names"]))


@dataclass
class Story:
    id: str
    first_seen: date | None = None
    last_seen: date | None = None
    size: int = 0  # articles, copies included
    unique: int = 0  # articles that are not copies (the ones the centroid is made of)
    text: Vector = field(default_factory=dict)  # sum of member text vectors (cut to CENTROID_TERMS)
    names: Vector = field(default_factory=dict)  # sum of member name vectors
    countries: Counter = field(default_factory=Counter)
    event_types: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    central: dict = field(default_factory=dict)  # {"id", "title", "lead", "text"}: the most central article
    links: dict = field(default_factory=dict)  # article id -> Link.to_data() for copies and rewrites
    marks: list[Marks] = field(default_factory=list)  # the last MEMBER_MARKS members' identity marks
    parts: list[Member] = field(default_factory=list)  # the members (not copies) while there are SPLIT_MEMBERS
    #                                                     or fewer; empty once the story has grown past that

    @property
    def title(self) -> str:
        return self.central.get("title", "")

    @property
    def summary(self) -> str:
        return self.central.get("lead", "")

    def touch(self, when: date | None) -> None:
        self.size += 1
        if when is not None:
            self.first_seen = min(self.first_seen or when, when)
            self.last_seen = max(self.last_seen or when, when)

    def absorb(self, item: Features, text: Vector, names: Vector) -> None:
        """Add a non-copy article: centroid, names, counts, and the central article re-decided."""
        self.touch(item.published)
        self.unique += 1
        self.text = add_into(self.text, text, CENTROID_TERMS)
        self.names = add_into(self.names, names, CENTROID_NAMES)
        self.countries.update(item.countries)
        self.event_types.update(item.event_types)
        if item.site:
            self.sites[item.site] += 1
        self.marks = (self.marks + [item.marks])[-MEMBER_MARKS:]
        self.parts = self.parts + [Member.of(item, text, names)] if self.unique <= SPLIT_MEMBERS else []
        if not self.central or cosine(text, self.text) > cosine(self.central["text"], self.text):
            self.central = {"id": item.id, "title": item.title, "lead": item.lead, "text": text}

    def to_data(self) -> dict:
        return {
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "size": self.size, "unique": self.unique, "text": self.text, "names": self.names,
            "countries": dict(self.countries), "event_types": dict(self.event_types), "sites": dict(self.sites),
            "central": self.central, "links": self.links, "marks": [marks_.to_data(m) for m in self.marks],
            "parts": [m.to_data() for m in self.parts],
        }

    @classmethod
    def from_data(cls, ident: str, data: dict) -> Story:
        return cls(
            id=ident, first_seen=parse_day(data.get("first_seen")), last_seen=parse_day(data.get("last_seen")),
            size=data.get("size", 0), unique=data.get("unique", 0), text=dict(data.get("text", {})),
            names=dict(data.get("names", {})), countries=Counter(data.get("countries", {})),
            event_types=Counter(data.get("event_types", {})), sites=Counter(data.get("sites", {})),
            central=dict(data.get("central", {})), links=dict(data.get("links", {})),
            marks=[marks_.from_data(m) for m in data.get("marks", ())],
            parts=[Member.from_data(m) for m in data.get("parts", ())],
        )
