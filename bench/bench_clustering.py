"""Per-article cost of online story clustering as the store grows (issue 6: it must stay flat).

Generates 1,000 synthetic news Documents (no spaCy: built directly) — 200 stories over 60 days, each with its own
vocabulary, actors and places on top of a shared background vocabulary — and ingests them one by one, in
publication order, through the online path (``storyline.stories.online.place``: dedup, clustering and the
database writes) into a fresh SQLite store. Writes the mean milliseconds per article for each block of 100
articles, and the same for the in-memory clustering alone, to bench/results/clustering.json.

    python bench/bench_clustering.py [--articles 1000] [--out bench/results/clustering.json]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from storyline.models import Document, Entity, Mention, Place
from storyline.stories import online
from storyline.stories.cluster import StoryIndex
from storyline.store import Store

SEED = 6
BLOCK = 100


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def _story_plan(rng: random.Random, n: int, background: list[str]) -> dict:
    start = date(2025, 1, 1) + timedelta(days=rng.randint(0, 58))
    return {"n": n, "start": start, "words": [_word(rng) for _ in range(40)],
            "actors": [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(3)],
            "place": (_word(rng).title(), rng.choice(["US", "FR", "DE", "CL", "ID", "HU", "RU", "UA"])),
            "background": background}


def _article(rng: random.Random, plan: dict, k: int) -> Document:
    words = [rng.choice(plan["words"]) if rng.random() < 0.45 else rng.choice(plan["background"])
             for _ in range(rng.randint(150, 400))]
    actors = rng.sample(plan["actors"], 2)
    text = " ".join(words[:20]) + f". {actors[0]} met {actors[1]} in {plan['place'][0]}. " + " ".join(words[20:])
    published = plan["start"] + timedelta(days=rng.randint(0, 5))
    entities = tuple(Entity(id=f"e{i}", name=a, type="PERSON", mentions=(Mention(0, 1, a),) * 2)
                     for i, a in enumerate(actors))
    places = (Place(id="p1", name=plan["place"][0], country=plan["place"][1], lat=None, lon=None, kind="city"),)
    ident = f"bench-{plan['n']:03d}-{k:02d}"
    title = " ".join(rng.sample(plan["words"], 6)).title()
    return Document(id=ident, title=title, url=f"https://bench.example/{ident}", published=published.isoformat(),
                    language="en", text=text, entities=entities, places=places,
                    site=f"site{rng.randint(1, 20)}.example")


def corpus(count: int) -> list[Document]:
    rng = random.Random(SEED)
    background = [_word(rng) for _ in range(3000)]
    plans = [_story_plan(rng, n, background) for n in range(count // 5)]
    docs = [_article(rng, plan, k) for plan in plans for k in range(5)][:count]
    return sorted(docs, key=lambda d: (d.published, d.id))


def _block(start: int, block: list[float]) -> dict:
    return {"articles": start + len(block), "mean_ms": round(statistics.mean(block) * 1000, 2),
            "p90_ms": round(sorted(block)[int(0.9 * len(block))] * 1000, 2)}


def _blocks(times: list[float]) -> list[dict]:
    return [_block(start, times[start:start + BLOCK]) for start in range(0, len(times), BLOCK)]


def run(count: int) -> dict:
    docs = corpus(count)
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/bench.db") as store:
        online_times = []
        for doc in docs:
            store.save_document(doc)
            start = time.perf_counter()
            online.place(store, doc)
            online_times.append(time.perf_counter() - start)
        stories = len(online.index_for(store).stories)
    index, memory_times, found = StoryIndex(), [], {}
    for doc in docs:
        start = time.perf_counter()
        found[doc.id] = index.place(doc).story.id
        memory_times.append(time.perf_counter() - start)
    pure = sum(len({found[d.id] for d in docs if d.id[:9] == plan}) == 1 for plan in {d.id[:9] for d in docs})
    return {"articles": count, "synthetic_stories": count // 5, "stories_found": len(set(found.values())),
            "synthetic_stories_kept_whole": pure, "warm_stories_at_end": stories,
            "online_with_sqlite": _blocks(online_times), "clustering_in_memory": _blocks(memory_times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "clustering.json"))
    args = parser.parse_args()
    result = run(args.articles)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['stories_found']} stories found for {result['synthetic_stories']} generated "
          f"({result['synthetic_stories_kept_whole']} kept whole)")
    for row, mem in zip(result["online_with_sqlite"], result["clustering_in_memory"]):
        print(f"{row['articles']:5d} articles: {row['mean_ms']:7.2f} ms/article online, {mem['mean_ms']:6.2f} in memory")


if __name__ == "__main__":
    main()
