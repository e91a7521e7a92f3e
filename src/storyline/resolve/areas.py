"""Subdivisions and regions for the gazetteer, from two data files (see their headers):

    data/admin_regions.tsv  hand-written: subdivisions outside the US and well-known regions (rank 2, like
                            US states: Ontario, Bavaria, Darfur, Siberia, Caribbean)
    data/admin_areas.tsv    derived from GeoNames: US and British counties, other countries' subdivisions
                            (rank 3, scored by the population of their towns like a city); a name the
                            gazetteer already knows at rank 2 or better keeps that sense only
"""
from __future__ import annotations

from .gazetteer import Gazetteer, GazEntry, data_path, name_key

# Subdivision names that are ordinary words in English prose ("Central", "Western"): never indexed alone
GENERIC = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "capital",
           "north west", "north east", "south west", "south east", "northwest", "northeast", "southwest",
           "southeast", "centre", "center", "coast", "lakes", "upper", "lower", "island", "islands", "city"}


def _rows(name: str, columns: int):
    for number, line in enumerate(data_path(name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != columns:
            raise ValueError(f"data/{name} line {number}: expected {columns} TAB-separated columns (see the "
                             f"file's header), got {len(cols)}: {line!r}")
        yield cols


def add_regions(gaz: Gazetteer) -> None:
    """data/admin_regions.tsv: name, aliases (|), country ISO3 or -, lat, lon, kind (admin | region).
    A part of a country that is also listed as the country's alias ("England" for the UK) is the part."""
    for name, aliases, country, lat, lon, kind in _rows("admin_regions.tsv", 6):
        entry = GazEntry(name, None if country == "-" else country, float(lat), float(lon), kind, 2,
                         ident=f"region:{name_key(name).replace(' ', '-')}")
        names = [name, *aliases.split("|")]
        whole = gaz.countries.get(country)
        for alias in names if whole is not None else ():
            gaz.drop(alias, whole.ident)
        gaz.add(names, entry)


def _known_better(gaz: Gazetteer, name: str) -> bool:
    return name_key(name) in GENERIC or any(e.rank <= 2 for e in gaz.lookup(name))


def add_areas(gaz: Gazetteer, us_state_codes: dict[str, str]) -> None:
    """data/admin_areas.tsv: country, admin1, admin2 (empty for a subdivision), lat, lon, population, towns."""
    for country, admin1, admin2, lat, lon, population, _towns in _rows("admin_areas.tsv", 7):
        name = admin2 or admin1
        if _known_better(gaz, name):
            continue
        state = us_state_codes.get(admin1) if country == "USA" else None
        entry = GazEntry(name, country, float(lat), float(lon), "admin", 3, int(population), admin1=state,
                         ident=f"area:{country}:{name_key(admin1)}:{name_key(admin2)}")
        gaz.add([name], entry)
