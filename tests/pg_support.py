"""Throwaway databases on the PostgreSQL test server (GRIDKEEPER_TEST_PG), one per test.

The schema is migrated once into a template database; each test's database is a copy of it
(CREATE DATABASE … TEMPLATE), which takes a fraction of running the migrations again.
"""

from __future__ import annotations

import itertools
import os

from sqlalchemy import make_url, text

from gridkeeper.storage.server import create_database_sql, make_server_engine, server_url


class PgDatabases:
    def __init__(self, admin_url: str):
        self.admin_url = server_url(admin_url)
        self.prefix = f"gkt_{os.getpid()}"
        self.counter = itertools.count(1)
        self.made: list[str] = []
        self.roles: list[str] = []  # login roles made by tests (cluster-wide), dropped after the databases
        self.admin = make_server_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.template = f"{self.prefix}_template"
        self._sql(create_database_sql(self.template))
        self.made.append(self.template)
        from gridkeeper.storage.server import open_server

        engine = open_server(self.url_of(self.template))  # the migrations, once
        engine.dispose()

    def _sql(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def url_of(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, migrated: bool) -> str:
        """A new database: a copy of the migrated template, or empty (for commands that create the schema)."""
        name = f"{self.prefix}_{next(self.counter)}"
        if migrated:
            self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        else:
            self._sql(create_database_sql(f'"{name}"'))
        self.made.append(name)
        return self.url_of(name)

    def copy_of(self, name: str) -> str:
        """A new database made from `name` (nobody may be connected to it meanwhile)."""
        copy = f"{self.prefix}_{next(self.counter)}"
        self._sql(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        self.made.append(copy)
        return self.url_of(copy)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.made:
            self.made.remove(name)

    def drop_all(self) -> None:
        for name in reversed(self.made):
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.clear()
        for role in self.roles:
            self._sql(f'DROP ROLE IF EXISTS "{role}"')
        self.roles.clear()
        self.admin.dispose()
