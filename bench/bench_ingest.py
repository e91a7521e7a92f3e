"""Ingest throughput: articles per second and peak memory for ``storyline ingest`` on a folder.

    .venv/bin/python bench/bench_ingest.py [SOURCE ...] [--repeat N]

Each repeat ingests into a fresh SQLite database in a temporary folder. The pipeline load is timed apart
from the ingest itself. Results go to stdout as JSON and to bench/results/ingest.json.
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from storyline.extract import load_pipeline
from storyline.jobs import ingest
from storyline.settings import load_settings
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]


def one_run(sources: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=f"sqlite:///{tmp}/bench.db")
        store = Store(settings["db"])
        start = time.perf_counter()
        result = ingest(sources, store, settings, progress=False)
        seconds = time.perf_counter() - start
        words = sum(len(doc.text.split()) for doc in store.iter_documents())
        store.close()
    return {"articles": len(result.stored), "rejected": len(result.rejected), "seconds": round(seconds, 3),
            "articles_per_s": round(len(result.stored) / seconds, 2), "words_per_s": round(words / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sources", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    load_pipeline()
    load_seconds = time.perf_counter() - start
    runs = [one_run(args.sources) for _ in range(args.repeat)]
    best = max(runs, key=lambda r: r["articles_per_s"])
    report = {"sources": args.sources, "pipeline_load_s": round(load_seconds, 2), "runs": runs, "best": best,
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "ingest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
