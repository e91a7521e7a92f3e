"""URL inputs through httpx.MockTransport (never the network): redirects, size cap, failures, blocked hosts."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from storyline.ingest import read_sources
from storyline.models import Article, Rejection
from storyline.settings import SETTINGS

PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "article.html").read_bytes()
FEED = (Path(__file__).parent / "fixtures" / "ingest" / "feed.xml").read_bytes()


@pytest.fixture
def settings():
    return {s.name: s.default for s in SETTINGS}


def fetch(url, settings, handler):
    items = list(read_sources([url], settings, transport=httpx.MockTransport(handler)))
    assert len(items) == 1, items
    return items[0]


def html(request):
    return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})


def reason(item):
    return item.reason if isinstance(item, Rejection) else "ok"


def test_fetched_page_is_an_article(settings):
    seen = []

    def handler(request):
        seen.append(request)
        return html(request)

    art = fetch("https://news.example.com/ferry?utm_campaign=x#comments", settings, handler)
    assert isinstance(art, Article) and art.title == "Harbour council approves new ferry line"
    assert art.url == "https://ledger.example.org/news/ferry-line?id=7"  # the page's canonical link
    assert art.source == "https://news.example.com/ferry?utm_campaign=x#comments"
    assert seen[0].headers["user-agent"] == settings["user_agent"]


def test_fetched_url_is_the_fallback_canonical(settings):
    page = PAGE.replace(b'<link rel="canonical"', b'<link rel="alternate"')
    art = fetch("https://news.example.com/a?utm_source=x&id=3", settings,
                lambda r: httpx.Response(200, content=page))
    assert art.url.startswith("https://news.example.com/a")
    assert "utm_source" not in art.url


def test_redirects_are_followed(settings):
    def handler(request):
        hops = {"/a": "/b", "/b": "https://other.example.com/c"}
        if request.url.path in hops:
            return httpx.Response(301, headers={"location": hops[request.url.path]})
        return html(request)

    assert isinstance(fetch("https://news.example.com/a", settings, handler), Article)


def test_more_than_five_redirects_fail(settings):
    def handler(request):
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"location": f"/{n + 1}"})

    item = fetch("https://news.example.com/0", settings, handler)
    assert reason(item) == "fetch_failed" and "redirects" in item.detail


def test_redirect_to_private_address_is_blocked(settings):
    item = fetch("https://news.example.com/a", settings,
                 lambda r: httpx.Response(302, headers={"location": "http://127.0.0.1:8080/admin"}))
    assert reason(item) == "blocked_address"


def test_http_error_status(settings):
    item = fetch("https://news.example.com/gone", settings, lambda r: httpx.Response(404))
    assert reason(item) == "fetch_failed" and "404" in item.detail


@pytest.mark.parametrize("error", [httpx.ConnectTimeout("slow"), httpx.ReadTimeout("slow"),
                                   httpx.ConnectError("refused")])
def test_network_errors(settings, error):
    def handler(request):
        raise error

    item = fetch("https://news.example.com/a", settings, handler)
    assert reason(item) == "fetch_failed"
    if isinstance(error, httpx.TimeoutException):
        assert "timed out" in item.detail


def test_size_cap_by_header_and_by_stream(settings):
    settings["max_bytes"] = 1000
    declared = fetch("https://news.example.com/a", settings, lambda r: httpx.Response(200, content=b"x" * 5000))
    assert reason(declared) == "too_large"

    def streamed(request):  # no Content-Length: the cap is enforced while reading
        return httpx.Response(200, content=iter([b"<p>" + b"word " * 100] * 50))

    assert reason(fetch("https://news.example.com/b", settings, streamed)) == "too_large"


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.1.2.3/x", "http://[::1]:8000/", "http://localhost/",
                                 "http://api.localhost/", "http://169.254.169.254/latest", "http://192.168.0.1/",
                                 "http://127.1/", "http://2130706433/", "http://[::ffff:127.0.0.1]/"])
def test_private_addresses_are_blocked(settings, url):
    calls = []
    item = fetch(url, settings, lambda r: calls.append(r) or html(r))
    assert reason(item) == "blocked_address" and "allow_private_urls" in item.detail
    assert not calls  # refused before any request


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.1.2.3/x", "http://[::1]:8000/", "http://localhost/"])
def test_allow_private_urls_lets_them_through(settings, url):
    settings["allow_private_urls"] = True
    assert isinstance(fetch(url, settings, html), Article)


def test_body_charset_from_header(settings):
    page = PAGE.replace(b'<meta charset="utf-8">', b"").replace(b"debate", "débat".encode("cp1252"))
    art = fetch("https://news.example.com/a", settings,
                lambda r: httpx.Response(200, content=page, headers={"content-type": "text/html; charset=latin-1"}))
    assert "débat" in art.text


def test_feed_url_entries_fetch_their_links(settings):
    def handler(request):
        if request.url.path == "/rss":
            return httpx.Response(200, content=FEED, headers={"content-type": "application/rss+xml"})
        return html(request)

    items = list(read_sources(["https://ledger.example.org/rss"], settings, transport=httpx.MockTransport(handler)))
    assert [reason(i) for i in items] == ["ok", "ok"]
    fetched = items[1]
    assert fetched.title == "Ferry line approved"  # the entry's title wins over the page's
    assert fetched.url == "https://ledger.example.org/news/ferry-line"  # and its link
    assert fetched.published == "2024-03-05" and fetched.source == "https://ledger.example.org/rss#ledger-ferry-2"
    assert fetched.text.startswith("The harbour council voted")
