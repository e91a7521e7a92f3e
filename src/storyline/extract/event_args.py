"""Who did it and to whom: source and target tokens of an event trigger, read off the dependency parse.

Actors come only from the actors component: ``entity_at`` asks ``actors.entity_for`` when it exists and
otherwise reads ``state.token_entity`` (names, titles/roles and pronouns resolved to entity ids).

    verb_sources(verb, book)         subject; "by" agent of a passive; controller of an xcomp; relative-clause head
    verb_targets(verb, pattern)      the pattern's target slots in order (dobj, dative, "with", "to", ...)
    noun_sources / noun_targets      possessor, demonym/compound modifier, "by"/"of"/"with"/"between" phrases
    actors_of(doc, token)            actor references a token (and its coordinated siblings) stands for: entity
                                     ids ("the two leaders": the two people named last), else group keys from
                                     event_actors ("opposition groups in Zimbabwe")
    (event_targets.deep_targets: the fallback target when no slot gives one)
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..resolve.codes import capital_country
from .actors import entity_for
from .event_actors import (
    PEOPLE_WORDS,
    country_groups,
    group_actor,
    is_group,
    named_actor,
    own_sector,
    relation_noun,
)
from .event_patterns import (
    RUNS,
    VOLLEYS,
    Pattern,
    PatternBook,
    for_clause,
    object_act_verb,
    small_clause,
)
from .roles import KINSHIP
from .state import state

SUBJECTS = ("nsubj", "csubj", "expl")
RELATIVE = {"who", "that", "which", "whom"}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
OBJECT_CONTROL = {"urge", "ask", "encourage", "convince", "persuade", "pressure", "press", "force", "invite", "order",
                  "tell", "allow", "call", "help", "enable", "warn", "want", "require", "implore", "lead"}


NOT_ACTOR_TYPES = {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}  # "Tomahawks", "World War II"
STANCE_PREFIXES = ("pro-", "anti-", "pro ", "anti ")  # "pro-Russian statements": an attitude, not a party


def entity_at(doc: Doc, token: Token) -> str | None:
    """Entity id of ``token`` from the actors component, when it is one that can act or be acted on: a weapon,
    a war or a law named in the text is what an event is about, not a party to it; "pro-Russian" is a stance."""
    entity = entity_for(doc, token)
    if entity is None or entity.type in NOT_ACTOR_TYPES or entity.name.lower().startswith(STANCE_PREFIXES):
        return None
    if token.dep_ == "amod" and token.head.lemma_.lower() in CULTURE_NOUNS:
        return None  # "the use of the Russian language": a tongue, not the Russian state
    return entity.id


# nouns a demonym describes as a culture, not a state: "the Russian language", "Moscow time", "Ukrainian music"
CULTURE_NOUNS = {"language", "tongue", "dialect", "alphabet", "script", "time", "culture", "cuisine", "literature",
                 "music", "cinema", "folklore", "heritage", "identity", "descent", "origin", "ancestry"}


def _coded(doc: Doc, entity_id: str) -> bool:
    entity = state(doc).entity(entity_id)
    return entity is None or bool(entity.code or entity.country)


def _coded_at(doc: Doc, token: Token) -> str | None:
    """The entity at a token, replaced by a coded group key when the actors component left it uncoded."""
    found = entity_at(doc, token)
    if found and not _coded(doc, found):
        return named_actor(doc, token) or found
    return found


def of_objects(token: Token) -> list[Token]:
    """Objects of an "of" phrase under a quantity noun ("hundreds of workers" -> workers)."""
    return prep_objects(token, "of")


def _of_entities(doc: Doc, token: Token, depth: int) -> list[str]:
    """Actors of an "of" phrase: "thousands of students", "positions of the Palestinian forces"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of" and depth < 3:
            inner = [e for g in child.children if g.dep_ == "pobj" for e in _own_entities(doc, g, depth + 1)]
            if inner:
                return inner
    return []


