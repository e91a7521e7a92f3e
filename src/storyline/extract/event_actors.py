"""Actors of events that the actors component leaves without an entity: group nouns and places.

The actors component (``actors.entity_for``) gives entities for names, titles, demonyms and pronouns. Event
arguments are often generic groups ("opposition groups in Zimbabwe", "the Kurdish rebels") or places ("sent
troops to Bosnia", "rioted at a jail in northern Israel"); PLOVER and CAMEO code both by country + sector. This
module is the events-side fallback, used only when ``entity_for`` returns nothing for the token:

    named_actor(doc, token)   a name the actors component left uncoded: its country ("East Timor") or sector
                              ("the Security Council" -> IGO)
    located_group(doc, t, p)  a group noun with no country, coded by the country of the event's place p
    ethnic_group(doc, t, p)   an ethnic group ("ethnic Albanians in Macedonia"), coded by the country it lives in
    unknown_group(doc, t)     else by CAMEO's unknown country: "gunmen" -> "---REB" (the event is kept: an analyst
                              wants "unidentified gunmen attacked X" even when X is not named either)
    country_groups(doc, t)    one group per country of "warships from Chile and Argentina"
    group_actor(doc, token)   a country from a demonym/country modifier or an "in/of/from X" phrase, plus the
                              sector of the head noun (data/actor_sectors.yaml via resolve.codes.sector_of)
                              -> "group:ZWEOPP:opposition groups"
    place_actor(doc, token)   a token of a place used as a location -> "group:BIH:Bosnia" (its country)
    describe(ref, sl)         (entity id or None, name, code) for an actor reference

An actor reference inside the events code is a string: an entity id, or a group key "group:<code>:<words>".
In ``models.Event`` a group actor has ``source`` (``target``) None and its name and code in ``source_name`` and
``source_code`` (``target_name``, ``target_code``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..resolve.codes import (
    actor_code,
    country_code,
    demonym_country,
    place_country,
    sector_of,
)
from .event_patterns import pattern_book
from .roles import KINSHIP
from .state import Analysis, state

GROUP = "group:"
UNKNOWN_COUNTRY = "---"  # CAMEO's country block for an actor of unknown country
MODIFIERS = ("amod", "compound", "nmod", "poss")
LOCATIVE = ("in", "of", "from", "throughout", "across", "inside")
# Head nouns that are never actors even with a demonym ("the Russian language", "Israeli time")
NOT_ACTORS = {"language", "time", "border", "side", "territory", "soil", "city", "town", "village", "area",
              "region", "capital", "province", "state", "war", "conflict", "crisis", "issue", "question",
              # shares of a whole: "withdraw from the parts of the Donetsk region", "give up the rest of it"
              "part", "rest", "remainder", "portion", "half", "section", "swath", "stretch", "piece", "share"}


def is_group(ref: str | None) -> bool:
    return bool(ref) and ref.startswith(GROUP)


def _key(code: str, token: Token) -> str:
    counted = {t.i for c in token.lefts if c.dep_ == "nummod" for t in c.subtree  # "up to 100", not "Fortune 500"
               if t.like_num or t.pos_ in ("ADP", "ADV", "ADJ", "SYM", "PART") or t.dep_ == "quantmod"}
    words = [t for t in token.subtree if t.i <= token.i and t.i not in counted
             and t.dep_ not in ("det", "punct", "nummod")][-4:]
    start = words[0].i
    while start > token.left_edge.i and "-" in (token.doc[start].text, token.doc[start - 1].text):
        start -= 1  # a hyphenated word whole: "anti-Syrian", not "-Syrian"
    return f"{GROUP}{code}:{token.doc[start:token.i + 1].text}"  # as written: "Putin's troops", "Saudi-led"


def _entity_country(doc: Doc, token: Token) -> str | None:
    sl = state(doc)
    entity = sl.entity(sl.token_entity.get(token.i))
    code = entity.code or entity.country if entity else None
    return code[:3] if code else None


def _place_at(doc: Doc, token: Token):
    sl = state(doc)
    return sl.place(sl.token_place.get(token.i))


def _place_country(doc: Doc, token: Token) -> str | None:
    place = _place_at(doc, token)
    return place.country if place else None


GUESSED_CITY_POPULATION = 100_000  # a capitalised word no component tagged is a city only if a large one


def _word_country(doc: Doc, token: Token) -> str | None:
    named = token.text[:1].isupper()
    # inside a name, only the place of an "of X" phrase is one ("Bus Company of Tehran"; "Falun Gong" is no Falun)
    guess = named and (token.dep_ == "pobj" or not _in_uncoded_name(doc, token))
    return (_entity_country(doc, token) or _place_country(doc, token) or demonym_country(token.text)
            or (country_code(token.text) if named else None)
            or (place_country(token.text, GUESSED_CITY_POPULATION) if guess else None))


def _in_uncoded_name(doc: Doc, token: Token) -> bool:
    """A word inside a longer name the actors component found but could not code (an organisation's name)."""
    sl = state(doc)
    entity = sl.entity(sl.token_entity.get(token.i))
    return entity is not None and not (entity.code or entity.country) and len(entity.name.split()) > 1 \
        and entity.type not in ("GPE", "LOC")


# people named by whom they stand beside: "Moscow's allies" are not Russia, "Israel's militia ally in southern
# Lebanon" is Lebanese; the possessor names the other side of the relation, never the group's own country
RELATION_NOUNS = {"ally", "partner", "proxy", "enemy", "foe", "rival", "adversary", "neighbor", "counterpart",
                  "neighbour", "backer", "sponsor"}


def relation_noun(token: Token) -> bool:
    return token.lemma_.lower() in RELATION_NOUNS


def _modifier_country(doc: Doc, token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in MODIFIERS and child.i < token.i and not (child.dep_ == "poss" and relation_noun(token)):
            # the small model often hangs the demonym on a compound ("Belarussian riot police": Belarussian <- riot)
            inner = ("compound", "poss", "amod") if child.dep_ == "compound" else ("compound", "poss")
            # leftmost first: "Bosnian Serb forces" are Bosnia's, "Belarussian riot police" Belarus's
            for t in sorted((child, *[c for c in child.children if c.dep_ in inner]), key=lambda t: t.i):
                found = None if _stance(doc, t) else _leader_country(doc, t) or _word_country(doc, t)
                if found:
                    return found
    return None


def _leader_country(doc: Doc, token: Token) -> str | None:
    """The country (or international body) that leads a force: "NATO-led troops" -> IGO, "Saudi-led coalition"
    -> SAU; a force led by someone is coded by its leader."""
    if token.lower_.endswith("-led") and len(token.text) > 4:  # "U.S.-led" as one token
        prefix = token.text[:-4]
        return country_code(prefix) or demonym_country(prefix)
    if token.lower_ != "led" or token.i < 2 or doc[token.i - 1].text != "-":
        return None
    return _word_country(doc, doc[token.i - 2])


def _stance(doc: Doc, token: Token) -> bool:
    """A country word inside an attitude ("an anti-Syrian lawmaker", "pro-Russian separatists"): no country of the
    group's own."""
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")


def _phrase_objects(token: Token, preps: tuple[str, ...] = LOCATIVE):
    """The objects of the token's "in/of/from X" phrases, in order."""
    return (obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj")


def _phrase_country(doc: Doc, token: Token, preps: tuple[str, ...] = LOCATIVE) -> str | None:
    """The country of an "in/of/from X" phrase: "opposition groups in Zimbabwe", "students throughout Indonesia"."""
    return next((c for obj in _phrase_objects(token, preps) for t in obj.subtree if (c := _word_country(doc, t))),
                None)


ATTACHING = (*LOCATIVE, "with", "to")


def _attached_country(doc: Doc, token: Token) -> str | None:
    """The country of a participle phrase on the group: "workers affiliated with the Serbian union", "militias
    loyal to Tehran", "rebels based in Sudan"."""
    return next(filter(None, (_phrase_country(doc, c, ATTACHING) for c in token.children
                              if c.i > token.i and (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                                                    or c.dep_ == "amod" and c.pos_ == "ADJ"))), None)


def own_sector(token: Token) -> str | None:
    """The sector the noun itself names ("police" -> COP), read with the compound before it when the two name one
    office ("attorney general" -> JUD, not a general; "defence minister" -> MIL)."""
    if token.lemma_.lower() == "position" and any(c.dep_ == "prep" and c.lower_ in STANCE_PREPS
                                                  for c in token.children):
        return None  # "his positions on trade" are views, not troops
    compound = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1), None)
    joined = sector_of(f"{compound.lower_} {token.lower_}") if compound is not None else None
    return joined or word_sector(token)


def word_sector(token: Token) -> str | None:
    """The sector the word alone names, by its lemma or its form ("police" -> COP, "positions" -> MIL)."""
    return sector_of(token.lemma_) or sector_of(token.lower_)


STANCE_PREPS = ("on", "about", "regarding", "toward", "towards")


def _modifier_sector(token: Token) -> str | None:
    """The sector of the nearest modifier before the noun ("army commanders" -> MIL), read with the word before
    it when the two name one office ("Attorney General Janet Reno" -> JUD, not a general)."""
    mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    return next((s for c in reversed(mods) if (s := _pair_sector(c) or sector_of(c.lower_))), None)


def _pair_sector(word: Token) -> str | None:
    """The sector of a modifier read with the word just before it, a sibling or its own child."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    joined = before is not None and before.dep_ in ("compound", "amod") and before.head.i in (word.i, word.head.i)
    return sector_of(f"{before.lower_} {word.lower_}") if joined else None


def _sector(token: Token) -> str | None:
    """The noun's own sector, else its modifier's."""
    return own_sector(token) or _modifier_sector(token)


# common nouns that name people with no sector of their own ("Iraqi people", "Moscow's allies")
PEOPLE_WORDS = {"people", "population", "public", "community", "delegation", "ally", "nation", "country", "relative",
                "neighbor", "neighbour", "counterpart", "team", "camp", "citizen", "national", "resident", "family",
                "crowd", "mob", "group", "faction", "tribe", "clan", "minority", "majority", "member", "kurd",
                "representative", "partner", "friend", "enemy", "foe", "rival", "adversary", "supporter",
                "opponent", "victim", "hostage", "prisoner", "detainee", "refugee", "migrant", "worker", "youth",
                "coalition"}
AGENT_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ites")


def _people_word(token: Token) -> bool:
    """A word that can name people: a proper noun, one of PEOPLE_WORDS, or a plural agent noun ("bankers",
    "demonstrators"). "Tension with Russia" or "the strategic importance of a nation" name no one."""
    lemma = token.lemma_.lower()
    return (token.pos_ == "PROPN" or lemma in PEOPLE_WORDS or lemma in RELATION_NOUNS or lemma in KINSHIP
            or (token.tag_ == "NNS" and token.lower_.endswith(AGENT_SUFFIXES)))


def group_actor(doc: Doc, token: Token) -> str | None:
    """A group key for a common noun naming a group of a country ("Palestinian militants"), else None. An event
    noun with no sector word is no group ("the ceasefire in Gaza would help": a truce, not Palestinians)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in NOT_ACTORS:
        return None
    own = own_sector(token)
    if not own and (pattern_book().for_noun(token) is not None or not _people_word(token)):
        return None  # "tension in Argentina", "alliance policy": no people, whatever the modifier
    sector = own or _modifier_sector(token)
    if token.lemma_.lower() in MISSIONS:
        country = _modifier_country(doc, token) or _mission_told_before(doc, token)
    else:
        country = _modifier_country(doc, token) or _phrase_country(doc, token) or _attached_country(doc, token)
    code = actor_code(country, sector) or (UNKNOWN_COUNTRY if relation_noun(token) else None)
    return _key(code, token) if code else None  # "Moscow's allies": someone of no country the text gives


# a state's missions abroad: "the embassy in Tanzania" is another state's, never Tanzania's
MISSIONS = {"embassy", "consulate"}
MISSION_HEADS = ("ambassador", "consul")  # "U.S. Ambassador Bushnell ... the embassy": the ambassador's state's


def _mission_told_before(doc: Doc, token: Token) -> str | None:
    """"A bomb went off at the embassy in Tanzania" after "the U.S. embassies in Kenya and Tanzania": the country
    of the latest mission of that kind (or head of mission) named with its state, else None (the host's is never
    it)."""
    lemma = token.lemma_.lower()
    return next((found for t in reversed(doc[:token.i]) if t.lemma_.lower() in (lemma, *MISSION_HEADS)
                 and (found := _modifier_country(doc, t))), None)


def country_groups(doc: Doc, token: Token) -> list[str]:
    """One group per country of a coordinated "from/of/in X and Y" phrase on a people noun ("warships from Chile
    and Argentina", "troops of Russia and Belarus"); empty unless it names two countries or more."""
    if token.pos_ not in ("NOUN", "PROPN") or not (own_sector(token) or _people_word(token)):
        return []
    for obj in _phrase_objects(token):
        if obj.conjuncts:
            countries = [_word_country(doc, t) for t in (obj, *obj.conjuncts)]
            if all(countries) and len(set(countries)) > 1:
                return [_key(actor_code(c, _sector(token)) or c, token) for c in dict.fromkeys(countries)]
    return []


def located_group(doc: Doc, token: Token, place_id: str | None) -> str | None:
    """A group noun with no country of its own ("police", "protesters", "gunmen") coded by the country where
    the event happens ("police fired on protesters in Yangon" -> MMR police), PLOVER's convention."""
    sector = _sector(token) if token.pos_ in ("NOUN", "PROPN") else None
    if not sector or not place_id or token.lemma_.lower() in NOT_ACTORS:
        return None
    place = state(doc).place(place_id)
    code = actor_code(place.country if place else None, sector)
    return _key(code, token) if code and place and place.country else None


ETHNIC = ("ethnic", "ethnically")


def ethnic_group(doc: Doc, token: Token, place_id: str | None) -> str | None:
    """An ethnic group ("ethnic Albanians", "ethnic Serb rebels") is coded, as CAMEO codes it, by the country it
    lives in: an "in X" phrase on it, else the country of the event's place ("ethnic Albanians demonstrated in
    Serbia" -> SRB), not by its demonym's state. None when the text says neither, or the noun is no ethnic group."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(t.lower_ in ETHNIC for t in token.lefts for t in t.subtree):
        return None
    # "ethnic Serbs in Croatia", "ethnic Albanian guerrillas operating in Macedonia"
    country = next(filter(None, (_phrase_country(doc, t) for t in (token, *(c for c in token.children
                                                                          if c.dep_ == "acl")))), None)
    if not country and place_id:
        place = state(doc).place(place_id)
        country = place.country if place else None
    return _key(actor_code(country, _sector(token) or "CVL"), token) if country else None


def unknown_group(doc: Doc, token: Token) -> str | None:
    """A group noun whose country the text does not give ("unidentified gunmen", "militants"), coded with
    CAMEO's unknown-country block: "group:---REB:gunmen"."""
    sector = _sector(token) if token.pos_ in ("NOUN", "PROPN") else None
    if not sector or token.lemma_.lower() in NOT_ACTORS:
        return None
    return _key(f"{UNKNOWN_COUNTRY}{sector}", token)


def named_actor(doc: Doc, token: Token) -> str | None:
    """A group key for a name the actors component found but could not code: a place name used as an actor
    ("East Timor") by its country, an organisation by the sector its name names ("the Security Council" -> IGO)."""
    sl = state(doc)
    entity = sl.entity(sl.token_entity.get(token.i))
    if entity is not None and entity.type == "PERSON" and not entity.knowledge_id and not entity.roles:
        place = _place_at(doc, token)  # a place the model took for a person ("pounded Grozny"; not "Bush", Būsh)
        if place is not None and place.country and place.name == entity.name:
            return f"{GROUP}{place.country}:{entity.name}"
    if entity is None or entity.type == "PERSON":  # a person's name is never looked up as a place ("Bush")
        return None
    country = country_code(entity.name) or place_country(entity.name)
    code = actor_code(country, sector_of(entity.name))
    return f"{GROUP}{code}:{entity.name}" if code else None


def place_actor(doc: Doc, token: Token) -> str | None:
    """A group key for a place used as a location, coded by its country ("to Bosnia" -> BIH)."""
    country = _place_country(doc, token)
    return f"{GROUP}{country}:{token.text}" if country else None


def describe(ref: str | None, sl: Analysis) -> tuple[str | None, str | None, str | None]:
    """(entity id, name, code) of an actor reference; a group has no entity id."""
    if not ref:
        return None, None, None
    if is_group(ref):
        code, _, name = ref[len(GROUP):].partition(":")
        return None, name, code
    entity = sl.entity(ref)
    return ref, entity.name if entity else None, entity.code if entity else None
