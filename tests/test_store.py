"""The store against SQLite and PostgreSQL: the same tests run on both.

PostgreSQL comes from STORYLINE_TEST_PG (``eval "$(.ci/pg.sh)"`` starts one and prints it); without it the
PostgreSQL cases skip, except under CI=true, where they fail. Each PostgreSQL session works in a database of
its own (created and dropped here) when the role may create databases, and every test starts from no tables.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid

import pytest
import sqlalchemy as sa

from storyline.errors import NotFound, StoreError
from storyline.models import (DateExpr, Document, Entity, Event, Mention, Place, Quote, Rejection, Removed,
                              Span)
from storyline.store import Store, default_url, schema

PG_ENV = "STORYLINE_TEST_PG"


# ----------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def pg_url():
    """A PostgreSQL database for this session: a fresh one when the role may create it, else the given one."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set, and CI=true requires the PostgreSQL tests: run "
                        "`eval \"$(.ci/pg.sh)\"` first")
        pytest.skip(f"{PG_ENV} not set (`eval \"$(.ci/pg.sh)\"` starts a local PostgreSQL)")
    base = sa.make_url(url).set(drivername="postgresql+psycopg")
    name = f"storyline_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.ProgrammingError:  # no CREATEDB: share the given database, emptied before every test
        yield base.render_as_string(hide_password=False)
        return
    except sa.exc.OperationalError as exc:
        pytest.fail(f"{PG_ENV}={url} is not reachable: {exc.orig}")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _drop_all(url: str) -> None:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        found = sa.MetaData()
        found.reflect(conn)
        found.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL to a database with no tables in it."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = request.getfixturevalue("pg_url")
    _drop_all(url)
    return url


@pytest.fixture
def store(db_url):
    with Store(db_url) as opened:
        yield opened


def make_doc(n: int = 0, *, url: str | None = "auto", text: str | None = None,
             published: str | None = "2025-10-16") -> Document:
    """A hand-built document with two entities, a place, a date, an event and a quote."""
    text = text or (f"Story {n}. Ankara sent troops to the border, officials said on Monday. "
                    f"\"We will not stop,\" the minister said.")
    url = f"https://news.example/{n}" if url == "auto" else url
    turkey = Entity(id="TUR", name="Turkey", type="country", country="TUR", code="TUR",
                    aliases=("Ankara",), mentions=(Mention(10, 16, "Ankara", "place"),))
    minister = Entity(id="person:minister", name="the minister", type="person", country="TUR",
                      roles=("minister",), code="TURGOV", mentions=(Mention(95, 107, "the minister", "role"),))
    evidence = Span(10, 51, "Ankara sent troops to the border")
    return Document(
        id=f"doc{n:04d}" if url is None else f"{n:016x}",
        title=f"Troops {n}",
        url=url,
        published=published,
        language="en",
        text=text,
        removed=(Removed("Subscribe now", "boilerplate"),),
        entities=(turkey, minister),
        places=(Place("place:border", "the border", "TUR", 39.0, 35.0, "region", (Mention(33, 43, "the border"),)),),
        dates=(DateExpr("Monday", 70, 76, "2025-10-13", "day", "past"),),
        events=(Event(id="e1", source="TUR", target=None, source_name="Turkey", target_name=None,
                      plover="MOBILIZE", mode="military", cameo="152", status="occurred", date="2025-10-13",
                      location="place:border", evidence=evidence, confidence=0.8,
                      trigger=Span(17, 21, "sent"), source_code="TUR", quad_class=4, goldstein=-7.2,
                      reported="officials", more_evidence=(Span(0, 5, "Story"),)),),
        quotes=(Quote(id="q1", kind="direct", text="We will not stop", start=79, end=95,
                      speaker="person:minister", speaker_name="the minister", cue="said", date="2025-10-16",
                      cue_span=Span(108, 112, "said"), speaker_span=Span(95, 107, "the minister")),),
        source=f"feed.xml#{n}",
        site="news.example",
    )


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in schema.metadata.sorted_tables}


