"""One event, one row: merging candidates that state the same event, and turning them into ``models.Event``.

Two candidates are the same event when they agree on (source, target), on the PLOVER type (the CAMEO root
for statements), on the status class (occurred and ongoing together; every other status apart) and their dates
are compatible (equal, or one unknown). Event nouns with the same lemma also merge when their actors do not
conflict ("the ongoing invasion of Ukraine" + "the Russian invasion" -> Russia invades Ukraine).
An event noun that is the subject of a verb of the same type is the verb's event ("Israeli strikes killed 30").
A definite event noun whose own actors (none at all, or some) are among an earlier event's ("Trump called
Putin ... The call lasted two hours") refers back to that event, when type, mode, status class and date agree.
The first mention keeps the trigger and evidence; later ones go to ``more_evidence``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..models import Event, Span
from ..resolve import cameo as tables
from ..resolve.codes import country_name
from .event_actors import describe
from .event_args import is_coded
from .event_candidates import LAW_ACTS, Candidate, definite_noun, subject_of
from .state import Analysis, doc_text
from .status import status_class


def type_key(c: Candidate) -> str:
    return c.pattern.plover or f"cameo:{tables.root(c.pattern.cameo)}"


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _union(kept: Candidate, new: Candidate) -> tuple[str | None, str | None]:
    """(source, target) of the kept mention with its gaps filled from the new one."""
    return kept.source or new.source, kept.target or new.target


def _one_actor_both(source: str | None, target: str | None) -> bool:
    """One actor as both source and target ("the Gaza ceasefire" + "the ceasefire in Gaza"), never an event."""
    return source is not None and source == target


def _same_actors(kept: Candidate, new: Candidate) -> bool:
    """Equal actors, or for two mentions of one event noun actors that fill each other's gaps (unless filling them
    would make one actor both source and target)."""
    if (kept.source, kept.target) == (new.source, new.target):
        return True
    wildcard = kept.nominal and new.nominal and kept.trigger.lemma_ == new.trigger.lemma_
    return (wildcard and _compatible(kept.source, new.source) and _compatible(kept.target, new.target)
            and not _one_actor_both(*_union(kept, new)))


def same_event(kept: Candidate, new: Candidate) -> bool:
    if kept.trigger.i == new.trigger.i:
        return False
    return (type_key(kept) == type_key(new) and status_class(kept.status) == status_class(new.status)
            and _compatible(kept.date, new.date) and _same_actors(kept, new))


def refers_back(kept: Candidate, new: Candidate) -> bool:
    """"Trump called Putin ... The call lasted two hours": a definite event noun with no actors of its own but
    the earlier event's is that event, when type, mode, status class and date agree."""
    if kept.trigger.i >= new.trigger.i or not definite_noun(new.trigger, new.pattern):
        return False
    own = {new.source, new.target} - {None}
    return _same_kind(kept, new) and own <= {kept.source, kept.target} - {None}


def _same_kind(kept: Candidate, new: Candidate) -> bool:
    """Two mentions that may tell one event: the same type and mode, status class and a compatible date."""
    return (type_key(kept) == type_key(new) and kept.pattern.mode == new.pattern.mode
            and status_class(kept.status) == status_class(new.status) and _compatible(kept.date, new.date))


def _absorb(kept: Candidate, new: Candidate) -> None:
    """Fold a later mention into the kept one: its actors fill the kept one's gaps (where that would make one actor
    both source and target, the kept one's own stand), its evidence is added."""
    union = _union(kept, new)
    if not _one_actor_both(*union):
        kept.source, kept.target = union
    kept.date = kept.date or new.date
    kept.location = kept.location or new.location
    kept.confidence = max(kept.confidence, new.confidence)
    spans = [kept.evidence, *kept.more_evidence]
    if all(s.start != new.evidence.start or s.end != new.evidence.end for s in spans):
        kept.more_evidence.append(new.evidence)


PHYSICAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}  # acts whose noun can be the doer of their verb


