"""The command line, run as a user runs it: the installed console script in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).with_name("storyline"))


def run(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, timeout=600,
                          env={**os.environ, "STORYLINE_SETTINGS": "/nonexistent"})
    if check and proc.returncode != 0:
        raise AssertionError(f"storyline {' '.join(args)} exited {proc.returncode}\n{proc.stderr[-3000:]}")
    return proc


@pytest.mark.model
def test_extract_seed_keeps_article_and_drops_boilerplate(shared):
    seed = shared("seed", "article.txt")
    gold = json.loads(shared("seed", "gold.json").read_text())
    doc = json.loads(run("extract", str(seed), "--published", "2025-10-16", "--format", "json").stdout)
    raw_paragraphs = [p.strip() for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    article = [p for p in raw_paragraphs if p not in gold["boilerplate"]]
    assert len(article) == 16
    for paragraph in article:
        assert paragraph in doc["text"], f"article paragraph lost from text: {paragraph[:60]!r}"
    for line in gold["boilerplate"]:
        assert line not in doc["text"].split("\n\n"), f"boilerplate kept in text: {line!r}"
        assert line in [r["text"] for r in doc["removed"]], f"boilerplate not listed in removed: {line!r}"
    assert doc["published"] == "2025-10-16"


@pytest.mark.model
def test_ingest_twice_and_rejections_are_stored(shared, db_url, tmp_path):
    seed = shared("seed", "article.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "cut.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>A')
    first = run("ingest", str(seed), "--published", "2025-10-16", "--db", db_url)
    assert "stored 1 new" in first.stdout
    again = run("ingest", str(seed), "--published", "2025-10-16", "--db", db_url)
    assert "stored 0 new, 1 already stored" in again.stdout
    bad = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "blob.bin"), str(tmp_path / "cut.xml"),
              "--db", db_url, check=False)
    assert bad.returncode == 1
    assert len(bad.stderr.strip().splitlines()) == 3, bad.stderr
    stats = json.loads(run("stats", "--db", db_url, "--format", "json").stdout)
    assert stats["articles"] == 1 and stats["rejected"] == 3
    reasons = {r["reason"] for r in json.loads(run("rejects", "--db", db_url, "--format", "json").stdout)}
    assert reasons == {"empty", "binary", "malformed_feed"}


@pytest.mark.model
def test_show_and_export_print_stored_documents(shared, tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    run("ingest", str(shared("seed", "article.txt")), "--published", "2025-10-16", "--db", db)
    out = tmp_path / "all.jsonl"
    run("export", "--format", "jsonl", "--out", str(out), "--db", db)
    lines = out.read_text().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    shown = json.loads(run("show", doc["id"], "--db", db).stdout)
    assert shown == doc


def test_show_unknown_id_says_what_to_do(tmp_path):
    proc = run("show", "nope", "--db", f"sqlite:///{tmp_path / 'e.db'}", check=False)
    assert proc.returncode == 2
    assert "storyline export" in proc.stderr


@pytest.mark.model
def test_killed_ingest_keeps_what_it_saved_and_a_rerun_completes(tmp_path):
    """SIGKILL ``storyline ingest`` mid-run: every saved article survives, and running again finishes the job."""
    import signal
    import time

    import sqlalchemy as sa

    db_path = tmp_path / "k.db"
    db = f"sqlite:///{db_path}"
    examples = ROOT / "examples"
    env = {**os.environ, "STORYLINE_SETTINGS": "/nonexistent", "STORYLINE_BATCH_SIZE": "1"}
    proc = subprocess.Popen([EXE, "ingest", str(examples), "--db", db], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def saved() -> int:
        if not db_path.exists():
            return 0
        engine = sa.create_engine(db)
        try:
            with engine.connect() as conn:
                return conn.execute(sa.text("select count(*) from articles")).scalar_one()
        except sa.exc.OperationalError:
            return 0  # tables not created yet, or a writer holds the lock
        finally:
            engine.dispose()

    deadline = time.monotonic() + 300
    while saved() < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    kept = saved()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed; use more input"
    assert kept >= 2
    rerun = run("ingest", str(examples), "--db", db)
    assert f"{kept} already stored" in rerun.stdout, rerun.stdout
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 21
    stories = json.loads(run("stories", "--db", db, "--format", "json").stdout)["stories"]
    assert sum(len(s["articles"]) for s in stories) == 21, "an article saved before the kill has no story"
