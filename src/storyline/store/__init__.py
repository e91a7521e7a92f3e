"""The store stage: documents and rejections in SQLite (default) or PostgreSQL.

    Store(url)          open (and migrate) a database; save_document / get_document / iter_documents / stats
    default_url(s)      the URL from loaded settings
    schema              the tables, as SQLAlchemy Core objects, for queries in later stages
    migrations/         Alembic scripts, run by Store on open
"""
from .store import Store, default_url

__all__ = ["Store", "default_url"]
