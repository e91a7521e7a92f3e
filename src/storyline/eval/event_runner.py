"""Shared helpers for the event evaluations: run the pipeline on one text, group events by trigger,
turn actor codes into country sets, pick the event a one-event-per-sentence gold set is about.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.state import state
from ..models import Event
from ..resolve import cameo as tables


def run(nlp: Language, text: str, published: str | None = None) -> Doc:
    """The whole pipeline over ``text`` (the analysed Doc, so evaluations can read the parse too)."""
    doc = nlp.make_doc(text)
    if published:
        try:
            state(doc).published = date.fromisoformat(published[:10])
        except ValueError:
            pass
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@dataclass
class Coded:
    """The events sharing one trigger, as one multi-actor coding (coordinated actors give several rows)."""

    events: list[Event]
    depth: int

    @property
    def first(self) -> Event:
        return self.events[0]

    @property
    def confidence(self) -> float:
        return max(e.confidence for e in self.events)


def _depth(doc: Doc, start: int) -> int:
    """Depth of the trigger in the parse; an event noun that is the object of a verb counts at the verb's depth
    ("staged demonstrations", "announced a suspension": the verb only carries the noun)."""
    token = next((t for t in doc if t.idx == start), None)
    depth = -1 if token is not None and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" else 0
    while token is not None and token.head.i != token.i and depth < 30:
        token, depth = token.head, depth + 1
    return depth


def codings(doc: Doc) -> list[Coded]:
    groups: dict[int, list[Event]] = {}
    for event in state(doc).events:
        groups.setdefault(event.trigger.start if event.trigger else event.evidence.start, []).append(event)
    return [Coded(events, _depth(doc, start)) for start, events in groups.items()]


def main_coding(doc: Doc, found: list[Coded] | None = None) -> Coded | None:
    """The event a one-event gold record is about (of ``found``, by default all the document's codings): coded
    (non-statement) events first, then the one highest in the parse tree (the matrix event: "threatened to
    impose" -> threaten), then one outside a relative or background clause, then the most confident."""
    found = codings(doc) if found is None else found
    if not found:
        return None
    return min(found, key=lambda c: (c.first.plover is None, c.first.source_name is None, c.depth,
                                      _background(doc, c), -c.confidence))


# subordinators of a clause that sets the scene for the news: "..., officials said, as troops traded fire",
# "a week after gunmen stormed parliament"
BACKGROUND_MARKS = {"as", "after", "while", "when", "since", "before", "because", "until", "following", "amid"}


def _background(doc: Doc, coded: Coded) -> bool:
    """A trigger inside a relative clause ("Israel, which withdrew its settlers, sealed off ...", "a draft calling
    on Israel to stop ... was killed by a veto") or an adverbial clause of time or cause ("..., a spokesman said,
    as troops traded fire"): background to the sentence's news, so it yields to an event as high in the parse. (A
    past participle on a noun is not taken for one: the small model parses main verbs so.)"""
    start = coded.first.trigger.start if coded.first.trigger else coded.first.evidence.start
    token = next((t for t in doc if t.idx == start), None)
    return token is not None and any(
        t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG")
        or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in t.children))
        for t in (token, *token.ancestors))


def country_codes(doc: Doc, events: list[Event], side: str) -> set[str]:
    """First three letters of each event's ``side`` ("source"/"target") actor code: the event's code (group
    actors coded by the events fallback have only that), else the entity's country."""
    sl = state(doc)
    out = set()
    for event in events:
        entity = sl.entity(getattr(event, side))
        code = getattr(event, f"{side}_code") or (entity.country if entity else None)
        if code and not code.startswith("---"):  # CAMEO's unknown country names no country
            out.add(code[:3].upper())
    return out


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}


def _denied_as(event: Event) -> tuple[str, str] | None:
    """(PLOVER type, CAMEO root) a denied event is coded as: a cooperative act that is denied ("would not meet their
    demands", "refused to accept") is CAMEO's reject (12x), and a rejection that is denied ("no objection to",
    "would not oppose the plan") consent (03x)."""
    if event.status != "denied":
        return None
    if event.plover in COOPERATIVE:
        return "REJECT", "12"
    if event.plover == "REJECT":
        return "AGREE", "03"
    return None


def compared_type(event: Event) -> str | None:
    """The PLOVER type to compare with CAMEO-convention gold. A planned or conditional event is coded, as CAMEO
    and PLOVER 0.5 do, by its "express intent" code (will visit -> 036 -> AGREE; will withdraw -> 13x ->
    THREATEN; "will boycott unless" -> 133 -> THREATEN); a denied event as ``_denied_as`` says."""
    if event.status in ("planned", "conditional") and event.cameo:
        mapped = tables.plover_for_cameo(event.cameo)
        if mapped:
            return mapped[0]
    denied = _denied_as(event)
    return denied[0] if denied else event.plover


def compared_root(event: Event) -> str | None:
    """The CAMEO root to compare with CAMEO-convention gold: the event's code, which for a planned event already
    is its intent code (036, 13x), unless it is denied (``_denied_as``)."""
    denied = _denied_as(event)
    return denied[1] if denied else tables.root(event.cameo)


def main_event_row(nlp: Language, text: str, published: str | None = None) -> dict:
    """What a one-event evaluation compares for ``text``: the main coded event's type and CAMEO root as CAMEO
    codes them, its code, status and trigger, and the countries of its source and target (sorted lists)."""
    doc = run(nlp, text, published)
    return row_of(doc, main_coding(doc))


def row_of(doc: Doc, coded: Coded | None) -> dict:
    """The compared fields of one coding (all empty when there is none)."""
    first = coded.first if coded else None
    return {"predicted": compared_type(first) if first else None,
            "root": compared_root(first) if first else None,
            "cameo": first.cameo if first else None,
            "status": first.status if first else None,
            "trigger": first.trigger.text if first and first.trigger else None,
            "source": sorted(country_codes(doc, coded.events, "source")) if coded else [],
            "target": sorted(country_codes(doc, coded.events, "target")) if coded else []}


def coding_at(doc: Doc, spans: list[tuple[int, int]]) -> Coded | None:
    """The coding whose trigger overlaps the earliest of ``spans`` (character offsets of the words a gold record
    marks as its event) that any trigger overlaps; None when no trigger meets any of them."""
    found = [c for c in codings(doc) if c.first.trigger]
    for start, end in spans:
        hits = [c for c in found if c.first.trigger.start < end and start < c.first.trigger.end]
        if hits:
            return min(hits, key=lambda c: (c.first.plover is None, c.depth, -c.confidence))
    return None
