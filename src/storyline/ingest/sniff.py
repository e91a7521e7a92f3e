"""What kind of input is this text? Content decides; a file name only breaks ties.

    "{" first                          -> jsonl
    "<" first, root rss/feed/rdf:RDF   -> feed
    "<" first, HTML root or tags       -> html
    any other XML, a JSON array        -> unsupported
    anything else textual              -> text
"""
from __future__ import annotations

import json
import re

from ..errors import InputRejected

KINDS = ("text", "html", "feed", "jsonl")
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
HTML_TAGS = frozenset("""html head body div p span a article section main header footer nav meta title link
script style table img h1 h2 h3 h4 h5 h6 ul ol li br form iframe noscript figure blockquote""".split())

_PROLOGUE = re.compile(r"^\s*(<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>|\s)*", re.S | re.I)
_FIRST_TAG = re.compile(r"<([a-zA-Z][\w:.-]*)")
_HTML_INSIDE = re.compile(r"<!doctype html|<html[\s>]", re.I)


def sniff(text: str, source: str, name: str = "") -> str:
    """One of ``KINDS`` for ``text``, or raise ``unsupported``."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("{") or name.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if head.startswith("["):
        return _json_array(text, source)
    if head.startswith("<"):
        return _markup(head, source)
    if _HTML_INSIDE.search(head[:1024]):
        return "html"
    return "text"


def _json_array(text: str, source: str) -> str:
    try:
        json.loads(text)
    except ValueError:
        return "text"
    raise InputRejected(source, "unsupported",
                        "a JSON array; write one JSON object per line (JSONL) with a 'text' or 'html' field")


def _markup(head: str, source: str) -> str:
    if re.search(r"<!doctype html", head, re.I):
        return "html"
    match = _FIRST_TAG.search(head[_PROLOGUE.match(head).end():])
    root = match.group(1).lower() if match else ""
    if root in FEED_ROOTS:
        return "feed"
    if root in HTML_TAGS:
        return "html"
    raise InputRejected(source, "unsupported",
                        f"an XML document with root <{root or '?'}>; storyline reads RSS/Atom feeds and HTML")