def _own_entities(doc: Doc, token: Token, depth: int = 0) -> list[str]:
    """The entity of the token itself, else of its modifiers ("Israeli soldiers", "Biden's approach"), else of
    its "of" phrase, else a group coded by event_actors. An entity the actors component could not code
    ("the Bus Company of Tehran") gives way to a coded group when there is one."""
    found = entity_at(doc, token)
    if found:
        group = None if _coded(doc, found) else named_actor(doc, token) or group_actor(doc, token)
        return [group or found]
    named = _appositive_name(doc, token)
    if named:
        return [named]
    if token.pos_ == "PROPN" and depth < 2 and token.i + 1 < len(doc) and doc[token.i + 1].text == ",":
        # "Freeh, the FBI director, met ...": a name the model did not tag, set off by its title
        renamed = [e for c in token.children if c.dep_ == "appos" for e in _own_entities(doc, c, depth + 1)]
        if renamed:
            return renamed[:1]
    pair = pair_reference(doc, token) or plural_reference(doc, token, depth)
    if pair:
        return pair
    speaker = quoted_speaker(doc, token)
    if speaker:
        return [speaker]
    if token.pos_ == "VERB" and depth < 3:  # "The Red Cross operating in Iraq said": a misparsed reduced relative
        return [e for c in token.children if c.dep_ == "nsubj" for e in _own_entities(doc, c, depth + 1)]
    if _relative_of_person(doc, token):  # "Kopp's brother" is not Kopp: someone of his country, if he has one
        group = group_actor(doc, token)
        return [group] if group else []
    owners = [e for c in token.children if c.dep_ == "poss" for e in plural_reference(doc, c, depth)]
    if owners:
        return owners  # "their troops": of both of "Chile and Peru"
    mods = [_coded_at(doc, m) for c in token.children if c.dep_ in MODIFIER_DEPS
            and not (c.dep_ == "poss" and relation_noun(token)) for m in (c, *c.conjuncts)]
    mods = [m for m in mods if m]
    if mods and _group_acts(doc, token, mods):
        mods = [group_actor(doc, token) or mods[0]]
    if mods:
        return mods[:1] if any(c.dep_ == "poss" for c in token.children) else mods
    inner = _of_entities(doc, token, depth)
    if inner:
        return inner
    group = group_actor(doc, token)
    return country_groups(doc, token) or ([group] if group else [])


def _group_acts(doc: Doc, token: Token, mods: list[str]) -> bool:
    """The people a modifier names act, not the modifier, when it is a name with no code ("Darfur rebels"), a city
    ("Philadelphia police": the city's police) or a person ("his supporters", "Putin's troops"): the group, coded
    by the modifier's country, when there is one."""
    return not any(is_coded(doc, m) for m in mods) or all(is_city(state(doc).entity(m)) for m in mods) \
        or _persons_people(doc, token) or _nationals(doc, token)


OFFICES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}  # state offices and bodies, coded country + sector


def _nationals(doc: Doc, token: Token) -> bool:
    """People named by a country's adjective ("Palestinian protesters", "Iraqi villagers"), or a state office or
    body named by its country ("Israel's defence minister", "Russia's army"): the group, coded by the country and
    the noun's sector, not the state. Nouns of state bodies ("Israeli soldiers") are entities
    of their own already; a country named as a noun ("U.S. allies") is left as it is, and so are people of two
    countries ("Indian and Pakistani troops": each country acts)."""
    sector = own_sector(token)
    office = sector in OFFICES  # "Israel's defence minister", "Russia's army": the office acts
    if not office and (token.tag_ != "NNS" or not (sector or token.lemma_.lower() in PEOPLE_WORDS)):
        return False
    sl = state(doc)
    deps = ("amod", "poss", "compound") if office else ("amod",)
    # a pronoun's office ("its ambassador", "its troops") stays its owner's own, as the source's own is no target
    countries = [c for c in token.children if c.dep_ in deps and c.i < token.i and c.pos_ != "PRON"
                 and (c.pos_ == "ADJ" or office) and (e := sl.entity(entity_at(doc, c))) is not None
                 and e.type == "GPE"]
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
    return len(countries) == 1 and not countries[0].conjuncts and not owned


