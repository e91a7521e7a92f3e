"""Finding toponyms in a Doc: which token spans name places, and what qualifies them.

Sources of candidates, in order:
  1. spaCy GPE / LOC / FAC entities ("the White House" -> "White House", "Israel's" -> "Israel");
  2. other entities the model mislabels ("Kyiv" as PERSON) when the gazetteer knows the whole name as a
     country, state, supplement place or a city of CITY_MIN_POP people (any town after "in"/"of"/"near"), and
     the actors component did not make it a person; and places that begin an organisation's name
     ("Mansfield Police Department" -> "Mansfield");
  3. unlabelled proper nouns: other uses of names found so far, or known names by the same test as in 2;
  4. qualifiers: a trailing ", La." / ", Texas" / ", Iraq" after a toponym is one too.

``find_demonyms`` lists the demonyms outside those spans ("Israeli", "Sudanese", "Costa Rican"): toponyms in the
geoparsing sense, which name their country but never where something happened.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..resolve.codes import demonym_country
from ..resolve.gazetteer import Gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELABEL = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"}
PERSON_TYPES = {"PERSON"}
CITY_MIN_POP = 100_000  # a name outside any place entity counts when a city this large bears it...
LOCATIVE_MIN_POP = 1_000  # ...or any known town after "in", "of", "near", "from", "at"
PREFIX_MIN_POP = 5_000  # a town that begins an organisation's name ("Fargo Police")
LOCATIVE = {"in", "near", "of", "from", "at", "to", "outside", "across", "around", "into", "throughout"}
PREFIX_LABELS = {"ORG", "FAC", "PERSON"}
NOT_A_PREFIX = {"County", "Parish", "Township", "River", "Lake", "Island", "Mountain", "Valley", "Bay", "Street",
                "Road", "Avenue", "Creek", "Park", "Heights", "Springs", "Beach", "Station", "Borough"}
INSTITUTION_WORDS = {"Police", "City", "Council", "Court", "Circuit", "Commonwealth", "Fire", "School",
                     "Schools", "University", "College", "Hospital", "Sheriff", "Department", "Township", "Mayor",
                     "State", "National", "Public", "District", "Area", "Board", "Chamber", "Airport", "High"}
TRIM_START = {"the", "The"}
TRIM_END = {"'s", "’s", "'", "’"}
DEMONYM_LABEL = "DEMONYM"


@dataclass(frozen=True)
class Toponym:
    start: int  # token indices into the Doc
    end: int
    text: str
    qualifier: str | None = None  # text of a trailing qualifier ("La.", "Texas")
    label: str = "GPE"
    country: str | None = None  # ISO3 of a demonym's country (label DEMONYM)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].text in TRIM_START:
        start += 1
    while end > start and span.doc[end - 1].text in TRIM_END:
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if end > start else None


def _is_person(doc: Doc, span: Span) -> bool:
    """True when the actors component resolved these tokens to a person it knows or names more fully
    ("Zelenskyy" -> Volodymyr Zelenskyy); a bare "Alexandria" typed PERSON by the model is not enough."""
    sl = doc._.sl
    if sl is None:
        return False
    for token in span:
        entity = sl.entity(sl.token_entity.get(token.i))
        if entity is not None and entity.type in PERSON_TYPES and (
                entity.knowledge_id or len(entity.name.split()) > len(span)):
            return True
    return False


def qualifier(doc: Doc, span: Span, gaz: Gazetteer) -> Span | None:
    """``span`` followed by ", X" where X names a US state or a country -> the span of X."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    for length in (3, 2, 1):
        cand = doc[i + 1: i + 1 + length]
        if cand.end <= len(doc) and len(cand) == length and cand[0].text[:1].isupper():
            if gaz.qualifier(cand.text) is not None:
                return cand
    return None


def extend_place_names(doc: Doc, gaz: Gazetteer) -> None:
    """Widen a place entity over the capitalised word before it when the two are a place of their own the
    supplement lists ("Little Havana" is in Miami; the model tags only "Havana")."""
    ents = list(doc.ents)
    for n, ent in enumerate(ents):
        i = ent.start - 1
        if ent.label_ not in ("GPE", "LOC") or i < 0 or doc[i].ent_type_ or not doc[i].text[:1].isupper():
            continue
        wider = doc[i:ent.end]
        if any(e.rank == 0 for e in gaz.lookup(wider.text)):
            ents[n] = Span(doc, i, ent.end, label=ent.label_)
    doc.ents = ents


def _split_comma(span: Span) -> list[Span]:
    """An entity like "Alexandria, La." is two toponyms; keep the comma-free parts."""
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(span.doc[start:token.i])
            start = token.i + 1
    parts.append(span.doc[start:span.end])
    return [p for p in parts if len(p)]


def known_name(gaz: Gazetteer, text: str, min_pop: int = CITY_MIN_POP) -> bool:
    """A name the gazetteer knows as a country, state, supplement place or a city of ``min_pop`` people."""
    if gaz.abbreviation(text) is not None:
        return True
    return any(e.rank <= 2 or (e.rank == 3 and e.population >= min_pop) for e in gaz.lookup(text))


