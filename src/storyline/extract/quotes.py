"""storyline_quotes: direct, indirect and inferred quotes with speaker, cue and date.

    text -> quote_marks.find_marked      quoted stretches (broken marks repaired at paragraph edges)
         -> direct.DirectFinder          the stretches that are utterances, and their cues
         -> indirect.find_indirect       "X said (that) …", "according to X, …"
         -> inherit                      a quote with no cue of its own takes the speaker of the quote or
                                         attribution just before it (same or previous paragraph)
         -> continuation.find_inferred   an unmarked paragraph that goes on with a speaker's quote (kind "inferred")
         -> models.Quote                 speaker = actor id (actors component), date from the cue's clause

Reads ``token_entity``/``entities`` (storyline_actors) and ``dates``/``token_date`` (storyline_dates).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Quote, Span
from .attribution import date_of, entity_name, entity_of, load_cues, phrase
from .continuation import find_inferred
from .direct import DirectFinder, Found
from .indirect import find_indirect
from .quote_marks import find_marked, paragraphs
from .state import doc_text, state

_INHERIT_PARAGRAPHS = 1  # a cue-less quote takes a speaker from at most this many paragraphs back


def _tokens(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _paragraph_of(paras: list[tuple[int, int]], char: int) -> int:
    return next((i for i, (start, end) in enumerate(paras) if start <= char <= end), 0)


def _overlaps_taken(doc: Doc, quote: Found, taken: set[int]) -> bool:
    tokens = _tokens(doc, quote.start, quote.end)
    return len(taken.intersection(tokens)) * 2 > len(tokens)


def inherit(found: list[Found]) -> None:
    """Give each cue-less quote the cue and speaker of the closest attributed quote before it, else the named
    subject of the paragraph before it ("Valastro praised …" + a bare quote paragraph)."""
    previous: Found | None = None
    for quote in found:
        if quote.cue is None and quote.speaker is None and previous is not None \
                and quote.paragraph - previous.paragraph <= _INHERIT_PARAGRAPHS:
            quote.cue, quote.speaker, quote.inherited = previous.cue, previous.speaker, True
        elif quote.cue is None and quote.speaker is None and quote.fallback is not None:
            (quote.cue, quote.speaker), quote.inherited = quote.fallback, True
        if quote.speaker is not None or quote.cue is not None:
            previous = quote


def collect(doc: Doc) -> list[Found]:
    """Every quote of ``doc`` in text order, before conversion to ``Quote``."""
    cues = load_cues()
    paras = paragraphs(doc.text)
    direct = DirectFinder(doc, cues).find(find_marked(doc.text))
    taken = {i for q in direct for i in _tokens(doc, q.start, q.end)}
    used = {q.cue.i for q in direct if q.cue is not None}
    indirect = [q for q in find_indirect(doc, cues, taken, used) if not _overlaps_taken(doc, q, taken)]
    for quote in indirect:
        quote.paragraph = _paragraph_of(paras, quote.start)
    found = sorted(direct + indirect, key=lambda q: q.start)
    inherit(found)
    found += find_inferred(doc, found, paras)
    return sorted(found, key=lambda q: q.start)


def _span(doc: Doc, tokens) -> Span | None:
    if tokens is None:
        return None
    return Span(tokens.start_char, tokens.end_char, tokens.text)


def to_quote(doc: Doc, quote: Found, number: int) -> Quote:
    speaker_id = entity_of(doc, quote.speaker)
    cue = quote.cue
    content = _tokens(doc, quote.start, quote.end)
    return Quote(
        id=f"Q{number}",
        kind=quote.kind,
        text=doc_text(doc)[quote.start:quote.end],
        start=quote.start,
        end=quote.end,
        speaker=speaker_id,
        speaker_name=entity_name(doc, speaker_id),
        cue=cue.text if cue is not None else None,
        date=date_of(doc, cue, content) if cue is not None else None,
        cue_span=_span(doc, doc[cue.i:cue.i + 1]) if cue is not None else None,
        speaker_span=_span(doc, phrase(quote.speaker)) if quote.speaker is not None else None,
    )


@Language.component("storyline_quotes")
def annotate(doc: Doc) -> Doc:
    sl = state(doc)
    sl.quotes = [to_quote(doc, quote, n) for n, quote in enumerate(collect(doc), start=1)]
    return doc
