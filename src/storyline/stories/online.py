"""The ingest hook and the offline replay.

``on_saved(store, doc)`` runs after each newly saved document (``storyline.jobs.AFTER_SAVE``): it places the
article with the store's StoryIndex — loaded from the database on first use, then kept in memory beside that
Store object — and writes the result. ``rebuild(store)`` forgets every story and replays all articles through
the same path in publication order, so an online run over articles that arrived in that order ends with the
same stories.
"""
from __future__ import annotations

import logging
import weakref

from ..models import Document
from ..settings import load_settings
from . import repo
from .cluster import Assignment, Params, StoryIndex

log = logging.getLogger(__name__)

_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def params_for(settings: dict | None = None) -> Params:
    return Params.from_settings(settings or load_settings())


def index_for(store, params: Params | None = None) -> StoryIndex:
    """The in-memory index of ``store`` (loaded from the database the first time)."""
    index = _INDEXES.get(store)
    if index is None:
        index = repo.load_index(store, params or params_for())
        _INDEXES[store] = index
    return index


def place(store, doc: Document, params: Params | None = None) -> Assignment:
    placed = index_for(store, params).place(doc)
    repo.save(store, placed)
    log.debug("article %s -> story %s (%s, score %.3f)", doc.id, placed.story.id,
              "new" if placed.created else placed.link.kind if placed.link else "joined", placed.score)
    return placed


def on_saved(store, doc: Document) -> None:
    """The AFTER_SAVE hook: place each newly stored article in a story (once; unsaved documents are skipped)."""
    if repo.is_placed(store, doc.id) or not store.has_article(doc.id):
        log.debug("article %s is already in a story or not stored: not placed again", doc.id)
        return
    place(store, doc)


def rebuild(store, params: Params | None = None) -> dict:
    """Re-cluster every stored article, in publication order, through the online path."""
    repo.clear(store)
    _INDEXES.pop(store, None)
    index = StoryIndex(params or params_for())
    _INDEXES[store] = index
    articles = copies = 0
    for doc in store.iter_documents(order="published"):
        placed = index.place(doc)
        repo.save(store, placed)
        articles += 1
        copies += placed.link is not None
    stories = len(repo.story_rows(store))
    return {"articles": articles, "stories": stories, "copies": copies}
