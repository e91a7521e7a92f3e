"""The working state a Doc carries through storyline's components (``doc._.sl``).

Components fill it in order; each field says who writes it. Later components read earlier fields only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ..models import DateExpr, Entity, Event, Place, Quote


@dataclass
class Analysis:
    published: date | None = None
    # storyline_dateline: character span of a wire dateline opening the text ("NAIROBI, Kenya (AP) _")
    dateline: tuple[int, int] | None = None
    # storyline_actors: final entities, and which entity each token belongs to (names, titles, pronouns)
    entities: list[Entity] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)
    # storyline_actors: tokens of a country or capital name used as an actor ("Moscow refused", "supplying Kyiv
    # with"), not as a location; places may skip them as event locations
    actor_place_tokens: set[int] = field(default_factory=set)
    # storyline_actors: "they/them/their" -> the token of the actors they name ("Chile and Peru", "rebels"), read by
    # the events through event_args.actors_of
    plural_antecedent: dict[int, int] = field(default_factory=dict)
    # storyline_places: geocoded places; tokens of a place used as a location (not as an actor)
    places: list[Place] = field(default_factory=list)
    token_place: dict[int, str] = field(default_factory=dict)
    # storyline_dates: temporal expressions; tokens covered by each (index into ``dates``)
    dates: list[DateExpr] = field(default_factory=list)
    token_date: dict[int, int] = field(default_factory=dict)
    # storyline_events / storyline_quotes
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    text: str | None = None  # doc.text, which spaCy rebuilds from the tokens on every access

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None) if place_id else None


if not Doc.has_extension("sl"):
    Doc.set_extension("sl", default=None)


def state(doc: Doc) -> Analysis:
    """The Analysis of ``doc``, created on first use."""
    if doc._.sl is None:
        doc._.sl = Analysis()
    return doc._.sl


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, built once (``Doc.text`` joins every token each time it is read)."""
    sl = state(doc)
    if sl.text is None:
        sl.text = doc.text
    return sl.text
