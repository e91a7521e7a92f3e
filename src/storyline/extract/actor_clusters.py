"""Grouping candidate mentions into identities (one Cluster per actor) and repairing their types.

Keys, first that applies (fuller names are placed first): the knowledge actor; the country (names, demonyms); the group (country + sector);
a fuller person name (surnames, unique first names and spelling variants join it, whatever the model's label;
a two-word or longer person name joins the one fuller name it ends ("Suu Kyi" -> "Aung San Suu Kyi"), while
a name it only starts is a relative's; a relative in a kinship phrase, "the daughter of X", never joins by name);
an organisation's acronym; else the folded name. A cluster's type: the knowledge file's, GPE for countries,
PERSON when any mention is a full PERSON name (one-word PERSON labels count only when no other label is
given), PRODUCT when a mention is an artefact name and ORG labels are no more,
else the majority of the model's labels (ties: ORG, GPE, PERSON, FAC, LOC, NORP, PRODUCT, EVENT).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..resolve.codes import alias_key, country_code, demonym_country, former_state, known_place
from ..resolve.identity import fullest, is_acronym_of, leading_part, name_key, person_match, trailing_part
from ..resolve.knowledge import Knowledge
from .actor_spans import DETERMINERS, Cand, Cluster
from .actor_recovery import ORG_SUFFIXES
from .roles import kin_object

LABEL_ORDER = ("ORG", "GPE", "PERSON", "FAC", "LOC", "NORP", "PRODUCT", "EVENT")


def surface(doc: Doc, cand: Cand) -> str:
    """The name as written, without a leading determiner ("the White House" -> "White House")."""
    tokens = list(cand.span(doc))
    if len(tokens) > 1 and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[-1].tag_ == "NNPS" and tokens[-1].text.endswith("s"):
        return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def _key(doc: Doc, cand: Cand, kb: Knowledge) -> str | None:
    text = surface(doc, cand)
    if cand.actor is None and cand.kind == "name" and not cand.country and not cand.unlinked:
        cand.actor = kb.lookup(text)
    if cand.actor is not None and cand.kind == "name" and _owned_elsewhere(doc, cand, cand.actor.country):
        cand.actor = None  # "Peru's Congress" is not the U.S. Congress its bare name stands for
    if cand.actor is not None:
        return f"kb:{cand.actor.id}"
    if cand.sector and cand.country:
        return f"group:{cand.country}{cand.sector}"
    if cand.country and not cand.capital:
        former = former_state(text)
        return f"country:{cand.country}:{alias_key(former).replace(' ', '-')}" if former else f"country:{cand.country}"
    if cand.label == "PERSON" and len(text.split()) >= 2:
        return f"person:{name_key(text)}"
    return None


def _owned_elsewhere(doc: Doc, cand: Cand, country: str | None) -> bool:
    """A name owned by another country's possessive or adjective ("Peru's Congress", "the Indian parliament"):
    the bare name's knowledge entry (the U.S. Congress) is not meant."""
    if not country:
        return False
    head = doc[cand.end - 1]
    owners = [c for c in head.children if c.i < cand.start]
    found = {country_code(c.text) if c.dep_ == "poss" else demonym_country(c.text) for c in owners
             if c.dep_ in ("poss", "amod", "compound")}  # a country's name only as a possessive: "Israel-Hamas"
    return bool(found - {None, country})


def _person_home(doc: Doc, cand: Cand, people: dict[str, Cluster]) -> str | None:
    """Cluster key of the person a one-word name belongs to (surname, or unique first name if PERSON)."""
    text = surface(doc, cand)
    if kin_object(doc, cand.start, cand.end):
        return None
    names = {key: person_names(doc, cl) for key, cl in people.items()}
    by_surname = [k for k, ns in names.items() if any(person_match(text, n) for n in ns)]
    if len(by_surname) == 1:
        return by_surname[0]
    if cand.label != "PERSON":
        return None
    by_first = [k for k, ns in names.items() if any(person_match(text, n, first_name_unique=True) for n in ns)]
    return by_first[0] if len(by_first) == 1 else None


def person_names(doc: Doc, cl: Cluster) -> list[str]:
    """The names a person cluster is written with, and its knowledge file name."""
    return [surface(doc, c) for c in cl.cands] + ([cl.actor.name] if cl.actor else [])


def _join_trailing_names(doc: Doc, clusters: dict[str, Cluster]) -> None:
    """A person written only with the last words of one other person's fuller name is that person ("Suu Kyi" ->
    "Aung San Suu Kyi"); a relative in a kinship phrase ("the daughter of ...") never joins by name."""
    people = {k: cl for k, cl in clusters.items() if _is_person(cl)}
    for key, cl in people.items():
        if not key.startswith("person:") or any(kin_object(doc, c.start, c.end) for c in cl.cands):
            continue
        names = {surface(doc, c) for c in cl.cands}
        homes = [k for k, other in people.items() if other is not cl and k in clusters and all(
            any(trailing_part(n, full) for full in person_names(doc, other)) for n in names)]
        if len(homes) == 1:
            clusters[homes[0]].cands.extend(clusters.pop(key).cands)


