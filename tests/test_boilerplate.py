"""ingest.clean: site furniture goes, article text (however short) stays."""
from __future__ import annotations

import pytest

from helpers_shared import shared_path
from storyline.ingest import read_sources
from storyline.ingest.clean import ANYWHERE, EDGE, is_fragment, split_furniture
from storyline.settings import SETTINGS

BODY = ["The council approved the plan on Tuesday after a long debate.",
        "“We will not stop here,” the mayor said.",
        "Okay?",
        "Critics said the plan would cost too much."]


def test_seed_article_keeps_16_paragraphs_and_drops_3():
    path = shared_path("seed", "article.txt")
    settings = {s.name: s.default for s in SETTINGS}
    [art] = list(read_sources([str(path)], settings, published="2025-10-16"))
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 16, f"expected the 16 article paragraphs, got {len(paragraphs)}: {paragraphs[-3:]}"
    assert paragraphs[-1].startswith("We need to get that one finished")  # a quote continuation is article text
    assert [r.text for r in art.removed] == [
        "Our reporters are currently covering this news and will provide updates once additional details are "
        "obtained.", "Leave a comment", "Trending"]
    assert [r.reason for r in art.removed] == ["boilerplate:update-notice", "boilerplate:comment-prompt",
                                               "boilerplate:related"]
    assert art.title is None and art.published == "2025-10-16"


@pytest.mark.parametrize("tail, reason", [
    ("Leave a comment", "boilerplate:comment-prompt"),
    ("This is a developing story and will be updated.", "boilerplate:update-notice"),
    ("We will update this story as more information becomes available.", "boilerplate:update-notice"),
    ("Trending", "boilerplate:related"),
    ("Sign up for our newsletter", "boilerplate:newsletter"),
    ("Subscribe now", "boilerplate:newsletter"),
    ("© 2025 Example Media Ltd. All rights reserved.", "boilerplate:copyright"),
    ("Copyright 2024 Example News", "boilerplate:copyright"),
    ("Follow us on Twitter and Facebook", "boilerplate:social"),
    ("Reporting by Jane Doe; Editing by John Roe", "credit"),
    ("(Reporting by Jane Doe in Kyiv; Writing by Ann Poe)", "credit"),
    ("Staff writer Sam Lee contributed to this report.", "credit"),
    ("Share this article", "boilerplate:share"),
    ("Click here to read the full report", "boilerplate:cta"),
    ("Most Popular", "boilerplate:related"),
    ("Tags: Ukraine, Russia", "boilerplate:nav"),
    ("Harbour News Network", "boilerplate:nav"),  # a short label without a verb ends nothing
])
def test_trailing_furniture(tail, reason):
    kept, removed = split_furniture(BODY + [tail])
    assert kept == BODY, f"{tail!r} should go, article paragraphs should all stay"
    assert [(r.text, r.reason) for r in removed] == [(tail, reason)]


@pytest.mark.parametrize("piece, reason", [
    ("Advertisement", "boilerplate:ad"), ("ADVERTISEMENT", "boilerplate:ad"),
    ("Story continues below advertisement", "boilerplate:ad"),
    ("Read more: Ferry line approved after two years", "boilerplate:related"),
    ("Related: How the port grew", "boilerplate:related"),
    ("Photo: Jane Doe/Reuters", "credit"),
])
def test_furniture_anywhere(piece, reason):
    kept, removed = split_furniture(BODY[:2] + [piece] + BODY[2:])
    assert kept == BODY and [(r.text, r.reason) for r in removed] == [(piece, reason)]


@pytest.mark.parametrize("piece", [
    "The ministry said it will provide updates on the investigation.",  # update words in a sentence
    "Readers left hundreds of comments under the post, the paper said.",
    "Copyright lawsuits against the company doubled in 2019.",
    "Advertising revenue fell by a third.",
    "We need to get that one finished. Okay?",
    "Why?",
    "Next year.",
    "— Rep. Jane Doe (@janedoe) November 19, 2019",
    "http://example.com/report",
])
def test_article_text_stays_even_at_the_end(piece):
    kept, removed = split_furniture(BODY + [piece])
    assert kept == BODY + [piece] and not removed, f"{piece!r} is article text, removed as {removed}"


def test_leading_furniture_and_lone_paragraph():
    kept, removed = split_furniture(["By Jane Doe and John Roe", "Updated: 3:45 PM, March 5, 2024"] + BODY)
    assert kept == BODY and [r.reason for r in removed] == ["boilerplate:byline", "boilerplate:update-notice"]
    assert split_furniture(["Trump meets Putin"]) == (["Trump meets Putin"], [])  # a lone line is the article


def test_short_lines_inside_an_article_stay():
    body = BODY[:2] + ["Nothing.", "Harbour News Network"] + BODY[2:]
    assert split_furniture(body) == (body, [])


def test_fragment_rule():
    assert is_fragment("Trending") and is_fragment("[Wired]") and is_fragment("More from Ukraine")
    assert not is_fragment("Okay?") and not is_fragment("It is done") and not is_fragment("Top 10 of 2019")


def test_rules_are_data_with_typed_reasons():
    for reason, pattern in ANYWHERE + EDGE:
        assert reason == "credit" or reason.startswith("boilerplate:"), reason
        assert isinstance(pattern, str) and pattern