def _locative(span: Span) -> bool:
    """Preceded by a preposition of place ("in Fargo", "of Alexandria", "near Moorhead")."""
    i = span.start - 1
    while i >= 0 and span.doc[i].text in TRIM_START:
        i -= 1
    return i >= 0 and span.doc[i].lower_ in LOCATIVE


def _prefix_place(ent: Span, gaz: Gazetteer) -> Span | None:
    """The place a name begins with: "Mansfield Police Department" -> "Mansfield"."""
    for end in range(ent.end - 1, ent.start, -1):
        head = ent.doc[ent.start:end]
        if ent.doc[end].text in NOT_A_PREFIX:
            return None  # "Laurel County" is not Laurel, "Red River" not Red
        if ent.label_ == "PERSON" and ent.doc[end].text not in INSTITUTION_WORDS:
            continue
        if head.text[:1].isupper() and known_name(gaz, head.text, PREFIX_MIN_POP):
            return _trim(head)
    return None


def _other_entity(ent: Span, gaz: Gazetteer) -> Span | None:
    """A place hidden in a non-place entity: the whole name, or the place it begins with. A name in capitals
    typed as an organisation is a place only as a city ("NAIROBI" opening a wire story): "near the INS office" is
    the agency, not the Swiss village of Ins."""
    initials = ent.label_ == "ORG" and len(ent) == 1 and ent.text.isupper()
    small_town = _locative(ent) and not initials
    if len(ent) <= 3 and known_name(gaz, ent.text, LOCATIVE_MIN_POP if small_town else CITY_MIN_POP):
        return ent
    return _prefix_place(ent, gaz) if ent.label_ in PREFIX_LABELS else None


def _entity_candidates(doc: Doc, gaz: Gazetteer) -> list[Span]:
    spans = []
    for ent in (_trim(e) for e in doc.ents):
        if ent is None or _is_person(doc, ent):
            continue
        if ent.label_ in PLACE_LABELS and (ent.label_ != "FAC" or ent.text in gaz):
            spans.extend(_split_comma(ent))
        elif ent.label_ in RELABEL or ent.label_ == "FAC":
            found = _other_entity(ent, gaz)
            spans += [found] if found is not None else []
    return [s for s in spans if s.text[:1].isupper()]


def _runs(doc: Doc, taken: set[int]):
    """Maximal runs of proper nouns (with inner "." / "-" tokens) outside ``taken``."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in taken:
            j += 1
        if j > i:
            yield doc[i:j]
        i = max(j, i + 1)


def _unlabelled_candidates(doc: Doc, gaz: Gazetteer, taken: set[int], names: set[str]) -> list[Span]:
    """Proper nouns the model left out: names already found as places here, or known names in place context."""
    spans = []
    for run in _runs(doc, taken):
        if run.text in names:
            spans.append(run)
        elif run[0].ent_type_ in ("", "GPE", "LOC") and known_name(
                gaz, run.text, LOCATIVE_MIN_POP if _locative(run) else CITY_MIN_POP):
            spans.append(run)
    return spans


def _person_tokens(doc: Doc) -> set[int]:
    return {t.i for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Every toponym mention in ``doc``, in text order, each with its qualifier if the text gives one."""
    spans = _entity_candidates(doc, gaz)
    taken = {t.i for s in spans for t in s} | _person_tokens(doc)
    spans += _unlabelled_candidates(doc, gaz, taken, {s.text for s in spans})
    quals = {s.start: qualifier(doc, s, gaz) for s in spans}
    starts = {s.start for s in spans}
    spans += [q for q in quals.values() if q is not None and q.start not in starts]
    found = []
    for span in sorted(spans, key=lambda s: s.start):
        qual = quals.get(span.start)
        label = span.label_ or (span[0].ent_type_ or "GPE")
        found.append(Toponym(span.start, span.end, span.text, qual.text if qual is not None else None, label))
    return found


def _demonym_at(doc: Doc, i: int, taken: set[int]) -> Toponym | None:
    """The longest demonym (up to three tokens: "Papua New Guinean") starting at token ``i``, if any."""
    for length in (3, 2, 1):
        span = doc[i:i + length]
        if len(span) < length or not span[0].text[:1].isupper() or any(t.i in taken for t in span):
            continue
        country = demonym_country(span.text)
        if country and span[-1].text[:1].isupper():
            return Toponym(span.start, span.end, span.text, None, DEMONYM_LABEL, country)
    return None


def find_demonyms(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Demonyms outside ``toponyms``, each with its country's ISO3 code."""
    taken = {i for t in toponyms for i in range(t.start, t.end)}
    found, i = [], 0
    while i < len(doc):
        demonym = _demonym_at(doc, i, taken)
        if demonym is not None:
            found.append(demonym)
        i = demonym.end if demonym is not None else i + 1
    return found
