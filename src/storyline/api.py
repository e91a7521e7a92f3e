"""The Python API for notebooks and scripts: the same functions the CLI calls."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from .errors import InputRejected
from .extract import analyse_many, load_pipeline
from .ingest import article_from_text, read_sources
from .models import Article, Document, Rejection
from .settings import load_settings


def _is_source(value: str | os.PathLike) -> bool:
    if isinstance(value, os.PathLike):
        return True
    text = str(value)
    if text.startswith(("http://", "https://")) and "\n" not in text:
        return True
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).exists()
    except OSError:  # a one-line text longer than a file name can be ("File name too long") is text, not a path
        return False


def articles_from(items: Iterable[str | os.PathLike | Article], settings: dict, published: str | None = None,
                  ) -> Iterator[Article | Rejection]:
    """Articles (or rejections) from a mix of paths, URLs, raw texts and ready Articles."""
    for item in items:
        if isinstance(item, Article):
            yield item
        elif _is_source(item):
            yield from read_sources([str(item)], settings, published=published)
        else:
            yield article_from_text(str(item), source="<text>", published=published, settings=settings)


def extract_many(items: Iterable[str | os.PathLike | Article], published: str | None = None,
                 nlp: Language | None = None, settings: dict | None = None,
                 on_reject=None) -> Iterator[Document]:
    """Stream Documents for texts, paths, URLs or Articles, with the pipeline loaded once.

    Rejected inputs are passed to ``on_reject(rejection)`` when given, and skipped.
    """
    settings = settings or load_settings()
    nlp = nlp or load_pipeline(settings["pipeline"])

    def accepted() -> Iterator[Article]:
        for item in articles_from(items, settings, published):
            if isinstance(item, Rejection):
                if on_reject:
                    on_reject(item)
                continue
            yield item

    yield from analyse_many(nlp, accepted(), batch_size=settings["batch_size"])


def extract(text_or_path: str | os.PathLike, published: str | None = None, nlp: Language | None = None,
            settings: dict | None = None) -> Document:
    """One Document from a text, a file path or a URL. A rejected input raises ``InputRejected``."""
    rejected: list[Rejection] = []
    docs = list(extract_many([text_or_path], published=published, nlp=nlp, settings=settings,
                             on_reject=rejected.append))
    if rejected:
        raise InputRejected(rejected[0].source, rejected[0].reason, rejected[0].detail)
    if not docs:
        raise InputRejected(str(text_or_path), "empty", "no article found in the input")
    return docs[0]
