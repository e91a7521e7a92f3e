"""Candidate actor mentions: the model's entities repaired, plus names the knowledge file knows.

Repairs, each a rule:
- a span is split at a possessive ("Israel's Knesset" -> Israel, Knesset; "Trump's 2024" -> Trump);
- a piece needs a name word (a capitalised alphabetic token): "’s" or "2024" alone is dropped, and a piece
  holding a web or e-mail address is no name;
- a name the knowledge file knows (aliases, countries, capitals) outranks the model's span, unless the model's
  span is a longer actor name containing it ("United States Air Force" keeps its span) or a person whose given
  names the known person never goes by ("Melania Trump" is not Donald Trump);
- a known person's bare surname belongs to the other person of that surname the text names in full, when the
  known person is never named in full nor with a title ("Wladimir Klitschko ... Klitschko" is not Vitali);
- the rest of a non-actor span around a known name stays a candidate ("Kyiv Tomahawk" -> Kyiv, Tomahawk), but
  never a bare determiner ("The" of "The White House");
- a proper noun compounding an artefact noun ("Tomahawk missiles") is a PRODUCT; so is an ORG span that is
  counted ("10 Hawks") or the lone object of a verb of supply ("deliver Marders");
- a title then a name is a PERSON whatever the model said ("Spokeswoman Sandy Angers");
- a PERSON right after an organisation noun is an ORG ("German magazine Der Spiegel", "airline Ryanair");
- leading titles and role words leave a PERSON span ("President Joe Biden" -> Joe Biden; roles.py reads them);
- demonyms ("Russian") are candidates of their country, and "Ukrainian forces" is a group actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resolve.codes import capital_country, country_code, demonym_country, place_names, sector_of
from ..resolve.knowledge import Actor, Knowledge
from .roles import ROLE_NOUNS

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT"}
POSSESSIVES = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "a", "an"}
ARTEFACTS = {"missile", "missiles", "jet", "jets", "aircraft", "plane", "planes", "tank", "tanks", "rocket",
             "rockets", "drone", "drones", "system", "systems", "rifle", "rifles", "launcher", "launchers",
             "phone", "phones", "helicopter", "helicopters", "fighter", "fighters", "airliner", "airliners"}
# Weapon systems the news names bare ("supply Tomahawks", "Storm Shadow strikes"); the model often tags them ORG,
# and as ORG they would become parties to events. Names in lower case, singular.
WEAPON_SYSTEMS = {"tomahawk", "atacms", "himars", "patriot", "storm shadow", "scalp", "taurus", "javelin", "stinger",
                  "nlaw", "leopard", "iskander", "kinzhal", "kalibr", "shahed", "geran", "oreshnik", "zircon",
                  "sarmat", "bayraktar", "iron dome", "s-400", "f-16", "f-35", "su-35", "mig-29", "gripen",
                  "hellfire", "harpoon"}  # not surnames or titles that share a name (Abrams, Bradley, The Lancet)
ORG_NOUNS = {"magazine", "newspaper", "paper", "airline", "carrier", "company", "firm", "agency", "group", "maker",
             "manufacturer", "bank", "broadcaster", "network", "channel", "website", "daily", "weekly", "party",
             "union", "club", "team", "university", "institute", "foundation", "ministry", "council", "brand"}
GROUP_SECTORS = {"forces", "troops", "army", "military", "soldiers", "navy", "government", "officials",
                 "authorities", "rebels", "militants", "police", "diplomats", "lawmakers", "opposition"}


@dataclass
class Cand:
    """A mention being resolved: token range [start, end), label and what is known about it."""

    start: int
    end: int
    label: str
    kind: str = "name"
    actor: Actor | None = None
    country: str | None = None
    sector: str | None = None
    capital: bool = False
    unlinked: bool = False  # never to be linked to the knowledge file (a namesake's surname)

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@dataclass
class Cluster:
    """One identity being built: its name mentions, label, knowledge and roles."""

    id: str
    label: str
    cands: list[Cand] = field(default_factory=list)
    actor: Actor | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    held_heads: set[str] = field(default_factory=set)  # role words of the knowledge position held on the date

    def has_role(self, role: str) -> bool:
        return role.lower() in {r.lower() for r in self.roles}

    def role_heads(self) -> set[str]:
        return {r.split()[-1].lower() for r in self.roles} | self.held_heads

    def first(self) -> int:
        return min(c.start for c in self.cands)

    def last_before(self, at: int) -> int:
        return max((c.start for c in self.cands if c.start < at), default=-1)


def name_word(token) -> bool:
    return any(c.isalpha() for c in token.text) and (token.text[0].isupper() or token.pos_ == "PROPN")


def _junk(token) -> bool:
    return token.text in POSSESSIVES or token.is_punct or not any(c.isalnum() for c in token.text)


def _cut_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and _junk(doc[start]):
        start += 1
    while end > start and _junk(doc[end - 1]):
        end -= 1
    return start, end


def split_possessive(doc: Doc, span: Span) -> list[tuple[int, int]]:
    """Token ranges of ``span`` cut at possessive markers, edges cleaned, pieces without a name word dropped."""
    pieces, start = [], span.start
    for token in span:
        if token.text in POSSESSIVES and (token.tag_ == "POS" or token.dep_ == "case" or token.text != "'"):
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, span.end))
    cleaned = [_cut_edges(doc, s, e) for s, e in pieces]
    return [(s, e) for s, e in cleaned if any(name_word(t) for t in doc[s:e]) and not _web_address(doc[s:e])]


def _web_address(tokens) -> bool:
    """A span holding a URL, a web path or an e-mail address names no actor ("Amazon.com" still does)."""
    return any(t.like_email or "://" in t.text or t.lower_.startswith("www.") or (t.like_url and "/" in t.text)
               for t in tokens)


@lru_cache(maxsize=4)
def _blank():
    return spacy.blank("en")


_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, dict[str, tuple]]] = {}


def _matcher(doc: Doc, kb: Knowledge) -> tuple[PhraseMatcher, dict[str, tuple]]:
    """Phrase matcher over the knowledge file's names, built once per vocabulary and knowledge base."""
    ident = (id(doc.vocab), id(kb))
    if ident not in _MATCHERS:
        matcher, info = PhraseMatcher(doc.vocab, attr="ORTH"), {}
        for n, (name, actor) in enumerate(kb.names()):
            words = [t.text for t in _blank().make_doc(name)]
            key = f"K{n}"
            matcher.add(key, [Doc(doc.vocab, words=words)])
            info[key] = (actor.type, actor)
        _MATCHERS[ident] = (matcher, info)
    return _MATCHERS[ident]


