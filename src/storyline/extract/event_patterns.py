"""The event pattern dictionary (data/event_patterns.yaml) and how a token is matched against it.

    book = pattern_book()
    book.for_verb(token)  -> Pattern | None     ("call" + child "for" -> the "call for" entry)
    book.for_noun(token)  -> Pattern | None     ("hunger strike" before "strike", "call for" before "call")
    book.cue(lemma)       -> status class of a governing word ("plan" -> "planned") or None
    book.lemma(token)     -> the token's lemma, corrected by ``lemma_fixes`` ("hopes" -> hope, not "hop")
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from ..models import EVENT_STATUSES

DEFAULT_VERB_TARGETS = ("dobj", "dative")
DEFAULT_NOUN_TARGETS = ("of", "with", "against", "on", "to", "between")
REQUIRED = ("plover", "cameo")


class PatternError(ValueError):
    """A malformed entry in event_patterns.yaml; the message names the entry and the field to fix."""


@dataclass(frozen=True)
class Pattern:
    key: str
    kind: str  # verb | noun
    plover: str | None
    cameo: str
    mode: str | None = None
    intent: str | None = None
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ("by", "from")
    control: str = "subject"
    governs: str | None = None
    mutual: bool = False
    needs: str | None = None
    stative: bool = False
    note: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.split())


@dataclass(frozen=True)
class PatternBook:
    verbs: dict[str, Pattern]
    nouns: dict[str, Pattern]
    cues: dict[str, str]
    negated_success: frozenset[str]
    modals: dict[str, str]
    noun_status: dict[str, str]
    support_verbs: frozenset[str]
    reporting: frozenset[str]
    adverbs: dict[str, str] = None  # type: ignore[assignment]
    purpose_nouns: frozenset[str] = frozenset()
    performatives: frozenset[str] = frozenset()
    not_events: frozenset[str] = frozenset()
    not_event_objects: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    offered_acts: frozenset[str] = frozenset()
    offering_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = None  # type: ignore[assignment]
    natural_forces: frozenset[str] = frozenset()
    harm_senses: dict[str, str] = field(default_factory=dict)
    harm_verbs: frozenset[str] = frozenset()
    effort_verbs: frozenset[str] = frozenset()
    achieving_verbs: frozenset[str] = frozenset()
    protest_groups: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    undergoer_nouns: frozenset[str] = frozenset()
    judgements: dict[str, str] = field(default_factory=dict)  # a word of blame or praise -> disapprove | approve

    def lemma(self, token: Token) -> str:
        """The lemma of ``token``, with the small model's known mistakes corrected (``lemma_fixes``; a key of two
        words is the form with its particle: "wound up" is "wind", "wounded" stays "wound")."""
        fixes = self.lemma_fixes or {}
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        return fixes.get(f"{token.lower_} {particle}") or fixes.get(token.lower_) or token.lemma_.lower()

    def for_verb(self, token: Token) -> Pattern | None:
        """The entry for verb ``token``: a two-word key whose second word is a child (its form or, for an
        object, its lemma: "lifted restrictions" -> "lift restriction"; an object predicate: "held Russia
        responsible" -> "hold responsible"; objects before particles), then "V to" for a "to V" complement,
        then "V that" for a "that" clause, then "V _" for any direct object, else the lemma. A phrasal verb with its
        object ("call off strike") comes first, then a modifier saying what kind the object is ("sent peacekeeping
        troops": "send peacekeeping"); "with" objects ("provided Spain with intelligence"), "on behalf" and objects
        hung on a particle key the verb like its objects; a bare-noun key does not apply to an object of another
        kind ("air strikes")."""
        lemma = self.lemma(token)
        phrasal = self._phrasal_object(token, lemma)
        if phrasal is not None:
            return phrasal  # "called off the strike": neither a phone call nor a strike called
        if (any(f"{lemma} {c.lemma_.lower()}" in self.not_events for c in token.children
                if c.dep_ in (*KEY_OBJECTS, "acomp")) and not self._shared_with(token, lemma)) \
                or any(f"{lemma} {c.lower_}" in self.not_events for c in token.children
                       if (c.dep_ in ("prep", "prt") or _particle(c) or c.lower_ == "ahead") and not _temporal(c)) \
                or any(f"{lemma} {word}" in self.not_events for word in _clause_words(token)) \
                or any(f"{lemma} with {o.lemma_.lower()}" in self.not_events for o in _with_objects(token)):
            return None  # "met the conditions", "sent a message", "asked about", "called off": no event itself
        # (a time phrase keys nothing: "seized the town on Monday" is no "seize on")
        hyphenated = _hyphenated(token, lemma)
        if hyphenated in self.verbs:
            return self.verbs[hyphenated]  # "test-fired a missile": a test, not an attack
        brought = next((found for end in _brought_to(token) if (found := self._two_word(lemma, end))), None)
        if brought is not None:
            return brought  # "bring the killers to justice"
        children = sorted(token.children, key=lambda c: c.dep_ not in KEY_OBJECTS)  # "handed over power": the object
        children = [m for c in children for m in (c, *_counted(c))]  # "sent thousands of troops": troop
        for modifier in (m for c in children for m in _kind(c)):
            found = self._two_word(lemma, modifier)
            if found:
                return found  # "sent peacekeeping troops": "send peacekeeping" before "send troop"
        children = [*children[:_objects(children)], *_left(token), *_supplied(token), *_behalf(token),
                    *_particle_objects(token), *children[_objects(children):]]
        for child in children:
            if child.dep_ in KEY_OBJECTS and self._other_kind(child):
                continue
            if (child.dep_ in KEY_CHILDREN or _particle(child) or small_clause(child) or child.dep_ == "pobj") \
                    and not _temporal(child):
                found = self._two_word(lemma, child)
                if found:
                    return found
            elif _directive(token, child) and self.verbs.get(f"{lemma} to") \
                    and self.verbs[f"{lemma} to"].governs and _asks_someone(token, child, self.verbs[f"{lemma} to"]):
                return self.verbs[f"{lemma} to"]  # "told Australia to stop": a directive, not speech
            elif for_clause(child) and f"{lemma} for" in self.verbs:
                return self.verbs[f"{lemma} for"]  # "called for Iran to halt": the parser marks "for" on the clause
            elif _that_clause(child) and f"{lemma} that" in self.verbs:
                return self.verbs[f"{lemma} that"]  # "charged that Iran was arming militias": an accusation
        if f"{lemma} _" in self.verbs and any(c.dep_ == "dobj" for c in token.children):
            return self.verbs[f"{lemma} _"]  # "struck air defence sites": any object ("strike _")
        return self.verbs.get(lemma)

    def _shared_with(self, token: Token, lemma: str) -> bool:
        """"Shared its concerns with the State Department": a view handed to someone named after "with" is told
        to them, while "shares Washington's concerns" (a not_events pair) only holds the same view."""
        entry = self.verbs.get(lemma)
        heads = [token, *(c for c in token.children if c.dep_ in KEY_OBJECTS)]  # or on the object: "concerns with"
        return entry is not None and "with" in entry.target and any(
            w.pos_ == "PROPN" or w.ent_type_ for h in heads for c in h.children if c.dep_ == "prep"
            and c.lower_ == "with" for o in c.children if o.dep_ == "pobj" for w in (o, *o.lefts))

    def _two_word(self, lemma: str, word: Token) -> Pattern | None:
        """The two-word verb key of ``lemma`` and ``word``, by the word's form, then its lemma."""
        return self.verbs.get(f"{lemma} {word.lower_}") or self.verbs.get(f"{lemma} {word.lemma_.lower()}")

    def _phrasal_object(self, token: Token, lemma: str) -> Pattern | None:
        """A three-word key: a phrasal verb and its object's lemma ("call off strike"), for a phrasal verb that is
        no event alone (a not_events pair such as "call off") but is one with that object."""
        particles = [c.lower_ for c in token.children if c.dep_ == "prt" or _particle(c)]
        held = [c for c in token.children if c.dep_ in KEY_OBJECTS and not self._other_kind(c)]
        objects = [m.lemma_.lower() for c in held for m in (c, *_counted(c))]  # "called off a round of talks"
        return next((self.verbs[key] for p in particles for o in objects if (key := f"{lemma} {p} {o}") in self.verbs),
                    None)

    def _other_kind(self, obj: Token) -> bool:
        """An object whose modifier makes it another kind of event than its head noun ("ended its air strikes":
        an attack, not the labour strike that "end strike" is about): keys on the bare noun do not apply."""
        base = self.nouns.get(obj.lemma_.lower())
        named = self.for_noun(obj)
        return base is not None and named is not None and named is not base and named.plover != base.plover

    def for_noun(self, token: Token) -> Pattern | None:
        """The entry for noun ``token``: compound + noun ("hunger strike") first, then noun + its complement
        ("calls for talks" -> "call for", "a call to withdraw" -> "call to"), else the lemma."""
        lemma = token.lemma_.lower()
        if any(f"{c.lower_} {lemma}" in self.not_events for c in token.children if c.dep_ in ("compound", "amod")):
            return None  # "a press release" is a document, not a release
        if token.dep_ == "dobj" and f"{self.lemma(token.head)} {lemma}" in self.not_event_objects:
            return None  # "posed a threat to X" is a danger, not a threat made
        if lemma in self.content_nouns and any(_that_clause(c) for c in token.children):
            return None  # "there was agreement that Europe should ...": a consensus, not a signed agreement
        for child in token.children:
            if child.dep_ in ("compound", "amod"):
                found = self.nouns.get(f"{child.lemma_.lower()} {lemma}")
                if found:
                    return found
        for child in token.children:
            word = "to" if child.dep_ == "acl" and to_infinitive(child) else \
                child.lower_ if child.dep_ == "prep" and child.lower_ != "to" else None
            if word and f"{lemma} {word}" in self.nouns:
                return self.nouns[f"{lemma} {word}"]
        if lemma in self.harm_senses and self._harms(token):
            return self.nouns.get(self.harm_senses[lemma])
        return self.nouns.get(lemma) or self.nouns.get(token.lower_)

    def _harms(self, token: Token) -> bool:
        """The noun is the subject of a verb of harm ("strikes killed 30") or has an "on" target that is no time
        ("strikes on Kyiv")."""
        if token.dep_ == "nsubj" and self.lemma(token.head) in self.harm_verbs:
            return True
        return any(c.dep_ == "prep" and c.lower_ == "on" and not _temporal(c) for c in token.children)

    def carries(self, verb: Token, noun: Token) -> bool:
        """Whether ``verb`` only carries the event its object ``noun`` names: a support verb ("held talks"), or an
        offering verb with an act it performs ("offered an apology")."""
        lemma = self.lemma(verb)
        return lemma in self.support_verbs or (lemma in self.offering_verbs
                                               and noun.lemma_.lower() in self.offered_acts)

    def natural_force(self, token: Token) -> bool:
        """A hazard, not an actor, as the doer ("the earthquake killed", "debris injured")."""
        return token.lemma_.lower() in self.natural_forces or token.lower_ in self.natural_forces

    def cue(self, lemma: str) -> str | None:
        return self.cues.get(lemma.lower())


PARTICLES = {"down", "out", "up", "off", "back", "over", "away", "aside", "free"}
OBJECTS = ("dobj", "dative", "oprd")
# what keys a two-word entry like an object: the passive subject too ("diplomats were expelled": expel diplomat)
KEY_OBJECTS = (*OBJECTS, "nsubjpass")
# children whose form or lemma can complete a two-word key: particles, prepositions, objects and object predicates
# ("held Russia responsible", "set them free", "held them hostage")
KEY_CHILDREN = ("prt", "prep", "dobj", "dative", "oprd", "acomp", "attr", "npadvmod", "nsubjpass")


def _hyphenated(token: Token, lemma: str) -> str | None:
    """The hyphenated verb the tokenizer split ("test-fired" -> "test", "-", "fired"): "test-fire"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 2].head.i != token.i:
        return None
    return f"{doc[token.i - 2].lower_}-{lemma}"


LEFT_PREPS = ("of", "from")


def _objects(children: list[Token]) -> int:
    """How many of the (object-first) ``children`` are objects."""
    return next((i for i, c in enumerate(children) if c.dep_ not in KEY_OBJECTS and c.dep_ != "pobj"), len(children))


def _left(token: Token) -> list[Token]:
    """What a verb leaves ("pulled out of the treaty", "withdrew from the talks"): the object of its "of"/"from",
    which keys the verb like an object, before the particle ("pull out" alone is a military withdrawal)."""
    heads = [token, *(c for c in token.children if c.lower_ in PARTICLES)]  # "out" parsed as a preposition
    return [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in LEFT_PREPS
            for o in c.children if o.dep_ == "pobj"]


def small_clause(child: Token) -> bool:
    """An object predicate the small model parses as a clause of its own, with the object as its subject ("found
    Anwar guilty": "guilty" a ccomp over "Anwar"): it keys the verb as an object predicate does ("find guilty")."""
    return child.dep_ == "ccomp" and child.tag_ == "JJ" and any(c.dep_ == "nsubj" for c in child.children)


KIND_MODIFIERS = ("compound", "amod")


def _kind(child: Token) -> list[Token]:
    """The modifiers that say what kind of thing an object is ("sent peacekeeping troops", "granted voting rights"):
    a key on the modifier ("send peacekeeping") is more specific than one on the object ("send troop"), so it is
    tried first; it only matters where the dictionary has such a key."""
    if child.dep_ not in KEY_OBJECTS:
        return []
    return [m for m in child.children if m.dep_ in KIND_MODIFIERS and m.pos_ in ("NOUN", "ADJ", "VERB")]


def _supplied(token: Token) -> list[Token]:
    """What "V X with Y" hands over ("provided Spain with intelligence", "supplied Syria with missiles"): with
    the recipient as the object, Y keys the verb like an object ("provide intelligence"). The small model may
    hang "with Y" on the object instead ("sprayed a patrol with bullets")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return []
    return [o for head in (token, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
            for o in c.children if o.dep_ == "pobj"]


def _particle_objects(token: Token) -> list[Token]:
    """The object the parser hangs on a particle ("wrote off Nigeria's debt" with "debt" under "off"): it keys the
    verb like its object ("write debt")."""
    return [o for c in token.children if c.lower_ in PARTICLES and c.dep_ in ("prt", "prep", "advmod")
            for o in c.children if o.dep_ == "pobj"]


def _brought_to(token: Token) -> list[Token]:
    """"vowed to bring the killers to justice": the end an object is brought to keys the verb like an object
    ("bring justice")."""
    held = [token, *(d for c in token.children if c.dep_ == "dobj" for d in c.subtree)]  # "those responsible to"
    found = [o for h in held for c in h.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
             if o.dep_ == "pobj" and o.lemma_.lower() == "justice"]
    return found or [c for c in token.children if c.lemma_.lower() == "justice" and c.i > 0
                     and token.doc[c.i - 1].lower_ == "to"]  # "bring to justice the murderers" misparsed


def _behalf(token: Token) -> list[Token]:
    """"campaigned on behalf of Lebanon": "behalf" keys the verb like an object ("campaign behalf")."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children
            if o.dep_ == "pobj" and o.lower_ == "behalf"]


def _particle(child: Token) -> bool:
    """A particle the small model labels as an adverb ("stepped down" with "down" as advmod)."""
    return child.dep_ == "advmod" and child.lower_ in PARTICLES


# nouns that string out events: "called off a round of peace talks", "a wave of attacks" name the talks, the attacks
RUNS = {"round", "series", "wave", "spate", "string"}
# nouns of a burst of something: "a barrage of shells" is shelling, "a barrage of criticism" criticism
VOLLEYS = {"barrage", "volley", "hail", "torrent", "storm", "flurry", "salvo"}
QUANTITIES = {"hundred", "thousand", "dozen", "score", "million", "billion", "number", "group", "batch", "contingent",
              "unit", "battalion", "regiment", "brigade", "division", "company", "team", "pair", "couple", *RUNS,
              # amounts of goods: "received 20 tonnes of supplies", "sent a shipment of arms"
              "tonne", "ton", "shipment", "consignment", "cargo", "truckload", "planeload", "load"}


def _counted(child: Token) -> list[Token]:
    """The counted noun of an object that is a quantity: "thousands of troops" -> troops (as a stand-in object)."""
    if child.dep_ != "dobj" or child.lemma_.lower() not in QUANTITIES:
        return []
    return [o for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            if o.dep_ == "pobj"]


def _that_clause(token: Token) -> bool:
    """A complement clause opened by "that" ("a recognition that the borders were weak"), not a relative clause
    ("the agreement that they signed", where "that" is the clause's subject or object)."""
    return token.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


WH_WORDS = {"why", "how", "what", "when", "where", "who", "whom", "which"}
QUESTION_OPENERS = {"why", "how", "whether", "if"}  # never open a relative clause


def _with_objects(token: Token) -> list[Token]:
    """Objects of the verb's "with" ("the decision was met with outrage"), as a not_events triple keys them."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
            if o.dep_ == "pobj"]


def _clause_words(token: Token) -> list[str]:
    """The word that opens each complement clause of a verb, as a not_events pair reads it: "to" for "to V"
    ("sought to protect": an attempt, no request), the mark of a finite clause or "that" when it has none
    ("recognized (that) the plan had failed": a realisation, no diplomatic recognition), a wh-word or
    whether/if ("asked him whether he would run": a question, no appeal)."""
    words = []
    for child in token.children:
        if child.dep_ == "xcomp" and to_infinitive(child):
            words.append("to")
        elif child.dep_ == "ccomp":
            mark = next((c.lower_ for c in child.children if c.dep_ == "mark"), None)
            first = child.doc[child.left_edge.i].lower_
            words.append(mark or (first if first in WH_WORDS else "that"))
        elif child.dep_ == "dobj":  # "asked the minister why Peru had not paid": parsed as a relative clause
            words += [w for c in child.children if c.dep_ == "relcl"
                      and (w := c.doc[c.left_edge.i].lower_) in QUESTION_OPENERS]
    return words


def _directive(token: Token, child: Token) -> bool:
    """A "to V" complement of ``token``: an xcomp, or a clause with its own subject ("wants the court to act", which
    the parser makes a ccomp)."""
    own_subject = child.dep_ == "ccomp" and child.lemma_ != "be" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)  # "wants them to be": a wish, no act
    return (child.dep_ == "xcomp" or own_subject) and to_infinitive(child)


def _asks_someone(token: Token, child: Token, pattern: Pattern) -> bool:
    """An entry whose object does the embedded act needs someone to do it: an object ("told Australia to stop"),
    a passive subject ("was told to stop") or the clause's own subject ("wants the court to act"), before the
    "to V"; "wants to act" is the subject's own aim."""
    if child.dep_ == "ccomp" and any(c.dep_ == "neg" for c in token.children):
        return False  # "we don't want people to play games": a wish, not a request made
    return pattern.control != "object" or child.dep_ == "ccomp" \
        or any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.i < child.i for c in token.children)


def to_infinitive(verb: Token) -> bool:
    """A "to V" complement ("told X to stop", "calls to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def for_clause(token: Token) -> bool:
    """A for-to clause the parser hangs on a verb with "for" as its mark ("called for Iran to halt enrichment")."""
    return token.dep_ in ("advcl", "ccomp", "xcomp") and to_infinitive(token) \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


# prepositions whose gerund is the act of the verb's object: "accused Israel of violating", "blamed Kyiv for
# shelling", "barred Iran from enriching", "warned Serbs against attacking", "charged him with spying"
OBJECT_ACT_PREPS = {"of", "for", "from", "against", "with"}
# verbs that judge, punish or stop what their object does: the parser often hangs the preposition on the object
# instead ("accused U.S. troops of killing" with "of" under "troops"), which for these verbs is never meant
JUDGING_VERBS = {"accuse", "blame", "charge", "suspect", "convict", "criticize", "criticise", "condemn", "fault",
                 "denounce", "praise", "commend", "punish", "sentence", "fine", "sue", "indict", "bar", "ban",
                 "prevent", "stop", "prohibit", "warn"}


def others_proposal(noun: Token, governor: Token, book: "PatternBook") -> bool:
    """An offer or appeal (``proposal_nouns``) as the object of a verb that is not its support verb: made by another
    party than the verb's subject ("Hamas rejected the call for a ceasefire", "welcomed the offer")."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("dobj", "pobj", "nsubjpass") \
        and noun.lemma_.lower() in book.proposal_nouns and not book.carries(governor, noun)


def object_act_verb(gerund: Token) -> Token | None:
    """The verb whose object does ``gerund`` in "V X of/for/from/against/with V-ing", wherever the parser hangs the
    preposition: on the verb, or, for a judging verb, on its direct object ("accused U.S. troops of killing")."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in OBJECT_ACT_PREPS:
        return None
    if prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    holder = prep.head
    if holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and holder.head.lemma_.lower() in JUDGING_VERBS:
        return holder.head
    return None


def _temporal(prep: Token) -> bool:
    """A preposition heading a time phrase ("called on Thursday" is not "call on"); an object with a time in it
    ("ended a two-week strike") is still the object."""
    return prep.dep_ not in KEY_OBJECTS and any(c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _pattern(key: str, kind: str, entry: dict, intents: dict | None = None) -> Pattern:
    missing = [f for f in REQUIRED if f not in entry]
    if missing:
        raise PatternError(f"event_patterns.yaml: {kind} {key!r} lacks {', '.join(missing)}; every entry needs "
                           f"plover (a PLOVER type or null) and cameo (a code from cameo.yaml)")
    default = DEFAULT_VERB_TARGETS if kind == "verb" else DEFAULT_NOUN_TARGETS
    fields = {k: v for k, v in entry.items() if k not in ("target", "source")}
    if not fields.get("intent") and fields.get("cameo"):  # the root's "express intent" code (intent_by_root)
        fields["intent"] = (intents or {}).get(str(fields["cameo"])[:2])
    sources = entry.get("source", ("by", "from") if kind == "noun" else ())  # a verb's subject acts unless told
    return Pattern(key=key, kind=kind, target=tuple(entry.get("target", default)), source=tuple(sources), **fields)


def _intents(data: dict) -> dict[str, str]:
    return {str(k): str(v) for k, v in (data.get("intent_by_root") or {}).items()}


def _cues(data: dict) -> dict[str, str]:
    cues: dict[str, str] = {}
    for status, words in data.get("status_cues", {}).items():
        if status not in EVENT_STATUSES:
            continue
        for word in words:
            cues.setdefault(word, status)
    return cues


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: status for status, words in table.items() for word in words}


def parse_book(data: dict) -> PatternBook:
    """A PatternBook from the parsed YAML (tests build small books this way)."""
    intents = _intents(data)
    return PatternBook(
        verbs={k: _pattern(k, "verb", v, intents) for k, v in data.get("predicates", {}).items()},
        nouns={k: _pattern(k, "noun", v, intents) for k, v in data.get("nominals", {}).items()},
        cues=_cues(data),
        negated_success=frozenset(data.get("status_cues", {}).get("negated_success", ())),
        modals={str(k): v for k, v in data.get("modals", {}).items()},
        noun_status=_invert(data.get("noun_status", {})),
        support_verbs=frozenset(data.get("support_verbs", ())),
        reporting=frozenset(data.get("reporting", ())),
        adverbs=_invert(data.get("adverb_status", {})),
        purpose_nouns=frozenset(data.get("purpose_nouns", ())),
        performatives=frozenset(data.get("performatives", ())),
        not_events=frozenset(data.get("not_events", ())),
        not_event_objects=frozenset(data.get("not_event_objects", ())),
        content_nouns=frozenset(data.get("content_nouns", ())),
        proposal_nouns=frozenset(data.get("proposal_nouns", ())),
        offered_acts=frozenset(data.get("offered_acts", ())),
        offering_verbs=frozenset(data.get("offering_verbs", ())),
        document_nouns=frozenset(data.get("document_nouns", ())),
        message_nouns=frozenset(data.get("message_nouns", ())),
        lemma_fixes={str(k): str(v) for k, v in data.get("lemma_fixes", {}).items()},
        natural_forces=frozenset(data.get("natural_forces", ())),
        harm_senses=dict(data.get("harm_senses") or {}),
        harm_verbs=frozenset(data.get("harm_verbs", ())),
        effort_verbs=frozenset(data.get("effort_verbs", ())),
        achieving_verbs=frozenset(data.get("achieving_verbs", ())),
        protest_groups=frozenset(data.get("protest_groups", ())),
        crowd_nouns=frozenset(data.get("crowd_nouns", ())),
        judging_verbs=frozenset((data.get("judgements") or {}).get("verbs", ())),
        undergoer_nouns=frozenset(data.get("undergoer_nouns", ())),
        judgements=_invert({k: v for k, v in (data.get("judgements") or {}).items() if k != "verbs"}),
    )


def read_patterns() -> dict:
    with resources.files("storyline.data").joinpath("event_patterns.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def pattern_book() -> PatternBook:
    """The shipped dictionary, parsed once."""
    return parse_book(read_patterns())
