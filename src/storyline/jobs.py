"""Jobs that join stages: ingest sources into the store. The CLI and the REST API call these."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from tqdm import tqdm

from .extract import analyse_many, load_pipeline
from .ingest import read_sources
from .models import Article, IngestResult, Rejection
from .store import Store

log = logging.getLogger(__name__)


def ingest(sources: Iterable[str], store: Store, settings: dict, published: str | None = None,
           progress: bool | None = None, on_reject: Callable[[Rejection], None] | None = None,
           transport=None) -> IngestResult:
    """Read ``sources`` (paths, directories, URLs) and ingest what they hold (see ``ingest_items``)."""
    items = read_sources(sources, settings, published=published, transport=transport)
    return ingest_items(items, store, settings, progress=progress, on_reject=on_reject)


def ingest_items(items: Iterable[Article | Rejection], store: Store, settings: dict, progress: bool | None = None,
                 on_reject: Callable[[Rejection], None] | None = None, nlp=None) -> IngestResult:
    """Analyse each new article and save it; store every rejection.

    An article already in the store is not analysed again (ingesting twice changes nothing). Each document is
    committed on its own, so an interrupted run keeps everything saved before the interruption.
    """
    stored: list[str] = []
    unchanged: list[str] = []
    rejected: list[Rejection] = []

    def new_articles() -> Iterator[Article]:
        for item in tqdm(items, desc="ingest", unit=" article", disable=None if progress is None else not progress):
            if isinstance(item, Rejection):
                store.save_rejection(item)
                rejected.append(item)
                if on_reject:
                    on_reject(item)
            elif store.has_article(item.id):
                unchanged.append(item.id)
                _catch_up(store, item.id)
            else:
                yield item

    articles = new_articles()
    first = next(articles, None)
    if first is not None:
        for doc in _analysed(_chain(first, articles), settings, nlp):
            if store.save_document(doc):
                stored.append(doc.id)
                _after_save(store, doc)
            else:
                unchanged.append(doc.id)
    return IngestResult(stored=tuple(stored), unchanged=tuple(unchanged), rejected=tuple(rejected))


def _analysed(articles: Iterator[Article], settings: dict, nlp=None):
    """Documents in input order: in this process, or on a Ray pool when the ``workers`` setting is above 1."""
    workers = int(settings.get("workers", 1))
    if workers > 1 and nlp is None:
        from .batch import analyse_parallel

        return analyse_parallel(articles, settings, workers)
    return analyse_many(nlp or load_pipeline(settings["pipeline"]), articles, batch_size=settings["batch_size"])


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _after_save(store: Store, doc) -> None:
    """Hooks that run after a new document is saved: the built-in story clustering, then ``AFTER_SAVE``."""
    from .stories import on_saved

    for hook in (on_saved, *AFTER_SAVE):
        hook(store, doc)


def _catch_up(store: Store, article_id: str) -> None:
    """An article saved by a run that was killed before its story was assigned gets one now."""
    from .stories import online, repo

    if not repo.is_placed(store, article_id):
        online.place(store, store.get_document(article_id))


# Extension point: callables ``hook(store, document)`` run after each newly saved document.
AFTER_SAVE: list[Callable] = []