# -------------------------------------------------------------------------------------------------- tests


def test_opening_a_fresh_database_migrates_it_to_the_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "0001"
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                    schema.metadata)
        assert diff == [], f"migrations and schema.py disagree: {diff}"
        assert counts(store) == dict.fromkeys(counts(store), 0)
    with Store(db_url) as again:  # opening a migrated database again is a no-op
        assert again.stats()["articles"] == 0


def test_stores_opening_a_fresh_database_at_once_all_succeed(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_):
        with Store(db_url) as store:
            return store.stats()["articles"]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]


def test_document_round_trips(store):
    doc = make_doc(1)
    assert not store.has_article(doc.id)
    assert store.save_document(doc) is True
    assert store.has_article(doc.id)
    back = store.get_document(doc.id)
    assert back == doc, f"stored {doc.to_dict()}\nread back {back.to_dict()}"


def test_document_is_denormalised_for_queries(store):
    doc = make_doc(2)
    store.save_document(doc)
    with store.engine.connect() as conn:
        article = conn.execute(sa.select(schema.articles).where(schema.articles.c.id == doc.id)).one()
        entities = conn.execute(sa.select(schema.entities.c.entity_id, schema.entities.c.name,
                                          schema.entities.c.type, schema.entities.c.country,
                                          schema.entities.c.code).order_by(schema.entities.c.entity_id)).all()
        event = conn.execute(sa.select(schema.events)).one()
        quote = conn.execute(sa.select(schema.quotes)).one()
        place = conn.execute(sa.select(schema.places)).one()
    assert (article.url, article.title, article.published, article.site, article.source, article.language) == (
        doc.url, doc.title, doc.published, doc.site, doc.source, doc.language)
    assert article.text == doc.text and len(article.content_hash) == 64
    assert article.document == doc.to_dict()
    assert entities == [("TUR", "Turkey", "country", "TUR", "TUR"),
                        ("person:minister", "the minister", "person", "TUR", "TURGOV")]
    assert (event.article_id, event.event_id, event.plover, event.cameo, event.status, event.source_code,
            event.target_code, event.date, event.evidence) == (
        doc.id, "e1", "MOBILIZE", "152", "occurred", "TUR", None, "2025-10-13", "Ankara sent troops to the border")
    assert (quote.quote_id, quote.speaker_name, quote.kind, quote.date) == (
        "q1", "the minister", "direct", "2025-10-16")
    assert (place.place_id, place.lat, place.lon) == ("place:border", 39.0, 35.0)


def test_saving_the_same_document_twice_changes_nothing(store):
    doc = make_doc(3)
    assert store.save_document(doc) is True
    before, stamp = counts(store), _ingested_at(store, doc.id)
    assert store.save_document(doc) is False
    retitled = Document.from_dict({**doc.to_dict(), "title": "Changed"})
    assert store.save_document(retitled) is False
    assert counts(store) == before
    assert _ingested_at(store, doc.id) == stamp
    assert store.get_document(doc.id).title == doc.title


def test_known_url_or_text_is_unchanged(store):
    first = make_doc(4)
    store.save_document(first)
    same_url = Document.from_dict({**make_doc(5).to_dict(), "url": first.url})
    assert store.save_document(same_url) is False, "a second id for a known URL must not be stored"
    no_url = make_doc(6, url=None, text=first.text)
    assert store.save_document(no_url) is False, "a URL-less article whose text is known must not be stored"
    other = make_doc(7, url=None)
    assert store.save_document(other) is True
    assert store.stats()["articles"] == 2


