"""storyline: local-first news intelligence.

    >>> import storyline
    >>> doc = storyline.extract("article.txt", published="2025-10-16")
    >>> doc.to_dict()["events"]
"""
from .api import extract, extract_many
from .errors import (EvalDataError, FetchFailed, InputRejected, NotFound, PipelineNotFound, SettingsError,
                     StoreError, StorylineError)
from .extract import load_pipeline
from .models import Article, DateExpr, Document, Entity, Event, Mention, Place, Quote, Rejection, Removed, Span
from .settings import SETTINGS, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DateExpr",
    "Document",
    "Entity",
    "EvalDataError",
    "Event",
    "FetchFailed",
    "InputRejected",
    "Mention",
    "NotFound",
    "PipelineNotFound",
    "Place",
    "Quote",
    "Rejection",
    "Removed",
    "SETTINGS",
    "SettingsError",
    "Span",
    "StoreError",
    "StorylineError",
    "extract",
    "extract_many",
    "load_pipeline",
    "load_settings",
]