def leading_names(doc: Doc, clusters: dict[str, Cluster]) -> set[str]:
    """Ids of the unknown people written only with the first words of another person's fuller name ("Aung San"
    of "Aung San Suu Kyi"): a relative, who should not take that person's pronouns and roles."""
    people = [cl for cl in clusters.values() if cl.label == "PERSON"]
    return {cl.id for cl in people if cl.actor is None and any(
        other is not cl and all(any(leading_part(surface(doc, c), full) for full in person_names(doc, other))
                                for c in cl.cands) for other in people)}


def _org_home(doc: Doc, cand: Cand, clusters: dict[str, Cluster]) -> str | None:
    """An acronym of an organisation's name, or that name without its corporate words when only one
    organisation fits ("AirTran" -> "AirTran Airways"; "Boeing" is not "Boeing Commercial Airplanes")."""
    text = surface(doc, cand)
    if len(text.split()) == 1 and not cand.country and (cand.label == "ORG" or not known_place(text)):
        starts = [k for k, cl in clusters.items() if cl.label == "ORG" and any(
            _bare_org(n) == text for n in (surface(doc, c) for c in cl.cands))]
        if len(starts) == 1:
            return starts[0]
    for key, cl in clusters.items():
        if cl.label == "ORG" and any(is_acronym_of(text, surface(doc, c)) or is_acronym_of(surface(doc, c), text)
                                     for c in cl.cands):
            return key
    return None


def _bare_org(name: str) -> str | None:
    """The name without its trailing corporate words ("AirTran Airways" -> "AirTran"), None if nothing is cut."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in ORG_SUFFIXES:
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else None


def _plain_key(doc: Doc, cand: Cand, clusters: dict[str, Cluster]) -> str:
    """The folded name; a plural joins its singular ("Tomahawks" -> "Tomahawk")."""
    key = f"name:{name_key(surface(doc, cand))}"
    if key not in clusters and key.endswith("s") and key[:-1] in clusters:
        return key[:-1]
    return key


def build_clusters(doc: Doc, cands: list[Cand], kb: Knowledge) -> dict[str, Cluster]:
    """Clusters keyed by identity, in order of first mention."""
    clusters: dict[str, Cluster] = {}
    rest = []
    for cand in cands:
        key = _key(doc, cand, kb)
        if key is None:
            rest.append(cand)
        else:
            clusters.setdefault(key, Cluster(key, cand.label)).cands.append(cand)
    _join_trailing_names(doc, clusters)
    people = {k: cl for k, cl in clusters.items() if _is_person(cl)}
    for cand in sorted(rest, key=lambda c: -len(surface(doc, c).split())):  # fuller names first
        single = len(surface(doc, cand).split()) == 1
        key = (_person_home(doc, cand, people) if single and cand.label in {"PERSON", "ORG", "GPE", "NORP"}
               else None) or _org_home(doc, cand, clusters) or _plain_key(doc, cand, clusters)
        clusters.setdefault(key, Cluster(key, cand.label)).cands.append(cand)
    for cl in clusters.values():
        cl.cands.sort(key=lambda c: c.start)
        _settle(doc, cl)
    return dict(sorted(clusters.items(), key=lambda kv: kv[1].first()))


def _is_person(cl: Cluster) -> bool:
    if cl.actor is not None or any(c.actor for c in cl.cands):
        actor = cl.actor or next(c.actor for c in cl.cands if c.actor)
        return actor.type == "PERSON"
    return cl.id.startswith("person:")


def _settle(doc: Doc, cl: Cluster) -> None:
    """Fix the cluster's actor, country, sector and type from its mentions."""
    cl.actor = next((c.actor for c in cl.cands if c.actor), None)
    cl.country = next((c.country for c in cl.cands if c.country), None)
    cl.sector = next((c.sector for c in cl.cands if c.sector), None)
    cl.label = _label(doc, cl)


def _label(doc: Doc, cl: Cluster) -> str:
    if cl.actor is not None:
        return cl.actor.type
    if cl.id.startswith("country:") or (cl.country and any(c.capital for c in cl.cands)):
        return "GPE"
    if cl.id.startswith("group:"):
        return "ORG"
    if cl.id.startswith("person:"):
        return "PERSON"
    votes = Counter(c.label for c in cl.cands)
    if len(votes) > 1 and "PERSON" in votes:  # a one-word PERSON label is weak: no full name was seen
        del votes["PERSON"]
    if "PRODUCT" in votes and votes["ORG"] <= votes["PRODUCT"]:
        return "PRODUCT"
    return max(votes, key=lambda lab: (votes[lab], -LABEL_ORDER.index(lab) if lab in LABEL_ORDER else -99))


def cluster_name(doc: Doc, cl: Cluster, country_name) -> str:
    """Canonical name: the knowledge file's, else the fullest written name (demonyms only: the country)."""
    if cl.actor is not None:
        return cl.actor.name
    names = [surface(doc, c) for c in cl.cands if c.kind == "name" and not c.capital]
    if cl.id.startswith("country:") and not names:
        return country_name(cl.country)
    names = [n for n in names if not (n.endswith("s") and n[:-1] in names)] or names  # Tomahawks -> Tomahawk
    return fullest(names or [surface(doc, c) for c in cl.cands])
