"""storyline_events: who did what to whom, PLOVER and CAMEO coded, with status, date, place and evidence.

    trigger words (data/event_patterns.yaml) -> candidates with actors (event_args) and status (status)
        -> merged so one event is one row (event_merge) -> state.events as models.Event

Reporting verbs (say, announce, state) are not events: the quotes component covers them. Statement nouns
("a speech at the Knesset") are kept as CAMEO 010 with ``plover`` null. A group with no country of its own
("police", "gunmen") takes the country of the event's place, else CAMEO's unknown country ("---COP"), so
"unidentified gunmen attacked a village" is kept. Candidates naming no actor at all are dropped from the document
(a bare "attacks rose" is no who-did-what-to-whom), unless a definite noun names an event told earlier ("the
call" after "Trump called Putin"), which adds its evidence to that event; the trigger's code is still there for the evaluations'
"triggers" mode, and ``predicate_statuses`` still gives every predicate's status (used by the
factuality evaluation).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .event_candidates import all_candidates, trigger_pattern
from .event_context import event_date
from .event_merge import dateline_country, merge, to_event
from .event_patterns import pattern_book
from .state import state
from .status import Decision, decide

__all__ = ["annotate", "predicate_statuses"]


@Language.component("storyline_events")
def annotate(doc: Doc) -> Doc:
    sl = state(doc)
    book = pattern_book()
    merged = merge(all_candidates(doc, book))
    home = dateline_country(sl)
    # an act of the law that names no one is kept only when the authorities of its place or dateline are known
    named = [c for c in merged if c.source or c.target or to_event(c, 0, sl, home).source_name]
    sl.events = [to_event(c, n, sl, home) for n, c in enumerate(named, start=1)]
    return doc


def _is_predicate(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ in ("NOUN", "PROPN") and trigger_pattern(token, pattern_book()))


def predicate_statuses(doc: Doc, dictionary_only: bool = False) -> list[tuple[Token, Decision]]:
    """Status of every predicate in ``doc``: all verbs and dictionary event nouns (or, with
    ``dictionary_only``, only dictionary triggers), whether or not actors were found."""
    book = pattern_book()
    published = state(doc).published
    chosen = (t for t in doc if (trigger_pattern(t, book) if dictionary_only else _is_predicate(t)))
    return [(t, decide(t, book, date_value=event_date(doc, t), reference=published)) for t in chosen]
