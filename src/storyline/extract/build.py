"""Running the pipeline over Articles and turning finished Docs into Documents."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Article, Document, parse_day
from .state import state


def _sentence_hook(doc: Doc):
    """A fast ``span.sent`` for ``doc``: spaCy's own rescans the whole Doc for sentence annotation on every
    call, which made our components quadratic in document length. Sentence starts are read once, after the
    parser has run (the first ``.sent`` comes from our components), then found by bisection."""
    starts: list[int] = []

    def sent(span):
        if not starts:
            starts.extend(s.start for s in doc.sents)
        k = max(bisect_right(starts, span.start) - 1, 0)
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        return doc[starts[k]:end]

    return sent


def _prepared(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc.user_span_hooks["sent"] = _sentence_hook(doc)
    state(doc).published = parse_day(article.published)
    return doc


def to_document(article: Article, doc: Doc) -> Document:
    sl = state(doc)
    return Document(
        id=article.id,
        title=article.title,
        url=article.url,
        published=article.published,
        language=article.language,
        text=article.text,
        removed=article.removed,
        entities=tuple(sl.entities),
        places=tuple(sl.places),
        dates=tuple(sl.dates),
        events=tuple(sl.events),
        quotes=tuple(sl.quotes),
        source=article.source,
        site=article.site,
    )


def analyse(nlp: Language, article: Article) -> Document:
    """One Article through the whole pipeline."""
    doc = _prepared(nlp, article)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return to_document(article, doc)


def analyse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Document]:
    """Stream Documents for ``articles`` with the pipeline loaded once (spaCy batches the work)."""
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield _prepared(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_document(pending.pop(0), doc)