def _names_its_verb(noun: Candidate, verb: Candidate) -> bool:
    """An event noun that is the subject of a verb naming the same kind of event is that event told twice
    ("Israeli strikes killed 30", "the attack wounded five", "the blast that killed 10"): one event, the verb's."""
    return (noun.nominal and not verb.nominal and noun.pattern.plover in PHYSICAL
            and subject_of(noun.trigger, verb.trigger) and type_key(noun) == type_key(verb)
            and status_class(noun.status) == status_class(verb.status) and _compatible(noun.date, verb.date)
            and not _one_actor_both(*_union(verb, noun)))


def _coded(c: Candidate, ref: str | None) -> bool:
    return ref is not None and is_coded(c.trigger.doc, ref)


def _fold(verb: Candidate, noun: Candidate) -> None:
    """Fold a subject noun into its verb. The noun's target, when the text gives it a country and the verb's does
    not, is the event's ("the explosions at the U.S. embassies killed 110 people": the embassies were bombed)."""
    if _coded(noun, noun.target) and not _coded(verb, verb.target) and noun.target != verb.source:
        verb.target = noun.target
    _absorb(verb, noun)


def _fold_subject_nouns(candidates: list[Candidate]) -> list[tuple[Candidate, Candidate | None]]:
    """``candidates`` with each event noun that names its verb's event (``_names_its_verb``) folded into the verb,
    each with the noun folded into it (or None)."""
    folded: dict[int, Candidate] = {}
    out = []
    for cand in candidates:
        verb = next((v for v in candidates if v is not cand and _names_its_verb(cand, v)), None)
        if verb is None:
            out.append(cand)
        else:
            _fold(verb, cand)
            folded[id(verb)] = cand
    return [(c, folded.get(id(c))) for c in out]