def known_spans(doc: Doc, kb: Knowledge) -> list[Cand]:
    """Names from the knowledge file and the country, capital and demonym tables, longest first."""
    matcher, info = _matcher(doc, kb)
    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    places = _place_matcher(doc)
    spans += [Span(doc, s, e, label="PLACE") for _, s, e in places(doc)]
    out = []
    for span in filter_spans(spans):
        if span.label_ == "PLACE":
            cand = place_cand(doc, span.start, span.end, "GPE")
            if cand.country and (cand.kind != "demonym" or doc[span.start].tag_ in {"JJ", "NNP", "NNPS"}):
                out.append(cand)
            continue
        label, actor = info[span.label_]
        out.append(Cand(span.start, span.end, label, actor=actor))
    return out


_PLACE_MATCHERS: dict[int, PhraseMatcher] = {}


def _place_matcher(doc: Doc) -> PhraseMatcher:
    """Phrase matcher over country names and aliases, capitals used as actors and demonyms (case as written)."""
    if id(doc.vocab) not in _PLACE_MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        words = [[t.text for t in _blank().make_doc(name)] for name in place_names()]
        matcher.add("PLACE", [Doc(doc.vocab, words=w) for w in words if w])
        _PLACE_MATCHERS[id(doc.vocab)] = matcher
    return _PLACE_MATCHERS[id(doc.vocab)]


def place_cand(doc: Doc, start: int, end: int, label: str) -> Cand:
    """A candidate whose text may be a country, a capital or a demonym."""
    text = doc[start:end].text
    if label in {"GPE", "LOC", "NORP", "ORG", "PERSON"} and (iso := country_code(text)):
        return Cand(start, end, "GPE", country=iso)
    if label in {"GPE", "LOC", "PERSON", "ORG", "FAC"} and (iso := capital_country(text)):
        return Cand(start, end, "GPE", country=iso, capital=True)
    if (iso := demonym_country(text)) and doc[end - 1].tag_ in {"JJ", "NNP", "NNPS"}:  # also "South Korean"
        return Cand(start, end, "NORP", kind="demonym", country=iso)
    return Cand(start, end, label)


