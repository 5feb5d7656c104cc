"""What every command shares: exit codes, opening the database and signing in, turning errors into one line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gridkeeper import paths

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_DB = 0, 1, 2, 3
ENV_PASSWORD = "GRIDKEEPER_PASSWORD"


class CliError(Exception):
    """An error to print in one line with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR):
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(CliError):
    def __init__(self, message: str):
        super().__init__(message, EXIT_USAGE)


def db_path(args: argparse.Namespace) -> Path | str:
    """--db, else GRIDKEEPER_DB, else the file in the user's data folder.

    A server address (postgresql://USER@HOST[:PORT]/DBNAME) is returned as text, never as a Path.
    """
    from gridkeeper.storage.server import is_server_url

    given = getattr(args, "db", None) or os.environ.get(paths.ENV_DB)
    if given and is_server_url(str(given)):
        return str(given)
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_db_path()


def reads_only(parser: argparse.ArgumentParser, *, writes_when: Callable | None = None) -> None:
    """Mark a command that only reads the database: `open_engine` opens it read-only — no writer lock,
    no daily backup, no integrity check, no migration — so it is quick and runs while GridKeeper has the
    file open. `writes_when(args)` names what these arguments write all the same (the audit row of a
    --full export, a saved template), which `--read-only` refuses up front; None when nothing."""
    parser.set_defaults(reads_only=True, writes_when=writes_when)


def writes(parser: argparse.ArgumentParser, writes_when: Callable) -> None:
    """Mark a command that writes (when `writes_when(args)` names what): `--read-only` refuses it up front
    instead of failing half-way with SQLite's "read-only database"."""
    parser.set_defaults(writes_when=writes_when)


def refuse_writes_when_read_only(args: argparse.Namespace) -> None:
    """`--read-only` promises not to write: a command whose arguments would write says so before it starts."""
    check = getattr(args, "writes_when", None)
    what = check(args) if getattr(args, "read_only", False) and callable(check) else None
    if what:
        raise UsageError(f"--read-only 表示只读、不写入任何内容，而{what}。请去掉 --read-only 再试"
                         "（只读的命令本来就不占用数据库，GridKeeper 开着也能运行）")


def audit_outside_lock(path, actor: str, action: str, what: str, detail, *, entity: str = "", entity_id="") -> None:
    """One audit row for a command that only reads the database (backup): appended in its own short
    SQLite transaction without GridKeeper's writer lock, so it works while the app has the file open
    (SQLite serialises the append with the app's own writes; the chain stays in order)."""
    from sqlmodel import Session

    from gridkeeper.storage import audit
    from gridkeeper.storage.database import Database
    from gridkeeper.storage.engine import make_engine, sqlite_url

    if isinstance(path, str):  # a server: an ordinary short transaction (the server serialises the chain)
        from gridkeeper.storage.server import open_server

        engine = open_server(path, upgrade=False).engine
    else:
        engine = make_engine(sqlite_url(path))
        audit.install(Database(engine, path))
    try:
        with Session(engine) as session:
            session.info["actor"] = actor
            audit.record_event(session, action, what, detail, entity=entity, entity_id=entity_id)
            session.commit()
    except Exception as exc:
        raise CliError(f"已完成，但没能写入审计记录：{exc}") from exc
    finally:
        engine.dispose()


def full_export_is_audited(args) -> str | None:
    """What a --full export writes although the command only reads: its line in the audit trail."""
    return "--full 导出完整的身份证号和电话，必须在数据库的审计记录里写下一行" if args.full else None


def audit_full_export(args: argparse.Namespace, session, out: Path, what: str, detail: dict, *, entity: str = "",
                      entity_id: str = "") -> None:
    """The audit row of a --full export, written after the file: the command reads the database
    read-only, so the row is appended in its own short transaction (no writer lock; it works while
    GridKeeper has the file open). If it cannot be written the file is deleted: full ID numbers never
    leave the database unrecorded."""
    from gridkeeper.storage.audit import actor_of

    try:
        audit_outside_lock(db_path(args), actor_of(session), "export", what, detail,
                           entity=entity, entity_id=entity_id)
    except CliError as exc:
        from gridkeeper.storage.faults import describe

        Path(out).unlink(missing_ok=True)
        cause = exc.__cause__ or exc
        raise CliError(f"完整号码的导出必须记入审计记录，但审计记录没能写入数据库"
                       f"（{describe(cause, saved_nothing=False) or cause}），所以刚生成的 {Path(out).name} 已删除",
                       EXIT_DB) from exc


def database_exists(target: Path | str) -> bool:
    """A file that exists; a server address counts as existing (the server says if the database does not)."""
    return isinstance(target, str) or Path(target).exists()


def open_engine(args: argparse.Namespace, *, create: bool = False):
    """Open the database named by the arguments and sign in; a database that cannot be used exits 3.
    The engine's `dispose()` closes it and gives the lock back.

    Commands marked `reads_only` open it read-only (see there); `--read-only` does so for any command."""
    from gridkeeper.services.database import open_database, open_for_reading
    from gridkeeper.storage.errors import DatabaseUnusable

    path = db_path(args)
    explicit = getattr(args, "read_only", False)
    try:
        if isinstance(path, str):  # a server address: the server has no file lock to spare readers from
            database = open_target(path, create=create, read_only=explicit)
        elif getattr(args, "reads_only", False) and not explicit and not create:
            database = open_for_reading(path)
        else:
            database = open_database(path, create=create, read_only=explicit)
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    for warning in database.warnings:
        print(f"gridkeeper: 注意：{warning}", file=sys.stderr)
    sign_in(database.engine, args)  # asks who is working once accounts exist; exits 1 on a wrong password
    return database.engine


