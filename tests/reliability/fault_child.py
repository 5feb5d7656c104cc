"""Child process for the fault tests: injects one fault, prints what the user would read, as JSON.

Usage: fault_child.py SCENARIO DB. Everything is imported first, then (for the permission
scenarios, when running as root) the child drops to user `nobody`, because root ignores file modes.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

from sqlmodel import Session, func, select

import gridkeeper.services.stats  # noqa: F401  (imported before dropping privileges: see drop_privileges)
from gridkeeper.cli import build_parser, main as cli_main
from gridkeeper.cli.common import describe_error
from gridkeeper.storage import backup
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.storage.models import Household, Setting
from gridkeeper.storage.session import unit_of_work

NOBODY = 65534


def drop_privileges() -> None:
    """Become `nobody`; the interpreter's own files may then be out of reach, so all is imported first."""
    build_parser()  # imports every command module
    import _strptime  # noqa: F401

    from gridkeeper.storage import audit, integrity, lock, reading  # noqa: F401
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)


def households(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Household)).one()


def big_write(engine) -> dict:
    """A transaction far larger than the space left; returns the message and whether the app goes on."""
    before = households(engine)
    try:
        with unit_of_work(engine) as session:
            session.add_all(Setting(key=f"big{i}", value="数据" * 20_000) for i in range(60))
        return {"failed": False}
    except Exception as exc:  # what the CLI and GUI do with any failure
        message, code = describe_error(exc)
    still_reads = households(engine) == before
    return {"failed": True, "message": message, "code": code, "still_reads": still_reads}


def fsize_write(db: Path) -> dict:
    engine = open_database(db).engine
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    used = max(p.stat().st_size for p in db.parent.iterdir() if p.is_file())
    resource.setrlimit(resource.RLIMIT_FSIZE, (used + 64 * 1024, hard))
    result = big_write(engine)
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # space again: the same engine writes on
    with unit_of_work(engine) as session:
        session.add(Setting(key="after-fault", value="ok"))
    result["writes_after"] = True
    engine.dispose()
    return result


def fsize_backup(db: Path) -> dict:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, hard))
    code = cli_main(["backup", "--db", str(db)])
    return {"code": code}


def read_only_file(db: Path) -> dict:
    drop_privileges()
    engine = open_database(db).engine
    result = big_write(engine)
    engine.dispose()
    return result


def read_only_folder(db: Path) -> dict:
    drop_privileges()
    message = ""
    try:
        open_database(db).dispose()
        opened = True
    except DatabaseUnusable as exc:
        opened, message = False, str(exc)
    engine = open_database(db, read_only=True).engine
    count = households(engine)
    engine.dispose()
    return {"opened_for_writing": opened, "message": message, "read_only_count": count,
            "cli_code": cli_main(["account", "lock", "5", "--db", str(db)]),  # a command that writes
            "stats_code": cli_main(["stats", "--db", str(db)]), "check_code": cli_main(["check", "--db", str(db)])}


def permission_denied(db: Path) -> dict:
    drop_privileges()
    return {"cli_code": cli_main(["stats", "--db", str(db)])}


SCENARIOS = {"fsize-write": fsize_write, "fsize-backup": fsize_backup, "read-only-file": read_only_file,
             "read-only-folder": read_only_folder, "permission-denied": permission_denied}

if __name__ == "__main__":
    outcome = SCENARIOS[sys.argv[1]](Path(sys.argv[2]))
    print(json.dumps(outcome, ensure_ascii=False))
