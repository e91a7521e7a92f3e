"""Alembic environment for storyline's store.

``storyline.store.Store`` runs the migrations itself (``engine.migrate``) and hands its open connection over
in ``config.attributes["connection"]``. To run Alembic by hand, write an alembic.ini with
``script_location = storyline.store:migrations`` and ``sqlalchemy.url = <url>``.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from storyline.store.schema import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"), poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