SPEAKING_FOR = {"GOV", "NGM"}  # "the Trump administration", "the Clinton campaign": they act as the person


def _relative_of_person(doc: Doc, token: Token) -> bool:
    """A relative named by a person's possessive ("Elian's father", "his widow")."""
    sl = state(doc)
    return token.lemma_.lower() in KINSHIP and any(
        c.dep_ == "poss" and (e := sl.entity(entity_at(doc, c))) is not None and e.type == "PERSON"
        for c in token.children)


def _persons_people(doc: Doc, token: Token) -> bool:
    """People of a person: a plural noun owned by one ("his supporters", "Putin's troops"), or a people noun named
    by one ("Trump voters", "a Clinton supporter"). They act, not the person, whose country codes them. An
    administration, government or campaign named by a person acts as that person."""
    sl = state(doc)

    def person(child: Token) -> bool:
        entity = sl.entity(entity_at(doc, child))
        return entity is not None and entity.type == "PERSON"

    if token.tag_ == "NNS" and any(c.dep_ == "poss" and person(c) for c in token.children):
        return True
    return token.tag_ in ("NN", "NNS") and own_sector(token) not in SPEAKING_FOR \
        and any(c.dep_ in ("compound", "nmod", "amod") and c.i < token.i and person(c) for c in token.children)


def _appositive_name(doc: Doc, token: Token) -> str | None:
    """A common noun renamed by the name after it: "another RT host, Abby Martin, denounced ..." -> Abby Martin
    (not the country in "RT America")."""
    if token.pos_ != "NOUN":
        return None
    return next((found for c in token.children if c.dep_ == "appos" and (found := entity_at(doc, c))), None)


PAIR_PEOPLE = {  # plural noun -> role words one of the two must hold (empty: any person)
    "leader": ("president", "prime minister", "chancellor", "premier", "king", "queen", "emir", "leader"),
    "president": ("president",), "minister": ("minister", "secretary"), "chancellor": ("chancellor",),
    "premier": ("premier", "prime minister"), "diplomat": ("minister", "secretary", "envoy", "ambassador"),
    "envoy": ("envoy", "ambassador", "minister", "secretary"), "man": (), "woman": (), "counterpart": (),
}
PAIR_STATES = {"side", "country", "nation", "government", "state", "neighbour", "neighbor"}
PAIR_SENTENCES = 2  # sentences looked back (beyond the phrase's own) for the two actors


def pair_reference(doc: Doc, token: Token) -> list[str]:
    """"the two leaders", "both presidents", "the two sides": the two most prominent people holding such a role
    (or the two countries) in the text just before the phrase; else nothing."""
    lemma = token.lemma_.lower()
    if token.tag_ != "NNS" or (lemma not in PAIR_PEOPLE and lemma not in PAIR_STATES):
        return []
    if not any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children):
        return []
    start = token.sent.start
    acting = _acting_subject(token)
    for _ in range(PAIR_SENTENCES):
        if start > 0:
            start = doc[start - 1].sent.start
        ranked = [e for e in _pair_candidates(doc, token, lemma, start) if e not in acting]
        if len(ranked) >= 2:
            return ranked[:2]
    return []