def _residual(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> list[Cand]:
    out, run = [], []
    for i in range(start, end + 1):
        if i < end and i not in taken and name_word(doc[i]) and doc[i].lower_ not in DETERMINERS:
            run.append(i)
        elif run:
            out.append(_typed(doc, run[0], run[-1] + 1, label))
            run = []
    return [c for c in out if c.label in ACTOR_LABELS]


def _typed(doc: Doc, start: int, end: int, label: str) -> Cand:
    """A piece of a model span; a known weapon system, or a proper noun compounding an artefact noun, is a
    PRODUCT (the latter unless the model said ORG: makers, "Airbus jets")."""
    if _product(doc, start, end, label):
        return Cand(start, end, "PRODUCT")
    if label == "PERSON" and start > 0 and doc[start - 1].lower_ in ORG_NOUNS:  # "magazine Der Spiegel"
        return Cand(start, end, "ORG")
    if label != "PERSON" and end - start >= 3 and doc[start].lower_ in ROLE_NOUNS and doc[start].text[0].isupper():
        return trim_person(doc, Cand(start, end, "PERSON"))  # "Spokeswoman Sandy Angers"
    return place_cand(doc, start, end, label)


def _contains_longer(doc: Doc, s: int, e: int, label: str, inner: list[Cand]) -> bool:
    """The model's span is a longer actor name around known names ("United States Air Force"), or a person
    whose surname is a place name ("John Paris")."""
    if label not in ACTOR_LABELS or len(inner) != 1:
        return False
    k = inner[0]
    if label == "PERSON":
        return _surname_is_place(doc, s, e, k) or _namesake(doc, s, e, k)
    return (k.end - k.start) < (e - s) and (k.actor is None or label != k.actor.type or _named_around(doc, s, e, k))


def _named_around(doc: Doc, s: int, e: int, k: Cand) -> bool:
    """A one-word known name ("Congress", "Senate") ending a longer name of proper nouns ("African National
    Congress") or followed by its "of" phrase ("Congress of South African Trade Unions"): another organisation."""
    if k.end - k.start != 1:
        return False
    before = doc[s:k.start]
    ends = k.end == e and len(before) > 0 and all(t.pos_ == "PROPN" and t.ent_type_ != "GPE" for t in before)
    return ends or (k.end < e and doc[k.end].lower_ == "of")


def _surname_is_place(doc: Doc, s: int, e: int, k: Cand) -> bool:
    """A PERSON span ending in a place name, after given names that are plain proper nouns (no title, role,
    demonym or country): the place is the person's surname."""
    if k.end != e or k.start == s or (k.actor is not None and k.actor.type == "PERSON"):
        return False
    given = doc[s:k.start]
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() and not sector_of(t.text)
               and t.lower_ not in ROLE_NOUNS and not demonym_country(t.text) and not country_code(t.text)
               for t in given)


def _given_names(actor: Actor) -> set[str]:
    """Every word of the actor's name and aliases but the last (lower case): the names they go by."""
    return {w.lower() for name in (actor.name, *actor.aliases) for w in name.split()[:-1]}


def _namesake(doc: Doc, s: int, e: int, k: Cand) -> bool:
    """A PERSON span ending in a known person's one-word alias (a surname) after given names that person never
    uses: another person of the same surname ("Melania Trump", "Wladimir Klitschko")."""
    if k.actor is None or k.actor.type != "PERSON" or k.end != e or k.end - k.start != 1 or k.start == s:
        return False
    given = doc[s:k.start]
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() and t.lower_ not in ROLE_NOUNS
               for t in given) and not any(t.lower_ in _given_names(k.actor) for t in given)


