"""What every command shares: exit codes, opening the database and signing in, turning errors into one line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
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


def db_path(args: argparse.Namespace) -> Path:
    """--db, else GRIDKEEPER_DB, else the file in the user's data folder."""
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_db_path()


def open_engine(args: argparse.Namespace, *, create: bool = False):
    """Open the database named by the arguments and sign in; a database that cannot be used exits 3.
    The engine's `dispose()` closes it and gives the lock back."""
    from gridkeeper.services.database import open_database
    from gridkeeper.storage.errors import DatabaseUnusable

    path = db_path(args)
    try:
        database = open_database(path, create=create, read_only=getattr(args, "read_only", False))
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    for warning in database.warnings:
        print(f"gridkeeper: 注意：{warning}", file=sys.stderr)
    sign_in(database.engine, args)  # asks who is working once accounts exist; exits 1 on a wrong password
    return database.engine


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


def _password(name: str) -> str:
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    try:
        return getpass.getpass(f"{name} 的密码：")
    except EOFError:
        raise CliError(f"需要 {name} 的密码：请在提示时输入，或设置环境变量 {ENV_PASSWORD}") from None


def parse_month(text: str) -> date:
    """`YYYY-MM` → the first day of that month, or a usage error."""
    try:
        year, month = text.split("-")
        return date(int(year), int(month), 1)
    except (ValueError, AttributeError):
        raise UsageError(f"月份“{text}”格式不对，应为 YYYY-MM，例如 2026-11") from None


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期“{text}”格式不对，应为 YYYY-MM-DD") from None


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def describe_error(exc: Exception) -> tuple[str, int]:
    """A one-line message and exit code for an unexpected exception."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.errors import DatabaseUnusable

    if isinstance(exc, DatabaseUnusable):
        return str(exc), EXIT_DB
    from gridkeeper.storage import faults

    fault, message = faults.explain(exc), faults.describe(exc)
    if fault is not None:
        return message, EXIT_DB if fault.kind in ("corrupt", "cannot_open", "locked") else EXIT_ERROR
    if isinstance(exc, ServiceError):
        return str(exc), EXIT_ERROR
    if isinstance(exc, (OperationalError, DatabaseError)):
        return f"数据库错误：{getattr(exc, 'orig', exc)}", EXIT_DB
    if isinstance(exc, OSError):
        return f"文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）", EXIT_ERROR
    return f"意外错误：{type(exc).__name__}: {exc}", EXIT_ERROR
