"""A PostgreSQL server as the database: its address, connecting, and one plain sentence when it fails.

A steward alone keeps the SQLite file; an office with a server gives every PC the same
`postgresql://USER@HOST[:PORT]/DBNAME`. The password is never part of what GridKeeper stores: it
comes from PGPASSWORD or the user's .pgpass (libpq reads both) or is asked for and kept in memory.
None of the SQLite file machinery (lock file, WAL, quick_check, file backups, network-drive
warning) applies here: the server does its own locking, journaling and checking.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from gridkeeper.storage.database import POSTGRESQL, Database, RowGuard
from gridkeeper.storage.errors import DatabaseMissing, DatabaseUnusable

SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: an unreachable server is reported quickly, not after minutes


class ServerUnreachable(DatabaseUnusable):
    """No answer from the server (wrong host or port, server or network down)."""


class PasswordRefused(DatabaseUnusable):
    """The server wants a password, or refused the one given."""


class ConnectionLost(ServerUnreachable):
    """The server stopped answering in the middle of a session: the action was not done (nothing saved),
    and trying again once the server is back just works (the pool replaces dead connections)."""


LOST_TAIL = "刚才的操作没有完成，什么也没有保存；窗口里填写的内容都还在，服务器恢复后再试一次即可。"


def is_server_url(target: object) -> bool:
    """True for `postgresql://…` (and `postgres://…`, `postgresql+psycopg://…`)."""
    if isinstance(target, URL):
        return target.get_backend_name() == "postgresql"
    if not isinstance(target, str):
        return False
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    return scheme.split("+", 1)[0] in SCHEMES


def server_url(target: str | URL, *, password: str | None = None) -> URL:
    """The SQLAlchemy URL (psycopg 3 driver) for a server address; a password is added only in memory."""
    try:
        url = target if isinstance(target, URL) else make_url(target.replace("postgres://", "postgresql://", 1))
    except ArgumentError as exc:
        raise DatabaseUnusable(f"数据库地址“{target}”格式不对，应为 postgresql://用户名@服务器[:端口]/数据库名") from exc
    if not url.database:
        raise DatabaseUnusable(f"数据库地址“{display(url)}”缺少数据库名，应为 postgresql://用户名@服务器[:端口]/数据库名")
    url = url.set(drivername=DRIVER)
    if password is not None:
        url = url.set(password=password)
    return url


def display(target: str | URL) -> str:
    """The address without any password, for messages, titles and settings."""
    url = target if isinstance(target, URL) else make_url(target)
    return url._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)


def where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or DEFAULT_PORT}"


def explain_connect_error(exc: BaseException, url: URL) -> DatabaseUnusable:
    """One plain sentence for a failed connection: which server, and what to check."""
    message = str(getattr(exc, "orig", exc) or exc)
    lowered = message.lower()
    user = url.username or "（当前系统用户）"
    if "password" in lowered and ("authentication failed" in lowered or "no password" in lowered):
        return PasswordRefused(
            f"数据库服务器 {where(url)} 不接受用户 {user} 的密码：请检查密码（可在提示时输入，或用 PGPASSWORD、.pgpass 提供）。")
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseMissing(
            f"数据库服务器 {where(url)} 上没有数据库 {url.database}：请检查数据库名，或请管理员用 gridkeeper server setup 创建。")
    if "does not exist" in lowered and "role" in lowered:
        return PasswordRefused(f"数据库服务器 {where(url)} 上没有用户 {user}：请检查用户名，或请管理员用 gridkeeper server setup 创建。")
    if "permission denied" in lowered or "no pg_hba.conf entry" in lowered:
        return DatabaseUnusable(
            f"数据库服务器 {where(url)} 不允许用户 {user} 从这台电脑连接数据库 {url.database}：请管理员检查权限（pg_hba.conf）。")
    return ServerUnreachable(
        f"无法连接数据库服务器 {where(url)}：请检查服务器电脑是否开机、PostgreSQL 服务是否在运行，"
        "以及这台电脑的网络和地址、端口是否正确。")


def is_connection_lost(exc: BaseException) -> bool:
    """True for a failure of the connection itself (server down, network cut, server shut down), not for a
    refused statement (a constraint, a permission, a lock timeout)."""
    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    import psycopg

    if not isinstance(exc.orig, (psycopg.OperationalError, psycopg.InterfaceError)):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    return state is None or state.startswith("08") or state in ("57P01", "57P02", "57P03")


def connection_lost(exc: BaseException, url: URL) -> ConnectionLost:
    """One plain sentence for a session that lost its server: which server, what to check, nothing saved."""
    return ConnectionLost(f"{explain_connect_error(exc, url)}{LOST_TAIL}")


def connect_kwargs(url: URL) -> dict:
    """psycopg.connect() keywords for a URL (a password with any characters needs no escaping here)."""
    given = {"host": url.host, "port": url.port, "dbname": url.database, "user": url.username,
             "password": url.password, "connect_timeout": CONNECT_TIMEOUT}
    return {key: value for key, value in given.items() if value is not None}


def _read_only_session(dbapi_connection, _record) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    dbapi_connection.commit()


def _nul_free_dumpers():
    """psycopg str dumpers that drop U+0000: PostgreSQL text cannot hold it (SQLite can; no keyboard types it)."""
    from psycopg.types import string

    made = []
    for base in (string.StrDumperUnknown, string.StrDumper, string.StrBinaryDumper):
        def dump(self, obj, _dump=base.dump):
            return _dump(self, obj.replace("\x00", "") if "\x00" in obj else obj)

        made.append(type(f"NulFree{base.__name__}", (base,), {"dump": dump}))
    return made


_NUL_FREE = None


def _register_nul_free(dbapi_connection, _record) -> None:
    global _NUL_FREE
    if _NUL_FREE is None:
        _NUL_FREE = _nul_free_dumpers()
    for dumper in _NUL_FREE:
        dbapi_connection.adapters.register_dumper(str, dumper)


def make_server_engine(url: URL, *, read_only: bool = False, **kwargs) -> Engine:
    """An engine for a server URL: short connect timeout, dropped connections noticed and replaced."""
    connect_args = {"connect_timeout": CONNECT_TIMEOUT, "application_name": "GridKeeper"}
    connect_args |= kwargs.pop("connect_args", {})
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    event.listen(engine, "connect", _register_nul_free)
    if read_only:
        event.listen(engine, "connect", _read_only_session)
    return engine


def check_reachable(engine: Engine) -> None:
    """Connect once; raise the plain-sentence error when the server cannot be used."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise explain_connect_error(exc, engine.url) from exc


