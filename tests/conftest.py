"""Shared fixtures. Tests that read ../shared skip when it is absent, except under CI=true, where they fail."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_dir(*parts: str) -> Path:
    """Path under ../shared; skip the test when missing (fail under CI, where it must be there)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI=true requires ../shared beside the checkout")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session")
def shared():
    """``shared("seed", "article.txt")`` -> Path, skipping (or failing under CI) when absent."""
    return shared_dir


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with storyline's components, loaded once per test session."""
    from storyline.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_doc(nlp, shared):
    """The seed article through ingest and the whole pipeline, published 2025-10-16."""
    from storyline.api import extract

    return extract(shared("seed", "article.txt"), published="2025-10-16", nlp=nlp)


def _pg_database(base_url: str):
    """Create a fresh PostgreSQL database next to ``base_url``; yield its URL; drop it afterwards."""
    import uuid

    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    base = make_url(base_url.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"storyline_t_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database URL: SQLite in tmp_path, and PostgreSQL from STORYLINE_TEST_PG.

    The PostgreSQL case skips when STORYLINE_TEST_PG is unset, except under CI=true, where it fails.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get("STORYLINE_TEST_PG")
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail("STORYLINE_TEST_PG is not set under CI; .ci/run must start PostgreSQL (.ci/pg.sh)")
        pytest.skip("STORYLINE_TEST_PG not set")
    yield from _pg_database(base)
