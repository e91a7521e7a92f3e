"""Batch ingest on Ray: wall time and articles per second with 1 (in-process) and N Ray workers.

    .venv/bin/python bench/bench_batch.py [--articles 200] [--workers 1 2]

The articles are the first N texts of the ECB+ file in ../shared/eval (read at run time, never copied), written
to a temporary JSONL dump so that every run reads the same input. Each run ingests into a fresh SQLite database;
the Ray runs include starting the local cluster and loading the pipeline in every worker, as a user's run does.
Results go to stdout as JSON and to bench/results/batch.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import tempfile
import time
from pathlib import Path

from storyline.jobs import ingest
from storyline.settings import load_settings
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "stories_ecbplus" / "ecbplus_train_dev.jsonl.gz"


def dump(path: Path, count: int) -> int:
    rows = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows.append({"url": f"https://bench.example/{row['doc_id']}", "text": row["text"],
                         "published": "2025-01-01"})
            if len(rows) == count:
                break
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return sum(len(r["text"].split()) for r in rows)


def one_run(source: Path, workers: int, words: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=f"sqlite:///{tmp}/bench.db", workers=workers)
        with Store(settings["db"]) as store:
            start = time.perf_counter()
            result = ingest([str(source)], store, settings, progress=False)
            seconds = time.perf_counter() - start
    return {"workers": workers, "articles": len(result.stored), "seconds": round(seconds, 1),
            "articles_per_s": round(len(result.stored) / seconds, 2), "words_per_s": round(words / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        words = dump(source, args.articles)
        runs = [one_run(source, w, words) for w in args.workers]
    report = {"articles": args.articles, "words": words, "cpus": os.cpu_count(), "runs": runs}
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "batch.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
