"""Fallback targets: when an event's pattern slots name no coded target, the nearest actor below the trigger.

    deep_targets(doc, verb, book, skip)   nearest coded actor under the verb (breadth first, not crossing into
                                          its own subject, coordinated or reporting clauses), else the country of
                                          the nearest place (PLOVER codes a destination or venue as the target),
                                          else the nearest uncoded actor
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .event_actors import GROUP, is_group, place_actor
from .event_args import actors_of, is_city, is_coded
from .event_patterns import PatternBook
from .state import state
from .status_cues import CONDITIONAL_MARKS

# Dependents never searched for a fallback target: the subject side, function words, separate clauses
DEEP_SKIP = {"aux", "auxpass", "punct", "mark", "cc", "neg", "det", "conj", "parataxis", "relcl", "appos", "meta",
             "dep"}
OWN_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"}
DEEP_DEPTH = 7
# "According to Ushakov, the leaders agreed": the source of the news; "despite Israel's wish", "unlike in Cuba": a
# concession or a comparison; "amid concerns about the United States", "under pressure from the Teamsters": the
# circumstances; "alongside Canada", "together with Canada" (PARTNER_WORDS): a partner; "stepped down as the
# party's chair": a role. None names a target.
NOT_PARTIES = {"according", "despite", "notwithstanding", "unlike", "amid", "amidst", "under", "alongside", "as"}
PARTNER_WORDS = {"together", "along"}
# "arrested in connection with the embassy blasts", "in relation to", "with regard to": the case, not a party
CASE_WORDS = {"connection", "relation", "regard", "respect"}
TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning"}
VENUE_PREPS = {"in", "at"}


def _topic(token: Token, book: PatternBook) -> bool:
    """What talks are about, not who takes part: "talked about trade with Russia", "discussed the war in Ukraine"
    (a direct object of a consultation is its subject matter, unless it is itself an event whose parties count:
    "host a meeting between X and Y"); so is an act discussed ("discussed sending Kyiv weapons")."""
    if token.dep_ in ("dobj", "xcomp", "ccomp") and token.pos_ in ("VERB", "AUX"):
        return True
    if token.dep_ == "dobj":
        return book.for_noun(token) is None
    return token.dep_ == "prep" and token.lower_ in TOPIC_PREPS


def _partner(token: Token) -> bool:
    """"together with X", "along with X": X acts with the subject, it is not acted on."""
    return token.dep_ == "prep" and token.lower_ == "with" and token.i > 0 \
        and token.doc[token.i - 1].lower_ in PARTNER_WORDS


def _own_clause(token: Token) -> bool:
    """An adverbial clause with a subject of its own: another event, whose actors are not this one's targets
    ("resigned after Russia seized Crimea"). A condition is searched: what a threat or an offer is conditional on
    is done by its target ("threatened to stop talks if the United States goes ahead")."""
    return (token.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children))


def _below(verb: Token, book: PatternBook, topics: bool = False, venue: bool = False) -> list[Token]:
    """Tokens under ``verb``, nearest first, not crossing into subjects, coordinated or reporting clauses, nor
    (with ``topics``) into what a consultation is about, nor (with ``venue``) into where it or a clause under it
    takes place."""
    out, layer = [], [verb]
    for level in range(DEEP_DEPTH):
        layer = [c for t in layer for c in t.children if c.dep_ not in DEEP_SKIP
                 and not (level == 0 and c.dep_ in OWN_SUBJECTS) and c.lower_ not in NOT_PARTIES
                 and not (c.pos_ == "VERB" and c.lemma_.lower() in book.reporting) and not _partner(c)
                 and not (c.dep_ == "pobj" and c.lemma_.lower() in CASE_WORDS)
                 and not (level == 0 and topics and _topic(c, book))
                 and not (venue and _venue(c, level)) and not _own_clause(c)]
        out.extend(layer)
    return out


def _venue(token: Token, level: int) -> bool:
    """An "in"/"at" phrase on the trigger, or on a clause below it ("agreed to meet in Budapest"): where the
    parties act, not one of them. Deeper down, the same holds for a place hung on a time phrase or on another
    gathering ("negotiated for a third day in Geneva", "talks on the sidelines of a summit in Colombo"): with
    all the parties named, a place is where they met, not a party."""
    if token.dep_ != "prep" or token.lower_ not in VENUE_PREPS:
        return False
    return level == 0 or token.head.pos_ in ("VERB", "AUX") or token.head.ent_type_ in ("DATE", "TIME") \
        or token.head.lemma_.lower() in GATHERINGS


# nouns of a time or a gathering: an "in"/"at" place under them is a venue ("a third day in Geneva")
GATHERINGS = {"day", "week", "round", "session", "summit", "conference", "meeting", "sideline", "forum", "gathering"}


def deep_targets(doc: Doc, verb: Token, book: PatternBook, skip: list[str], without: Token | None = None,
                 topics: bool = False, venue: bool = False) -> list[str]:
    """Fallback target of an event whose pattern slots name none: the nearest actor under it ("kidnapped up to
    16 Russian advisers" misparsed as a particle phrase; "threatened to break off relations with Congo"), else the
    country of the nearest place ("sent personnel to Bosnia", PLOVER's convention for a destination). Tokens in
    the subtree of ``without`` (an event noun already searched) are left out: the noun is not its own target.
    ``topics`` (consultations) leaves out what the talks are about; ``venue`` (a mutual event whose parties are
    all its sources: "X and Y will hold a summit in Budapest") leaves out where it takes place."""
    tokens = [t for t in _below(verb, book, topics, venue)
              if without is None or not (t == without or without.is_ancestor(t))]
    home = _countries(doc, skip)
    found = [[e for e in actors_of(doc, t) if e not in skip and not _home_city(doc, e, home)] for t in tokens]
    coded = next((ids for ids in found if ids and all(is_coded(doc, e) for e in ids)), None)
    if coded:
        return coded
    places = [p for t in tokens if (p := place_actor(doc, t)) and p not in skip and p[len(GROUP):][:3] not in home]
    return places[:1] or next((ids for ids in found if ids), [])


def _home_city(doc: Doc, ref: str, home: set[str]) -> bool:
    entity = None if is_group(ref) else state(doc).entity(ref)
    return is_city(entity) and entity.country in home


def _countries(doc: Doc, refs: list[str]) -> set[str]:
    """Countries of the source actors: a place in the source's own country is where it acts, not on whom ("In
    Kyiv, Zelenskyy welcomed the sanctions")."""
    out = set()
    for ref in refs:
        if is_group(ref):
            out.add(ref[len(GROUP):][:3])
        elif (entity := state(doc).entity(ref)) is not None and entity.country:
            out.add(entity.country)
    return out
