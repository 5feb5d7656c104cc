"""Alembic environment: runs against the engine GridKeeper hands over (batch mode for SQLite)."""

from alembic import context
from sqlmodel import SQLModel

import gridkeeper.storage.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata
MIGRATION_LOCK = 0x47_4B_4D_49  # "GKMI": the advisory lock key migrations hold on PostgreSQL


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two PCs opening an old schema at once: one migrates, the other waits and finds it done.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
