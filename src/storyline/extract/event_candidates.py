"""Event candidates: one per trigger word and (source, target) pair, before merging.

A trigger is a verb or an event noun found in the pattern dictionary. Coordinated actors give one candidate
per (source, target) pair; coordinated subjects of a mutual event with no stated partner ("Russia and Ukraine
met") give one candidate per subject with no target, the PLOVER gold convention for compound actors.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product

from spacy.tokens import Doc, Token

from ..models import Span
from ..resolve.cameo import root as cameo_root
from ..resolve.cameo import tables as cameo_tables
from ..resolve.codes import country_code, country_name, demonym_country
from . import event_args as args
from .event_actors import (
    GROUP,
    UNKNOWN_COUNTRY,
    ethnic_group,
    located_group,
    own_sector,
    unknown_group,
    word_sector,
)
from .event_context import (
    calendar_value,
    date_expr,
    event_date,
    event_place,
    evidence_span,
    reported_date,
)
from .event_patterns import (
    QUANTITIES,
    VOLLEYS,
    Pattern,
    PatternBook,
    others_proposal,
    to_infinitive,
)
from .event_targets import deep_targets
from .state import state
from .status import Decision, decide
from .status_cues import connective, ruled

MAX_PAIRS = 6


@dataclass
class Candidate:
    trigger: Token
    pattern: Pattern
    source: str | None
    target: str | None
    decision: Decision
    date: str | None
    location: str | None
    evidence: Span
    reported: str | None
    confidence: float
    more_evidence: list[Span] = field(default_factory=list)
    anaphor: bool = False  # "the call" with no actors of its own: kept only as evidence of an earlier event
    named_by: Token | None = None  # "the blasts killed 12": a definite device or attack that may be told earlier

    @property
    def nominal(self) -> bool:
        return self.pattern.kind == "noun"

    @property
    def status(self) -> str:
        return self.decision.status


def trigger_pattern(token: Token, book: PatternBook) -> Pattern | None:
    """The dictionary entry a token triggers, if any (reporting verbs only through a two-word entry)."""
    if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
        if _conjunction(token) or _gerund_after_to(token):
            return None
        pattern = book.for_verb(token)
        speech = token.lemma_.lower() in book.reporting and (pattern is None or len(pattern.words) < 2)
        if speech and not _reported_threat(token, pattern, book):
            return None  # a two-word entry ("declare ceasefire") names an act, not speech
        if _hands_over_documents(token, pattern, book) or _asked_to_comment(token, book) \
                or _effort_to(token, book):
            return None
        if _declined_comment(token, book):
            return book.verbs.get("decline comment")
        return _judged_as(token, book) or _crowd_violence(token, pattern, book) or _crowd_control(token, pattern, book) \
            or _by_means(token, pattern, book) or _detonation(token, pattern, book) \
            or _verbal_attack(token, pattern, book) \
            or _official_protest(token, pattern, book) or _blown_self(token, pattern, book) \
            or _mass_destruction(token, pattern, book) or _to_death(token, pattern) \
            or _ordered_out(token, pattern, book) or _charged(token, pattern, book) or _sought(token, book) \
            or _questioned_by_law(token, book) or _person_handed(token, pattern, book) or pattern
    if token.pos_ == "ADJ":
        return _attitude(token, book)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.ent_type_ not in DATE_TYPES:
        pattern = book.for_noun(token)
        if pattern is not None and _volley_of_event(token, book):
            return None  # "came under a barrage of criticism": the criticism is the event
        if pattern is not None and pattern.mode == "explosives" and accident(token):
            return None  # "a gas explosion at the plant": no one set it off
        return _verbal_attack(token, pattern, book) or _official_protest(token, pattern, book) \
            or _ordered_strike(token, pattern, book) or pattern
    return None


def _judged_as(token: Token, book: PatternBook) -> Pattern | None:
    """"Castro called Munero a ruffian", "described the sanctions as illegal", "a vision he called a cliche": a
    verb of naming whose name for its object is a word of blame criticises the object (111), one of praise praises
    it (051); any other name ("called him a witness") is no event, the verb's own sense aside."""
    if book.lemma(token) not in book.judging_verbs:
        return None
    words = [w for p in _names_given(token) for w in (p, *(c for c in p.children if c.dep_ in ("amod", "compound")))]
    verdicts = {book.judgements.get(w.lemma_.lower()) or book.judgements.get(w.lower_) for w in words} - {None}
    if len(verdicts) != 1:
        return None
    entry = book.verbs["criticize" if verdicts == {"disapprove"} else "praise"]
    return replace(entry, key=book.lemma(token), target=("dobj",), needs=None)


def _names_given(verb: Token) -> list[Token]:
    """What a verb of naming calls its object: an object predicate ("called Munero a ruffian"), the object of its
    "as" ("described the sanctions as illegal"), or a second object ("branded the Dalai Lama a separatist"), with
    their conjuncts ("criminals and mafia members")."""
    found = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ")]
    found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
              if g.dep_ in ("pobj", "amod", "acomp")]
    found += [c for c in verb.children if c.dep_ == "dobj"][1:]
    return [m for t in found for m in (t, *(c for c in t.children if c.dep_ == "conj"))]


# people who are handed over, not given: a child in a custody case, a prisoner, a hostage
HANDED_PEOPLE = {"boy", "girl", "child", "son", "daughter", "baby", "prisoner", "hostage", "detainee", "captive",
                 "refugee"}