def _acting_subject(token: Token) -> set[str]:
    """Entities in the subject of the clause a pair phrase is in: "the U.S. government contributed aid to the two
    countries" names two others than the United States."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None) if token.dep_ not in SUBJECTS else None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS] if verb is not None else []
    return {e for s in subjects for t in s.subtree if (e := entity_at(token.doc, t))}


def _pair_candidates(doc: Doc, token: Token, lemma: str, start: int) -> list[str]:
    """Entities fitting the plural noun between ``start`` and it, most prominent first: highest in the parse
    (a main-clause subject before a name deep in a subordinate clause), then the latest."""
    wanted = {"PERSON"} if lemma in PAIR_PEOPLE else {"GPE"}
    roles = PAIR_PEOPLE.get(lemma, ())
    best: dict[str, tuple[int, int]] = {}
    for i in range(start, token.i):
        ident = entity_at(doc, doc[i])
        entity = state(doc).entity(ident) if ident else None
        if entity is None or entity.type not in wanted:
            continue
        if lemma in PAIR_STATES and not is_country(entity):
            continue  # "both sides" are countries, not the cities named on the way
        if roles and not any(_holds(role, r) for role in entity.roles for r in roles):
            continue
        rank = (sum(1 for _ in doc[i].ancestors), -i)
        best[ident] = min(best.get(ident, rank), rank)
    return sorted(best, key=lambda ident: best[ident])


def _holds(role: str, word: str) -> bool:
    """Whether ``role`` is a ``word`` ("Foreign Minister" is a minister; "Press Secretary of the President" and
    "Presidential Aide" are no president): the role's head, before any "of"/"to"/"for" phrase, ends with it."""
    head = re.split(r"\s(?:of|to|for)\s", role.lower())[0]
    return head == word or head.endswith(" " + word)


def plural_reference(doc: Doc, token: Token, depth: int = 0) -> list[str]:
    """"They agreed" after "Chile and Peru met": the actors of the antecedent coreference found for a plural
    pronoun (coref_actors: coordinated actors, or a group noun, "rebels ... they")."""
    antecedent = state(doc).plural_antecedent.get(token.i)
    if antecedent is None or depth >= 3:
        return []
    return [e for t in (doc[antecedent], *doc[antecedent].conjuncts) for e in _own_entities(doc, t, depth + 1)]


FIRST_PERSON = {"i", "me", "myself"}


def quoted_speaker(doc: Doc, token: Token) -> str | None:
    """"“I will have a conversation with Russia,” Trump said": inside a direct quote, "I" is its speaker (the
    quotes component runs first). "We" is left alone: a leader's "we" may be a government, a party or a team."""
    if token.lower_ not in FIRST_PERSON:
        return None
    return next((q.speaker for q in _direct_quotes_at(doc, token) if q.speaker), None)


THIRD_PERSON = {"he", "him", "his", "she", "her", "hers", "they", "them", "their"}


def _direct_quotes_at(doc: Doc, token: Token):
    return (q for q in state(doc).quotes if q.kind == "direct" and q.start <= token.idx < q.end)


def actors_of(doc: Doc, token: Token | None) -> list[str]:
    """Entity ids for ``token`` and the tokens coordinated with it ("Russia and Ukraine" -> both)."""
    if token is None:
        return []
    ids: list[str] = []
    for t in (token, *token.conjuncts):
        for e in _own_entities(doc, t):
            if e not in ids:
                ids.append(e)
    return ids


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _shares_passive(verb)


def _shares_passive(verb: Token) -> bool:
    """A bare participle coordinated with a passive verb shares its passive: "were beaten or detained"."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children))


def _passive_agent(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb, or of the passive it is coordinated with ("were arrested and jailed by
    Peru": Peru did both)."""
    sharing = [c for c in verb.children if _shares_passive(c)] + ([verb.head] if _shares_passive(verb) else [])
    return prep_objects(verb, "by") or next((found for v in sharing if (found := prep_objects(v, "by"))), []) \
        or _trailing_agent(verb)


def _trailing_agent(verb: Token) -> list[Token]:
    """A "by" phrase the parser hangs on the object of the passive's own "with" phrase: "was threatened with
    sanctions by the United States" (the United States threatens)."""
    objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
               if o.dep_ == "pobj"]
    return [a for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > o.i
            for a in c.children if a.dep_ == "pobj"]


