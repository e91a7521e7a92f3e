"""storyline_dates: every temporal expression, resolved against the publication date.

    spans     spaCy DATE/TIME entities, adjacent ones merged ("Wednesday" + "evening"), ages dropped
              ("19", "16-year-old"), plus single words the model misses (weekdays, "now", "today", "tonight")
    direction extract.tense.direction(span): the governing verb's tense and aspect
    value     resolve.calendar.resolve(text, state.published, direction) -> TIMEX3 value + granularity

Fills ``state.dates`` (DateExpr) and ``state.token_date`` (token index -> index into ``dates``). Without a
publication date, relative expressions keep ``value=None``; absolute ones ("Oct. 16, 2025", "2024") resolve.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..models import DateExpr
from ..resolve.calendar import resolve
from .state import state
from .tense import direction

TIME_LABELS = {"DATE", "TIME"}
EXTRA_WORDS = {"now", "today", "tonight", "yesterday", "tomorrow", "currently", "recently", "soon", "previously",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
EXTEND_LEFT = {"this", "last", "next", "past", "coming", "previous", "following", "current", "that", "early", "late",
               "earlier", "later", "mid"}
ADJECTIVE_SETS = {"quarterly", "annual", "daily", "weekly", "monthly", "yearly"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")
YEAR_BEFORE = {"in", "since", "by", "of", "until", "before", "after", "from", "during", "'s", "’s"}
AGE = re.compile(r"^\d{1,3}$|\b(year|month|week|day)s?[\s-]old\b|^ages?\b|\baged?\b", re.I)
TRIM_START = {"the", "a", "an", "this", "that", "on", "in", "at", "by", "during", "since", "until", "for", "of"}
KEEP_START = {"this", "a", "an"}  # part of the expression's meaning ("this week", "a year")


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            span = span.doc[last.start:max(last.end, span.end)]
        merged.append(span)
    return merged


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start > 0 and span.doc[start - 1].lower_ in EXTEND_LEFT and start == span.start:
        start -= 1
    while start < end and span.doc[start].lower_ in TRIM_START and span.doc[start].lower_ not in KEEP_START:
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return span.doc[start:end] if end > start else None


def _missed_word(token) -> bool:
    """A word the model often leaves out: "now", "Friday", a year after "in" or a possessive ("Trump's 2024")."""
    if token.lower_ in EXTRA_WORDS:
        return not (token.lower_ == "now" and token.dep_ == "intj")
    if YEAR.match(token.text) and token.i > 0:
        before = token.doc[token.i - 1]
        return before.lower_ in YEAR_BEFORE or before.tag_ == "POS"
    return False


def candidate_spans(doc: Doc) -> list[Span]:
    """Temporal expressions in ``doc``: the model's DATE/TIME entities and the words it misses."""
    spans = [e for e in doc.ents if e.label_ in TIME_LABELS]
    covered = {t.i for s in spans for t in s}
    spans += [doc[t.i:t.i + 1] for t in doc if t.i not in covered and _missed_word(t)]
    out = []
    for span in _merge_adjacent(spans):
        span = _trim(span)
        if span is None or (len(span) == 1 and span[0].lower_ in ADJECTIVE_SETS and span[0].dep_ == "amod"):
            continue
        if not AGE.search(span.text):
            out.append(span)
    return out


def date_exprs(doc: Doc) -> list[tuple[Span, DateExpr]]:
    published = state(doc).published
    out = []
    for span in candidate_spans(doc):
        way = direction(span)
        resolved = resolve(span.text, published, way)
        if resolved.granularity is None and resolved.value is None:
            continue  # not a date we can read at all ("the 19", a bare number)
        out.append((span, DateExpr(text=span.text, start=span.start_char, end=span.end_char, value=resolved.value,
                                   granularity=resolved.granularity,
                                   direction=way if resolved.relative else None)))
    return out


@Language.component("storyline_dates")
def annotate(doc: Doc) -> Doc:
    sl = state(doc)
    for span, expr in date_exprs(doc):
        sl.dates.append(expr)
        for token in span:
            sl.token_date[token.i] = len(sl.dates) - 1
    return doc