def open_target(target: Path | str, *, create: bool = False, read_only: bool = False):
    """services.database.open_database, with exit 3 for a database that cannot be used. On a server that
    asks for a password not given by PGPASSWORD or .pgpass, it is asked for at the terminal (in memory only)."""
    from gridkeeper.services.database import open_database
    from gridkeeper.storage.errors import DatabaseUnusable

    try:
        return open_database(target, create=create, read_only=read_only)
    except DatabaseUnusable as exc:
        password = _ask_server_password(target, exc)
        if password is None:
            raise CliError(str(exc), EXIT_DB) from exc
    try:
        return open_database(target, create=create, read_only=read_only, password=password)
    except DatabaseUnusable as again:
        raise CliError(str(again), EXIT_DB) from again


def _ask_server_password(target: Path | str, exc: Exception) -> str | None:
    """The password typed at a terminal when the server refused to go without one; None otherwise."""
    from gridkeeper.storage.server import PasswordRefused, display

    if not isinstance(exc, PasswordRefused) or not sys.stdin.isatty():
        return None
    print(f"gridkeeper: {exc}", file=sys.stderr)
    try:
        return getpass.getpass(f"{display(str(target))} 的密码：") or None
    except (EOFError, KeyboardInterrupt):
        return None


def sign_in(engine, args) -> None:
    """Once accounts exist, every command names its user (--user) and gives the password."""
    from sqlmodel import Session

    from gridkeeper.services import accounts

    name = getattr(args, "user", None)
    with Session(engine) as session:
        if not accounts.accounts_enabled(session):
            return
        if not name:
            engine.dispose()
            raise UsageError("这个数据库已启用账号：请用 --user 账号名 指明是谁在操作（密码在提示时输入，"
                             f"或放在环境变量 {ENV_PASSWORD} 中）")
        try:
            account = accounts.authenticate(session, name, _password(name))
        except accounts.SignInFailed as exc:
            engine.dispose()
            raise CliError(str(exc), EXIT_ERROR) from exc
    accounts.sign_in(engine, account)


def ask_secret(prompt: str) -> str:
    """A password from the terminal without echo; without a terminal, one line read plainly from
    standard input (a script piping it in) — never getpass's "GetPassWarning: can not control echo".
    EOFError when there is nothing to read."""
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(prompt)
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError):  # no usable standard input at all
        line = ""
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def _password(name: str) -> str:
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    try:
        return ask_secret(f"{name} 的密码：")
    except EOFError:
        raise CliError(f"需要 {name} 的密码：请在提示时输入，或设置环境变量 {ENV_PASSWORD}") from None


# Dates a command accepts: wide enough for any record, narrow enough that a period or a deadline
# computed from them never leaves Python's calendar (9999-12 made "OverflowError").
MIN_YEAR, MAX_YEAR = 1900, 2100


def _in_years(day: date, text: str) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UsageError(f"“{text}”超出范围：年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间")
    return day


def parse_month(text: str) -> date:
    """`YYYY-MM` → the first day of that month, or a usage error."""
    try:
        year, month = text.split("-")
        day = date(int(year), int(month), 1)
    except (ValueError, AttributeError, OverflowError):
        raise UsageError(f"月份“{text}”格式不对，应为 YYYY-MM，例如 2026-11") from None
    return _in_years(day, text)


def parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期“{text}”格式不对，应为 YYYY-MM-DD") from None
    return _in_years(day, text)


def output_folder_exists(path: Path) -> Path:
    """An output file's folder must exist (we do not create folders the user did not ask for)."""
    if not path.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{path.parent}")
    return path


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def describe_error(exc: Exception, *, read_only: bool = False) -> tuple[str, int]:
    """A one-line message and exit code for an unexpected exception (`read_only`: opened with --read-only)."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.errors import DatabaseUnusable

    if isinstance(exc, DatabaseUnusable):
        return str(exc), EXIT_DB
    from gridkeeper.storage import faults

    fault, message = faults.explain(exc), faults.describe(exc)
    if fault is not None and fault.kind == "read_only" and read_only:  # not the file's fault: ours
        return ("这个操作要写入数据库，而 --read-only 只读打开、不写入：请去掉 --read-only 再试"
                f"（没有写入任何内容）。{fault.detail}"), EXIT_USAGE
    if fault is not None:
        return message, EXIT_DB if fault.kind in ("corrupt", "cannot_open", "locked") else EXIT_ERROR
    if isinstance(exc, ServiceError):  # an EditConflict too: someone else saved first (exit 1)
        return str(exc), EXIT_ERROR
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, StaleDataError):
        return "这条记录刚被别人修改或删除，您的修改没有保存：请重新打开后再改", EXIT_ERROR
    if isinstance(exc, (OperationalError, DatabaseError)):
        return f"数据库错误：{getattr(exc, 'orig', exc)}", EXIT_DB
    if isinstance(exc, OSError):
        return f"文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）", EXIT_ERROR
    return f"意外错误：{type(exc).__name__}: {exc}", EXIT_ERROR
