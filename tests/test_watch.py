"""Watches: rules stored, matches emitted once as JSONL or POSTed to a webhook (a real HTTP server on loopback,
and httpx.MockTransport for failures)."""
from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyline.stories import service
from storyline.stories.watch import WatchRuleError, WebhookFailed
from storyline.store import Store
from stories_helpers import doc, entity, event, quote

TRUMP = entity("Donald Trump", code="USAGOV", country="USA")
PUTIN = entity("Vladimir Putin", code="RUSGOV", country="RUS")
ZELENSKYY = entity("Volodymyr Zelenskyy", code="UKRGOV", country="UKR")

CALL = doc("a1", "Trump and Putin talk", "Trump and Putin spoke by phone.", "2025-10-16",
           entities=[TRUMP, PUTIN],
           events=[event("CONSULT", TRUMP, PUTIN, "occurred", "Trump and Putin spoke by phone")],
           quotes=[quote("Vladimir Putin", "The call was frank and businesslike")])
VISIT = doc("a2", "Zelenskyy visits", "Zelenskyy met Trump at the White House.", "2025-10-17",
            entities=[TRUMP, ZELENSKYY],
            events=[event("CONSULT", ZELENSKYY, TRUMP, "occurred", "Zelenskyy met Trump")],
            quotes=[quote("Donald Trump", "Hopefully they won't need them")])


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'watch.db'}") as s:
        s.save_document(CALL)
        s.save_document(VISIT)
        yield s


def _run(store) -> list[dict]:
    out = io.StringIO()
    service.watch_run(store, out=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_consult_between_usa_and_rus_matches_only_that_pair_and_only_once(store):
    service.watch_add(store, {"kind": "event", "plover": "CONSULT", "actors": ["USA", "RUS"]})
    first = _run(store)
    assert [m["match"]["article_id"] for m in first] == ["a1"], first
    assert first[0]["match"]["evidence"] == "Trump and Putin spoke by phone"
    assert _run(store) == [], "a match was emitted twice"
    later = doc("a3", "Putin and Trump again", "Putin called Trump.", "2025-10-18", entities=[TRUMP, PUTIN],
                events=[event("CONSULT", PUTIN, TRUMP, "occurred", "Putin called Trump")])
    store.save_document(later)
    assert [m["match"]["article_id"] for m in _run(store)] == ["a3"], "the reversed pair did not match"


def test_quote_by_a_named_actor(store):
    service.watch_add(store, {"kind": "quote", "speaker": "Putin"})
    (match,) = _run(store)
    assert match["match"]["speaker_name"] == "Vladimir Putin" and "frank" in match["match"]["text"]


def _recorder():
    received = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        return httpx.Response(204)

    return received, handler


def test_webhook_posts_each_match_once(store):
    received, handler = _recorder()
    service.watch_add(store, {"kind": "event", "plover": "CONSULT"})
    sent = service.watch_run(store, webhook="https://hooks.example/in", transport=httpx.MockTransport(handler))
    again = service.watch_run(store, webhook="https://hooks.example/in", transport=httpx.MockTransport(handler))
    assert (sent, again) == (2, 0)
    assert sorted(r["match"]["article_id"] for r in received) == ["a1", "a2"]


@pytest.fixture
def hook_server():
    """A real HTTP server on 127.0.0.1 that records the JSON bodies POSTed to it."""
    bodies: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", bodies
    server.shutdown()
    server.server_close()


def test_webhook_reaches_a_real_server_once_per_match(store, hook_server):
    url, bodies = hook_server
    service.watch_add(store, {"kind": "quote", "speaker": "Putin"})
    assert service.watch_run(store, webhook=url) == 1
    assert service.watch_run(store, webhook=url) == 0
    assert [b["match"]["text"] for b in bodies] == ["The call was frank and businesslike"]


def test_failed_webhook_is_retried_next_run(store):
    service.watch_add(store, {"kind": "event", "plover": "CONSULT", "actors": ["USA", "RUS"]})
    failing = httpx.MockTransport(lambda request: httpx.Response(500))
    with pytest.raises(WebhookFailed, match="HTTP 500"):
        service.watch_run(store, webhook="https://hooks.example/in", transport=failing)
    ok = httpx.MockTransport(lambda request: httpx.Response(200))
    assert service.watch_run(store, webhook="https://hooks.example/in", transport=ok) == 1


@pytest.mark.parametrize("rule", [{"kind": "story"}, {"kind": "quote"}, {"kind": "event"},
                                  {"kind": "event", "actors": ["USA", "RUS", "UKR"]}, ["CONSULT"]])
def test_bad_rules_are_refused_with_an_example(store, rule):
    with pytest.raises(WatchRuleError, match="Example rules"):
        service.watch_add(store, rule)
