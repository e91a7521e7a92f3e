"""The web UI in a real browser (Debian's Chromium driven by Playwright) against a real server and store."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.serve import create_app
from storyline.settings import load_settings
from storyline.stories import on_saved
from storyline.store import Store

from live_server import live_server
from test_export import document

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true needs Chromium at /usr/bin/chromium (.ci/run installs it with apt-get)")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path):
    """A page on a server whose store holds one clustered document; fails the test on any script error."""
    db = f"sqlite:///{tmp_path / 'ui.db'}"
    with Store(db) as store:
        store.save_document(document())
        on_saved(store, document())
    errors: list[str] = []
    with live_server(create_app(load_settings(path="/nonexistent", db=db))) as url:
        page = browser.new_page(base_url=url)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        page.close()
    assert errors == []


def test_stories_page_lists_the_story_and_opens_its_timeline(page):
    page.goto("/")
    story = page.get_by_test_id("story")
    story.first.wait_for()
    assert story.count() == 1
    page.wait_for_function("document.getElementById('stats').textContent !== ''")
    assert page.locator("#stats").inner_text() == "1 article · 2 events · 1 story"
    story.get_by_role("link").click()
    timeline = page.get_by_test_id("timeline-event")
    timeline.first.wait_for()
    statuses = page.get_by_test_id("timeline").locator("[data-status]").all_inner_texts()
    assert "occurred" in statuses and "planned" in statuses


def test_article_page_marks_the_evidence_of_each_fact(page):
    doc = document()
    page.goto("/#/article/doc1")
    page.get_by_test_id("event").first.wait_for()
    marked = page.locator("mark.ev").all_inner_texts()
    assert doc.events[0].evidence.text in "".join(marked)
    page.get_by_test_id("event").first.click()
    focused = "".join(page.locator("mark.focus").all_inner_texts())
    assert focused == doc.events[0].evidence.text
    assert page.locator("mark.q").count() >= 1


def test_event_search_filters_by_status(page):
    page.goto("/#/events")
    page.get_by_test_id("event").first.wait_for()
    assert page.get_by_test_id("event").count() == 2
    page.get_by_label("status").select_option("planned")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/#/events?status=planned")
    page.wait_for_function("document.querySelectorAll('[data-testid=event]').length === 1")
    assert page.get_by_test_id("event").locator("[data-status]").all_inner_texts() == ["planned"]


def test_an_unknown_story_shows_the_error(page):
    page.goto("/#/story/nope")
    error = page.get_by_test_id("error")
    error.wait_for()
    assert "nope" in error.inner_text()
