"""Main-text extraction scored on the article-extraction-benchmark (scrapinghub, 102 pages here).

    python -m storyline.eval.aeb [DATA_DIR] [--split dev|test] [--english]

Each page goes through the ingest code path (``ingest.read_bytes``: decoding, sniffing, trafilatura, the
furniture filter, the checks); a rejected page predicts the empty text. The metric is upstream's: tokens are
``\\w+`` runs (case kept), shingles are word 4-grams counted as multisets; per page TP/FP/FN are normalised to
sum 1; precision and recall are means over the pages where they are defined, F1 is their harmonic mean.
Splits: "dev" = the first half of page ids in sorted order (tune here), "test" = the second half.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from ..errors import EvalDataError, InputRejected
from ..models import Article
from ..settings import SETTINGS

DEFAULT_DATA = "../shared/eval/extraction_aeb"
SPLITS = (None, "dev", "test")
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page's shingle multisets."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp, fn = sum((pred - true).values()), sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(tp: float, other: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + other) if tp + other else 0.0


def summarise(scores: list[tuple[float, float, float]]) -> dict:
    precisions = [_ratio(tp, fp, fp, fn) for tp, fp, fn in scores if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp, fn) for tp, fp, fn in scores if tp + fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return {"pages": len(scores), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load(data: str) -> dict[str, dict]:
    root = Path(data)
    truth = root / "ground-truth.json"
    if not truth.is_file() or not (root / "html").is_dir():
        raise EvalDataError(str(root), "expected ground-truth.json and html/<id>.html.gz (article-extraction-"
                                       "benchmark layout); pass the folder that holds them")
    return json.loads(truth.read_text(encoding="utf-8"))


def select(ids: list[str], split: str | None) -> list[str]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    ids = sorted(ids)
    half = len(ids) // 2
    return ids if split is None else ids[:half] if split == "dev" else ids[half:]


def predict(page: bytes, page_id: str, url: str | None, check_english: bool = False) -> str:
    """The main text ingest makes of one page ('' when it rejects the page)."""
    from ..ingest import read_bytes
    from ..ingest.base import Context
    from ..ingest.fetch import Fetcher

    settings = {**{s.name: s.default for s in SETTINGS}, "min_english_share": 0.0 if not check_english else 0.5}
    ctx = Context(settings, None, Fetcher(settings))
    try:
        items = list(read_bytes(page, page_id, ctx, base_url=url))
    except InputRejected:  # a rejected page predicts nothing
        return ""
    return next((i.text for i in items if isinstance(i, Article)), "")


def evaluate(data: str = DEFAULT_DATA, split: str | None = None, check_english: bool = False) -> dict:
    """{"pages", "precision", "recall", "f1", "seconds"} of ingest's extraction on ``split`` of ``data``.

    The benchmark holds non-English pages, which ingest rightly rejects; the English check is off unless
    ``check_english`` (then those pages score as missed).
    """
    truth = load(data)
    start = time.perf_counter()
    scores = []
    for page_id in select(list(truth), split):
        page = gzip.decompress((Path(data) / "html" / f"{page_id}.html.gz").read_bytes())
        predicted = predict(page, page_id, truth[page_id].get("url"), check_english)
        scores.append(page_scores(truth[page_id].get("articleBody", ""), predicted))
    return {**summarise(scores), "seconds": round(time.perf_counter() - start, 2)}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    split = args[args.index("--split") + 1] if "--split" in args else None
    data = next((a for a in args if not a.startswith("--") and a not in SPLITS), DEFAULT_DATA)
    result = evaluate(data, split, check_english="--english" in args)
    print(json.dumps({"split": split or "all", **result}, indent=1))


if __name__ == "__main__":
    main()
