"""Opening a database: URL normalisation, SQLite pragmas, migrations, and errors that say what to fix.

    sqlite:///path.db, or a bare path ending .db/.sqlite/.sqlite3
                                   -> SQLite in WAL mode, foreign keys on, 5 s busy timeout
    postgresql:// or postgres://   -> PostgreSQL through psycopg 3 (postgresql+psycopg://)
"""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError

from ..errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
BUSY_TIMEOUT_MS = 5000
PG_CONNECT_TIMEOUT_S = 10
_PG_MIGRATE_LOCK = 0x5370_7279  # pg_advisory_xact_lock key: one migrator at a time


def normalise_url(url: str) -> sa.URL:
    """A bare ``*.db`` path becomes SQLite; postgresql:// and postgres:// get the psycopg 3 driver."""
    text = str(url).strip()
    if not text:
        raise StoreError(url, "the database URL is empty")
    if "://" not in text:
        if not text.lower().endswith(SQLITE_SUFFIXES):
            raise StoreError(url, f"not a database URL; for a SQLite file write sqlite:///{text}")
        text = f"sqlite:///{text}"
    try:
        parsed = sa.make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(url, f"not a database URL ({exc})") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(url, f"unsupported database type {parsed.get_backend_name()!r}; "
                              "storyline works with SQLite and PostgreSQL")
    return parsed


def display(url: sa.URL) -> str:
    """The URL with its password hidden, for messages and logs."""
    return url.render_as_string(hide_password=True)


def create_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    engine = sa.create_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (so DDL is transactional too).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _write_ahead_log(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: a crashed process loses nothing committed
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _write_ahead_log(cursor) -> None:
    """Switch the file to WAL. On a fresh file that several processes open at once the switch can fail at once
    with "database is locked": SQLite does not wait the busy timeout for it. So try again until that timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def migrate(engine: sa.Engine) -> None:
    """``alembic upgrade head`` on ``engine``, holding the write lock so concurrent openers wait their turn."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(sqlite_immediate=True) as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATE_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    log.debug("database %s is at the latest schema", display(engine.url))


def open_engine(url: str) -> sa.Engine:
    """Normalise ``url``, connect and migrate; every failure becomes a ``StoreError`` that says what to fix."""
    parsed = normalise_url(url)
    shown = display(parsed)
    try:
        engine = create_engine(parsed)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreError(shown, f"cannot create a database engine ({exc})") from None
    try:
        migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise StoreError(shown, _connect_hint(parsed, exc)) from None
    except CommandError as exc:
        engine.dispose()
        raise StoreError(shown, f"cannot migrate the schema ({exc}); the database may have been written by a "
                                "newer storyline: upgrade storyline or use another database") from None
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise StoreError(shown, f"cannot migrate the schema ({_first_line(exc)})") from None
    return engine


def _connect_hint(url: sa.URL, exc: Exception) -> str:
    reason = _first_line(exc)
    if url.get_backend_name() == "sqlite":
        folder = Path(url.database or ".").expanduser().resolve().parent
        return (f"cannot open the SQLite file {url.database!r} ({reason}); check that the folder {str(folder)!r} "
                "exists and is writable")
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    return (f"cannot connect to PostgreSQL at {where} ({reason}); start the server, or fix the host, port, user, "
            f"password or database name ({url.database!r})")


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
