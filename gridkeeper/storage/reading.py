"""Reading a database file without writing to it, even where nothing can be written.

SQLite opens a file read-only with `mode=ro`, but a WAL-mode database still needs its `-shm` index
file: in a folder that cannot be written (a read-only share, a CD, a locked-down folder) a cleanly
closed database has no `-shm` and `mode=ro` fails with "unable to open database file". There the file
cannot change under us, so `immutable=1` tells SQLite to read it without any shared memory or locks.
With an unfinished write-ahead log beside it (not cleanly closed) `immutable` would ignore those
changes, so `mode=ro` is used and SQLite's own message stands.
"""

from __future__ import annotations

import os
from pathlib import Path


def folder_writable(folder: Path) -> bool:
    """Whether files can be created in `folder` (False on a read-only file system, even for root)."""
    return os.access(folder, os.W_OK | os.X_OK)


def pending_wal(path: Path) -> bool:
    """A write-ahead log with content beside the database: it was not closed cleanly."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def read_only_query(path: Path) -> dict[str, str]:
    """The URI parameters for reading `path` without ever writing it (see the module's note)."""
    path = Path(path)
    if not folder_writable(path.absolute().parent) and not pending_wal(path):
        return {"immutable": "1"}
    return {"mode": "ro"}


def read_only_uri(path: Path) -> str:
    """A `file:` URI for sqlite3.connect(..., uri=True) that never creates or changes the file."""
    query = "&".join(f"{key}={value}" for key, value in read_only_query(path).items())
    return f"{Path(path).absolute().as_uri()}?{query}"