def test_rejections_are_stored_once(store):
    empty = Rejection("inbox/blank.txt", "empty")
    assert store.save_rejection(empty) is True
    assert store.save_rejection(Rejection("inbox/blank.txt", "empty", "again")) is False
    assert store.save_rejection(Rejection("inbox/blank.txt", "binary", "NUL bytes")) is True
    assert store.save_rejection(Rejection("https://x.example/", "fetch_failed", "HTTP 503")) is True
    assert store.rejections() == [empty, Rejection("inbox/blank.txt", "binary", "NUL bytes"),
                                  Rejection("https://x.example/", "fetch_failed", "HTTP 503")]


def test_stats(store):
    for n in range(3):
        store.save_document(make_doc(10 + n))
    store.save_rejection(Rejection("a.bin", "binary"))
    store.save_rejection(Rejection("b.bin", "binary"))
    store.save_rejection(Rejection("c.txt", "empty"))
    assert store.stats() == {"articles": 3, "rejected": 3, "entities": 6, "events": 3, "quotes": 3,
                             "stories": 0, "rejected_by_reason": {"binary": 2, "empty": 1}}


def test_iter_documents_orders(store):
    docs = [make_doc(20, published="2025-10-02"), make_doc(21, published=None), make_doc(22, published="2025-10-01")]
    for doc in docs:
        store.save_document(doc)
    assert [d.id for d in store.iter_documents()] == [docs[2].id, docs[0].id, docs[1].id]
    assert [d.id for d in store.iter_documents("ingested")] == [d.id for d in docs]
    assert [d.id for d in store.iter_documents("id")] == sorted(d.id for d in docs)
    with pytest.raises(ValueError, match="unknown order"):
        list(store.iter_documents("random"))


def test_missing_id_raises_not_found(store):
    with pytest.raises(NotFound) as caught:
        store.get_document("nope")
    assert caught.value.ident == "nope"


@pytest.mark.parametrize("url, says", [
    ("mysql://user@host/db", "unsupported database type"),
    ("sqlite:////nonexistent/folder/store.db", "check that the folder"),
    ("postgresql://storyline:secret@127.0.0.1:1/storyline", "cannot connect to PostgreSQL at 127.0.0.1:1"),
    ("storyline", "not a database URL"),
    ("", "empty"),
])
def test_bad_url_raises_store_error(url, says):
    with pytest.raises(StoreError, match=says) as caught:
        Store(url)
    assert "secret" not in str(caught.value), "passwords must not appear in messages"


def test_default_url_normalises_settings():
    assert default_url({"db": "sqlite:///storyline.db"}) == "sqlite:///storyline.db"
    assert default_url({"db": "postgresql://u:p@h/d"}) == "postgresql+psycopg://u:p@h/d"
    assert default_url({"db": "data/news.db"}) == "sqlite:///data/news.db"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'wal.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


CRASHING_WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from test_store import make_doc
    from storyline.store import Store
    store = Store(sys.argv[1])
    for n in range(100000):
        doc = make_doc(n)
        store.save_document(doc)
        print(doc.id, flush=True)
""")


def test_killed_writer_keeps_every_committed_document(db_url):
    Store(db_url).close()  # migrate first, so the writer's first second is not spent on DDL
    writer = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, db_url, os.path.dirname(__file__)],
                              stdout=subprocess.PIPE, text=True)
    saved = []
    try:
        for line in writer.stdout:
            saved.append(line.strip())
            if len(saved) == 40:
                writer.send_signal(signal.SIGKILL)
                break
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert len(saved) == 40, f"the writer died early (exit {writer.returncode}) after {len(saved)} documents"
    assert writer.returncode == -signal.SIGKILL
    with Store(db_url) as store:
        for n, article_id in enumerate(saved):
            assert store.get_document(article_id) == make_doc(n), f"document {n} ({article_id}) was damaged"
        assert store.stats()["articles"] >= len(saved)
        assert store.stats()["entities"] == 2 * store.stats()["articles"], "a half-written document survived"
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def _ingested_at(store: Store, article_id: str):
    a = schema.articles.c
    with store.engine.connect() as conn:
        return conn.execute(sa.select(a.ingested_at).where(a.id == article_id)).scalar_one()
