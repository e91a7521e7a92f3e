"""Online story clustering, rebuild, timelines and the stories service, on Documents built without the model."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from stories_helpers import doc, entity, event, place

from storyline.store import Store
from storyline.stories import online, service
from storyline.stories.cluster import Params, StoryIndex

TRUMP = entity("Donald Trump", code="USAGOV", country="USA")
PUTIN = entity("Vladimir Putin", code="RUSGOV", country="RUS")
ORBAN = entity("Viktor Orbán", code="HUNGOV", country="HUN")

SUMMIT = [
    doc("s1", "Trump and Putin agree to meet in Budapest",
        "U.S. President Donald Trump said he would meet Russian President Vladimir Putin in Budapest after a long "
        "phone call about the war in Ukraine. The summit in the Hungarian capital could happen within two weeks, "
        "Trump said, and Hungarian Prime Minister Viktor Orbán offered to host the meeting.",
        "2025-10-16", "ledger.example", [TRUMP, PUTIN, ORBAN], [place("Budapest", "HU")],
        [event("CONSULT", TRUMP, PUTIN, "planned", "Trump said he would meet Putin in Budapest")]),
    doc("s2", "Orbán ready to host Trump-Putin summit in Budapest",
        "Hungarian Prime Minister Viktor Orbán said Budapest was ready to host the summit between Donald Trump and "
        "Vladimir Putin on the war in Ukraine, calling the planned meeting in the Hungarian capital good news.",
        "2025-10-17", "post.example", [TRUMP, PUTIN, ORBAN], [place("Budapest", "HU")],
        [event("CONSULT", PUTIN, TRUMP, "planned", "the planned meeting of Putin and Trump")]),
    doc("s3", "Trump calls off Budapest summit with Putin",
        "Donald Trump said he had called off the Budapest summit with Vladimir Putin because it did not feel "
        "right. The White House said no meeting with Putin was planned in the immediate future, and the summit "
        "in the Hungarian capital on the war in Ukraine is on hold.",
        "2025-10-22", "wire.example", [TRUMP, PUTIN], [place("Budapest", "HU")],
        [event("CONSULT", TRUMP, PUTIN, "failed", "Trump said he had called off the Budapest summit")]),
]

QUAKE_CHILE = doc("q1", "Magnitude 6.1 earthquake shakes northern Chile",
                  "A magnitude 6.1 earthquake shook northern Chile near Antofagasta, damaging homes and cutting "
                  "power, the national seismological centre said. No deaths were reported after the quake.",
                  "2025-10-18", "rim.example", [], [place("Antofagasta", "CL"), place("Chile", "CL")])
QUAKE_SUMATRA = doc("q2", "Strong earthquake damages homes in western Sumatra",
                    "A strong earthquake damaged homes in western Sumatra, Indonesia's geophysics agency said, "
                    "cutting power in Padang. No deaths were reported after the quake of magnitude 6.2.",
                    "2025-10-19", "straits.example", [], [place("Padang", "ID"), place("Indonesia", "ID")])
BANK = doc("b1", "Hungary's central bank keeps base rate at 6.5%",
           "The National Bank of Hungary kept its base rate at 6.5 percent, citing inflation risks and a weak "
           "forint. The central bank's rate setters voted unanimously, the bank said in Budapest.",
           "2025-10-21", "post.example", [entity("National Bank of Hungary", "ORG", "HUN")], [place("Budapest", "HU")])


def _ingest(store: Store, docs) -> list:
    placed = []
    for d in docs:
        store.save_document(d)
        placed.append(online.place(store, d))
    return placed


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'stories.db'}") as s:
        yield s


def _story_of(listing: dict, article_id: str) -> str:
    return next(s["id"] for s in listing["stories"] for a in s["articles"] if a["id"] == article_id)


def test_summit_articles_form_one_story_and_unrelated_ones_stay_apart(store):
    _ingest(store, [SUMMIT[0], SUMMIT[1], QUAKE_CHILE, QUAKE_SUMATRA, BANK, SUMMIT[2]])
    listing = service.list_stories(store)
    summit = {_story_of(listing, d.id) for d in SUMMIT}
    assert len(summit) == 1, f"summit articles split over stories {summit}: {listing}"
    for other in (QUAKE_CHILE, QUAKE_SUMATRA, BANK):
        assert _story_of(listing, other.id) not in summit, f"{other.title!r} joined the summit story"
    assert _story_of(listing, QUAKE_CHILE.id) != _story_of(listing, QUAKE_SUMATRA.id), \
        "two earthquakes in different countries were put in one story"


def test_listing_has_the_public_shape(store):
    _ingest(store, SUMMIT)
    (story,) = service.list_stories(store)["stories"]
    assert {"id", "title", "summary", "articles", "first_seen", "last_seen", "size"} <= set(story)
    assert story["size"] == 3 and story["first_seen"] == "2025-10-16" and story["last_seen"] == "2025-10-22"
    assert set(story["articles"][0]) >= {"id", "url", "published", "copy_of"}
    assert story["title"] in {d.title for d in SUMMIT}, "the title comes from a member article"
    assert story["summary"] and len(story["summary"]) <= 280


def test_story_timeline_keeps_status_over_time(store):
    _ingest(store, SUMMIT)
    story = service.get_story(store, service.list_stories(store)["stories"][0]["id"])
    (entry,) = [e for e in story["timeline"] if e["event"]["type"] == "CONSULT"]
    history = [(h["status"], h["reported"]) for h in entry["status_history"]]
    assert history == [("planned", "2025-10-16"), ("failed", "2025-10-22")], history
    assert (entry["mentions"], entry["sources"], entry["articles"]) == (3, 3, 3)
    assert len(entry["evidence"]) == 3 and entry["status"] == "failed"


def test_a_story_goes_cold_after_the_window(store):
    late = doc("s9", SUMMIT[0].title, SUMMIT[0].text, "2025-12-01", "ledger.example", SUMMIT[0].entities,
               SUMMIT[0].places)
    placed = _ingest(store, [SUMMIT[0], late])
    assert placed[1].created, "an article 46 days after the story's last one started no new story"


def test_rebuild_gives_the_same_stories_as_the_online_path(store):
    docs = [SUMMIT[0], SUMMIT[1], QUAKE_CHILE, QUAKE_SUMATRA, BANK, SUMMIT[2]]
    _ingest(store, docs)
    before = service.list_stories(store)
    result = service.rebuild(store)
    after = service.list_stories(store)
    assert result["articles"] == len(docs)
    assert [(s["id"], [a["id"] for a in s["articles"]]) for s in after["stories"]] == \
        [(s["id"], [a["id"] for a in s["articles"]]) for s in before["stories"]]


def test_a_later_process_resumes_from_the_stored_state(tmp_path):
    url = f"sqlite:///{tmp_path / 'resume.db'}"
    with Store(url) as first:
        _ingest(first, SUMMIT[:2] + [QUAKE_CHILE])
    with Store(url) as second:  # a new Store object: the index is loaded from the database
        (placed,) = _ingest(second, [SUMMIT[2]])
        index = online.index_for(second)
    fresh = StoryIndex(index.params)
    ids = [fresh.place(d).story.id for d in SUMMIT[:2] + [QUAKE_CHILE, SUMMIT[2]]]
    assert placed.story.id == ids[-1]
    assert index.total == fresh.total and dict(index.df) == dict(fresh.df)


def test_feed_is_atom_with_one_entry_per_article(store):
    _ingest(store, SUMMIT)
    story_id = service.list_stories(store)["stories"][0]["id"]
    root = ET.fromstring(service.story_feed(store, story_id))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 3
    newest = entries[0].find("a:summary", ns).text
    assert "failed" in newest, f"the newest entry should report the summit called off, got {newest!r}"


def test_unknown_story_says_how_to_list_them(store):
    from storyline.errors import NotFound

    with pytest.raises(NotFound, match="storyline storys|storyline stories"):
        service.get_story(store, "st-nope")


def test_per_article_candidates_are_bounded():
    index = StoryIndex(Params(candidates=5))
    for n in range(30):
        index.place(doc(f"x{n}", f"Story number {n} alpha{n}", f"alpha{n} beta{n} gamma{n} common words here",
                        "2025-10-16"))
    item_text = {"common": 1.0}
    assert len(index._candidates(item_text, {})) <= 5


def test_the_hook_places_a_document_once_and_skips_unsaved_ones(store):
    store.save_document(SUMMIT[0])
    online.on_saved(store, SUMMIT[0])
    online.on_saved(store, SUMMIT[0])  # the ingest job calls hooks for unchanged documents too
    online.on_saved(store, SUMMIT[1])  # never saved
    (story,) = service.list_stories(store)["stories"]
    assert [a["id"] for a in story["articles"]] == ["s1"]


def test_the_ingest_job_places_each_new_document_in_a_story(store):
    from storyline import jobs

    store.save_document(SUMMIT[0])
    jobs._after_save(store, SUMMIT[0])
    (story,) = service.list_stories(store)["stories"]
    assert [a["id"] for a in story["articles"]] == [SUMMIT[0].id]


def test_text_renderings_name_the_story_and_its_status_changes(store):
    from storyline.stories import render

    _ingest(store, SUMMIT)
    listing = service.list_stories(store)
    story = service.get_story(store, listing["stories"][0]["id"])
    assert "3 articles, 0 copies, 2025-10-16 – 2025-10-22" in render.stories_text(listing)
    assert "planned (2025-10-16) → failed (2025-10-22)" in render.story_text(story)
    assert "trending at 2025-10-22T00:00:00" in render.trending_text(service.trending(store))


# Two incidents of the same kind: alike in words, told apart by their years and numbers (marks.py).
QUAKE_2005 = doc("k1", "Earthquake kills 37 in Iran's south",
                 "A magnitude 5.9 earthquake struck southern Iran near Bandar Abbas on 27 November 2005, killing 37 "
                 "people and injuring hundreds, state media said. Rescue teams searched collapsed homes in villages "
                 "near the coast.", None, "wire.example")
QUAKE_2008 = doc("k2", "Earthquake kills 7 in Iran's south",
                 "Seven people died when an earthquake of magnitude 5.6 hit villages in Iran's south in March 2008, "
                 "and dozens were hurt, officials told reporters. Rescuers searched homes that collapsed.",
                 None, "post.example")
QUAKE_2005_TOLL = doc("k3", "Iran quake toll rises to 37",
                      "The toll of the magnitude 5.9 earthquake in southern Iran rose to 37, state media said, as "
                      "rescue teams searched collapsed homes near Bandar Abbas in the 2005 disaster's second day.",
                      None, "rim.example")


def test_two_incidents_of_the_same_kind_are_two_stories():
    docs = [QUAKE_2005, QUAKE_2008, QUAKE_2005_TOLL]
    words_only = StoryIndex(Params(mark_scale=0.0))
    assert len({words_only.place(d).story.id for d in docs}) == 1, \
        "without marks the three quake articles should look alike (else this case tests nothing)"
    index = StoryIndex(Params())
    first, other, update = (index.place(d) for d in docs)
    assert other.created, f"the 2008 quake (7 dead) joined the 2005 quake's story (score {other.score:.3f})"
    assert update.story.id == first.story.id, \
        f"the 2005 quake's toll update started its own story (score {update.score:.3f})"


def test_shared_marks_do_not_make_unrelated_articles_one_story():
    fire = doc("u1", "Fire destroys warehouse in Leeds",
               "A fire destroyed a furniture warehouse in Leeds on 3 March 2024; 40 firefighters fought the blaze "
               "for 6 hours and 2 workers were treated for smoke.", None, "west.example")
    vote = doc("u2", "Council approves new tram line budget",
               "The city council approved the budget for a new tram line in 2024, its leader said; the 40 minute "
               "debate ended with 2 abstentions, and building work starts within 6 months.", None, "north.example")
    index = StoryIndex(Params())
    index.place(fire)
    placed = index.place(vote)
    assert placed.created, \
        f"the council vote joined the fire's story on a shared year and numbers alone (score {placed.score:.3f})"


def test_marks_read_persons_years_and_numbers():
    from storyline.stories.marks import marks

    found = marks(doc("m1", "t", "Lindsay Lohan, 26, checked in on 3 May 2013; she paid $1.5 million.", None,
                      entities=[entity("Lindsay Lohan")]))
    assert found == {"person": {"lohan"}, "year": {"2013"}, "number": {"26", "3", "1.5"}}, found


def test_the_online_path_on_each_database(db_url):
    """Placing, listing, resuming in a new process and rebuilding, on SQLite and on PostgreSQL."""
    docs = [SUMMIT[0], QUAKE_2005, SUMMIT[1], QUAKE_2008, BANK]
    with Store(db_url) as first:
        _ingest(first, docs)
    with Store(db_url) as second:  # a new Store: the warm stories come back from the database
        (placed,) = _ingest(second, [SUMMIT[2]])
        fresh = StoryIndex(online.index_for(second).params)
        expected = [fresh.place(d).story.id for d in docs + [SUMMIT[2]]]
        assert placed.story.id == expected[-1], "the resumed index placed the article elsewhere than one run"
        assert online.index_for(second).stories[placed.story.id].marks == fresh.stories[placed.story.id].marks
        before = service.list_stories(second)
        assert len(before["stories"]) == 4, f"expected summit, two quakes and the bank: {before}"
        service.rebuild(second)
        after = service.list_stories(second)
    assert [(s["id"], [a["id"] for a in s["articles"]]) for s in after["stories"]] == \
        [(s["id"], [a["id"] for a in s["articles"]]) for s in before["stories"]]


# Two quakes told in alike words but different years, tolls, magnitudes and officials: with a threshold low enough
# to let anything join, the Chilean articles first join the Iranian story, and split repair parts them again.
ASIDES = ["Schools stayed shut while engineers inspected bridges, the port and the main hospital for cracks.",
          "Aftershocks rattled the region overnight, and many families slept outside in tents near the market.",
          "The government promised money to rebuild, and neighbours offered bread, water and warm blankets.",
          "Power lines fell across roads, so trucks with water and medicine struggled to reach the hill towns.",
          "Volunteers dug through rubble with shovels and bare hands as soldiers set up field kitchens.",
          "Phone networks failed for hours, and relatives queued at the airport waiting for any news at all.",
          "Seismologists warned that more tremors could follow, urging people to stay away from old buildings.",
          "Insurers began counting the damage to factories, vineyards and warehouses along the highway."]


def _quake(ident: str, year: int, place_name: str, toll: int, magnitude: str, official: str, n: int):
    title = f"Earthquake near {place_name} kills {toll}" if n % 2 else f"{place_name} quake toll reaches {toll}"
    return doc(ident, title, f"{ASIDES[n]} An earthquake of magnitude {magnitude} struck near {place_name} in "
                             f"{year}, killing {toll} people, {official} said.", None, f"site{n}.example",
               [entity(official)])


IRAN = [_quake(f"i{n}", 2005, "Bandar Abbas", 37, "5.9", "Hassan Rouhani", n) for n in range(4)]
CHILE = [_quake(f"c{n}", 2010, "Concepcion", 521, "8.8", "Michelle Bachelet", n + 4) for n in range(4)]
MERGING = [IRAN[0], IRAN[1], CHILE[0], IRAN[2], CHILE[1], CHILE[2], IRAN[3], CHILE[3]]
JOIN_ALL = Params(threshold=-1.0)


def _members(listing: dict) -> set[frozenset[str]]:
    return {frozenset(a["id"] for a in s["articles"]) for s in listing["stories"]}


def test_a_story_that_took_two_incidents_is_split_when_both_show():
    from storyline.stories.story import story_id

    merged = StoryIndex(replace(JOIN_ALL, split_below=0.0))
    assert len({merged.place(d).story.id for d in MERGING}) == 1, "the stream should merge (else nothing to repair)"
    index = StoryIndex(JOIN_ALL)
    placed = [index.place(d) for d in MERGING]
    assert [bool(p.split) for p in placed] == [False] * 7 + [True], "parted before each half had 4 members"
    split = placed[-1].split
    assert split.kept.id == placed[0].story.id and split.new.id == story_id("c0") == placed[-1].story.id
    assert split.moved == ("c0", "c1", "c2")
    assert {ident: index.owner[ident] for ident in ("i3", "c0")} == {"i3": split.kept.id, "c0": split.new.id}


def test_a_split_is_stored_resumed_and_rebuilt_alike(tmp_path):
    url = f"sqlite:///{tmp_path / 'split.db'}"
    with Store(url) as first:
        for d in MERGING[:-1]:
            first.save_document(d)
            online.place(first, d, JOIN_ALL)
        assert len(service.list_stories(first)["stories"]) == 1
    with Store(url) as second:  # the members come back from the stored story, so the split still happens
        second.save_document(MERGING[-1])
        placed = online.place(second, MERGING[-1], JOIN_ALL)
        assert placed.split, "the resumed index did not part the story"
        before = service.list_stories(second)
        assert _members(before) == {frozenset(d.id for d in IRAN), frozenset(d.id for d in CHILE)}
        online.rebuild(second, JOIN_ALL)
        after = service.list_stories(second)
    assert [(s["id"], [a["id"] for a in s["articles"]]) for s in after["stories"]] == \
        [(s["id"], [a["id"] for a in s["articles"]]) for s in before["stories"]]
