"""Evaluation against public benchmarks: one module per data set, each with
``evaluate(data: str, split: str | None = None, **options) -> dict`` returning JSON-ready metrics.

Data formats are described in ../shared/eval/README.md. The registry below is the only list of names;
``storyline eval NAME`` and the quality gates in tests/ go through it.
"""
from __future__ import annotations

import importlib

from ..errors import EvalDataError

EVALUATORS = {
    "aeb": "storyline.eval.aeb",  # main-text extraction (article-extraction-benchmark)
    "meantime": "storyline.eval.meantime",  # entity mentions
    "timeml": "storyline.eval.timeml",  # TIMEX3 spans and values
    "geo": "storyline.eval.geo",  # toponyms and their coordinates
    "plover": "storyline.eval.plover",  # PLOVER event type, source, target
    "petrarch": "storyline.eval.petrarch",  # CAMEO codes on PETR records
    "codebook": "storyline.eval.codebook",  # the team's own probe sentences, one or more per CAMEO code
    "newswire": "storyline.eval.newswire",  # CAMEO codes on real wire sentences, the team's blind coding
    "factuality": "storyline.eval.factuality",  # event status vs MEANTIME factuality
    "polnear": "storyline.eval.polnear",  # quotes and speakers
    "ecbplus": "storyline.eval.ecbplus",  # story clustering
}


def evaluate(name: str, data: str, split: str | None = None, **options) -> dict:
    if name not in EVALUATORS:
        raise EvalDataError(data, f"unknown evaluation {name!r}; choose one of {', '.join(EVALUATORS)}")
    try:
        module = importlib.import_module(EVALUATORS[name])
    except ModuleNotFoundError as exc:
        raise EvalDataError(data, f"evaluation {name!r} is not available in this build ({exc})") from exc
    return module.evaluate(data, split=split, **options)
