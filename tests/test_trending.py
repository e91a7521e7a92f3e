"""Trending: a story and an actor that burst in the last window score above ones at their usual volume."""
from __future__ import annotations

from datetime import datetime

import pytest

from storyline.stories import online, service
from storyline.stories.trending import burst
from storyline.store import Store
from stories_helpers import doc, entity


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'trend.db'}") as s:
        yield s


def _save(store, d):
    store.save_document(d)
    online.place(store, d)


def _steady(n: int, day: int):
    return doc(f"steady{n}", f"Parliament budget debate continues day {day}",
               f"Lawmakers in parliament debated the budget bill and tax changes again on day {day}, the speaker "
               f"said, with the final budget vote expected later this month.", f"2025-10-{day:02d}",
               entities=[entity("Anna Speaker")])


def _burst(n: int):
    return doc(f"quake{n}", "Earthquake strikes coastal city",
               f"A strong earthquake struck the coastal city of Portvale, damaging buildings; rescue teams and "
               f"emergency crews searched the rubble, report {n} said.", "2025-10-20",
               entities=[entity("Rescue Service", "ORG")])


def test_burst_story_and_actor_rank_first_with_an_explanation(store):
    for day in range(12, 21):
        _save(store, _steady(day, day))
    for n in range(4):
        _save(store, _burst(n))
    result = service.trending(store, window_hours=24)
    assert result["now"] == "2025-10-20T00:00:00"
    top = result["stories"][0]
    assert top["title"] == "Earthquake strikes coastal city", result["stories"]
    assert (top["now"], top["before"]) == (4, 0)
    assert "4 articles in the last 24 h" in top["why"]
    steady = next(s for s in result["stories"] if s["title"] and "budget" in s["title"])
    assert steady["score"] < top["score"] and steady["before"] >= 5, steady
    assert result["actors"][0]["name"] == "Rescue Service"


def test_explicit_now_moves_the_window(store):
    for n in range(3):
        _save(store, _burst(n))
    later = service.trending(store, now=datetime(2025, 10, 25), window_hours=24)
    assert later["stories"] == [], "nothing was published in the 24 h before 25 October"


def test_burst_score_is_zero_at_baseline_and_grows_with_volume():
    assert burst(1, 7, 7) == 0
    assert burst(5, 7, 7) > burst(2, 7, 7) > 0


def test_empty_store_has_nothing_to_trend(store):
    assert service.trending(store)["stories"] == []


def test_actors_are_identities_with_names_and_a_dateline_city_is_not_one(store):
    for n in range(3):
        spelling = "ROSNEFT" if n else "Rosneft"
        _save(store, doc(f"oil{n}", "Oil major sanctioned", f"WASHINGTON — Sanctions hit {spelling}, report {n}.",
                         "2025-10-22", entities=[entity(spelling, "ORG"), entity("WASHINGTON", "GPE", "USA"),
                                                 entity("Russia", "GPE", "RUS", "RUS", "country:RUS")]))
    actors = {a["key"]: a for a in service.trending(store, window_hours=24)["actors"]}
    assert set(actors) == {"ORG:rosneft", "country:RUS"}, actors
    assert actors["ORG:rosneft"]["now"] == 3 and actors["ORG:rosneft"]["name"] == "ROSNEFT"
    assert actors["country:RUS"]["name"] == "Russia"
