"""Places beyond cities and countries: subdivisions, counties, continents, regions and demonyms.

Sentences are our own; each case names what it checks.
"""
from __future__ import annotations

import pytest

from storyline.eval.geo import distance_km
from storyline.extract.state import state
from storyline.resolve import areas
from storyline.resolve.gazetteer import load_gazetteer
from storyline.resolve.geocode import resolve_names


def _near(entry, lat: float, lon: float, km: float = 161) -> bool:
    return entry.lat is not None and distance_km(entry.lat, entry.lon, lat, lon) <= km


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Ontario", "CAN", 50.0, -85.0),       # not Ontario, California (a city of 170,000)
    ("Bavaria", "DEU", 48.8, 11.5),
    ("Xinjiang", "CHN", 41.0, 85.0),
    ("KwaZulu-Natal", "ZAF", -28.5, 30.9),  # from the GeoNames-derived areas file
    ("Cambridgeshire", "GBR", 52.3, 0.05),  # a British county, same file
])
def test_subdivisions_outside_the_us_resolve(name, country, lat, lon):
    entry = resolve_names(load_gazetteer(), [(name, None)])[(name, None)]
    assert entry.country == country and entry.kind == "admin" and _near(entry, lat, lon), f"{name}: {entry}"


def test_england_is_the_part_not_the_whole_kingdom():
    entry = load_gazetteer().lookup("England")[0]
    assert (entry.kind, entry.country) == ("admin", "GBR") and _near(entry, 52.4, -1.5, 100), entry


def test_county_follows_the_documents_state():
    chosen = resolve_names(load_gazetteer(), [("Walker County", None), ("Georgia", None), ("LaFayette", "Ga.")])
    county = chosen[("Walker County", None)]
    assert county.admin1 == "GA" and _near(county, 34.74, -85.3, 60), f"Walker County in a Georgia story: {county}"


def test_largest_county_of_a_name_wins_without_context():
    county = resolve_names(load_gazetteer(), [("Orange County", None)])[("Orange County", None)]
    assert county.admin1 == "CA", f"'Orange County' alone: {county}"


def test_continents_use_geonames_points_and_the_eu_is_europe():
    gaz = load_gazetteer()
    europe, eu = gaz.lookup("Europe")[0], gaz.lookup("EU")[0]
    assert europe.ident == eu.ident and _near(europe, 48.69, 9.14, 10), f"Europe {europe}, EU {eu}"
    assert _near(gaz.lookup("Africa")[0], 7.19, 21.09, 10), gaz.lookup("Africa")[0]


def test_ocean_beats_a_small_town_in_a_us_story():
    chosen = resolve_names(load_gazetteer(), [("Atlantic", None), ("Boston", None), ("Maine", None)])
    assert chosen[("Atlantic", None)].kind == "region", f"the Atlantic next to Boston: {chosen}"


def test_malformed_regions_file_says_which_line(tmp_path, monkeypatch):
    (tmp_path / "admin_regions.tsv").write_text("# header\nOntario\tCAN\t50\t-85\n", encoding="utf-8")
    monkeypatch.setattr(areas, "data_path", lambda name: tmp_path / name)
    with pytest.raises(ValueError, match="line 2: expected 6"):
        list(areas._rows("admin_regions.tsv", 6))


def test_demonym_is_a_mention_of_its_country_but_not_a_location(nlp):
    doc = nlp.make_doc("Sudanese officials met the delegation in Nairobi on Monday.")
    keep = [n for n in nlp.pipe_names if not n.startswith("storyline_") or n == "storyline_places"]
    with nlp.select_pipes(enable=keep):
        doc = nlp(doc)
    sl = state(doc)
    sudan = next((p for p in sl.places if p.country == "SDN"), None)
    assert sudan is not None and sudan.kind == "country", f"'Sudanese' should name Sudan: {sl.places}"
    assert [m.kind for m in sudan.mentions] == ["demonym"] and sudan.mentions[0].text == "Sudanese", sudan
    assert 0 not in sl.token_place, "a demonym says who, not where: it must not be an event location"
    assert any(p.name == "Nairobi" for p in sl.places), f"Nairobi missed: {sl.places}"