def create_database_sql(quoted_name: str) -> str:
    # The "C" collation sorts by code point, exactly as SQLite's default: lists, ledgers and searches give
    # the same order on both, and plain indexes serve prefix searches (no text_pattern_ops needed).
    return f"CREATE DATABASE {quoted_name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"


def create_database_if_missing(url: URL) -> bool:
    """CREATE DATABASE when it does not exist yet (needs the CREATEDB right); True when made."""
    maintenance = make_server_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with maintenance.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                  {"name": url.database}).first()
            if exists:
                return False
            quoted = conn.dialect.identifier_preparer.quote(url.database)
            conn.execute(text(create_database_sql(quoted)))
            return True
    except OperationalError as exc:
        raise explain_connect_error(exc, url) from exc
    except ProgrammingError as exc:  # no CREATEDB right
        raise DatabaseMissing(
            f"数据库服务器 {where(url)} 上没有数据库 {url.database}，用户 {url.username} 也无权创建：请管理员用 "
            "gridkeeper server setup 创建。") from exc
    finally:
        maintenance.dispose()


def open_server(target: str | URL, *, create: bool = False, upgrade: bool = True, read_only: bool = False,
                password: str | None = None, row_guards: Sequence[RowGuard] = ()) -> Database:
    """Open the server database at `target`, migrated to the current schema (with `create`, made first).

    The same Alembic migrations as for SQLite create and upgrade the schema; a schema newer than this
    program is refused. `read_only` opens every transaction READ ONLY and migrates nothing. As for a
    file, every session is audited and checked by `row_guards` (installed here, where it is opened).
    """
    from gridkeeper.storage import audit, migrate

    url = server_url(target, password=password)
    if create and not read_only:
        create_database_if_missing(url)
    engine = make_server_engine(url, read_only=read_only)
    database = Database(engine, None, POSTGRESQL, read_only, [], tuple(row_guards))
    audit.install(database)
    try:
        check_reachable(engine)
        migrate.check_not_newer(engine)
        if upgrade and not read_only:
            try:
                migrate.upgrade(engine)
            except ProgrammingError as exc:  # the app's role may not change the schema
                raise DatabaseUnusable(
                    f"服务器上的数据库 {url.database} 需要升级结构，但用户 {url.username} 无权修改结构：请管理员运行 "
                    f"gridkeeper server setup --db postgresql://管理员@{where(url)}/{url.database}") from exc
    except BaseException:
        engine.dispose()
        raise
    return database