def passive_subject(verb: Token) -> Token | None:
    """Who a passive verb is done to: its own passive subject, or the one it shares ("were beaten or detained"), or
    for a passive infinitive of result or purpose the subject it hangs on ("returned, only to be jailed"); for a
    relative clause, the noun it hangs on ("an activist who is being sought": the activist)."""
    found = _child(verb.head if _shares_passive(verb) else verb, "nsubjpass")
    if found is None and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head  # "returned to Cuba, only to be jailed": who returned ("had fled and returned": who fled)
        while head.dep_ == "conj" and _child(head, "nsubj", "nsubjpass") is None:
            head = head.head
        found = _child(head, "nsubj", "nsubjpass")
    if found is not None and found.lower_ in RELATIVE and verb.dep_ == "relcl":
        noun = verb.head  # "Kopp, an activist who is being sought": the person the apposition names
        return noun.head if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON" else noun
    return found


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_objects(token: Token, word: str) -> list[Token]:
    """Objects of preposition ``word`` under ``token`` ("meet with Putin" -> [Putin])."""
    out = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word:
            out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    return out


def _controller(verb: Token, book: PatternBook) -> list[Token]:
    """Subject of a controlled clause: the object of urge/ask/convince, else the governing subject."""
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp") and head.head.i != head.i:
        head = head.head  # "Norway is willing to send": the subject of the copula
    pattern = book.for_verb(head) if head.pos_ in ("VERB", "AUX") else None
    object_control = (pattern and pattern.control == "object") or head.lemma_ in OBJECT_CONTROL
    controllers = _controlling_objects(head, pattern) if object_control else []
    return controllers or verb_subjects(head, book)


def _controlling_objects(head: Token, pattern: Pattern | None) -> list[Token]:
    """Who an object-control verb makes act: its object ("urged Peru to withdraw"), the object of its preposition
    ("called on Peru to withdraw"), or, when it is passive, its subject ("Peru was urged / forced to withdraw")."""
    obj = _child(head, "dobj", "dative")
    if obj is not None:
        return [obj]
    for word in (pattern.target if pattern else ()):
        if word not in ("dobj", "dative") and (found := prep_objects(head, word)):
            return found[:1]
    passive_subject = _child(head, "nsubjpass")
    return [passive_subject] if passive_subject is not None and is_passive(head) else []


def _climb_to_verb(token: Token) -> Token | None:
    """The nearest verb above a token hanging from a preposition or noun ("as a means of pressuring")."""
    t = token.head
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return None


def verb_subjects(verb: Token, book: PatternBook, depth: int = 0) -> list[Token]:
    """Tokens naming who performs ``verb`` (before entity lookup)."""
    if depth > 4:
        return []
    agent = _passive_agent(verb) if is_passive(verb) else []
    if agent:
        return agent
    subj = _child(verb, *SUBJECTS)
    if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return [verb.head]
    if subj is not None:
        return [subj]
    held = next((s for a in verb.children if a.dep_ in ("aux", "auxpass") for s in a.children
                 if s.dep_ in SUBJECTS), None)
    if held is not None:
        return [held]  # "X is mediating": the small model hangs the subject on the auxiliary
    if is_passive(verb):
        return []
    named = for_subject(verb)
    if named is not None:
        return [named]
    dep = verb.dep_
    if dep == "conj" and is_passive(verb.head):
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"][:1]  # "was indicted ... and will resign"
    if dep == "conj" or (dep == "advcl" and verb.tag_ in ("VBG", "VB")):
        return verb_subjects(verb.head, book, depth + 1)
    if dep == "xcomp":
        return _controller(verb, book)
    if dep == "relcl" or (dep == "acl" and verb.tag_ in ("VBG", "VBD")):
        return [verb.head]
    if dep == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN":
        return [verb.head]  # "Trump called Putin": the small model's reduced-relative misparse
    if dep == "acl" and verb.tag_ == "VBN" and prep_objects(verb, "by"):
        return prep_objects(verb, "by")  # a reduced passive: "a bill signed by the minister" (the minister signs)
    if dep == "pcomp":
        doer = _judged_party(verb)
        if doer is not None:
            return [doer]
    if dep in ("pcomp", "acl", "advcl"):
        up = _climb_to_verb(verb)
        return verb_subjects(up, book, depth + 1) if up is not None and up.i != verb.i else []
    return []


