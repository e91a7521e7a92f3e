"""storyline_places: geocoded places with their mentions; which tokens are event locations.

    toponyms.find_toponyms(doc)          spans that name places (+ qualifiers such as ", La.")
    toponyms.find_demonyms(doc, ...)     "Israeli", "Sudanese": mentions of their country (kind "demonym")
    geocode.resolve_names(...)           one gazetteer entry per name, chosen with the document's countries
    -> Place(id, name, country ISO3, lat, lon, kind, mentions)

A place the actors component marked as used as an actor (``state.actor_place_tokens``: "Moscow refused…")
still gets its Place and mentions, but its tokens are not put in ``token_place``: it is not where anything
happened; nor are demonyms ("Russian forces"). Names the gazetteer does not know are left out (no coordinates
to give).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Mention, Place
from ..resolve.gazetteer import GazEntry, load_gazetteer
from ..resolve.geocode import resolve_names
from .state import state
from .toponyms import DEMONYM_LABEL, Toponym, find_demonyms, find_toponyms


def _place(place_id: str, entry: GazEntry, mentions: list[Mention]) -> Place:
    return Place(id=place_id, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                 kind=entry.kind, mentions=tuple(mentions))


def _mention(doc: Doc, top: Toponym) -> Mention:
    span = doc[top.start:top.end]
    return Mention(span.start_char, span.end_char, span.text, kind=_kind(top))


def _kind(top: Toponym) -> str:
    return "demonym" if top.label == DEMONYM_LABEL else "place"


def geocode_doc(doc: Doc) -> list[tuple[Toponym, GazEntry]]:
    """Each toponym and demonym of ``doc`` with the place chosen for it, in text order (toponyms the gazetteer
    lacks are dropped)."""
    gaz = load_gazetteer()
    toponyms = find_toponyms(doc, gaz)
    demonyms = [(d, gaz.countries[d.country]) for d in find_demonyms(doc, toponyms) if d.country in gaz.countries]
    dateline = state(doc).dateline
    filed = next((t.text for t in toponyms if dateline and dateline[0] <= doc[t.start].idx < dateline[1]), None)
    chosen = resolve_names(gaz, [(t.text, t.qualifier) for t in toponyms], [e for _, e in demonyms], filed)
    found = [(t, chosen[(t.text, t.qualifier)]) for t in toponyms if (t.text, t.qualifier) in chosen]
    return sorted(found + demonyms, key=lambda pair: pair[0].start)


def _is_location(doc: Doc, top: Toponym) -> bool:
    """A toponym used as a location: not a demonym (who, never where), not a place used as an actor."""
    if top.label == DEMONYM_LABEL:
        return False
    actor_tokens = getattr(state(doc), "actor_place_tokens", None) or ()
    return not any(i in actor_tokens for i in range(top.start, top.end))


@Language.component("storyline_places")
def annotate(doc: Doc) -> Doc:
    sl = state(doc)
    ids: dict[str, str] = {}
    grouped: dict[str, tuple[GazEntry, list[Mention]]] = {}
    for top, entry in geocode_doc(doc):
        key = entry.ident or entry.name
        place_id = ids.setdefault(key, f"P{len(ids) + 1}")
        grouped.setdefault(place_id, (entry, []))[1].append(_mention(doc, top))
        if _is_location(doc, top):
            for i in range(top.start, top.end):
                sl.token_place[i] = place_id
    sl.places = [_place(pid, entry, mentions) for pid, (entry, mentions) in grouped.items()]
    return doc
