"""The REST API. Routes are thin: each calls the same function the CLI calls and returns its JSON.

    GET  /api/health                        version and database
    GET  /api/stats                         what the store holds
    GET  /api/articles?limit&offset         stored articles, newest first
    GET  /api/articles/{id}                 one document: actors, places, dates, events, quotes, evidence spans
    GET  /api/events?plover&status&actor&since&until&limit
    GET  /api/quotes?speaker&since&until&limit
    GET  /api/stories?limit                 developing stories, most recently active first
    GET  /api/stories/{id}                  one story with its articles and merged timeline
    GET  /api/stories/{id}/feed             its Atom feed of updates
    GET  /api/trending?now&window_hours     bursting stories and actors, with the counts that explain them
    GET  /api/rejections                    refused inputs with their typed reasons
    POST /api/ingest?published&name&url     body: a text, HTML page, RSS/Atom feed or JSONL dump -> stored
    POST /api/extract?published&name&url    the same body analysed and returned, not stored
    GET  /                                  the web UI (static/index.html, app.js): stories, timelines,
                                            articles with their evidence marked, event and quote search

Errors are JSON ``{"error": kind, "detail": how to fix it}``: 404 for an unknown id, 422 for input that was
refused (with its stored reason), 400 for other bad requests.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import NotFound, StorylineError
from ..ingest import read_upload
from ..models import Article, Rejection
from ..settings import load_settings
from ..store import Store, queries
from ..store.engine import display

STATIC = Path(__file__).with_name("static")


def create_app(settings: dict[str, Any] | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(title="storyline", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.store = Store(settings["db"])
    app.state.nlp = _LazyPipeline(settings["pipeline"])
    _errors(app)
    _read_routes(app)
    _story_routes(app)
    _write_routes(app)
    _ui_routes(app)
    return app


class _LazyPipeline:
    """The spaCy pipeline, loaded on the first request that needs it (reading routes never do)."""

    def __init__(self, name: str):
        self.name = name
        self._nlp = None
        self._lock = threading.Lock()

    def get(self):
        with self._lock:
            if self._nlp is None:
                from ..extract import load_pipeline

                self._nlp = load_pipeline(self.name)
            return self._nlp


def _errors(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"error": "not_found", "detail": str(exc)}, status_code=404)

    @app.exception_handler(StorylineError)
    def bad_request(_request: Request, exc: StorylineError) -> JSONResponse:
        return JSONResponse({"error": type(exc).__name__, "detail": str(exc)}, status_code=400)

    @app.exception_handler(ValueError)
    def bad_value(_request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"error": "bad_request", "detail": str(exc)}, status_code=400)


def _read_routes(app: FastAPI) -> None:
    store: Store = app.state.store

    @app.get("/api/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__, "db": display(store.engine.url)}

    @app.get("/api/stats")
    def stats() -> dict:
        return store.stats()

    @app.get("/api/articles")
    def articles(limit: int = 100, offset: int = 0) -> dict:
        return queries.articles(store, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict:
        return store.get_document(article_id).to_dict()

    @app.get("/api/events")
    def events(plover: str | None = None, status: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 100) -> dict:
        return queries.events(store, plover=plover, status=status, actor=actor, since=since, until=until,
                              limit=limit)

    @app.get("/api/quotes")
    def quotes(speaker: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 100) -> dict:
        return queries.quotes(store, speaker=speaker, since=since, until=until, limit=limit)

    @app.get("/api/rejections")
    def rejections() -> dict:
        return {"rejections": [_rejection(r) for r in store.rejections()]}


def _story_routes(app: FastAPI) -> None:
    from ..stories import service

    store: Store = app.state.store

    @app.get("/api/stories")
    def stories(limit: int | None = None) -> dict:
        return service.list_stories(store, limit=limit)

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict:
        return service.get_story(store, story_id)

    @app.get("/api/stories/{story_id}/feed")
    def story_feed(story_id: str) -> Response:
        return Response(service.story_feed(store, story_id), media_type="application/atom+xml")

    @app.get("/api/trending")
    def trending(now: str | None = None, window_hours: float | None = None) -> dict:
        return service.trending(store, now=now, window_hours=window_hours)


def _write_routes(app: FastAPI) -> None:
    from ..api import extract_many
    from ..jobs import ingest_items

    store: Store = app.state.store
    settings = app.state.settings

    @app.post("/api/ingest")
    async def ingest(request: Request, published: str | None = None, name: str = "",
                     url: str | None = None) -> JSONResponse:
        data = await request.body()

        def run():
            items = read_upload(data, _source(name, url), settings, published, name, url)
            return ingest_items(items, store, settings, progress=False, nlp=app.state.nlp.get())

        result = await run_in_threadpool(run)
        body = {"stored": list(result.stored), "unchanged": list(result.unchanged),
                "rejected": [_rejection(r) for r in result.rejected]}
        accepted = result.stored or result.unchanged
        return JSONResponse(body, status_code=200 if accepted else 422)

    @app.post("/api/extract")
    async def extract(request: Request, published: str | None = None, name: str = "",
                      url: str | None = None) -> JSONResponse:
        data = await request.body()

        def run():
            items = list(read_upload(data, _source(name, url), settings, published, name, url))
            articles = [i for i in items if isinstance(i, Article)]
            docs = [d.to_dict() for d in extract_many(articles, nlp=app.state.nlp.get(), settings=settings)]
            return docs, [_rejection(i) for i in items if isinstance(i, Rejection)]

        docs, rejected = await run_in_threadpool(run)
        return JSONResponse({"documents": docs, "rejected": rejected}, status_code=200 if docs else 422)


def _ui_routes(app: FastAPI) -> None:
    """The web UI: one static page (serve/static) that reads the routes above."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")


def _source(name: str, url: str | None) -> str:
    return url or (f"upload:{name}" if name else "upload")


def _rejection(rej: Rejection) -> dict:
    return {"source": rej.source, "reason": rej.reason, "detail": rej.detail}