NAMED_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


def _judged_party(gerund: Token) -> Token | None:
    """Who does a gerund after "V X of/for/from/against/with": X, the verb's named object or, for a passive, its
    subject ("Israel was accused of violating the truce"); not a thing ("signed a contract for supplying jets": the
    signer supplies) and never with "by", "after" or "despite", whose gerund is the subject's own."""
    verb = object_act_verb(gerund)
    if verb is None:
        return None
    party = _child(verb, "dobj") or (_child(verb, "nsubjpass") if is_passive(verb) else None)
    if party is None or not (party.ent_type_ in NAMED_TYPES or party.pos_ in ("PROPN", "PRON")
                             or entity_for(gerund.doc, party) is not None or own_sector(party)):
        return None
    return party


def for_subject(verb: Token) -> Token | None:
    """The subject of a for-to infinitive: "the foundation for the United States to assist Israel", "it is time
    for the leaders of Iran to talk". The parser hangs "for X" wherever it likes, so the words decide: "for", a
    noun phrase that ends right before "to", then the verb."""
    to = verb.doc[verb.i - 1] if verb.i > 1 else None
    if to is None or to.lower_ != "to" or to.dep_ != "aux" or to.head.i != verb.i:
        return None
    last = verb.doc[to.i - 1]
    for node in (last, *last.ancestors):
        if node.pos_ in ("VERB", "AUX") or node.i > to.i:
            return None
        if node.dep_ == "pobj" and node.head.lower_ == "for" and node.right_edge.i == last.i:
            return node
    return None


def is_stative(verb: Token, by_stimulus: bool = False) -> bool:
    """ "is opposed to", "is committed to": a passive form with no "by" agent, or a participle the parser made
    the complement of "be". With ``by_stimulus`` a "by" phrase names what causes the state ("was heartened by the
    cooperation"), not an agent."""
    copular = verb.dep_ == "acomp" and verb.head.lemma_ == "be"
    return (is_passive(verb) or copular) and (by_stimulus or not prep_objects(verb, "by"))


def stative_subject(verb: Token) -> Token | None:
    if verb.dep_ == "acomp":
        return _child(verb.head, "nsubj", "nsubjpass")
    return _child(verb, "nsubjpass")


def stative_actors(doc: Doc, verb: Token, pattern: Pattern) -> tuple[list[str], list[str]]:
    """Source and target of a stative entry: the grammatical subject holds the state towards the object of the
    pattern's prepositions ("Israel is opposed to French mediation" -> Israel, France)."""
    sources = [e for t in (stative_subject(verb),) if t is not None for e in actors_of(doc, t)]
    slots = [w for w in pattern.target if w not in ("dobj", "dative")]
    found = next((objs for w in slots if (objs := prep_objects(verb, w))), [])
    return sources, [e for t in found for e in actors_of(doc, t) if e not in sources]


def _clause_subject(verb: Token) -> list[Token]:
    """Subject of a "that"-clause under a request verb: "demanded that Hamas renounce ..." -> Hamas; or of a
    for-to clause: "called for Iran to halt enrichment" -> Iran."""
    clause = _child(verb, "ccomp") or next((c for c in verb.children if for_clause(c)), None)
    subj = _child(clause, "nsubj", "nsubjpass") if clause is not None else None
    return [subj] if subj is not None else []


def verb_targets(verb: Token, pattern: Pattern) -> list[Token]:
    """Tokens naming whom ``verb`` is done to, trying the pattern's slots in order; a request verb (or one whose
    object does the embedded act) with no object asks it of, or does it for, the subject of its clause."""
    found = _slot_targets(verb, pattern)
    if not found and (pattern.governs == "requested" or pattern.control == "object"):
        found = _clause_subject(verb)  # "will help Indonesia rebuild Aceh": the parser makes Indonesia a subject
    return found


