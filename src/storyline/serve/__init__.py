"""The serve stage: the REST API (FastAPI) over a store, for ``storyline serve`` and for embedding.

    create_app(settings=None) -> FastAPI     every route is under /api; OpenAPI docs at /api/docs
"""
from .app import create_app

__all__ = ["create_app"]