def surnames_to_namesakes(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A bare surname the knowledge file links to a person goes to the namesake the text names in full instead,
    unless the known person is also named in full or after a title somewhere in the text."""
    namesakes = {doc[c.end - 1].lower_ for c in cands
                 if c.label == "PERSON" and c.actor is None and c.end - c.start >= 2}
    named = {c.actor.id for c in cands if c.actor is not None and
             (c.end - c.start >= 2 or (c.start > 0 and doc[c.start - 1].lower_ in ROLE_NOUNS))}
    for c in cands:
        if c.actor is not None and c.actor.type == "PERSON" and c.end - c.start == 1 \
                and doc[c.start].lower_ in namesakes and c.actor.id not in named:
            c.actor, c.unlinked = None, True
    return cands


def model_spans(doc: Doc, known: list[Cand]) -> tuple[list[Cand], set[int]]:
    """Candidates from the model's entities, reconciled with the known names; and the tokens they cover."""
    by_token = {i: k for k in known for i in range(k.start, k.end)}
    out: list[Cand] = []
    for ent in doc.ents:
        for s, e in split_possessive(doc, ent):
            inner = list({id(by_token[i]): by_token[i] for i in range(s, e) if i in by_token}.values())
            if not inner or _contains_longer(doc, s, e, ent.label_, inner):
                if ent.label_ in ACTOR_LABELS or _product(doc, s, e, ent.label_):
                    out.append(_typed(doc, s, e, ent.label_))
                continue
            taken = {i for k in inner for i in range(k.start, k.end)}
            out.extend(_residual(doc, s, e, ent.label_, taken))
    covered = {i for c in out for i in range(c.start, c.end)}
    return out, covered


def _product(doc: Doc, s: int, e: int, label: str) -> bool:
    return weapon_name(doc[s:e].text) or (label != "ORG" and _artefact(doc, s, e)) or _goods(doc, s, e, label)


# verbs whose lone object is the goods handed over ("send Marders", "deliver more Caesars"); not "sell", whose
# lone ORG object is as often a company sold ("sold Alitalia"): goods sold are found when counted ("sold 20 Hawks")
SUPPLY_VERBS = {"supply", "send", "deliver", "ship"}


def _goods(doc: Doc, s: int, e: int, label: str) -> bool:
    """A name the model tags ORG that is counted ("sending 20 Gepards") or is the lone object of a verb of supply
    ("will deliver more Marders", "send Caesars and Pantsirs"): weapon systems beyond WEAPON_SYSTEMS, the goods
    and not a party. A number after the name is part of it ("Flight 574"). A recipient is no lone object: "supply
    the army with X", "sent the envoy a letter"."""
    name = doc[s:e].root
    if label == "ORG" and any(c.dep_ == "nummod" and c.like_num and c.i < s for c in name.children):
        return True
    first = next((t for t in (name, *name.ancestors) if t.dep_ != "conj"), name)  # "Caesars and Pantsirs"
    verb = first.head
    recipient = any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "with") for c in verb.children)
    return label == "ORG" and first.dep_ == "dobj" and verb.lemma_.lower() in SUPPLY_VERBS and not recipient


def weapon_name(text: str) -> bool:
    """"Tomahawks", "the Storm Shadow", "F-16s": a weapon system's name, singular or plural."""
    name = text.lower().removeprefix("the ").strip()
    return name in WEAPON_SYSTEMS or name.removesuffix("s") in WEAPON_SYSTEMS


def _artefact(doc: Doc, s: int, e: int) -> bool:
    return doc[e - 1].dep_ == "compound" and doc[e - 1].head.lower_ in ARTEFACTS


def trim_person(doc: Doc, cand: Cand) -> Cand:
    """Leading titles, role words, determiners, places and demonyms leave a PERSON span."""
    start = cand.start
    while start < cand.end - 1:
        token = doc[start]
        if token.lower_ in DETERMINERS or not token.text[:1].isupper() or sector_of(token.text) \
                or demonym_country(token.text) or country_code(token.text) or token.text.endswith("."):
            start += 1
        else:
            break
    cand.start = start
    return cand


def demonym_cands(doc: Doc, taken: set[int]) -> list[Cand]:
    """Demonyms the model did not tag; a demonym before a group noun makes a group actor ("Ukrainian forces")."""
    out = []
    for token in doc:
        if token.i in taken or token.tag_ not in {"JJ", "NNP", "NNPS"}:
            continue
        iso = demonym_country(token.text)
        if iso:
            out.append(Cand(token.i, token.i + 1, "NORP", kind="demonym", country=iso))
    return out


def group_cand(doc: Doc, cand: Cand) -> Cand:
    """A demonym modifying a group noun becomes the group ("Ukrainian forces" -> UKR + MIL)."""
    head = doc[cand.start].head
    if cand.kind == "demonym" and head.i == cand.end and head.lower_ in GROUP_SECTORS:
        sector = sector_of(head.lower_)
        if sector:
            start, country = cand.start, cand.country
            before = doc[start - 1] if start > 0 else None
            if before is not None and (home := demonym_country(before.text)):
                start, country = start - 1, home  # "Bosnian Serb forces": Serbs of Bosnia, coded where they live
            return Cand(start, head.i + 1, "ORG", kind="name", country=country, sector=sector)
    return cand


def collect(doc: Doc, kb: Knowledge) -> list[Cand]:
    """All candidate mentions of ``doc``, in text order, none overlapping."""
    known = known_spans(doc, kb)
    model, covered = model_spans(doc, known)
    cands = model + [k for k in known if not any(i in covered for i in range(k.start, k.end))]
    cands = [trim_person(doc, c) if c.label == "PERSON" else c for c in cands]
    taken = {i for c in cands for i in range(c.start, c.end)}
    cands += demonym_cands(doc, taken)
    cands = [group_cand(doc, c) for c in cands]
    return surnames_to_namesakes(doc, _non_overlapping(cands))


def _non_overlapping(cands: list[Cand]) -> list[Cand]:
    out, taken = [], set()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(i in taken for i in range(c.start, c.end)):
            out.append(c)
            taken.update(range(c.start, c.end))
    return sorted(out, key=lambda c: c.start)