def _shared_object(verb: Token) -> Token | None:
    """The object of the next coordinated verb when ``verb`` has none and that verb no subject of its own:
    "shot and killed two youths" (the parser hangs the object on "killed")."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and _child(conj, *SUBJECTS, "nsubjpass") is None:
            return _child(conj, "dobj")
    return None


def _small_clause_subject(verb: Token) -> Token | None:
    """The object of a verb with an object predicate parsed as a clause ("found Anwar guilty": Anwar)."""
    clause = next((c for c in verb.children if small_clause(c)), None)
    return _child(clause, "nsubj") if clause is not None else None


def _slot_targets(verb: Token, pattern: Pattern) -> list[Token]:
    passive = is_passive(verb)
    obj = passive_subject(verb) if passive else _child(verb, "dobj", "oprd", "attr") or _shared_object(verb) \
        or _small_clause_subject(verb)
    for slot in pattern.target:
        if slot == "dobj" and obj is not None:
            return [obj]
        if slot == "dative":
            found = _child(verb, "dative", "iobj")
            if found is not None and found.pos_ != "ADP":
                return [found]
            if found is not None:
                return [c for c in found.children if c.dep_ == "pobj"]
        elif slot not in ("dobj", "dative"):
            # the parser may hang the phrase on the object, or on a second object it split off ("handed over a
            # genocide suspect to the tribunal": "genocide" and "suspect" both objects)
            held = [obj] if obj is not None else []
            held += [c for c in verb.children if c.dep_ == "dobj" and c not in held]
            found = _untimed(prep_objects(verb, slot)) or next(
                (f for o in held if (f := _untimed(prep_objects(o, slot)))), [])
            if found:
                return found
    return []


def _untimed(tokens: list[Token]) -> list[Token]:
    """A time phrase fills no target slot: "were lifted by Japan on Friday" is not done on Friday."""
    return [t for t in tokens if t.ent_type_ not in ("DATE", "TIME")]


def _npprep_objects(noun: Token, word: str, depth: int = 0) -> list[Token]:
    """Objects of ``word`` anywhere in a noun phrase's prepositional chain (the parser often attaches
    "with Zelenskyy" to "the White House" in "meeting at the White House with Zelenskyy")."""
    found = prep_objects(noun, word)
    if found or depth > 2:
        return found
    for prep in noun.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = _npprep_objects(obj, word, depth + 1)
                    if found:
                        return found
    return []


def noun_modifier_actors(doc: Doc, noun: Token) -> list[str]:
    """Entities in the possessor/demonym/compound modifiers of an event noun ("Israel-Hamas truce"). A single city
    before the noun is its venue ("the Budapest summit"); two cities are the two parties ("Moscow-Kyiv talks")."""
    ids, cities = [], []
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and child.i < noun.i:
            for token in (child, *[c for c in child.children if c.dep_ == "compound"]):
                found = entity_at(doc, token)
                if token.i in state(doc).token_place and not _acting_place(state(doc).entity(found)):
                    continue  # "the Gaza ceasefire": a place where, not an actor who
                city = child.dep_ == "compound" and (capital_country(token.text) or is_city(state(doc).entity(found)))
                group = cities if city else ids
                if found and found not in group:
                    group.append(found)
    if len(cities) >= 2 and not ids:
        ids = cities
    return sorted(ids, key=lambda e: _first_index(doc, noun, e))


def _acting_place(entity) -> bool:
    """A name the gazetteer also knows as a place that still acts when it modifies an event noun: a country or an
    organisation ("U.S. sanctions", "the EU sanctions"), unlike a city or region ("the Gaza ceasefire")."""
    return entity is not None and (is_country(entity) or entity.type == "ORG")


def is_country(entity) -> bool:
    """An entity that is a country (the actors component keys countries as "country:ISO")."""
    return (entity.knowledge_id or "").startswith("country:")


def is_city(entity) -> bool:
    """A place entity that is not a country: a city or region ("Budapest", "Kyiv")."""
    return entity is not None and entity.type == "GPE" and not is_country(entity)


def _first_index(doc: Doc, noun: Token, entity_id: str) -> int:
    return next((t.i for t in noun.subtree if entity_at(doc, t) == entity_id), noun.i)


def noun_slot(doc: Doc, noun: Token, words: tuple[str, ...]) -> list[str]:
    """Entities in the first of the prepositional phrases ``words`` under an event noun."""
    for word in words:
        ids = [e for t in _npprep_objects(noun, word) for e in actors_of(doc, t)]
        if ids:
            return ids
    return []


def noun_slot_tokens(noun: Token, word: str) -> list[Token]:
    """The objects of the prepositional phrase ``word`` under an event noun (before entity lookup)."""
    return _npprep_objects(noun, word)


def pronominal(token: Token) -> bool:
    """A pronoun or a noun owned by one ("it", "its forces", "their troops")."""
    return token.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def speaker_of_pronoun(doc: Doc, verb: Token, book: PatternBook) -> list[str]:
    """An unresolved subject pronoun of a reported clause is taken as the speaker: "Switzerland said today it had
    expelled ..." (used only when the actors component resolved the pronoun to nothing). Not inside the speaker's
    own direct quote, where "he" or "they" is someone else ("“He attacked my record,” Clinton said")."""
    if any(next(_direct_quotes_at(doc, s), None) is not None for s in verb_subjects(verb, book)
           if s.lower_ in THIRD_PERSON):
        return []
    t = verb
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj", "xcomp", "acomp") or t.head.i == t.i:
            return []
        t = t.head
        if t.lemma_.lower() in book.reporting:
            return [e for s in verb_subjects(t, book) for e in actors_of(doc, s)]
    return []


# nouns that only count or string out the events of their "of" phrase ("a campaign of civil disobedience", "a new
# round of talks", "a wave of strikes"): the event noun hangs from what governs them
SERIES_NOUNS = {*RUNS, *VOLLEYS, "campaign", "session"}
# nouns that only name a degree or a form of what follows: "put on a state of high alert", "raised to a level of
# readiness", "handed Estonia a note of protest", "a letter of protest", "an expression of regret"
DEGREE_NOUNS = {"state", "level", "condition", "note", "letter", "expression"}


def run_head(noun: Token, holders: frozenset[str] | set[str] = SERIES_NOUNS | DEGREE_NOUNS) -> Token:
    """The outermost noun of ``holders`` whose "of" phrase holds ``noun`` ("a new round of talks" -> round, "a
    barrage of criticism" -> barrage), or ``noun`` itself: where the event sits in the clause."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in holders \
            and noun.head.head.i != noun.i:
        noun = noun.head.head
    return noun


def governor_of(noun: Token) -> Token:
    """The word an event noun hangs from, through its preposition ("arrived on a visit" -> arrived), and through a
    noun that only counts it or strings it out ("held a new round of talks", "a series of meetings", "launched a
    campaign of civil disobedience" -> held, launched) or a degree or form of it ("put on a state of alert" -> put,
    "handed a note of protest" -> handed)."""
    held = run_head(noun)
    return held.head.head if held.dep_ == "pobj" else held.head


def governor_subject_tokens(noun: Token, book: PatternBook) -> list[Token]:
    """Subject tokens of the verb an event noun hangs from ("workers went on strike" -> workers)."""
    head = governor_of(noun)
    return verb_subjects(head, book) if head.pos_ in ("VERB", "AUX") else []


def governor_subject(doc: Doc, noun: Token, book: PatternBook) -> list[str]:
    """Source of an event noun taken from the verb it hangs from: "held talks", "During a speech, X said"."""
    head = governor_of(noun)
    subjects = [t for t in governor_subject_tokens(noun, book) if t.i != noun.i]  # "the meeting will go ahead"
    found = [e for t in subjects for e in actors_of(doc, t)]
    if not found and subjects and subjects[0].pos_ == "PRON":
        found = speaker_of_pronoun(doc, head, book)
    return found


def is_coded(doc: Doc, ref: str) -> bool:
    """An actor reference with a code (a group key always has one)."""
    return is_group(ref) or _coded(doc, ref)
