"""Choosing which place a toponym means: the gazetteer's candidates, scored against the document.

    score = prior(kind, population, rank)                  countries > states > cities by size
          + CONTEXT  if the candidate lies in a country the document mentions (weighted by how often)
          + STATE    if a US city or county lies in a state the document mentions
          + QUALIFY  if the text qualifies it ("Alexandria, La.", "Paris, Texas"); minus as much if it contradicts
          + CAPITAL  if it is a country's capital and the story's dateline names it

One sense per document: every mention of the same name gets the same place (``resolve_names``).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .codes import capital_country
from .gazetteer import Gazetteer, GazEntry, name_key

CONTEXT = 3.0
STATE = 2.0
QUALIFY = 10.0
PRIOR = {0: 10.0, 1: 9.0, 2: 6.5}  # supplement, country, state/continent; cities score by population
ALTERNATE_PENALTY = 1.5
CAPITAL = 2.0  # a dateline's national capital, above the context of one other country (see _capital)
REGION_BONUS = CONTEXT / 2  # a region of no one country (Atlantic, Caribbean) fits any document's context
KNOWN_WEIGHT = 0.5  # a demonym ("Israeli") says less about where the story is than a place name
# English-language news is mostly about these when nothing else is said (a weak prior, below any context)
HOME_COUNTRIES = {"USA": 0.8, "GBR": 0.5, "CAN": 0.3, "AUS": 0.3, "IND": 0.3}


@dataclass
class Context:
    """What the document says about where it is: countries and US states, with weights."""

    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)

    def add(self, entry: GazEntry, weight: float = 1.0) -> None:
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1 and entry.kind in ("admin", "city"):
            self.states[entry.admin1] += weight * (1.0 if entry.kind == "admin" else 0.3)


def prior(entry: GazEntry) -> float:
    if entry.rank in PRIOR:
        return PRIOR[entry.rank]
    score = math.log10(entry.population + 10)
    return score - ALTERNATE_PENALTY if entry.rank == 4 else score


def _qualifier_fit(entry: GazEntry, qualifier: GazEntry | None) -> float:
    if qualifier is None or entry.kind in ("country", "region"):
        return 0.0
    if qualifier.kind == "admin" and qualifier.admin1:
        return QUALIFY if entry.admin1 == qualifier.admin1 else -QUALIFY
    return QUALIFY if entry.country == qualifier.country else -QUALIFY


def score(entry: GazEntry, ctx: Context, qualifier: GazEntry | None = None, filed: bool = False) -> float:
    total = prior(entry) + _qualifier_fit(entry, qualifier) + (_capital(entry) if filed else 0.0)
    if entry.country is None and entry.kind == "region":
        total += REGION_BONUS
    elif entry.country and ctx.countries:
        share = ctx.countries[entry.country] / max(ctx.countries.values())
        total += CONTEXT * share
    elif entry.country in HOME_COUNTRIES:
        total += HOME_COUNTRIES[entry.country]
    if entry.kind != "country" and entry.admin1 and ctx.states:
        total += STATE * ctx.states[entry.admin1] / max(ctx.states.values())
    return total


def _capital(entry: GazEntry) -> float:
    """A story filed from a country's capital is filed from there, not from a small namesake in a country the story
    also names ("HAVANA (AP) -- ... the U.S. mission": Cuba's capital, not Havana, Illinois)."""
    return CAPITAL if entry.kind == "city" and entry.country and capital_country(entry.name) == entry.country else 0.0


def best(candidates: list[GazEntry], ctx: Context, qualifier: GazEntry | None = None,
         filed: bool = False) -> GazEntry | None:
    if not candidates:
        return None
    return max(candidates, key=lambda e: score(e, ctx, qualifier, filed))


def _confident(entry: GazEntry) -> float:
    """How much a context-free resolution should count as evidence of the document's countries."""
    if entry.rank <= 2:
        return 1.0
    return 0.5 if entry.population >= 100_000 else 0.2


def resolve_names(gaz: Gazetteer, names: list[tuple[str, str | None]], known: list[GazEntry] = (),
                  filed_from: str | None = None) -> dict[tuple[str, str | None], GazEntry]:
    """(name, qualifier text) pairs -> the chosen entry, in two passes: without context, then with it.
    ``known`` are places the document names without ambiguity (a demonym's country): context only.
    ``filed_from`` is the place name of the story's dateline, read as a capital when it is one."""
    qualifiers = {q: gaz.qualifier(q) for _, q in names if q}
    candidates = {key: gaz.lookup(key[0]) for key in dict.fromkeys(names)}
    evidence = {}
    for key, count in Counter(names).items():
        first = best(candidates[key], Context(), qualifiers.get(key[1]))
        if first is not None:
            evidence[key] = (first, _confident(first) * min(count, 3))
    chosen = {}
    for key, cands in candidates.items():
        ctx = Context()  # what the *other* names say: a name is no evidence for itself ("Georgia")
        for entry in known:
            ctx.add(entry, KNOWN_WEIGHT)
        for other, (entry, weight) in evidence.items():
            if name_key(other[0]) != name_key(key[0]):
                ctx.add(entry, weight)
        filed = filed_from is not None and name_key(key[0]) == name_key(filed_from)
        entry = best(cands, ctx, qualifiers.get(key[1]), filed)
        if entry is not None:
            chosen[key] = entry
    return _one_sense(chosen)


def _one_sense(chosen: dict) -> dict:
    """The same name always means the same place: an unqualified mention follows a qualified one."""
    by_name = {name_key(name): entry for (name, qual), entry in chosen.items() if qual}
    return {(name, qual): (entry if qual else by_name.get(name_key(name), entry))
            for (name, qual), entry in chosen.items()}
