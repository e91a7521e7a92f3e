"""ingest.read_sources: every input kind, every rejection reason, and batches that go on after a bad input."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import httpx
import pytest

from storyline.ingest import article_from_text, read_sources
from storyline.models import REJECT_REASONS, Article, Rejection
from storyline.settings import SETTINGS

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = (
    "Harbour talks resume\n\n"
    "Negotiators from the two port unions met again on Wednesday and agreed to resume formal talks next week.\n\n"
    "The unions said they would not strike while the talks go on, and the port authority welcomed the move."
)


@pytest.fixture
def settings():
    return {s.name: s.default for s in SETTINGS}


def read(sources, settings, **kwargs):
    return list(read_sources([str(s) for s in sources], settings, **kwargs))


def one(sources, settings, **kwargs):
    items = read(sources, settings, **kwargs)
    assert len(items) == 1, items
    return items[0]


def rejected(item, reason):
    assert isinstance(item, Rejection), f"expected a {reason} rejection, got {item!r}"
    assert item.reason == reason, f"expected {reason}, got {item.reason}: {item.detail}"
    return item


# ----------------------------------------------------------------------------- kinds

def test_plain_text_title_and_paragraphs(tmp_path, settings):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE.replace("next week.", "next\n   week."), encoding="utf-8")
    art = one([path], settings, published="2024-05-01")
    assert art.title == "Harbour talks resume"
    assert not art.text.startswith("Harbour talks resume")
    assert art.text.split("\n\n")[0].endswith("resume formal talks next week.")  # whitespace normalised
    assert len(art.text.split("\n\n")) == 2
    assert (art.published, art.source, art.url, art.language) == ("2024-05-01", str(path), None, "en")


def test_long_first_line_is_not_a_title(settings, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.split("\n\n", 1)[1], encoding="utf-8")
    art = one([path], settings)
    assert art.title is None and art.text.startswith("Negotiators")


def test_single_sentence_is_a_document(tmp_path, settings):
    path = tmp_path / "s.txt"
    path.write_text("Trump meets Putin in Budapest", encoding="utf-8")
    assert one([path], settings).text == "Trump meets Putin in Budapest"


def test_text_sniffed_whatever_the_extension(tmp_path, settings):
    path = tmp_path / "notes.dat"
    path.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(one([path], settings), Article)


def test_html_main_text_and_metadata(settings):
    art = one([FIXTURES / "article.html"], settings, published="2025-01-01")
    assert art.title == "Harbour council approves new ferry line"
    assert art.url == "https://ledger.example.org/news/ferry-line?id=7"  # canonical, utm_* and fragment gone
    assert art.published == "2024-03-05"  # the page's own date wins over the fallback
    assert (art.site, art.author) == ("The Coastal Ledger", "Maria Keller")
    assert art.text.startswith("The harbour council voted on Tuesday")
    assert '"This is a good day for the islands," said the council chair' in art.text
    assert "Advertisement" not in art.text and "Share this article" not in art.text
    assert {r.reason for r in art.removed} >= {"boilerplate:ad", "boilerplate:share"}


def test_html_without_main_text_is_not_article(tmp_path, settings):
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><a href='/a'>Home</a> <a href='/b'>Sport</a></nav></body></html>")
    rejected(one([path], settings), "not_article")


def test_rss_entries(settings):
    items = read([FIXTURES / "feed.xml"], settings, transport=NOT_FOUND)
    art = items[0]
    assert isinstance(art, Article)
    assert art.source.endswith("feed.xml#ledger-fleet-1")
    assert (art.title, art.url, art.published) == ("Fishing fleet returns early",
                                                   "https://ledger.example.org/news/fleet", "2024-03-04")
    assert art.text.count("\n\n") == 1 and art.site == "The Coastal Ledger"
    assert rejected(items[1], "fetch_failed").source.endswith("feed.xml#ledger-ferry-2")  # short: link fetched


def test_atom_entry_with_short_summary_and_no_link(tmp_path, settings):
    path = tmp_path / "atom.xml"
    path.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
                    '<entry><id>urn:x:1</id><title>Note</title><updated>2024-02-02T10:00:00Z</updated>'
                    '<summary>The bridge reopened on Friday after repairs.</summary></entry></feed>')
    art = one([path], settings)
    assert (art.text, art.title, art.published) == ("The bridge reopened on Friday after repairs.", "Note",
                                                    "2024-02-02")
    assert art.source == f"{path}#urn:x:1"


def test_jsonl_good_and_bad_lines(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": ARTICLE.split("\n\n", 1)[1], "title": "Talks", "url": "https://x.example/a#c",
                    "published": "2024-04-02T08:00:00Z"}),
        "{not json",
        json.dumps({"body": "no text field"}),
        "",
        json.dumps({"html": (FIXTURES / "article.html").read_text(), "published": "2023-01-01"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read([path], settings)
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Rejection", "Article"]
    assert (items[0].title, items[0].url, items[0].published) == ("Talks", "https://x.example/a", "2024-04-02")
    assert items[0].source == f"{path}:1"
    assert rejected(items[1], "malformed_jsonl").source == f"{path}:2"
    assert rejected(items[2], "malformed_jsonl").source == f"{path}:3"
    assert items[3].published == "2023-01-01" and items[3].source == f"{path}:5"  # the line's date wins


def test_directory_recursive_sorted_skipping_hidden(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "1.txt", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    sources = [i.source for i in read([tmp_path], settings)]
    assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_stdin(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    art = one(["-"], settings)
    assert art.source == "stdin" and art.title == "Harbour talks resume"


def test_article_from_text(settings):
    art = article_from_text(ARTICLE, published="2024-01-01", settings=settings)
    assert art.title == "Harbour talks resume" and art.published == "2024-01-01"
    rejected(article_from_text("   ", settings=settings), "empty")


def test_bad_published_argument_says_the_format(settings):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_sources(["x"], settings, published="16/10/2025")


# ----------------------------------------------------------------------------- rejections

def test_empty_and_whitespace(tmp_path, settings):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\t \n")
    for item in read([tmp_path], settings):
        rejected(item, "empty")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, b"%PDF-1.7\n%...", b"PK\x03\x04rest",
                                  gzip.compress(b"hello"), b"text\x00with\x00nuls", bytes(range(1, 32)) * 10])
def test_binary(tmp_path, settings, data):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    rejected(one([path], settings), "binary")


def test_too_large_is_checked_before_reading(tmp_path, settings):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: instant to make, slow to read
    item = rejected(one([path], settings), "too_large")
    assert "max_bytes" in item.detail


def test_invalid_utf8_is_bad_encoding(tmp_path, settings):
    path = tmp_path / "x.txt"
    path.write_bytes("The café reopened on Monday.".encode("utf-8") + b"\xff\xfe\xfa broken")
    assert "UTF-8" in rejected(one([path], settings), "bad_encoding").detail


def test_declared_charset_is_used(tmp_path, settings):
    path = tmp_path / "x.html"
    page = (FIXTURES / "article.html").read_text().replace('charset="utf-8"', 'charset="windows-1252"')
    path.write_bytes(page.replace("debate", "débat’s").encode("cp1252"))
    assert "débat’s" in one([path], settings).text


def test_utf16_with_bom(tmp_path, settings):
    path = tmp_path / "x.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    assert one([path], settings).title == "Harbour talks resume"


NOT_FOUND = httpx.MockTransport(lambda request: httpx.Response(404))


def test_truncated_rss_is_malformed_feed(tmp_path, settings):
    path = tmp_path / "feed.xml"
    feed = (FIXTURES / "feed.xml").read_text()
    path.write_text(feed[: feed.index("<content:encoded>") + 40])  # cut inside the first entry
    item = rejected(one([path], settings, transport=NOT_FOUND), "malformed_feed")
    assert "no readable entry" in item.detail


def test_truncated_rss_keeps_whole_entries(tmp_path, settings):
    path = tmp_path / "feed.xml"
    feed = (FIXTURES / "feed.xml").read_text()
    path.write_text(feed[: feed.index("<guid>ledger-ferry-2")])  # cut inside the second entry
    items = read([path], settings, transport=NOT_FOUND)
    assert [i.title for i in items] == ["Fishing fleet returns early"]


def test_not_english(tmp_path, settings):
    path = tmp_path / "fr.txt"
    path.write_text("Le conseil municipal a voté mardi pour une nouvelle ligne de ferry. Les travaux sont prévus "
                    "pour le printemps, et la ville est très satisfaite de cette décision.", encoding="utf-8")
    rejected(one([path], settings), "not_english")
    (tmp_path / "fr.txt").write_text("Совет одобрил новую паромную линию во вторник.", encoding="utf-8")
    rejected(one([path], settings), "not_english")


@pytest.mark.parametrize("text", ["Ursula von der Leyen met Macron in Paris.", "The LA Lakers won in LA.",
                                  "Trump meets Putin", "Es ist nicht vorbei, said the chancellor in English."])
def test_short_english_is_english(tmp_path, settings, text):
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    assert isinstance(one([path], settings), Article)


def test_unsupported(tmp_path, settings):
    (tmp_path / "a.xml").write_text('<?xml version="1.0"?><inventory><item/></inventory>')
    (tmp_path / "b.json").write_text('[{"text": "a list, not lines"}]')
    for item in read([tmp_path], settings):
        rejected(item, "unsupported")
    rejected(one(["ftp://example.org/file"], settings), "unsupported")


def test_not_found(settings):
    item = rejected(one(["/no/such/file.txt"], settings), "not_found")
    assert "http" in item.detail  # tells how to give a URL


def test_only_furniture_is_not_article(tmp_path, settings):
    path = tmp_path / "f.txt"
    path.write_text("Advertisement\n\nShare this article\n")
    rejected(one([path], settings), "not_article")


def test_batch_goes_on_after_bad_inputs(tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    binary = tmp_path / "bad.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n....")
    items = read(["/no/such", binary, good, "-x-", good], settings)
    assert [getattr(i, "reason", "ok") for i in items] == ["not_found", "binary", "ok", "not_found", "ok"]


def test_every_reason_is_known():
    tested = {"empty", "binary", "too_large", "bad_encoding", "malformed_feed", "malformed_jsonl", "not_article",
              "not_english", "fetch_failed", "blocked_address", "unsupported", "not_found"}
    assert tested == set(REJECT_REASONS)  # fetch_failed, blocked_address: test_ingest_fetch.py
