"""Consistency checks for the hand-written knowledge files in src/storyline/data.

actors.yaml, demonyms.yaml and places_supplement.yaml are edited by hand; these
tests catch typos (bad country codes, reversed term dates, duplicate ids) and
alias clashes before the resolvers see them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parents[1] / "src/storyline/data"

EXTRA_COUNTRY_CODES = {"PSE", "XKX"}
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PTY", "OPP", "ELI", "BUS", "MED",
    "NGO", "IGO", "REB", "INS", "SEP", "CRM", "CVL", "LAB", "REL", "HRI", "HLH",
    "EDU", "REF", "DEV", "ENV", "AGR",
}
GENDERS = {"male", "female", None}
PLACE_KINDS = {"region", "territory", "facility", "city", "admin", "country"}
POSITION_KEYS = {"role", "country", "sector", "start", "end", "org", "note"}
ACTOR_KEYS = {
    "id", "name", "type", "gender", "aliases", "country", "sector", "default_sector",
    "code", "positions", "note",
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3}){0,2}$")


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _iso3_codes() -> set[str] | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return None
    return {c.alpha_3 for c in pycountry.countries}


ISO3 = _iso3_codes()


def _valid_country(code) -> bool:
    if code is None:
        return True
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        return False
    if code in EXTRA_COUNTRY_CODES:
        return True
    return ISO3 is None or code in ISO3


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def actors_doc() -> dict:
    return _load("actors.yaml")


@pytest.fixture(scope="module")
def actors(actors_doc) -> list[dict]:
    return actors_doc["actors"]


@pytest.fixture(scope="module")
def by_id(actors) -> dict[str, dict]:
    return {a["id"]: a for a in actors}


# ------------------------------------------------------------------ actors.yaml


def test_actors_header(actors_doc):
    assert actors_doc["version"] == 1
    assert isinstance(actors_doc["actors"], list) and len(actors_doc["actors"]) > 100


def test_every_actor_has_id_name_type(actors):
    for a in actors:
        assert set(a) <= ACTOR_KEYS, (a.get("id"), set(a) - ACTOR_KEYS)
        assert isinstance(a.get("id"), str) and ID_RE.match(a["id"]), a
        assert isinstance(a.get("name"), str) and a["name"].strip(), a
        assert a.get("type") in ACTOR_TYPES, a


def test_actor_ids_unique(actors):
    seen: set[str] = set()
    dupes = [a["id"] for a in actors if a["id"] in seen or seen.add(a["id"])]
    assert not dupes


def test_actor_aliases_are_strings(actors):
    for a in actors:
        aliases = a.get("aliases", [])
        assert isinstance(aliases, list), a["id"]
        for alias in aliases:
            assert isinstance(alias, str) and alias.strip(), (a["id"], alias)
        assert len(set(aliases)) == len(aliases), a["id"]


def test_actor_countries_valid(actors):
    for a in actors:
        assert _valid_country(a.get("country")), (a["id"], a.get("country"))
        for p in a.get("positions") or []:
            assert _valid_country(p.get("country")), (a["id"], p)


def test_actor_sectors_valid(actors):
    for a in actors:
        for key in ("sector", "default_sector"):
            if a.get(key) is not None:
                assert a[key] in SECTORS, (a["id"], key, a[key])
        for p in a.get("positions") or []:
            assert p.get("sector") in SECTORS, (a["id"], p)


def test_org_records(actors):
    for a in actors:
        if a["type"] != "ORG":
            continue
        assert "country" in a, a["id"]
        assert a.get("sector") in SECTORS, a["id"]
        if a["sector"] == "IGO":
            assert a.get("code", "").startswith("IGO"), a["id"]
        if a.get("code") is not None:
            assert CODE_RE.match(a["code"]), (a["id"], a["code"])
        assert "positions" not in a, a["id"]


def test_person_records(actors, by_id):
    for a in actors:
        if a["type"] != "PERSON":
            continue
        assert a.get("gender", None) in GENDERS, a["id"]
        assert "sector" not in a and "code" not in a, a["id"]
        positions = a.get("positions")
        assert isinstance(positions, list), a["id"]
        for p in positions:
            assert set(p) <= POSITION_KEYS, (a["id"], set(p) - POSITION_KEYS)
            assert isinstance(p.get("role"), str) and p["role"], (a["id"], p)
            assert "country" in p and "start" in p and "end" in p, (a["id"], p)
            if p.get("org") is not None:
                assert p["org"] in by_id and by_id[p["org"]]["type"] == "ORG", (a["id"], p)


def test_term_dates_parse_and_are_ordered(actors):
    for a in actors:
        for p in a.get("positions") or []:
            start, end = _as_date(p.get("start")), _as_date(p.get("end"))
            if start and end:
                assert start < end, (a["id"], p)
            for d in (start, end):
                if d is not None:
                    assert dt.date(1900, 1, 1) < d < dt.date(2030, 1, 1), (a["id"], p)


def test_person_alias_collisions_are_declared(actors_doc, actors):
    allowed = {
        alias.casefold(): set(ids) for alias, ids in (actors_doc.get("ambiguous_aliases") or {}).items()
    }
    owners: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        if a["type"] != "PERSON":
            continue
        for form in [a["name"], *a.get("aliases", [])]:
            owners[form.casefold()].add(a["id"])
    undeclared = {
        form: ids for form, ids in owners.items()
        if len(ids) > 1 and not ids <= allowed.get(form, set())
    }
    assert not undeclared, undeclared


def test_ambiguous_alias_ids_exist(actors_doc, by_id):
    for alias, ids in (actors_doc.get("ambiguous_aliases") or {}).items():
        assert len(ids) >= 2, alias
        for i in ids:
            assert i in by_id, (alias, i)


def _gov_positions(actor: dict, country: str) -> list[dict]:
    return [p for p in actor["positions"] if p["country"] == country and p["sector"] == "GOV"]


def test_biden_presidency_ends_2025_01_20(by_id):
    pres = [p for p in _gov_positions(by_id["joe-biden"], "USA") if p["role"] == "President"]
    assert len(pres) == 1
    assert _as_date(pres[0]["end"]) == dt.date(2025, 1, 20)
    assert _as_date(pres[0]["start"]) == dt.date(2021, 1, 20)
    # No Biden USA GOV position runs past the handover.
    for p in _gov_positions(by_id["joe-biden"], "USA"):
        assert p["end"] is not None and _as_date(p["end"]) <= dt.date(2025, 1, 20)


def test_trump_current_term_starts_2025_01_20(by_id):
    trump = by_id["donald-trump"]
    current = [p for p in _gov_positions(trump, "USA") if p["end"] is None]
    assert len(current) == 1
    assert current[0]["role"] == "President"
    assert _as_date(current[0]["start"]) == dt.date(2025, 1, 20)
    first = [p for p in _gov_positions(trump, "USA") if p["end"] is not None]
    assert [(_as_date(p["start"]), _as_date(p["end"])) for p in first] == [
        (dt.date(2017, 1, 20), dt.date(2021, 1, 20))
    ]
    assert trump.get("default_sector") in SECTORS - {"GOV"}


def test_rubio_holds_both_posts(by_id):
    roles = {p["role"] for p in by_id["marco-rubio"]["positions"] if p["end"] is None}
    assert {"Secretary of State", "National Security Adviser"} <= roles


def test_key_actors_present(by_id):
    for i in [
        "volodymyr-zelenskyy", "vladimir-putin", "benjamin-netanyahu", "steve-witkoff",
        "keith-kellogg", "kirill-dmitriev", "dmitry-medvedev", "united-nations", "nato",
        "european-union", "hamas", "hezbollah", "houthis", "islamic-state", "kremlin",
        "white-house", "pentagon", "idf", "reuters",
    ]:
        assert i in by_id, i
    zel = by_id["volodymyr-zelenskyy"]["aliases"]
    for form in ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyi"]:
        assert form in zel or by_id["volodymyr-zelenskyy"]["name"].endswith(form)


# ------------------------------------------------------------------ demonyms.yaml


@pytest.fixture(scope="module")
def demonyms_doc() -> dict:
    return _load("demonyms.yaml")


def _igo_codes(actors) -> set[str]:
    return {a["code"] for a in actors if a.get("code", "") and a["code"].startswith("IGO")}


def test_demonym_tables_valid(demonyms_doc, actors):
    igo = _igo_codes(actors)
    for table in ("demonyms", "country_aliases"):
        entries = demonyms_doc[table]
        assert isinstance(entries, dict) and entries, table
        for key, code in entries.items():
            assert isinstance(key, str) and key.strip(), (table, key)
            assert code is not None and _valid_country(code), (table, key, code)
    for key, code in demonyms_doc["capitals_as_actors"].items():
        assert _valid_country(code) or code in igo, (key, code)
    for key, code in demonyms_doc.get("regional_demonyms", {}).items():
        assert code in igo, (key, code)


def test_demonym_coverage(demonyms_doc):
    d = demonyms_doc["demonyms"]
    assert len(set(d.values())) >= 120
    expected = {
        "American": "USA", "U.S.": "USA", "US": "USA", "Russian": "RUS", "Russians": "RUS",
        "Ukrainian": "UKR", "Israeli": "ISR", "Palestinian": "PSE", "British": "GBR", "UK": "GBR",
    }
    for k, v in expected.items():
        assert d[k] == v, k
    caps = demonyms_doc["capitals_as_actors"]
    assert len(caps) >= 60
    for k, v in {"Moscow": "RUS", "Kyiv": "UKR", "Kiev": "UKR", "Washington": "USA",
                 "Beijing": "CHN", "Jerusalem": "ISR", "Brussels": "IGOEEC"}.items():
        assert caps[k] == v, k
    aliases = demonyms_doc["country_aliases"]
    for k, v in {"Russia": "RUS", "Iran": "IRN", "South Korea": "KOR", "North Korea": "PRK",
                 "Taiwan": "TWN", "Kosovo": "XKX", "Gaza": "PSE", "Türkiye": "TUR",
                 "Ivory Coast": "CIV", "Britain": "GBR", "the US": "USA"}.items():
        assert aliases[k] == v, k


# ------------------------------------------------------------------ places_supplement.yaml


@pytest.fixture(scope="module")
def places() -> list[dict]:
    return _load("places_supplement.yaml")["places"]


def test_places_valid(places):
    assert len(places) > 50
    names = set()
    for p in places:
        assert isinstance(p.get("name"), str) and p["name"], p
        assert p["name"] not in names, p["name"]
        names.add(p["name"])
        assert p.get("kind") in PLACE_KINDS, p
        assert isinstance(p.get("aliases"), list), p
        assert all(isinstance(a, str) and a for a in p["aliases"]), p
        assert _valid_country(p.get("country")), p
        lat, lon = p.get("lat"), p.get("lon")
        assert isinstance(lat, (int, float)) and -90 <= lat <= 90, p
        assert isinstance(lon, (int, float)) and -180 <= lon <= 180, p


def test_place_aliases_unambiguous(places):
    owners: dict[str, set[str]] = defaultdict(set)
    for p in places:
        for form in [p["name"], *p["aliases"]]:
            owners[form].add(p["name"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_known_places(places):
    by_name = {p["name"]: p for p in places}
    kyiv = by_name["Kyiv"]
    assert kyiv["country"] == "UKR" and "Kiev" in kyiv["aliases"]
    assert abs(kyiv["lat"] - 50.4501) < 0.01 and abs(kyiv["lon"] - 30.5234) < 0.01
    wh = by_name["White House"]
    assert abs(wh["lat"] - 38.8977) < 0.01 and abs(wh["lon"] + 77.0365) < 0.01
    gaza = by_name["Gaza Strip"]
    assert gaza["kind"] == "territory" and gaza["country"] == "PSE" and "Gaza" in gaza["aliases"]
    assert by_name["Alaska"]["kind"] == "admin" and by_name["Alaska"]["country"] == "USA"
