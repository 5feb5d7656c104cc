"""Setting up an office server: the database, its schema, and an app role the server itself restrains.

Run by whoever administers the server (`gridkeeper server setup --db postgresql://ADMIN@HOST/DBNAME`).
The tables belong to the administrator; every PC connects as the app role, which may read and
change the community's records but, on the audit table, only read and append. So a steward who
points a SQL client at the server with the app's login still cannot edit or delete audit rows:
the server refuses it (on a SQLite file nothing can stop that; `gridkeeper check` only finds it).

Running setup again is safe: it creates what is missing, upgrades the schema (the app role has
no right to change it) and grants on tables added since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import URL, Connection, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from gridkeeper.storage import migrate
from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.storage.server import (
    create_database_if_missing,
    display,
    explain_connect_error,
    make_server_engine,
    server_url,
    where,
)

APP_ROLE = "gridkeeper"
APPEND_ONLY = {"audit_entry"}  # the app role may SELECT and INSERT, never UPDATE or DELETE
READ_ONLY = {"alembic_version"}  # the schema version: only setup (the administrator) changes it
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class SetupFailed(DatabaseUnusable):
    pass


@dataclass
class SetupResult:
    database: str
    app_role: str
    created_database: bool
    created_role: bool
    append_only: list[str]


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def ensure_role(conn: Connection, role: str, password: str | None) -> bool:
    """Create the app's login role (or give it a new password); True when created."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    quoted = _quote(conn, role)
    if not exists:
        conn.execute(text(f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT"))
    if password:
        # DDL takes no parameters: psycopg quotes the literal; the server stores only its SCRAM hash.
        from psycopg import sql

        statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(password))
        with conn.connection.driver_connection.cursor() as cursor:
            cursor.execute(statement)
    return not exists


def grant_app_role(conn: Connection, role: str) -> list[str]:
    """The app role's rights on every GridKeeper table and sequence; returns the append-only tables."""
    quoted = _quote(conn, role)
    database = conn.execute(text("SELECT current_database()")).scalar()
    conn.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {_quote(conn, database)} TO {quoted}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {quoted}"))
    conn.execute(text(f"REVOKE CREATE ON SCHEMA public FROM {quoted}"))
    names = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    for name in names:
        table = _quote(conn, name)
        conn.execute(text(f"REVOKE ALL ON {table} FROM {quoted}"))
        if name in APPEND_ONLY:
            conn.execute(text(f"GRANT SELECT, INSERT ON {table} TO {quoted}"))
        elif name in READ_ONLY:
            conn.execute(text(f"GRANT SELECT ON {table} TO {quoted}"))
        else:
            conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {quoted}"))
    # nextval for new rows; setval after the demo or a move writes explicit ids.
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted}"))
    return sorted(APPEND_ONLY & set(names))


def setup(admin_target: str | URL, *, app_role: str = APP_ROLE, app_password: str | None = None) -> SetupResult:
    """Create (or bring up to date) the office database and the app role; see the module text."""
    if not ROLE_NAME.match(app_role):
        raise SetupFailed(f"账号名“{app_role}”只能用小写字母、数字和下划线，并以字母开头")
    url = server_url(admin_target)
    if url.username == app_role:
        raise SetupFailed(f"请用管理员账号（如 postgres）运行 server setup，而不是程序账号 {app_role}")
    created_database = create_database_if_missing(url)
    engine = make_server_engine(url)
    try:
        try:
            with engine.begin() as conn:
                created_role = ensure_role(conn, app_role, app_password)
            migrate.upgrade(engine)  # as the administrator: the tables are the administrator's
            with engine.begin() as conn:
                append_only = grant_app_role(conn, app_role)
        except OperationalError as exc:
            raise explain_connect_error(exc, url) from exc
        except ProgrammingError as exc:
            raise SetupFailed(f"数据库服务器 {where(url)} 上的用户 {url.username} 权限不够（需要能创建用户和数据库的管理员）："
                              f"{getattr(exc, 'orig', exc)}") from exc
    finally:
        engine.dispose()
    return SetupResult(url.database, app_role, created_database, created_role, append_only)


def app_url(admin_target: str | URL, app_role: str = APP_ROLE) -> str:
    """The address each PC uses: the same server and database, the app's role, no password."""
    url = server_url(admin_target)
    return display(url._replace(username=app_role, password=None))
