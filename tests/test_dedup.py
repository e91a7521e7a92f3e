"""Copies and rewrites: the fixture copies in tests/fixtures/rewrites against their example originals (text only,
no model), and hand-made cases for the quote-change flag and for articles that must not be linked."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.stories.cluster import StoryIndex
from storyline.stories.dedup import Deduper, compare, profile
from stories_helpers import doc, entity, quote

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "rewrites"


def _read(path: Path, ident: str):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    title, _, body = text.strip().partition("\n")
    return doc(ident, title.strip(), body.strip(), None)


def _cases():
    for item in json.loads((FIXTURES / "manifest.json").read_text()):
        yield pytest.param(item, id=item["file"])


@pytest.mark.parametrize("item", list(_cases()))
def test_fixture_copy_is_linked_to_its_original(item):
    original = _read(ROOT / "examples" / item["copy_of"], "original")
    copy = _read(FIXTURES / item["file"], "copy")
    link = compare(profile(copy), profile(original))
    assert link is not None, f"{item['file']}: not linked to {item['copy_of']}"
    expected = "copy" if item["kind"] == "copy" else "rewrite"
    assert link.kind == expected, f"{item['file']}: linked as {link.kind}, expected {expected}"
    changed = item["kind"] == "rewrite_changed_quote"
    assert bool(link.quote_changes) == changed, \
        f"{item['file']}: quote changes {link.quote_changes}, expected {'one' if changed else 'none'}"


def test_changed_quote_names_both_wordings():
    original = _read(ROOT / "examples" / "text/2025-10-17-zelenskyy-leaves-without-tomahawks.txt", "o")
    copy = _read(FIXTURES / "2025-10-18-rewrite-changed-quote-zelenskyy-tomahawks.txt", "c")
    (change,) = compare(profile(copy), profile(original)).quote_changes
    assert "won't need it" in change["original"] and "won't need them" in change["changed"]


def test_same_speaker_different_words_is_flagged_and_other_speakers_are_not():
    trump, putin = entity("Donald Trump"), entity("Vladimir Putin")
    body = ("The two presidents spoke by phone for more than two hours on Thursday about the war, the talks and "
            "a meeting in Budapest that could happen within two weeks, officials in both capitals said. ")
    a = doc("a", "Call", body * 3, None, entities=[trump, putin],
            quotes=[quote("Donald Trump", "We had a long talk and I think we got somewhere", "q1"),
                    quote("Vladimir Putin", "The conversation was frank and businesslike today", "q2")])
    b = doc("b", "Call", body * 3, None, entities=[trump, putin],
            quotes=[quote("Trump", "We had a very long talk and I believe we got somewhere", "q1"),
                    quote("Putin", "The conversation was frank and businesslike today", "q2")])
    (change,) = compare(profile(b), profile(a)).quote_changes
    assert change["speaker"] == "trump" and "believe" in change["changed"]


def test_different_articles_on_the_same_story_are_not_copies():
    first = _read(ROOT / "examples/text/2025-10-16-trump-putin-call-budapest.txt", "a")
    other = _read(ROOT / "examples/text/2025-10-21-budapest-summit-on-hold.txt", "b")
    assert compare(profile(other), profile(first)) is None


def test_a_copy_of_a_copy_links_to_the_earliest_version():
    original = _read(ROOT / "examples/text/2025-10-16-trump-putin-call-budapest.txt", "a")
    copy = _read(FIXTURES / "2025-10-17-syndicated-trump-putin-call.txt", "b")
    again = doc("c", copy.title, copy.text + "\n\nRepublished again.", None)
    dedup = Deduper()
    dedup.add(profile(original))
    first = dedup.find(profile(copy))
    dedup.add(profile(copy), first.copy_of)
    assert dedup.find(profile(again)).copy_of == "a"


def test_copies_join_the_original_story_without_starting_one():
    original = _read(ROOT / "examples/text/2025-10-22-treasury-sanctions-rosneft-lukoil.txt", "a")
    rewrite = _read(FIXTURES / "2025-10-23-rewrite-rosneft-lukoil-sanctions.txt", "b")
    index = StoryIndex()
    first, second = index.place(original), index.place(rewrite)
    assert not second.created and second.story.id == first.story.id
    assert second.link.copy_of == "a" and second.story.unique == 1 and second.story.size == 2
