"""The REST API, served by a real uvicorn server on loopback and called over HTTP."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from storyline.serve import create_app
from storyline.settings import load_settings
from storyline.store import Store

from live_server import free_port, live_server
from test_export import document


@pytest.fixture
def server(tmp_path):
    """A store holding one document, served on a free loopback port; yields an httpx client for it."""
    db = f"sqlite:///{tmp_path / 'api.db'}"
    with Store(db) as store:
        store.save_document(document())
    app = create_app(load_settings(path="/nonexistent", db=db))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=300) as client:
        yield client


def test_health_and_stats(server):
    assert server.get("/api/health").json()["status"] == "ok"
    stats = server.get("/api/stats").json()
    assert stats["articles"] == 1 and stats["events"] == 2 and stats["quotes"] == 1


def test_articles_list_and_one_document_with_its_spans(server):
    listed = server.get("/api/articles").json()
    assert listed["total"] == 1 and listed["articles"][0]["id"] == "doc1"
    doc = server.get("/api/articles/doc1").json()
    event = doc["events"][0]
    assert doc["text"][event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]


def test_unknown_article_is_a_404_that_says_what_to_do(server):
    response = server.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found" and "nope" in response.json()["detail"]


@pytest.mark.parametrize("params, expected", [
    ({}, ["E1", "E2"]),  # by date, newest first: a day sorts after its month
    ({"status": "planned"}, ["E2"]),
    ({"actor": "UKR"}, ["E1", "E2"]),
    ({"actor": "trump", "status": "occurred"}, ["E1"]),
    ({"actor": "CHN"}, []),
    ({"since": "2025-03-04"}, []),
    ({"until": "2025-02"}, []),
    ({"until": "2025-03-02"}, ["E2"]),  # March overlaps any bound inside it
    ({"since": "2025-03", "until": "2025-03"}, ["E1", "E2"]),
    ({"plover": "consult", "limit": 1}, ["E1"]),
])
def test_events_filter(server, params, expected):
    events = server.get("/api/events", params=params).json()["events"]
    assert [e["event_id"] for e in events] == expected


def test_quotes_filter_by_speaker(server):
    assert [q["quote_id"] for q in server.get("/api/quotes", params={"speaker": "zelensk"}).json()["quotes"]] == ["Q1"]
    assert server.get("/api/quotes", params={"speaker": "putin"}).json()["quotes"] == []


def test_bad_input_is_refused_with_a_stored_typed_reason(server):
    for body, reason in ((b"", "empty"), (b"\x00\x01\x02binary\xff" * 50, "binary")):
        response = server.post("/api/ingest", content=body)
        assert response.status_code == 422
        assert [r["reason"] for r in response.json()["rejected"]] == [reason]
    reasons = {r["reason"] for r in server.get("/api/rejections").json()["rejections"]}
    assert reasons == {"empty", "binary"}


def test_a_bad_date_is_a_400(server):
    response = server.post("/api/ingest", params={"published": "16 October"}, content=b"text")
    assert response.status_code == 400 and "YYYY-MM-DD" in response.json()["detail"]


@pytest.mark.model
def test_ingest_over_http_stores_once_and_the_story_appears(server, shared):
    body = shared("seed", "article.txt").read_bytes()
    first = server.post("/api/ingest", params={"published": "2025-10-16", "name": "seed.txt"}, content=body)
    assert first.status_code == 200 and len(first.json()["stored"]) == 1
    again = server.post("/api/ingest", params={"published": "2025-10-16", "name": "seed.txt"}, content=body)
    assert again.json()["stored"] == [] and again.json()["unchanged"] == first.json()["stored"]
    article_id = first.json()["stored"][0]
    doc = server.get(f"/api/articles/{article_id}").json()
    assert any(e["plover"] == "CONSULT" and e["status"] == "planned" for e in doc["events"])
    stories = server.get("/api/stories").json()["stories"]
    story = next(s for s in stories if any(a["id"] == article_id for a in s["articles"]))
    assert server.get(f"/api/stories/{story['id']}").json()["id"] == story["id"]
    feed = server.get(f"/api/stories/{story['id']}/feed")
    assert feed.headers["content-type"].startswith("application/atom+xml") and "<feed" in feed.text
    assert "stories" in server.get("/api/trending").json()


@pytest.mark.model
def test_extract_over_http_returns_the_document_without_storing(server):
    text = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday, "
            "the Kremlin said. The two leaders discussed trade and energy ties.")
    response = server.post("/api/extract", params={"published": "2025-05-06"}, content=text.encode())
    assert response.status_code == 200
    (doc,) = response.json()["documents"]
    assert {e["name"] for e in doc["entities"]} >= {"Vladimir Putin", "Xi Jinping"}
    assert server.get("/api/stats").json()["articles"] == 1


def test_the_serve_command_answers_over_http(tmp_path):
    """``storyline serve`` as a user starts it: a process listening on loopback, serving the API and the UI."""
    port = free_port()
    exe = str(Path(sys.executable).with_name("storyline"))
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 's.db'}"],
                            env={**os.environ, "STORYLINE_SETTINGS": "/nonexistent"}, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "storyline serve did not answer within 60 s"
                time.sleep(0.2)
        assert health.json()["status"] == "ok" and "s.db" in health.json()["db"]
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "/static/app.js" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
