"""Articles -> Documents on a pool of Ray actors, streamed: at most ``2 * workers`` chunks are in flight."""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from ..models import Article, Document
from ..settings import SETTINGS

CHUNK = 8  # articles per task: big enough to amortise a round trip, small enough to keep every worker busy


def analyse_parallel(articles: Iterable[Article], settings: dict, workers: int, chunk: int = CHUNK
                     ) -> Iterator[Document]:
    """Documents for ``articles`` in input order, analysed by ``workers`` Ray actors on a local cluster."""
    import ray

    started = _start_ray(workers)
    pool = [_analyser().remote(worker_env(settings)) for _ in range(workers)]
    in_flight: deque = deque()
    try:
        for number, batch in enumerate(_chunks(articles, chunk)):
            in_flight.append(pool[number % workers].analyse.remote(batch))
            if len(in_flight) >= 2 * workers:
                yield from ray.get(in_flight.popleft())
        while in_flight:
            yield from ray.get(in_flight.popleft())
    finally:
        for actor in pool:
            ray.kill(actor)
        if started:
            ray.shutdown()


def _start_ray(workers: int) -> bool:
    """Join the cluster named by RAY_ADDRESS, or start a local one with ``workers`` CPUs; True if started here."""
    import ray

    if ray.is_initialized():
        return False
    quiet = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if os.environ.get("RAY_ADDRESS"):
        ray.init(address=os.environ["RAY_ADDRESS"], log_to_driver=False, configure_logging=False)
    else:
        ray.init(num_cpus=workers, **quiet)
    return True


def worker_env(settings: dict) -> dict[str, str]:
    """The driver's settings as STORYLINE_* variables, with knowledge file paths made absolute."""
    env = {}
    for setting in SETTINGS:
        value = settings.get(setting.name, setting.default)
        if setting.name == "knowledge_files" and value:
            value = ":".join(os.path.abspath(p) for p in str(value).split(":") if p)
        env[f"STORYLINE_{setting.name.upper()}"] = str(value)
    return env


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


_ACTOR = None


def _analyser():
    """The Ray actor class, defined on first use so that importing storyline does not import Ray."""
    global _ACTOR
    if _ACTOR is None:
        import ray

        @ray.remote(num_cpus=1)
        class Analyser:
            def __init__(self, env: dict[str, str]):
                os.environ.update(env)
                from ..extract import load_pipeline

                self.nlp = load_pipeline(env["STORYLINE_PIPELINE"])
                self.batch_size = int(env["STORYLINE_BATCH_SIZE"])

            def analyse(self, articles: list[Article]) -> list[Document]:
                from ..extract import analyse_many

                return list(analyse_many(self.nlp, articles, batch_size=self.batch_size))

        _ACTOR = Analyser
    return _ACTOR