def _told_before(kept: Candidate, verb: Candidate, noun: Candidate | None) -> bool:
    """A verb whose subject is a definite event noun or bomb ("the bombings killed 224", "the blasts killed 257")
    told after ``kept``, which that subject refers back to: same type, status class, date and place."""
    if noun is not None:
        return refers_back(kept, noun) and _compatible(kept.location, noun.location)
    return (verb.named_by is not None and kept.trigger.i < verb.named_by.i and _same_kind(kept, verb)
            and _compatible(kept.location, verb.location))


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates in text order, merged so that each event appears once. A verb whose subject is a definite event
    noun told earlier is that earlier event ("the Aug. 7 bombings of the embassies ... The blasts killed 257")."""
    kept: list[Candidate] = []
    for cand, noun in _fold_subject_nouns(candidates):
        match = next((k for k in kept if same_event(k, cand)), None) \
            or next((k for k in reversed(kept) if refers_back(k, cand) or _told_before(k, cand, noun)), None)
        if match is not None:
            _absorb(match, cand)
        elif not cand.anaphor:  # an actorless "the call" with no earlier call is dropped
            kept.append(cand)
    return kept


def cameo_for(c: Candidate) -> str:
    """The CAMEO code: the pattern's, or its "express intent" code (03x/13x) when the event is only planned or
    conditional ("will boycott unless ..." is a threat to boycott)."""
    return c.pattern.intent if c.status in ("planned", "conditional") and c.pattern.intent else c.pattern.cameo


# sectors of forces that wage war: their killings are military force (19x)
ARMED_FORCES = {"MIL", "PKO", "UAF"}
FIGHTERS = ARMED_FORCES | {"REB", "INS", "SEP"}  # a fighter killed is a casualty of fighting
KILLING_WORDS = {"kill", "shoot", "gun", "slay", "killing", "shooting", "slaying"}  # "gun down"


def _killing_of_one(c: Candidate, code: str, source_code: str | None, target_code: str | None,
                    sl: Analysis) -> str:
    """A killing or shooting of one person by no armed force ("a sniper shot and killed a doctor", "he was gunned
    down", "gunmen shot dead a journalist") is CAMEO's killing by physical assault (1823), not the use of military
    force (190, 193) that armies use, and fighters use on each other."""
    if code not in ("190", "193") or c.trigger.lemma_.lower() not in KILLING_WORDS \
            or (source_code or "")[3:6] in ARMED_FORCES:
        return code
    target = sl.entity(c.target) if c.target else None
    if c.pattern.kind == "noun":
        objects = [g for t in c.trigger.children if t.dep_ == "prep" and t.lower_ == "of" for g in t.children]
    else:
        objects = [t for t in c.trigger.children if t.dep_ in ("dobj", "nsubjpass")]
    singular = any(t.tag_ in ("NN", "NNP") for t in objects)
    one = (target is not None and target.type == "PERSON") or (singular and (target_code or "")[3:6] not in FIGHTERS)
    return "1823" if one else code


def dateline_country(sl: Analysis) -> str | None:
    """The country of the place a wire dateline names ("BUFFALO, N.Y. (AP) --": USA), if there is one."""
    if sl.dateline is None:
        return None
    start, end = sl.dateline
    found = [p.country for p in sl.places for m in p.mentions if start <= m.start < end and p.country]
    return found[-1] if found else None


def _at_home(ref: str | None, code: str | None, sl: Analysis, home: str | None) -> str | None:
    """An actor the text gives no country, in a story filed from ``home`` (its dateline): a person named with no
    known country ("Slepian was shot"), or a body or group named bare ("authorities", "investigators"), is of the
    country the story is filed from, as an analyst reading the wire would code it."""
    if home is None or ref is None:
        return code
    if code is None:
        entity = sl.entity(ref)
        return home if entity is not None and entity.type == "PERSON" and not entity.country else code
    return home + code[3:] if code.startswith("---") and code[3:6] not in BEYOND_BORDERS else code


# sectors that belong to no one state: an international deal, a body of states, an aid group, a firm, a network
BEYOND_BORDERS = {"INT", "IGO", "NGO", "NGM", "IMG", "MNC", "PKO"}


# acts only a state's law officers do: arrests, charges, detentions, deportations and criminal investigations
def _authorities(c: Candidate, place, home: str | None) -> tuple[str | None, str | None]:
    """"Seventeen people have been indicted", "he was arrested in Cape Town", "Kopp is being sought": an act of
    the law with no one named as doing it is done by the authorities of the country where it happens (its place,
    else the story's dateline), as a coder reading the wire writes it; (name, code), or (None, None)."""
    country = (place.country if place is not None else None) or home
    if c.source is not None or (c.pattern.plover, c.pattern.mode) not in LAW_ACTS or country is None:
        return None, None
    return "authorities", country + "GOV"


def _visits_home(c: Candidate, place, source_code: str | None, home: str | None) -> bool:
    """"the slated visit of U.S. Commerce Secretary William Daley", "his trip is still on" in a story filed from
    Nairobi: a foreigner's visit with no destination named is to the country the story is filed from."""
    return (c.pattern.mode == "visit" and home is not None and source_code is not None
            and source_code[:3] not in (home, "---") and (place is None or place.country in (None, home)))


def to_event(c: Candidate, number: int, sl: Analysis, home: str | None = None) -> Event:
    """The event row of a merged candidate; ``home`` is the country the story is filed from (``dateline_country``,
    read once per document)."""
    source_id, source_name, source_code = describe(c.source, sl)
    target_id, target_name, target_code = describe(c.target, sl)
    place = sl.place(c.location)
    if place is None or place.country in (None, home):  # an act told of another country keeps its own actors
        source_code, target_code = _at_home(c.source, source_code, sl, home), _at_home(c.target, target_code, sl, home)
    if c.source is None:
        source_name, source_code = _authorities(c, place, home)
    if c.target is None and _visits_home(c, place, source_code, home):
        target_name, target_code = country_name(home), home
    code = _killing_of_one(c, cameo_for(c), source_code, target_code, sl)
    trigger = c.trigger
    return Event(
        id=f"E{number}", source=source_id, target=target_id, source_name=source_name, target_name=target_name,
        plover=c.pattern.plover, mode=c.pattern.mode, cameo=code, status=c.status, date=c.date,
        location=c.location, evidence=c.evidence, confidence=c.confidence,
        trigger=_trigger_span(trigger), source_code=source_code, target_code=target_code, quad_class=tables.quad_class(code),
        goldstein=tables.goldstein(code), reported=c.reported, more_evidence=tuple(c.more_evidence),
    )


def _trigger_span(token: Token) -> Span:
    """The event word plus its particle ("bring up"), not the governing verb ("plans")."""
    words = [token, *[c for c in token.children if c.dep_ == "prt"]]
    start, end = min(w.idx for w in words), max(w.idx + len(w) for w in words)
    return Span(start, end, doc_text(token.doc)[start:end])
