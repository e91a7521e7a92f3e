"""A story's updates as an Atom feed (RFC 4287): one entry per article, newest first.

Each entry's summary says what the article changed in the story: the event statuses it reported first (from the
story timeline: "CONSULT Trump – Putin: planned"), and, for copies and rewrites, which version it copies and any
quote it reworded.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(value: str | None) -> str:
    if not value:
        return "1970-01-01T00:00:00Z"
    return value if "T" in value else f"{value[:10]}T00:00:00Z"


def _event_label(event: dict) -> str:
    actors = " – ".join(n for n in (event.get("source_name"), event.get("target_name")) if n)
    return f"{event.get('type') or 'event'} {actors}".strip()


def updates_by_article(story: dict) -> dict[str, list[str]]:
    """article id -> lines saying what that article changed: new statuses, copies, changed quotes."""
    lines: dict[str, list[str]] = {}
    for entry in story.get("timeline", ()):
        for step in entry["status_history"]:
            lines.setdefault(step["article_id"], []).append(f"{_event_label(entry['event'])}: {step['status']}")
    for article in story.get("articles", ()):
        if article.get("copy_of"):
            note = f"{article.get('kind') or 'copy'} of {article['copy_of']}"
            lines.setdefault(article["id"], []).insert(0, note)
        for change in article.get("quote_changes", ()):
            lines.setdefault(article["id"], []).append(
                f"quote by {change.get('speaker') or 'unknown speaker'} reworded: “{change['changed']}” "
                f"(was “{change['original']}”)")
    return lines


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom(story: dict) -> str:
    """The Atom XML for ``story`` as returned by ``service.get_story``."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _add(root, "id", f"urn:storyline:story:{story['id']}")
    _add(root, "title", story.get("title") or story["id"])
    _add(root, "subtitle", story.get("summary") or "")
    _add(root, "updated", _stamp(story.get("last_seen")))
    _add(_add(root, "author"), "name", "storyline")
    updates = updates_by_article(story)
    for article in sorted(story.get("articles", ()), key=lambda a: (a.get("published") or "", a["id"]),
                          reverse=True):
        entry = _add(root, "entry")
        _add(entry, "id", f"urn:storyline:article:{article['id']}")
        _add(entry, "title", article.get("title") or article["id"])
        _add(entry, "updated", _stamp(article.get("published")))
        if article.get("url"):
            _add(entry, "link", href=article["url"])
        _add(entry, "summary", "\n".join(updates.get(article["id"], [])) or "New article in the story.")
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
