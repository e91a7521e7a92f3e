"""Seed acceptance for places: every gold place geocoded within 50 km (countries by code)."""
from __future__ import annotations

import json

import pytest

from storyline.eval.geo import distance_km


def _gold_places(shared):
    return json.loads(shared("seed", "gold.json").read_text(encoding="utf-8"))["places"]


def test_seed_gold_places_geocoded(seed_doc, shared):
    problems = []
    for gold in _gold_places(shared):
        found = [p for p in seed_doc.places
                 if any(m.text.replace("the ", "") == gold["name"] or m.text == gold["name"] for m in p.mentions)]
        if not found:
            problems.append(f"{gold['name']}: not found among {[p.name for p in seed_doc.places]}")
            continue
        place = found[0]
        if gold["kind"] == "country":
            ok = place.country == gold["country"]
        else:
            ok = place.lat is not None and distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= 50
        if not ok:
            problems.append(f"{gold['name']}: expected {gold['country']} near ({gold['lat']}, {gold['lon']}), "
                            f"got {place.name} {place.country} ({place.lat}, {place.lon})")
    assert not problems, "seed places: " + "; ".join(problems)


@pytest.mark.parametrize("name", ["Kyiv", "Moscow"])
def test_seed_places_used_as_actors_are_listed(seed_doc, name):
    assert any(m.text == name for p in seed_doc.places for m in p.mentions), (
        f"seed: {name} (used as an actor) should still be listed as a place; places: "
        f"{[p.name for p in seed_doc.places]}")