def _person_handed(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Turn the boy over to his father", "will transfer Elian to his father", "refused to surrender the child": a
    person handed over is returned or released (0842; 0353 when intended), not aid given nor arms laid down."""
    if pattern is None or pattern.key not in ("hand over", "turn over", "transfer", "surrender"):
        return None
    held = args.passive_subject(token) if args.is_passive(token) else \
        next((c for c in token.children if c.dep_ == "dobj"), None)
    person = held is not None and (held.ent_type_ == "PERSON" or held.lemma_.lower() in HANDED_PEOPLE)
    return replace(book.verbs["return"], key=pattern.key, target=pattern.target, needs=None) if person else None


def _attitude(token: Token, book: PatternBook) -> Pattern | None:
    """"Was angry about Burton's subpoena", "is critical of the plan": an adjective of attitude after "be" is a
    stative entry, its subject judging what the preposition names."""
    pattern = book.for_verb(token) if token.dep_ == "acomp" and token.head.lemma_ == "be" else None
    return pattern if pattern is not None and pattern.stative else None


def _charged(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"He was charged Thursday in federal complaints with murder": a person charged (passive) is charged by the
    law (173), however far the crime is from the verb; "Iran charged that ..." stays an accusation."""
    if pattern is None or pattern.key != "charge" or not args.is_passive(token) or token.dep_ == "amod" \
            or any(c.dep_ == "dobj" or c.ent_type_ == "MONEY" for c in token.children):
        return None  # "people were charged fees": a price, not a crime
    return book.verbs.get("charge with")


# people the law looks for: "the two men were sought for questioning"
WANTED = {"man", "woman", "suspect", "fugitive", "gunman", "witness", "killer", "bomber", "sniper", "assailant"}


def _sought(token: Token, book: PatternBook) -> Pattern | None:
    """"Kopp is being sought as a material witness", "two men who were sought for questioning": a person sought,
    with no one named as seeking, is hunted by the law, an investigation (as a manhunt is), not a request."""
    if book.lemma(token) != "seek" or not args.is_passive(token) or args.prep_objects(token, "by"):
        return None
    subject = args.passive_subject(token)  # "an activist who is being sought": the activist
    person = subject is not None and (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in WANTED)
    return replace(book.verbs["investigate"], key="seek") if person else None


# who questions for the law: police, intelligence services (the FBI) and prosecutors
LAW_SECTORS = {"COP", "SPY", "JUD"}


def _questioned_by_law(token: Token, book: PatternBook) -> Pattern | None:
    """"The FBI has interviewed and released one of two men", "police questioned the suspect", "agents searched the
    activist's house": an interview, questioning or search by the law is part of an investigation (090); a
    reporter's interview or rescuers' search is no event."""
    if book.lemma(token) not in ("interview", "question", "search") or args.is_passive(token):
        return None
    sectors = {_sector_of(t) for t in args.verb_subjects(token, book)}
    return replace(book.verbs["investigate"], key=book.lemma(token)) if sectors & LAW_SECTORS else None


def _sector_of(token: Token) -> str | None:
    """The sector a subject names: its own word ("police"), else its entity's code ("FBI": USACOP)."""
    entity = state(token.doc).entity(args.entity_at(token.doc, token))
    return own_sector(token) or ((entity.code or "")[3:6] if entity is not None else None)


# verbs by which leaders and armies set off strikes of force ("ordered the strikes", "launched strikes");
# workers call, stage or go on strike
STRIKE_ORDERS = {"order", "launch", "authorize", "authorise", "conduct", "approve", "mount", "carry"}


def _ordered_strike(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Clinton said he had ordered the strikes", "NATO launched strikes", "protested the U.S. strike": strikes
    ordered or launched, or named by a state, are military strikes (190), not a labour strike."""
    if pattern is None or pattern.mode != "strike" or book.lemma(token) != "strike":
        return None
    by_state = any(c.dep_ in ("compound", "poss") and country_code(c.text) for c in token.children)
    ordered = token.dep_ == "dobj" and book.lemma(token.head) in STRIKE_ORDERS
    return book.nouns.get("military strike") if by_state or ordered else None


# what one is asked, or declines, to do when a reporter asks: speech, no act between actors
COMMENT_VERBS = {"comment", "elaborate", "identify", "say", "speak", "confirm", "disclose", "specify", "answer",
                 "respond"}


def _comment_clause(token: Token, book: PatternBook) -> bool:
    return any(c.dep_ == "xcomp" and book.lemma(c) in COMMENT_VERBS for c in token.children)


def _declined_comment(token: Token, book: PatternBook) -> bool:
    """"declined to comment", "refused to identify himself": CAMEO's decline comment (011), not a rejection."""
    return book.lemma(token) in ("decline", "refuse") and _comment_clause(token, book)


def _asked_to_comment(token: Token, book: PatternBook) -> bool:
    """"Asked to comment on Castro's announcement, a spokesman said": a reporter's question, no appeal."""
    return book.lemma(token) == "ask" and _comment_clause(token, book)


# fighting, battling or struggling to do something is an effort ("fought to keep the boy"), not force
EFFORTS = {"fight", "battle", "struggle"}
FORCE_ROOTS = {"15", "17", "18", "19", "20"}  # force posture, coercion, violence, military force


def _effort_to(token: Token, book: PatternBook) -> bool:
    """Fighting (battling, struggling) to do what is no force: an effort ("fought to keep the boy"), while troops
    that "fought to retake the town" fight."""
    if book.lemma(token) not in EFFORTS:
        return False
    aims = [c for c in token.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return bool(aims) and not any(
        (p := book.for_verb(a)) is not None and cameo_root(p.cameo) in FORCE_ROOTS for a in aims)


def _gerund_after_to(token: Token) -> bool:
    """"paid tribute to bombing victims": the parser reads "to bombing" as an infinitive, but an infinitive has
    the base form; a gerund under an infinitival "to" is a noun modifier ("bombing victims"), no act."""
    auxes = [c.lower_ for c in token.children if c.dep_ == "aux"]
    if token.tag_ == "VBG" and any(c.dep_ == "dobj" and c.lemma_.lower() in VICTIMS for c in token.children):
        return True  # "to bombing victims" read as a preposition and a gerund: no one bombs the victims
    return token.tag_ == "VBG" and "to" in auxes and "be" not in auxes  # "appears to be helping" is a verb


# who an act left harmed: an "-ing" word before them names which of them ("bombing victims", "shooting survivors")
VICTIMS = {"victim", "survivor", "casualty"}


def _volley_of_event(token: Token, book: PatternBook) -> bool:
    """A burst noun whose "of" object is itself an event noun ("a barrage of criticism", "a hail of protests"):
    it only says how much of that event there was."""
    return book.lemma(token) in VOLLEYS and any(
        o.dep_ == "pobj" and book.for_noun(o) is not None for o in args.of_objects(token))


DATE_TYPES = {"DATE", "TIME"}  # "a plan by March of next year": a month, not a protest march


def _verbal_attack(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """An attack noun on what only words can attack ("her attacks on his voting record": the dictionary's verb
    entry "attack record"), or an attack "as" something ("attacked the deal as reckless"), is CAMEO's criticism
    (111), not force."""
    if pattern is None or pattern.plover != "ASSAULT" or pattern.mode:
        return None
    lemma = book.lemma(token)
    objects = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for o in c.children if o.dep_ == "pobj"]
    worded = [p for o in objects if (p := book.verbs.get(f"{lemma} {book.lemma(o)}")) and p.plover == "ACCUSE"]
    if worded and pattern.kind == "noun":
        return book.nouns.get("criticism")
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return book.verbs.get("criticize") if pattern.kind == "verb" else book.nouns.get("criticism")
    return None


DOCUMENT_TYPES = {"RETREAT", "AID", "COOPERATE", "SANCTION"}


def _hands_over_documents(token: Token, pattern: Pattern | None, book: PatternBook) -> bool:
    """"Released a memo", "sent emails", "withheld the documents": giving or keeping back papers or information is
    no release of prisoners, no aid and no sanction (a two-word entry such as "share intelligence" still counts)."""
    if pattern is None or pattern.plover not in DOCUMENT_TYPES or len(pattern.words) > 1:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(book.lemma(o) in book.document_nouns for o in objects)


def _conjunction(token: Token) -> bool:
    """"Providing that Peru pays, ...": a participle used as a conditional conjunction names no act."""
    return connective(token) and any(c.dep_ in ("ccomp", "advcl") for c in token.children)


REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}


def _self_harm(token: Token, pattern: Pattern) -> bool:
    """"You would be shooting yourself in the foot", "he shot himself", "he surrounded himself with advisers":
    force on oneself is an idiom or a suicide, no attack of one actor on another (a suicide bombing is one:
    ``_blown_self``)."""
    return pattern.plover in ("ASSAULT", "COERCE") and pattern.mode != "suicide-attack" \
        and _reflexive_object(token)


# modifiers of a weapon (or gas) that make its use CAMEO's weapons of mass destruction: chemical or biological
# (2041), nuclear (2042); "weapons of mass destruction" unspecified (204)
CHEMICAL_ARMS = {"chemical", "biological", "bacteriological", "radiological", "sarin", "nerve", "mustard", "anthrax",
                 "poison", "toxic", "vx", "chlorine"}
NUCLEAR_ARMS = {"nuclear", "atomic", "hydrogen", "thermonuclear"}


def _mass_destruction(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Used chemical weapons against", "released sarin nerve gas on the subway", "dropped atomic bombs on",
    "attacked Halabja with weapons of mass destruction": force (or gas) used with weapons of mass destruction is
    CAMEO 204x (PLOVER ASSAULT, mode unconventional). Holding or seizing such weapons is not use, and a nuclear
    device set off in a test ("detonated a nuclear device in an underground test") is the "nuclear test" entry
    (a show of force, 150)."""
    if pattern is None or pattern.kind != "verb" or not (pattern.plover == "ASSAULT" or pattern.cameo == "175"):
        return None
    arms = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    arms += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
             if o.dep_ == "pobj"]
    words = {t.lemma_.lower() for a in arms for t in a.subtree if t.i <= a.i + 4}
    tested = any(t.lemma_.lower() == "test" for c in token.children if c.dep_ == "prep" for t in c.subtree)
    if words & NUCLEAR_ARMS and tested and (test := book.nouns.get("nuclear test")):
        return _coded_as(pattern, test)
    if words & NUCLEAR_ARMS:
        code = "2042"
    elif words & CHEMICAL_ARMS:
        code = "2041"
    elif {"mass", "destruction"} <= words:
        code = "204"
    else:
        return None
    return replace(pattern, plover="ASSAULT", mode="unconventional", cameo=code, intent="1385")


def _ordered_out(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"The ambassador was ordered to leave the country within 72 hours", "instructed the monitors to leave": an
    order to leave is an expulsion (the "order out" entry, 166), not a demand; ordering one's own forces out is not."""
    if pattern is None or pattern.plover != "REQUEST" or pattern.control != "object" \
            or not (pattern.cameo or "").startswith("10"):
        return None
    leave = any(c.dep_ in ("xcomp", "ccomp") and to_infinitive(c) and c.lemma_.lower() == "leave"
                for c in token.children)
    own = any(c.dep_ == "dobj" and args.pronominal(c) for c in token.children)  # "ordered its troops to leave"
    return book.verbs.get("order out") if leave and not own else None


def _to_death(token: Token, pattern: Pattern | None) -> Pattern | None:
    """"Beaten to death", "stabbed to death": an assault that kills is CAMEO's killing by physical assault (1823)."""
    if pattern is None or pattern.plover != "ASSAULT" or pattern.kind != "verb" or pattern.cameo == "1823":
        return None
    deadly = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children)
                 for c in token.children)
    return replace(pattern, cameo="1823", mode=None) if deadly else None


def _reflexive_object(token: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children)


def _blown_self(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"A suicide bomber blew himself up at a checkpoint": explosives set off on oneself are a suicide bombing
    (CAMEO 1831, the "suicide bombing" entry's code), an attack on those around, not self-harm."""
    if pattern is None or pattern.mode != "explosives" or not _reflexive_object(token):
        return None
    found = book.nouns.get("suicide bombing")
    return _coded_as(pattern, found) if found else None


def _crowd_violence(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Protesters clashed with police", "demonstrators stormed the embassy": force used by a protesting crowd is
    CAMEO's violent protest (145, the "riot" entry), not a military attack, and a crowd massing demonstrates (141); a blockade by a crowd or "in protest"
    ("fishermen blockaded the port in protest against quotas") obstructs passage (144, the "block" entry), it is
    no military blockade."""
    if pattern is None or pattern.plover not in ("ASSAULT", "COERCE", "MOBILIZE"):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "acl" and token.tag_ == "VBD":  # "thousand Bolivians massed": a misparse
        subjects = [token.head]
    counted = [o for c in subjects if c.lemma_.lower() in QUANTITIES for o in args.of_objects(c)]  # "thousands of"
    counted += [c for c in subjects if any(n.dep_ == "nummod" and n.lemma_.lower() in QUANTITIES
                                           for n in c.children)]  # "several thousand Iranians"
    crowd = any(book.lemma(c) in book.protest_groups for c in subjects + counted) \
        or any(_civilians(o, book) for o in counted)
    if pattern.plover == "ASSAULT":
        return book.verbs.get("riot") if crowd else None
    if pattern.plover == "MOBILIZE":  # "several thousand Iranians massed outside the embassy": a demonstration
        return _coded_as(pattern, book.verbs["demonstrate"]) if crowd and "demonstrate" in book.verbs else None
    blockade = pattern.mode == "restrict" and pattern.cameo == "191"
    return book.verbs.get("block") if blockade and (crowd or _in_protest(token)) else None


def _civilians(token: Token, book: PatternBook) -> bool:
    """Counted people who are no force: "thousands of students", "hundreds of Pakistanis" (a nationality)."""
    if book.lemma(token) in book.crowd_nouns:
        return True
    return token.tag_ == "NNPS" or (token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"))


def _in_protest(verb: Token) -> bool:
    """An "in protest" phrase on the verb: what it does, it does as a protest."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "protest" for g in c.children)
               for c in verb.children)


STATE_FORCES = {"COP", "MIL"}


def _crowd_control(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Riot police beat protesters", "troops fired on demonstrators", "marchers were beaten by police": force
    used by police or soldiers on a protesting crowd is CAMEO's violent repression (175, PLOVER ASSAULT mode
    crowd-control), not a plain assault."""
    if pattern is None or pattern.plover != "ASSAULT" or pattern.kind != "verb" or pattern.mode == "crowd-control":
        return None
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    done_to = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    done_to += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
                for o in c.children if o.dep_ == "pobj"]
    if not any(word_sector(d) in STATE_FORCES for d in doers) \
            or not any(book.lemma(o) in book.protest_groups for o in done_to):
        return None
    return replace(pattern, mode="crowd-control", cameo="175")


def _official_protest(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Japan protested the Chinese incursion", "Tokyo protested", "Moscow handed Tallinn a note of protest": a
    state that protests lodges an official complaint (CAMEO 114, the "protest to" entry); a crowd that protests
    demonstrates (141), people named by their nation ("Cuban-Americans protested") included."""
    if pattern is None or pattern.plover != "PROTEST" or book.lemma(token) != "protest":
        return None
    sl = state(token.doc)
    if pattern.kind == "verb":
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
    elif args.governor_of(token).lemma_.lower() in OFFICIAL_PROTEST_VERBS:  # "lodged a protest", "a note of protest"
        subjects = args.governor_subject_tokens(token, book)
    else:
        return None
    subjects = [c for c in subjects if not demonym_country(c.text)]  # "Cubans", "Cuban-Americans": a crowd
    entities = [sl.entity(sl.token_entity.get(c.i)) for c in subjects]
    official = any(e is not None and (e.type == "GPE" or (e.code or "")[3:6] == "GOV") for e in entities) \
        or any(book.lemma(c) in STATE_OFFICES for c in subjects)
    if not official:
        return None
    return book.verbs.get("protest to") if pattern.kind == "verb" else book.nouns.get("official protest")


STATE_OFFICES = {"government", "ministry", "embassy", "cabinet", "administration", "presidency", "minister"}
# verbs that hand a protest to someone: a state that does so complains officially
OFFICIAL_PROTEST_VERBS = {"lodge", "hand", "deliver", "send", "file", "register", "submit", "issue", "make"}


MEANS_PREPS = {"in", "by", "during", "with"}


def _means_noun(token: Token, book: PatternBook) -> Token | None:
    """The attack that did a harm verb's harm: its subject ("a roadside bombing killed ...") or the object of
    in/by/during/with ("killed in an airstrike"), when that is an attack noun of a known manner or an explosive
    device ("a roadside bomb killed"); for a participle of result, the subject of the clause it ends ("a car bomb
    ripped through the street, killing a lawmaker")."""
    found = [token.head if c.tag_ == "WDT" and token.dep_ == "relcl" else c for c in token.children
             if c.dep_ == "nsubj"]  # "the blast that killed 10": the blast
    found += [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPS
              for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "advcl" and token.tag_ == "VBG" and not found:
        found = [c for c in token.head.children if c.dep_ == "nsubj"]
    return next((noun for noun in found if _means_pattern(noun, book) is not None), None)


# explosive devices and their blasts: a device that kills is the bombing it was set off in
DEVICES = {"bomb", "device", "explosive", "grenade", "landmine", "blast", "explosion"}  # not "mine": a coal mine
# what blows up by accident: "a gas explosion", "a boiler blast" are no bombing
ACCIDENTS = {"gas", "boiler", "methane", "pipeline", "mine", "chemical", "factory", "plant", "fuel", "tanker",
             "volcanic", "accidental", "sonic"}


def _means_pattern(noun: Token, book: PatternBook) -> Pattern | None:
    """The attack entry of a means noun: an attack noun of a known manner ("airstrike"), or for an explosive
    device the bombing of its kind ("car bomb" -> "car bombing", "suicide bomber" -> "suicide bombing")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    pattern = book.for_noun(noun)
    if pattern is not None and pattern.plover == "ASSAULT" and pattern.mode:
        return pattern
    kinds = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma[:-1] in DEVICES:
        lemma = lemma[:-1]  # "Bombs exploded" opening a lead, tagged as a proper name
    if lemma not in DEVICES and not (lemma == "bomber" and "suicide" in kinds) or accident(noun):
        return None
    return next((book.nouns[f"{k} bombing"] for k in kinds if f"{k} bombing" in book.nouns), book.nouns.get("bombing"))


def _harm_verb(pattern: Pattern | None) -> bool:
    """A verb of harm that names no manner: kill, wound, injure."""
    return pattern is not None and pattern.kind == "verb" and pattern.plover == "ASSAULT" and not pattern.mode


def _by_means(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"Three were killed in a suicide bombing", "a roadside bombing killed a soldier", "killed in an airstrike": a
    harm verb is coded as the attack that did it (CAMEO 1831, 1833, 195), keeping the verb's own roles."""
    noun = _means_noun(token, book) if _harm_verb(pattern) else None
    if noun is None:
        return None
    found = _means_pattern(noun, book)
    return replace(pattern, cameo=found.cameo, mode=found.mode, intent=found.intent or pattern.intent)


# what a device or its blast does when set off ("exploded", "went off", "ripped through", "damaged the embassy")
DETONATIONS = {"explode", "detonate", "rip", "tear", "damage", "destroy", "shake", "topple", "wreck", "devastate",
               "rock", "shatter", "level", "occur", "hit", "strike"}
DETONATION_PARTICLES = {"go": "off", "blow": "up"}
BLAST_SITES = ("dobj", "at", "outside", "near", "inside", "through", "on", "in")  # "in" the town last


def _detonation(token: Token, pattern: Pattern | None, book: PatternBook) -> Pattern | None:
    """"A bomb went off at the U.S. embassy", "an explosion ripped through the market", "the blast, which damaged
    the embassy": a verb whose subject is an explosive device or its blast is the bombing (183, 1832 for a car bomb),
    set off by no one the sentence names and falling on the one its object or place belongs to (the embassy's
    country)."""
    if pattern is not None and pattern.plover == "ASSAULT":
        return None
    lemma = book.lemma(token)
    particle = DETONATION_PARTICLES.get(lemma)
    if lemma not in DETONATIONS and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and token.dep_ == "relcl":
        subject = token.head  # "the blast, which damaged the embassy"
    found = _means_pattern(subject, book) if subject is not None else None
    if found is None or found.mode != "explosives":
        return None
    return replace(found, key=lemma, kind="verb", target=BLAST_SITES, source=(), needs=None)


def accident(noun: Token) -> bool:
    """"A gas explosion", "a boiler blast": a blast of what blows up by accident, which no one set off."""
    return noun.lemma_.lower() in DEVICES and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in ACCIDENTS for c in noun.children)


FUTURE_MODALS = {"will", "would", "'ll", "wo", "shall"}
POSSIBLE_MODALS = {"could", "might", "may"}


def _reported_threat(token: Token, pattern: Pattern | None, book: PatternBook) -> bool:
    """A speech verb that is a threat ("warned Moscow", "warned that police will no longer tolerate rallies"):
    it has an object, or announces a future act, or a possible one that is an act between actors ("warned that it
    could pull its peacekeepers out"; not "warned that prices could rise"). Otherwise speech verbs are left to the
    quotes component."""
    if pattern is None or pattern.plover != "THREATEN":
        return False
    if any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in token.children):
        return True  # "warned Moscow", "Israel was warned by Egypt"
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    return any(a.dep_ == "aux" and (a.lower_ in FUTURE_MODALS
                                    or (a.lower_ in POSSIBLE_MODALS and book.for_verb(c) is not None))
               for c in clauses for a in c.children)


def _verb_actors(doc: Doc, verb: Token, pattern: Pattern, book: PatternBook) -> tuple[list[str], list[str]]:
    if pattern.stative and args.is_stative(verb, "by" in pattern.target):
        sources, targets = args.stative_actors(doc, verb, pattern)
        held = args.stative_subject(verb)  # "Russia said it was grateful to China": Russia
        if not sources and held is not None and args.pronominal(held):
            sources = [e for e in args.speaker_of_pronoun(doc, verb, book) if e not in targets]
        return sources, targets
    if pattern.source:
        return _received(doc, verb, pattern, book)
    subjects = args.verb_subjects(verb, book)
    named = [*subjects, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
    if any(book.natural_force(t) or accident(t) for t in named):
        return [], []  # "an earthquake struck", "injured by falling debris", "a magnitude 6 quake": no one did it
    sources = _residents(doc, verb, subjects) or [e for t in subjects for e in args.actors_of(doc, t)]
    if not sources and subjects and args.pronominal(subjects[0]):
        sources = args.speaker_of_pronoun(doc, verb, book)  # "X said it (its troops) had ..."
    ruling = ruled(verb) if not sources and args.is_passive(verb) else None
    if ruling is not None:  # "the agency ruled that he must be returned": the agency returns him
        sources = [e for t in args.verb_subjects(ruling, book) for e in args.actors_of(doc, t)]
    if not sources and _on_message(verb, book):
        sources = args.governor_subject(doc, verb.head, book)  # "issued a statement condemning X"
    if not sources and pattern.plover == "MOBILIZE" and args.is_passive(verb):
        sources = _placed_forces(doc, verb)  # "Iranian troops were deployed along the border"
    slots = args.verb_targets(verb, pattern)
    bombed = _bombing_roles(doc, verb, pattern, slots, book)
    if bombed is not None:
        return bombed
    judged = _judged_act(verb, pattern, slots, book)
    if judged is not None:  # "condemned the bombing of the embassy": who bombed is condemned, not the embassy
        return sources, [e for e in _noun_actors(doc, judged, book.for_noun(judged), book)[0] if e not in sources]
    targets = _residents(doc, verb, slots) or [e for t in slots for e in args.actors_of(doc, t)]
    if sources and not any(args.is_coded(doc, e) for e in sources):  # "Uighur protesters": no country of their own
        sources = _groups_of(doc, verb, subjects) or sources
    sources = sources or _groups_of(doc, verb, subjects) or _attackers(doc, verb, book)
    if sources and not any(_has_country(doc, e) for e in sources):
        # "Maoist rebels laid down their arms in western Nepal": a modifier named with no country ("Maoist") does
        # not stop the group from being coded by the event's place, as "rebels" alone would be
        sources = [g for g in _groups_of(doc, verb, subjects) if not _unknown_group(g)] or sources
    # a slot that names the source itself ("pulled back troops from its border with Pakistan": "its border") is
    # no target; the search goes on below it
    targets = [e for e in targets if e not in sources] if sources else targets
    own_side = targets if _own_side_warned(doc, verb, pattern, sources, targets) else []
    if own_side:  # "Saddam warned that his forces would use chemical weapons against Israel": Israel
        targets = [e for e in deep_targets(doc, verb, book, sources + own_side) if _source_country(doc, e)
                   not in {_source_country(doc, s) for s in sources}]
    if pattern.target and not any(args.is_coded(doc, e) for e in targets) and not _asked_named(pattern, targets):
        targets = deep_targets(doc, verb, book, sources + own_side, topics=pattern.plover == "CONSULT",
                               venue=_parties_named(pattern, sources, subjects)) or targets
    targets = targets or [e for e in _groups_of(doc, verb, slots) if e not in sources]
    if not targets:  # "crush demonstrations by the opposition": an act on an event falls on those who hold it
        events = [t for t in slots if book.for_noun(t) is not None]
        # the parser often hangs the event's "by" on an active verb, where it can be no agent
        doers = [o for t in events for o in args.noun_slot_tokens(t, "by")] or \
            ([o for o in args.prep_objects(verb, "by")] if events and not args.is_passive(verb) else [])
        targets = [e for e in _groups_of(doc, verb, doers) if e not in sources]
    return sources, _local_targets(doc, verb, pattern, sources, targets)


def _bombing_roles(doc: Doc, verb: Token, pattern: Pattern, slots: list[Token],
                   book: PatternBook) -> tuple[list[str], list[str]] | None:
    """A harm verb whose subject is a bomb or its blast ("the explosions at the U.S. embassies killed 110", "the
    embassy blast that killed 10"): who set it off is named only by a name or nationality on the noun ("a Hamas car
    bomb") or its "by" phrase, never by the place it went off ("embassy"); that place (a common noun before it, or
    its "at", "outside", "near" phrase) is what was bombed, the target when the victims have no country."""
    if not _harm_verb(book.for_verb(verb)):
        return None  # a bomb that "went off at the embassy" is placed by the verb itself (_detonation)
    noun = _means_noun(verb, book)
    if noun is None or not subject_of(noun, verb) or book.lemma(noun) == "bomber":
        return None  # "a suicide bomber rammed a car into the convoy": the bomber is who did it
    sources = args.noun_modifier_actors(doc, noun)[:1] or args.noun_slot(doc, noun, ("by",))
    victims = [e for t in slots for e in args.actors_of(doc, t)]
    if not any(args.is_coded(doc, e) for e in victims):
        sites = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        sites += [o for word in BLAST_SITES if word != "dobj" for o in args.prep_objects(noun, word)]
        victims = [e for t in sites for e in args.actors_of(doc, t) if e not in sources and args.is_coded(doc, e)][:1] \
            or _residents(doc, verb, slots) or victims or _groups_of(doc, verb, slots)
    return sources, _local_targets(doc, verb, pattern, sources, victims)


def subject_of(noun: Token, verb: Token) -> bool:
    """``noun`` does ``verb``: its subject, or the noun a relative clause hangs on ("the blast that killed 10")."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
        return True
    return verb.dep_ == "relcl" and verb.head.i == noun.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in verb.children)


# acts done by someone to someone: when one is condemned, the doer is condemned, not whom it was done to
HARMFUL_ACTS = {"ASSAULT", "FIGHT", "COERCE"}


def _judged_act(verb: Token, pattern: Pattern, slots: list[Token], book: PatternBook) -> Token | None:
    """The harmful act a verb of disapproval has as its object ("condemned the bombings of the U.S. embassies",
    "denounced Russia's invasion of Ukraine"), whose doer (none, or Russia) is the target, never its victim."""
    if pattern.mode != "disapprove":
        return None
    noun = next((t for t in slots if t.dep_ in ("dobj", "nsubjpass") and t.pos_ == "NOUN"), None)
    found = book.for_noun(noun) if noun is not None else None
    return noun if found is not None and found.plover in HARMFUL_ACTS else None


def _own_side_warned(doc: Doc, verb: Token, pattern: Pattern, sources: list[str], targets: list[str]) -> bool:
    """A threat made as a "that" clause whose subject is the threatener's own side ("warned that his forces
    would strike", "Cairo would withdraw"): that subject carries the threat out, it is not threatened."""
    if pattern.plover != "THREATEN" or not sources or not targets or any(c.dep_ == "dobj" for c in verb.children):
        return False
    own = {_source_country(doc, e) for e in sources} - {None}
    return bool(own) and all(_source_country(doc, e) in own for e in targets)


def _received(doc: Doc, verb: Token, pattern: Pattern, book: PatternBook) -> tuple[list[str], list[str]]:
    """A verb whose entry names the source by a preposition ("Haiti received supplies from Venezuela": source
    [from]): the giver in that phrase (on the verb or its object) acts, and the subject receives."""
    held = [m for c in verb.children if c.dep_ == "dobj" for m in (c, *args.of_objects(c))]
    givers = [o for p in pattern.source for o in (*args.prep_objects(verb, p),
                                                   *(g for h in held for g in args.prep_objects(h, p)))]
    sources = [e for t in givers for e in args.actors_of(doc, t)]
    targets = [e for t in args.verb_subjects(verb, book) for e in args.actors_of(doc, t) if e not in sources]
    return sources, targets


def _asked_named(pattern: Pattern, targets: list[str]) -> bool:
    """"urged Muslim rebels to accept Malaysia as a mediator": the object of a verb whose object does the embedded
    act (urge, ask, persuade) is the one asked; named, even with no country, it is the target, and the actors of
    the asked act below it are not searched."""
    return pattern.control == "object" and bool(targets)


def _attackers(doc: Doc, verb: Token, book: PatternBook) -> list[str]:
    """"Two children were killed in an Israeli airstrike": who made the attack that did the harm is its source."""
    noun = _means_noun(verb, book)
    return args.noun_modifier_actors(doc, noun)[:1] if noun is not None and noun.dep_ == "pobj" else []


def _noun_actors(doc: Doc, noun: Token, pattern: Pattern, book: PatternBook) -> tuple[list[str], list[str]]:
    modifiers = args.noun_modifier_actors(doc, noun)
    undergoers = _undergoers(doc, noun, book)  # "Kopp's arrest": Kopp is arrested
    modifiers = [m for m in modifiers if m not in undergoers]
    by_words = tuple(p for p in pattern.source if p != "governor" and p not in pattern.target)
    sources = modifiers[:1] or args.noun_slot(doc, noun, by_words) or _elicited_from(doc, noun)
    if not sources:  # "came under attack from gunmen in Basra": a group of no country, coded by the event's place
        sources = _groups_of(doc, noun, [t for w in by_words for t in args.noun_slot_tokens(noun, w)])
    targets = [e for e in undergoers + args.noun_slot(doc, noun, pattern.target) if e not in sources]
    if len(modifiers) > 1 and not targets:
        targets = modifiers[1:]  # "the Israel-Hamas truce"
    if not sources and len(targets) > 1 and pattern.mutual:
        sources, targets = targets[:1], targets[1:]  # "talks between Russia and Ukraine"
    if not sources and _passes_subject(noun, pattern, book):
        sources = [e for e in args.governor_subject(doc, noun, book) if e not in targets]
        sources = sources or _groups_of(doc, noun, args.governor_subject_tokens(noun, book))
    if not sources and pattern.plover == "MOBILIZE" and noun.dep_ == "pobj":
        sources = _put_on_alert(doc, noun)
    if not targets and _elicited(noun):
        targets = [e for e in args.governor_subject(doc, noun, book) if e not in sources]
    elif not targets and pattern.target:
        parties = _parties_named(pattern, sources, args.governor_subject_tokens(noun, book))
        targets = _clause_targets(doc, noun, book, sources, venue=parties, topics=pattern.plover == "CONSULT")
        inside = _named_within(doc, [t for w in by_words for t in args.noun_slot_tokens(noun, w)])
        targets = [e for e in targets if e not in inside]  # "the visit of Chile's minister": Chile is no target
    if not targets and sources:  # "protests against the government": a group of no country, as a verb's object is
        slot = next((found for word in pattern.target if (found := args.noun_slot_tokens(noun, word))), [])
        targets = [e for e in _groups_of(doc, noun, slot) if e not in sources]
    if not targets and noun.dep_ == "nsubj" and book.lemma(noun.head) in book.harm_verbs:
        # "New U.S. sanctions targeted Iran's Revolutionary Guards", "air strikes hit rebel positions"
        targets = [e for c in noun.head.children if c.dep_ == "dobj" for e in args.actors_of(doc, c)
                   if e not in sources]
    return sources, _local_targets(doc, noun, pattern, sources, targets)


def _undergoers(doc: Doc, noun: Token, book: PatternBook) -> list[str]:
    """Who the possessive on an act done to someone names ("Kopp's arrest", "Elian's return"), when no "of" names
    them instead ("Iran's release of the hostages": Iran releases)."""
    if book.lemma(noun) not in book.undergoer_nouns or args.noun_slot_tokens(noun, "of"):
        return []
    return [e for c in noun.children if c.dep_ == "poss" for e in args.actors_of(doc, c)]


def _named_within(doc: Doc, tokens: list[Token]) -> set[str]:
    """Entities named inside the phrases of ``tokens`` ("Chile's foreign minister": Chile), not by a pronoun ("his
    Indian counterpart": "his" is someone else)."""
    token_entity = state(doc).token_entity
    return {token_entity[t.i] for head in tokens for t in head.subtree if t.i in token_entity and t.pos_ != "PRON"}


def _put_on_alert(doc: Doc, noun: Token) -> list[str]:
    """"Police in the Philippines were put on high alert": forces placed in a show of force by an unnamed
    agent are its source (their own side's posture)."""
    governor = args.governor_of(noun)
    if not args.is_passive(governor):
        return []
    return _placed_forces(doc, governor) or _groups_of(doc, governor, _passive_subjects(governor))


def _passive_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def _placed_forces(doc: Doc, verb: Token) -> list[str]:
    """Forces a passive verb puts in place with no one named ("were deployed", "were put on alert"): their own
    side's posture, so they are its source."""
    return [e for t in _passive_subjects(verb) for e in args.actors_of(doc, t)]


def _elicited_from(doc: Doc, noun: Token) -> list[str]:
    """Who reacts, when the parser hangs "from X" on the verb: "Iran drew condemnation from Israel"."""
    if not _elicited(noun):
        return []
    return [e for t in args.prep_objects(args.governor_of(noun), "from") for e in args.actors_of(doc, t)]


def _elicited(noun: Token) -> bool:
    """A reaction the subject draws ("Suu Kyi faced criticism", "the plan drew condemnation") or comes under
    ("British troops came under attack from gunmen"): the subject is its target, and nothing further down the clause
    is. A burst or a run of it counts as it ("came under a barrage of criticism")."""
    noun = args.run_head(noun, args.SERIES_NOUNS)
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return noun.head.head.lemma_.lower() == "come"
    return noun.dep_ == "dobj" and args.governor_of(noun).lemma_.lower() in ELICITING


def _parties_named(pattern: Pattern, sources: list[str], subjects: list[Token] = ()) -> bool:
    """A mutual event ("meet", "summit", "talks") whose sources are already its two or more parties: two actors,
    or a subject that names several parties at once ("the two leaders", "both sides", "the ministers")."""
    return bool(pattern.mutual) and (len(sources) > 1 or any(_several(t) for t in subjects))


def _several(token: Token) -> bool:
    """A plural noun counted or made definite ("the two leaders", "both sides", "the ministers"): parties named
    together, who act on each other in a mutual event. A bare plural ("officials met in Lima") may be one side."""
    return token.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("nummod", "det", "predet") and c.lower_ not in ("one", "a", "an") for c in token.children)


# Acts done to people where they happen: with no one of known country named, PLOVER's target is the country of
# the place; a state's control of its own people (arrests, pardons, releases) targets its own country
ON_THE_SPOT = {"COERCE", "ASSAULT", "CONCEDE", "PROTEST"}
AT_HOME = {"COERCE", "CONCEDE", "RETREAT"}
VERDICTS = {"116"}  # a court finds guilty those under its own jurisdiction, as a state arrests its own people


def _local_targets(doc: Doc, trigger: Token, pattern: Pattern, sources: list[str], targets: list[str]) -> list[str]:
    """``targets``, unless none has a country: then the country of the event's place when the act is done there
    ("lifted the curfew in Yangon", "fired on Kurdish demonstrators in Sulaimaniya"), else for arrests, pardons,
    releases and verdicts the source's own country ("police arrested the opposition leader": a domestic opponent),
    and for a protest that names no one its protesters' own country (their government is whom they press).
    Statements and diplomacy keep what they have ("In Kyiv, Zelenskyy welcomed the sanctions")."""
    if not sources and not targets and pattern.mode == "explosives":
        place = state(doc).place(event_place(doc, trigger))  # "a bomb went off in a Nairobi market": Kenya
        return [f"{GROUP}{place.country}:{place.name}"] if place is not None and place.country else targets
    if not sources or any(_has_country(doc, t) for t in targets):
        return targets
    if pattern.plover in ON_THE_SPOT:
        place = state(doc).place(event_place(doc, trigger))
        if place is not None and place.country:
            return [f"{GROUP}{place.country}:{place.name}"]
    # a state's repression of protesters (175, crowd-control) is of its own people, as its arrests are
    at_home = pattern.plover in AT_HOME or pattern.cameo in VERDICTS or pattern.mode == "crowd-control" \
        or all(_own_institution(t) for t in targets)
    if at_home and targets and all(_unknown_group(t) and not _foreign(t) for t in targets):
        home = _source_country(doc, sources[0])
        return [f"{GROUP}{home}{t[len(GROUP) + 3:]}" for t in targets] if home else targets
    if pattern.plover == "PROTEST" and not targets and (home := _source_country(doc, sources[0])):
        return [f"{GROUP}{home}:{country_name(home) or home}"]  # a protest with no one named is at home
    return targets


# state bodies named bare ("the government", "the president"): with no country said, the source's own
OWN_INSTITUTIONS = {"government", "president", "regime", "authorities", "parliament", "cabinet", "junta",
                    "prime minister", "premier", "administration", "leadership",
                    # the state's domestic opponents and former office holders, named with no country
                    "opposition", "opposition leader", "opposition leaders", "opposition party", "opposition parties",
                    "ruling party", "ruling junta", "military junta", "government troops", "government forces",
                    "former minister", "former ministers"}


# sectors of a country's own institutions and their domestic opponents: named with no country, they are the
# source's own ("warned opposition supporters", "rejected a government demand"); armies and people are not
OWN_SECTORS = {"GOV", "OPP", "LEG", "JUD", "COP"}


def _own_institution(ref: str) -> bool:
    """"Students demonstrated against the government", "the opposition demanded the resignation of the president":
    a state body named with no country or other modifier is the source's own, and so is any group of no country
    whose sector is a state institution or the opposition ("opposition supporters", "a government demand")."""
    if not ref.startswith(GROUP):
        return False
    code, _, name = ref[len(GROUP):].partition(":")
    return name.lower() in OWN_INSTITUTIONS or (code.startswith(UNKNOWN_COUNTRY) and code[3:6] in OWN_SECTORS)


def _foreign(ref: str) -> bool:
    """A group said to be foreign ("foreign journalists", "foreign aid workers") is not the source's own."""
    return "foreign" in ref[len(GROUP):].split(":", 1)[-1].lower().split()


def _unknown_group(ref: str) -> bool:
    return ref.startswith(f"{GROUP}---")


def _has_country(doc: Doc, ref: str) -> bool:
    return _source_country(doc, ref) is not None


def _source_country(doc: Doc, ref: str) -> str | None:
    if ref.startswith(GROUP):
        return None if _unknown_group(ref) else ref[len(GROUP):][:3]
    entity = state(doc).entity(ref)
    code = entity.country or entity.code if entity else None
    return code[:3] if code else None


def _groups_of(doc: Doc, trigger: Token, tokens: list[Token]) -> list[str]:
    """Group nouns with no country ("police", "protesters") coded by the country of the event's place, else by
    the unknown country ("---")."""
    place = _place_of(doc, trigger)
    groups = (t for token in tokens for t in (token, *token.conjuncts, *args.of_objects(token)))
    found = [located_group(doc, g, place) or unknown_group(doc, g) for g in groups]
    return [g for g in found if g]


def _place_of(doc: Doc, trigger: Token) -> str | None:
    """The event's place id: the trigger's, else (for a noun) its governor's, else (for a verb) its object's."""
    place = event_place(doc, trigger)
    if place is None and trigger.pos_ in ("NOUN", "PROPN"):
        place = event_place(doc, args.governor_of(trigger))
    if place is None and trigger.pos_ == "VERB":  # the parser hangs the verb's place on its object: "laid down
        place = next((p for c in trigger.children if c.dep_ == "dobj"  # their arms in western Nepal"
                      if (p := event_place(doc, c))), None)
    return place


def _residents(doc: Doc, trigger: Token, tokens: list[Token]) -> list[str]:
    """Ethnic groups among ``tokens`` coded by where they live (``event_actors.ethnic_group``); empty unless every
    one of them is such a group."""
    place = _place_of(doc, trigger)
    found = [ethnic_group(doc, t, place) or next(filter(None, (ethnic_group(doc, o, place) for o in args.of_objects(t))),
                                                 None)  # "one third of ethnic Albanian guerrillas"
             for token in tokens for t in (token, *token.conjuncts)]
    return found if found and all(found) else []


def _on_message(verb: Token, book: PatternBook) -> bool:
    """A participle on a message noun ("a statement condemning", "a letter urging"): the message's author acts."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in book.message_nouns


def _clause_targets(doc: Doc, noun: Token, book: PatternBook, sources: list[str], venue: bool = False,
                    topics: bool = False) -> list[str]:
    """Fallback target of an event noun: the nearest actor under it, else under the verb it hangs from when
    that verb is no event itself ("arrived in Amman on a visit") or only carries the noun ("granted asylum to
    X"); never when the noun is that verb's subject ("The call came a day before Trump hosted X": what follows
    the call is not its partner)."""
    found = deep_targets(doc, noun, book, sources, venue=venue, topics=topics)
    governor = args.governor_of(noun)
    # "granted asylum to X"; passive too: "an apology was issued by Japan to China"
    carried = noun.dep_ in ("dobj", "nsubjpass") and book.carries(governor, noun)
    if found or governor.pos_ != "VERB" or (trigger_pattern(governor, book) is not None and not carried) \
            or noun.dep_ == "nsubj" or (noun.dep_ == "nsubjpass" and not carried):
        return found
    if carried and noun.dep_ == "dobj":  # "X was granted asylum": the passive subject of the carrying verb gets it
        received = [e for c in governor.children if c.dep_ == "nsubjpass" for e in args.actors_of(doc, c)
                    if e not in sources]
        if received:
            return received
    return deep_targets(doc, governor, book, sources, without=noun, venue=venue, topics=topics)


# verbs whose subject receives the reaction their object names ("drew criticism", "sparked protests", "won praise")
ELICITING = {"draw", "attract", "spark", "provoke", "prompt", "trigger", "face", "earn", "incur", "garner", "win",
             "elicit", "invite", "fuel"}


def _passes_subject(noun: Token, pattern: Pattern, book: PatternBook) -> bool:
    """Whether the subject of the verb an event noun hangs from is its source: the pattern says so, the verb is
    a support verb ("held talks"), or the noun is the object of a verb that is no event itself ("speeded up the
    withdrawal", "completed the pullout"; not "condemned the invasion")."""
    if noun.dep_ == "compound":
        return False  # "paid tribute to bombing victims": the event only says which victims
    governor = args.governor_of(noun)
    if _elicited(noun) or others_proposal(noun, governor, book) or _topic_of(noun, book):
        return False  # "the crackdown drew criticism": the subject is what is criticised, not the critic
    if "governor" in pattern.source or book.lemma(governor) in book.support_verbs:
        return True
    if _taking_part(noun):
        return True
    return (noun.dep_ == "dobj" and governor.pos_ == "VERB" and governor.lemma_.lower() not in book.reporting
            and trigger_pattern(governor, book) is None)


# prepositions that name what an act is about or aimed at, never the act itself: "talked about the strike",
# "protested against the invasion"; and "into" after an event noun the verb holds ("opened an investigation into
# the bombings", where the parser hangs "into" on the verb), but not "taken into custody"
TOPIC_PREPS = {"about", "over", "against", "concerning", "regarding"}


def _topic_of(noun: Token, book: PatternBook) -> bool:
    held = args.run_head(noun)
    if held.dep_ != "pobj":
        return False
    prep = held.head
    return prep.lower_ in TOPIC_PREPS or (prep.lower_ == "into" and any(
        c.dep_ == "dobj" and book.for_noun(c) is not None for c in prep.head.children))


def _taking_part(noun: Token) -> bool:
    """"took part in joint exercises", "pressed on with air strikes", "went ahead with the talks": the subject
    does the event the phrase names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    holder = prep.head
    took_part = (holder.lemma_.lower() == "part" and holder.head.lemma_.lower() == "take") or (
        holder.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in holder.children))
    if prep.lower_ == "in" and took_part:
        return True
    return prep.lower_ == "with" and holder.pos_ == "VERB" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("on", "ahead") for c in holder.children)


def _hostile_intent(token: Token, pattern: Pattern, book: PatternBook) -> bool:
    """ "vowed to fight", "pledged to retaliate": a promise of force is CAMEO's threat (13x), which the planned
    complement already gives through its intent code, so the promise itself is not coded as AGREE."""
    if pattern.plover != "AGREE":
        return False
    inner = [trigger_pattern(c, book) for c in token.children
             if c.dep_ in ("xcomp", "dobj") or _infinitive_clause(c)]  # "vowed to retaliate", "vowed revenge"
    return any(p is not None and (p.intent or "").startswith("13") for p in inner)


# generic appeal, promise and demand codes -> the root whose subcodes run parallel to the express-intent ones (03x)
BY_CONTENT = {"020": "02", "030": "03", "100": "10"}
ASKED_MEDIATION = {"02": "028", "10": "108", "03": "039"}  # no "appeal to mediate" code: asked, it is mediation


def _by_content(token: Token, pattern: Pattern, book: PatternBook) -> Pattern:
    """An appeal, a promise or a demand is coded by what it asks or promises, as the CAMEO codebook does: the
    subcodes of 02 (appeal), 03 (express intent) and 10 (demand) run parallel, so the express-intent code (03x) of
    the event asked or promised gives them ("urged Iran to release the sailors": 0353 -> 0253; "called for talks":
    036 -> 026; "pledged to send peacekeepers": 0334; "demanded the release of": 1053). The content is a "to V"
    complement, the object, or a "for"/"to" phrase ("appealed for food aid", "agreed to a ceasefire"), meeting its
    entry's word conditions ("return to work" is no return of property); only the generic codes are refined, and
    only within their root."""
    prefix = BY_CONTENT.get(pattern.cameo)
    if prefix is None:
        return pattern
    contents = [c for c in token.children if c.dep_ in ("xcomp", "dobj") or _infinitive_clause(c)]
    contents += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
                 for o in c.children if o.dep_ == "pobj"]
    for content in contents:
        found = trigger_pattern(content, book)
        if found is not None and not _needs_met(content, found, [GROUP], [GROUP]):  # actors: the asked party's
            continue
        code = next((c for c in (found.intent, found.cameo) if c and c.startswith("03")), None) if found else None
        if code is None or code == "030":
            continue
        refined = ASKED_MEDIATION[prefix] if code == "039" else prefix + code[2:]
        return replace(pattern, cameo=refined) if refined in cameo_tables().codes else pattern
    return pattern


# verbs of sending or going whose "to V" purpose is the event ("sent a team to investigate", "arrived to mediate")
SENDERS = {"send", "dispatch", "deploy", "arrive", "travel", "fly", "head"}


def _carrier(doc: Doc, token: Token, pattern: Pattern, book: PatternBook) -> bool:
    """A verb that only carries another event, which is coded instead: a support verb whose object is an event
    noun ("granted an amnesty", "gave a warning", "ordered the arrest of"), or sending people to do something
    ("sent a team to investigate", "deployed police to disperse the crowd": the sender does it), or force used to
    protest ("blockaded ports to protest low prices" is a protest; "summoned the envoy to protest" stays). Two-word
    entries ("lodge protest") name their own event."""
    if pattern.kind != "verb":
        return False
    purposes = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)]
    if pattern.plover in ("COERCE", "ASSAULT") and any(_protest(doc, c, book) for c in purposes):
        return True
    if len(pattern.words) > 1:
        return False
    lemma = book.lemma(token)
    if any(book.carries(token, c) and (_event_noun(c, book) or c.lemma_.lower() in book.offered_acts)
           for c in token.children if c.dep_ == "dobj"):
        return True  # "held talks"; "sent condolences" (a statement: no PLOVER type, but no aid either)
    return lemma in SENDERS and any(_coded_verb(doc, c, book) for c in purposes)


def _carried_by(token: Token, pattern: Pattern, book: PatternBook) -> Token | None:
    """The verb that yields to ``token``, its purpose clause (see ``_carrier``): the event happens as that verb
    does, not as a mere aim."""
    head = token.head
    if token.dep_ not in ("advcl", "xcomp") or not to_infinitive(token) or head.i == token.i:
        return None
    carrier = trigger_pattern(head, book)
    if carrier is None or carrier.kind != "verb":
        return None
    sends = len(carrier.words) == 1 and book.lemma(head) in SENDERS
    protests = carrier.plover in ("COERCE", "ASSAULT") and pattern.plover == "PROTEST"
    return head if sends or protests else None


def _protest(doc: Doc, verb: Token, book: PatternBook) -> bool:
    found = trigger_pattern(verb, book)
    return found is not None and found.plover == "PROTEST" and bool(candidates_for(doc, verb, book))


def _event_noun(token: Token, book: PatternBook) -> bool:
    found = trigger_pattern(token, book)
    return found is not None and found.kind == "noun" and found.plover is not None


def _coded_verb(doc: Doc, token: Token, book: PatternBook) -> bool:
    """A verb coded as an event of its own ("to investigate the killings"; not "to help" with no object)."""
    found = trigger_pattern(token, book)
    return found is not None and found.kind == "verb" and found.plover is not None \
        and bool(candidates_for(doc, token, book))


def _infinitive_clause(token: Token) -> bool:
    """An infinitive the small model attaches as an adverbial clause ("have sworn to fight")."""
    return token.dep_ == "advcl" and to_infinitive(token)


def _names(token: Token) -> bool:
    """An object and a name for it: "called the plan a disgrace" names, it does not phone; so does a participle
    giving a thing its name ("a laptop called the Fold 14", "a group called Freedom Now"). A lone object
    predicate is how the small model parses a plain object ("called Putin on Thursday")."""
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        return True  # a participle on a common noun is passive: what is called is the noun, by the name after it
    if args.is_passive(token) and any(c.dep_ == "oprd" for c in token.children):
        return True  # "when he was called a witness in the case"
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # "the day he called Putin": a time, not what was called
    if objects and token.dep_ == "relcl" and token.head.pos_ == "NOUN" and token.head.ent_type_ not in DATE_TYPES \
            and not any(c.dep_ in ("dobj", "pobj") and c.tag_ in ("WDT", "WP") for c in token.subtree):
        return True  # "a vision he called a cliche": the noun is the object, the object its name
    return (bool(objects) and any(c.dep_ == "oprd" for c in token.children)) or \
        any(g.dep_ == "dobj" for c in objects for g in c.children)


def _needs_met(token: Token, pattern: Pattern, sources: list[str], targets: list[str]) -> bool:
    need = pattern.needs
    if need == "own_target":
        return _own_target(token, pattern)
    has_object = any(c.dep_ in ("dobj", "oprd", "nsubjpass") for c in token.children)
    return {"dobj": has_object, "no_dobj": not has_object, "object_alone": has_object and not _names(token),
            "target": bool(targets), "actor": bool(sources or targets), "source": bool(sources),
            "complement": _complemented(token, pattern),
            "no_clause": not _to_clause(token), "state": _state_caused(token, pattern),
            "object_clause": bool(sources) and any(c.dep_ == "dobj" for c in token.children)
            and _to_clause(token)}.get(need, True)


def _state_caused(verb: Token, pattern: Pattern) -> bool:
    """"was heartened by the cooperation", "is angry over the raid": the subject's state with what causes it
    named ("pleased to announce" names nothing)."""
    return args.is_stative(verb, "by" in pattern.target) and any(args.prep_objects(verb, w) for w in pattern.target)


def _to_clause(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children)


def _complemented(noun: Token, pattern: Pattern) -> bool:
    """An event noun with what it is about: "an appeal for help", "an appeal to Peru", "an appeal to stop"; not
    "the candidate's appeal among young voters" (its pull)."""
    return any((c.dep_ == "prep" and c.lower_ in pattern.target) or (c.dep_ == "acl" and to_infinitive(c))
               for c in noun.children)


def _own_target(verb: Token, pattern: Pattern) -> bool:
    """An actor in the verb's own slots, or the subject of its complement clause: "helped Ukraine", "helped Kyiv
    rebuild", "received a delegation", "recalled its envoy from Moscow"; not an object further down ("helped
    bridge the divide in Washington", "received support", "recalled in an interview")."""
    slots = args.verb_targets(verb, pattern)
    slots += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    return any(args.actors_of(verb.doc, t) for t in slots)


def _pairs(sources: list[str], targets: list[str]) -> list[tuple[str | None, str | None]]:
    """(source, target) pairs, an actor never its own target: "reneged on his commitment" keeps the source with
    no target rather than dropping the event."""
    pairs = [(s, t) for s, t in product(sources or [None], targets or [None]) if s != t]
    if not pairs and sources:
        pairs = [(s, None) for s in sources]
    return pairs[:MAX_PAIRS]


def _confidence(token: Token, pattern: Pattern, source: str | None, target: str | None) -> float:
    score = 0.45 + (0.25 if source else 0.0) + (0.15 if target else 0.0)
    score += 0.1 if pattern.kind == "verb" else 0.0
    return round(min(score, 0.95), 2)


def _protest_aim(token: Token, pattern: Pattern, book: PatternBook) -> bool:
    """"Went on hunger strike to demand that the junta hand over power", "rallied to demand his resignation": a
    demand that is the aim of a protest is what the protest is for, coded by the protest (14x), not a second
    event."""
    if pattern.plover != "REQUEST" or token.dep_ not in ("advcl", "xcomp") or not to_infinitive(token):
        return False
    head = token.head
    found = [trigger_pattern(head, book)]
    found += [trigger_pattern(n, book) for c in head.children if c.dep_ in ("dobj", "prep")
              for n in (c, *c.children) if n.dep_ in ("dobj", "pobj") and n.pos_ in ("NOUN", "PROPN")]
    return any(p is not None and p.plover == "PROTEST" for p in found)


MASS_COUNTS = {"thousands", "millions"}


def _mass_expulsion(token: Token, pattern: Pattern, book: PatternBook) -> Pattern:
    """"Expelled tens of thousands of Eritreans", "drove hundreds of thousands out": deporting people by the
    thousand is CAMEO's mass expulsion (201, the "mass expulsion" entry)."""
    if pattern.plover != "COERCE" or pattern.mode != "deport":
        return pattern
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(t.lower_ in MASS_COUNTS for o in objects for t in o.subtree if t.i <= o.i + 4):
        return pattern
    mass = book.nouns.get("mass expulsion")
    return _coded_as(pattern, mass) if mass else pattern


def _coded_as(pattern: Pattern, entry: Pattern) -> Pattern:
    """The trigger's own entry (its roles and slots) with another entry's type, mode and codes."""
    return replace(pattern, plover=entry.plover, mode=entry.mode, cameo=entry.cameo, intent=entry.intent)


def candidates_for(doc: Doc, token: Token, book: PatternBook) -> list[Candidate]:
    """Candidates triggered by ``token`` (empty when it is no event or names no actor at all)."""
    pattern = trigger_pattern(token, book)
    if pattern is None or _hostile_intent(token, pattern, book) or _carrier(doc, token, pattern, book) \
            or _self_harm(token, pattern) or _protest_aim(token, pattern, book):
        return []
    found = _candidates_with(doc, token, pattern, book)
    fallback = pattern.kind == "verb" and (pattern.key.endswith(" _") or pattern.needs == "no_clause")
    plain = book.verbs.get(book.lemma(token)) if fallback else None
    if not found and plain is not None:  # the object entry's conditions fail: the verb's own sense ("rallied
        found = _candidates_with(doc, token, plain, book)  # outside parliament"; "ordered troops to withdraw")
    return found


def _candidates_with(doc: Doc, token: Token, pattern: Pattern, book: PatternBook) -> list[Candidate]:
    if pattern.kind == "verb":
        pattern = _mass_expulsion(token, pattern, book)
    pattern = _by_content(token, pattern, book)
    actors = _noun_actors if pattern.kind == "noun" else _verb_actors
    sources, targets = actors(doc, token, pattern, book)
    anaphor = not (sources or targets) and definite_noun(token, pattern)
    unnamed = not (sources or targets or anaphor) and _law_by_no_one(token, pattern)
    if not anaphor and (not _needs_met(token, pattern, sources, targets) or not (sources or targets or unnamed)):
        return []
    when = date_expr(doc, token)
    decided = _carried_by(token, pattern, book) or token  # "sent a team to investigate": as the sending is
    date_value = event_date(doc, decided) or (when.value if when else None)
    decision = decide(decided, book, date_value=date_value, reference=state(doc).published)
    shared = dict(decision=decision, date=calendar_value(when), location=event_place(doc, token),
                  evidence=evidence_span(doc, token), reported=reported_date(doc, token, book))
    if anaphor:
        return [Candidate(token, pattern, None, None, confidence=_confidence(token, pattern, None, None),
                          anaphor=True, **shared)]
    if unnamed:
        return [Candidate(token, pattern, None, None, confidence=_confidence(token, pattern, None, None), **shared)]
    named_by = _definite_means(doc, token, book) if pattern.kind == "verb" else None
    return [Candidate(token, pattern, s, t, confidence=_confidence(token, pattern, s, t), named_by=named_by,
                      **shared) for s, t in _pairs(sources, targets)]


# acts of the law: with no one named as doing them, the authorities of where they happen do them (event_merge)
LAW_ACTS = {("COERCE", "arrest"), ("COERCE", "deport"), ("ACCUSE", "investigate")}


def _law_by_no_one(token: Token, pattern: Pattern) -> bool:
    """"An investigation proceeding on many fronts", "DNA tests link the activist to the hair", "a team that is
    investigating the bombings": an act of the law with no one named as doing it or suffering it is still an
    event, the authorities' (event_merge)."""
    return (pattern.plover, pattern.mode) in LAW_ACTS


def _definite_means(doc: Doc, verb: Token, book: PatternBook) -> Token | None:
    """"The blasts killed 12", "the bomb wounded five": a harm verb whose subject is a definite bomb or attack with
    no one named on it, which may be a bombing told before."""
    noun = _means_noun(verb, book) if _harm_verb(book.for_verb(verb)) else None
    if noun is None or not subject_of(noun, verb) or args.noun_modifier_actors(doc, noun):
        return None
    return noun if any(c.dep_ == "det" and c.lower_ in DEFINITE | {"these", "those"} for c in noun.children) \
        else None


DEFINITE = {"the", "this", "that"}


def definite_noun(token: Token, pattern: Pattern) -> bool:
    """"the call", "this meeting": an event noun that may name an event told earlier."""
    return pattern.kind == "noun" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)


def _obligation(token: Token, book: PatternBook) -> bool:
    """ "X said Y must/should V", "X insisted that Y V" (a bare subjunctive): a demand by X on Y, as CAMEO codes
    it."""
    modal = any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in token.children)
    return (modal or _subjunctive(token)) and token.dep_ == "ccomp" and token.head.lemma_.lower() in book.reporting


def _subjunctive(verb: Token) -> bool:
    """A finite clause with a bare verb and no auxiliary: "that Georgia hand over the rebels" (the small model
    tags the bare verb after a singular subject VB or VBP)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # an adjective with a direct object is a bare verb the small model mis-tagged ("that China open talks")
    mistagged = verb.tag_ == "JJ" and any(c.dep_ == "dobj" for c in verb.children)
    bare = verb.tag_ == "VB" or mistagged or (verb.tag_ == "VBP" and any(c.tag_ in ("NN", "NNP") for c in subjects))
    return bare and bool(subjects) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def demand_candidates(doc: Doc, token: Token, book: PatternBook) -> list[Candidate]:
    """The demand implied by a reported obligation: the speaker (source) asks the clause subject (target)."""
    if not _obligation(token, book):
        return []
    speaker = token.head
    sources = [e for t in args.verb_subjects(speaker, book) for e in args.actors_of(doc, t)]
    targets = [e for t in args.verb_subjects(token, book) for e in args.actors_of(doc, t)]
    if not (sources and targets):
        return []
    pattern = book.verbs["demand"]
    shared = dict(decision=decide(speaker, book, reference=state(doc).published), date=calendar_value(date_expr(doc, speaker)),
                  location=event_place(doc, speaker), evidence=evidence_span(doc, token),
                  reported=reported_date(doc, token, book))
    return [Candidate(speaker, pattern, s, t, confidence=_confidence(speaker, pattern, s, t) - 0.1, **shared)
            for s, t in _pairs(sources, targets)]


def all_candidates(doc: Doc, book: PatternBook) -> list[Candidate]:
    found = []
    for token in doc:
        found.extend(candidates_for(doc, token, book))
        found.extend(demand_candidates(doc, token, book))
    _aimed_as_its_act(found)
    return found


def _aimed_as_its_act(found: list[Candidate]) -> None:
    """A threat, refusal or promise with no target of its own is aimed at whom the act it governs would be done
    to, when the source does that act itself: "threatened to ban the main Kurdish party" (the party), "refused to
    hand the suspects over to the tribunal", "warned that it would walk out of the talks with X"."""
    by_trigger: dict[int, list[Candidate]] = {}
    for cand in found:
        by_trigger.setdefault(cand.trigger.i, []).append(cand)
    for cand in found:
        if cand.target is not None or cand.source is None or not cand.pattern.governs:
            continue
        clauses = [c for c in cand.trigger.children if c.dep_ in ("xcomp", "ccomp")]
        acts = [t for c in clauses for t in (c, *(o for o in c.children if o.dep_ == "dobj"))]
        inner = next((k for t in acts for k in by_trigger.get(t.i, [])
                      if k.source == cand.source and k.target not in (None, cand.source)), None)
        if inner is not None:
            cand.target = inner.target
