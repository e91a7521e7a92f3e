"""When, where and in which words: an event's date, location, evidence span and reported date.

Dates come from the dates component (``state.token_date`` -> ``state.dates[i].value``), places from the
places component (``state.token_place``: tokens of a place used as a location, never an actor-place).

    event_date(doc, trigger)        the date attached to the event's own clause ("met on Friday",
                                    "Trump's meeting on Friday"; a conjoined verb shares its head's date)
    calendar_value(date_expr(...))  that date as the event's date field: null for a duration or "recently"
    event_place(doc, trigger)       "in Hungary", "at the White House" under the trigger (or its noun phrase)
    evidence_span(trigger)          the clause: the subtree of the trigger's clause head, cut at the sentence
    reported_date(doc, trigger)     the date of the reporting verb that governs the trigger, else published
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..models import DateExpr, Span
from .event_patterns import PatternBook
from .state import doc_text, state

DATE_DEPS = ("prep", "npadvmod", "tmod", "advmod", "nmod", "compound", "pobj", "nummod", "amod", "appos")
PLACE_PREPS = ("in", "at", "near", "inside", "outside", "on", "through", "across", "throughout", "around")


def _date_in(doc: Doc, token: Token) -> int | None:
    """Index into state.dates of a date token at or directly under ``token`` (through one preposition)."""
    sl = state(doc)
    for t in (token, *token.children):
        if t.i in sl.token_date:
            return sl.token_date[t.i]
        if t.dep_ == "prep":
            for obj in t.children:
                if obj.i in sl.token_date:
                    return sl.token_date[obj.i]
    return None


def _own_date(doc: Doc, trigger: Token) -> int | None:
    sl = state(doc)
    for child in trigger.children:
        if child.dep_ in DATE_DEPS and child.i != trigger.i:
            found = _date_in(doc, child)
            if found is not None and (child.i in sl.token_date or child.dep_ in ("prep", "npadvmod", "tmod")):
                return found
    return None


def date_expr(doc: Doc, trigger: Token) -> DateExpr | None:
    """The date expression attached to the event, or None when the text does not say."""
    found = _own_date(doc, trigger)
    if found is None and trigger.dep_ == "conj":
        found = _own_date(doc, trigger.head)
    if found is None and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        found = _own_date(doc, trigger.head)  # "held talks on Friday"
    return None if found is None else state(doc).dates[found]


def event_date(doc: Doc, trigger: Token) -> str | None:
    """TIMEX value of the date attached to the event (what statuses read: "for years", "soon" count too)."""
    expr = date_expr(doc, trigger)
    return expr.value if expr else None


# granularities of the dates component that name no point in the calendar: "three days after" (P3D), "recently"
NOT_CALENDAR = {"duration", "ref"}


def calendar_value(expr: DateExpr | None) -> str | None:
    """The event's date field: a day, week, month, year, decade or time, not a duration or an unanchored
    reference ("P6Y" from "six years after", "PAST_REF" from "recently" say when nothing happened)."""
    return expr.value if expr is not None and expr.granularity not in NOT_CALENDAR else None


def _place_under(doc: Doc, token: Token, depth: int = 0) -> str | None:
    """Place id in an "in/at/near X" phrase under ``token``, or under its participle ("truce remaining in Gaza")."""
    places = state(doc).token_place
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        for obj in prep.children:
            hit = next((places[t.i] for t in obj.subtree if t.i in places), None)
            if hit:
                return hit
    for child in token.children:
        if child.dep_ == "acl" and depth < 1:
            found = _place_under(doc, child, depth + 1)
            if found:
                return found
    return None


def event_place(doc: Doc, trigger: Token) -> str | None:
    """Place id of the location in the event's own clause, or None. With none said of the event itself, the place
    of its subject ("Gunmen in the Niger Delta opened fire", "Opposition supporters in Dhaka blocked roads"): a
    group acts where it is."""
    found = _place_under(doc, trigger)
    if found is None and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        found = _place_under(doc, trigger.head, 1)
    if found is None and trigger.pos_ in ("VERB", "AUX"):
        found = next((p for c in trigger.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                      if (p := _place_under(doc, c, 1))), None)
    return found


def _clause_head(trigger: Token) -> Token:
    """The verb whose subtree is the event's clause: the trigger's verb, or the verb its noun hangs from."""
    t = trigger
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            break
        t = t.head
    if t.dep_ == "xcomp":
        t = t.head
    return t


def evidence_span(doc: Doc, trigger: Token) -> Span:
    """Character span of the event's clause, kept inside the trigger's sentence."""
    head = _clause_head(trigger)
    sent = trigger.sent
    tokens = [t for t in head.subtree if sent.start <= t.i < sent.end and not t.is_space]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    text = doc_text(doc)
    while end > start and text[end - 1] in ",;:–—\"”’ ":
        end -= 1
    return Span(start, end, text[start:end])


def reported_date(doc: Doc, trigger: Token, book: PatternBook) -> str | None:
    """Date of the reporting verb ("said on Sunday that ...") governing the trigger, else the published date."""
    t = trigger
    for _ in range(6):
        if t.lemma_.lower() in book.reporting and t.i != trigger.i:
            found = _own_date(doc, t)
            if found is not None and state(doc).dates[found].value:
                return state(doc).dates[found].value
        if t.head.i == t.i:
            break
        t = t.head
    published = state(doc).published
    return published.isoformat() if published else None
