"""Every file GridKeeper writes goes through here, so one rule holds for all of them.

A document, export, problems report, template or backup is never written over:
- a database (any SQLite file, open or not), its `-wal`/`-shm`/`-journal`, its `.lock` or `.commits`,
  or anything inside its backups folder;
- a file this process is reading (the roster being imported) or has open as its database;
- a write-protected file (refused, not replaced), or a folder.
Paths are compared after resolving symlinks and `..`, and by device and inode, so another name
for the same file is caught too.

Files are written atomically (a temporary file beside the target, fsynced, then renamed) and,
when they hold personal data, created owner-only: 0600 on POSIX whatever the umask. On Windows
a new file inherits the ACL of its folder (the user's own folders are private to the user);
GridKeeper does not change ACLs.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from gridkeeper.services.errors import ServiceError

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".commits")
BACKUPS_SUFFIX = "-backups"

_guard = threading.Lock()
_protected: dict[Path, list] = {}  # resolved path -> [holders, what it is]
DATABASE, INPUT, BACKUPS = "database", "input", "backups"
REASONS = {DATABASE: "它是数据库或数据库的附属文件（日志、锁）", INPUT: "它是正在读取的文件",
           BACKUPS: "它在数据库的备份文件夹里（备份文件夹只放备份）"}


class OutputRefused(ServiceError):
    """The chosen output file would overwrite something that must not be overwritten."""


def real(path: str | os.PathLike[str]) -> Path:
    """The path with `~`, symlinks and `..` resolved (the file itself need not exist)."""
    return Path(os.path.realpath(Path(path).expanduser()))


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def database_files(db_path: str | os.PathLike[str]) -> list[Path]:
    """A database and the files SQLite and GridKeeper keep beside it."""
    db = real(db_path)
    return [db, *(db.with_name(db.name + suffix) for suffix in COMPANION_SUFFIXES)]


def backups_folder(db_path: str | os.PathLike[str]) -> Path:
    db = real(db_path)
    return db.parent / f"{db.stem}{BACKUPS_SUFFIX}"


def _protected_paths(db_paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    found = []
    for db in db_paths:
        found += [(p, DATABASE) for p in database_files(db)] + [(backups_folder(db), BACKUPS)]
    return found


def protect(*paths: str | os.PathLike[str], kind: str = INPUT) -> None:
    """Mark files no output may overwrite while they are in use (an open database, a file being read)."""
    with _guard:
        for path in paths:
            entry = _protected.setdefault(real(path), [0, kind])
            entry[0] += 1


def unprotect(*paths: str | os.PathLike[str]) -> None:
    with _guard:
        for path in paths:
            key = real(path)
            entry = _protected.get(key)
            if entry and entry[0] > 1:
                entry[0] -= 1
            else:
                _protected.pop(key, None)


@contextlib.contextmanager
def reading(*paths: str | os.PathLike[str]) -> Iterator[None]:
    """While the block runs, no output may overwrite `paths` (the files being read)."""
    protect(*paths)
    try:
        yield
    finally:
        unprotect(*paths)


def protect_database(db_path: str | os.PathLike[str]) -> None:
    for path, kind in _protected_paths([db_path]):
        protect(path, kind=kind)


def unprotect_database(db_path: str | os.PathLike[str]) -> None:
    unprotect(*(path for path, _kind in _protected_paths([db_path])))


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _protected_reason(target: Path, extra: list[tuple[Path, str]]) -> str | None:
    with _guard:
        protected = [(path, entry[1]) for path, entry in _protected.items()]
    for path, kind in (*extra, *protected):
        if kind == BACKUPS:
            if target.parent == path or _same_file(target.parent, path) or _same_file(target, path):
                return REASONS[BACKUPS]
        elif _same_file(target, path):
            return REASONS[kind]
    return None


def _companion_of_database(target: Path) -> bool:
    for suffix in COMPANION_SUFFIXES:
        if target.name.endswith(suffix) and is_sqlite_file(target.with_name(target.name[: -len(suffix)])):
            return True
    folder = target.parent
    if folder.name.endswith(BACKUPS_SUFFIX):  # <db-stem>-backups beside a database
        stem = folder.name[: -len(BACKUPS_SUFFIX)]
        try:
            siblings = [p for p in folder.parent.iterdir() if p.stem == stem and p.is_file()]
        except OSError:
            siblings = []
        return any(is_sqlite_file(p) for p in siblings)
    return False


def refusal(path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
            databases: Iterable[str | os.PathLike[str]] = ()) -> str | None:
    """Why `path` must not be written, or None when it may be. `inputs` are files being read and
    `databases` database paths (open or about to be) besides those this process has registered."""
    target = real(path)
    shown = Path(path)
    extra = [(real(p), INPUT) for p in inputs] + _protected_paths(databases)
    reason = _protected_reason(target, extra)
    if reason:
        return f"不能写到 {shown}：{reason}，会把它覆盖。请换一个文件名"
    if target.is_dir():
        return f"不能写到 {shown}：这是一个文件夹。请给出文件名"
    if not target.parent.is_dir():
        return f"输出文件夹不存在：{target.parent}"
    if target.exists():
        if is_sqlite_file(target):
            return f"不能写到 {shown}：这是一个数据库文件，会把它覆盖。请换一个文件名"
        mode = target.stat().st_mode
        if not stat.S_ISREG(mode):
            return f"不能写到 {shown}：这不是普通文件"
        if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            return f"不能写到 {shown}：这个文件是只读的（写保护），没有覆盖它。请换一个文件名或先取消只读"
    if _companion_of_database(target):
        return f"不能写到 {shown}：它属于一个数据库（日志、锁或备份），会损坏数据。请换一个文件名"
    return None


def check_output(path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                 databases: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Raise OutputRefused when `path` must not be written; returns the resolved path to write."""
    reason = refusal(path, inputs=inputs, databases=databases)
    if reason:
        raise OutputRefused(reason)
    return real(path)


def create_new_file(path: Path, *, private: bool = True) -> int:
    """Create `path` (it must not exist) and return its descriptor; owner-only when `private`."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600 if private else 0o666)  # the umask can only narrow it
    if private and os.name == "posix":
        os.fchmod(fd, 0o600)
    return fd


def make_private(path: Path) -> None:
    """Owner-only permissions for a file that exists (POSIX; on Windows the folder's ACL applies)."""
    if os.name == "posix":
        os.chmod(path, 0o600)


def temporary_beside(final: Path, *, private: bool = True, tag: str = "part") -> Path:
    """A new empty hidden file beside `final` (same folder, so a rename is atomic)."""
    for _ in range(20):
        candidate = final.with_name(f".{final.name}.{secrets.token_hex(4)}.{tag}")
        try:
            os.close(create_new_file(candidate, private=private))
        except FileExistsError:
            continue
        return candidate
    raise OutputRefused(f"无法在 {final.parent} 里建临时文件")


STALE_PART_SECONDS = 600


def clean_stale_parts(folder: Path, pattern: str, *, older_than: float = STALE_PART_SECONDS) -> list[Path]:
    """Delete temporary files a killed writer left (`pattern`, untouched for `older_than` seconds)."""
    removed = []
    cutoff = time.time() - older_than
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable where the platform allows syncing a directory."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(final: Path, data: bytes, *, private: bool = True) -> None:
    """Atomically (re)write one of GridKeeper's own files (a manifest, a settings file): no user
    choice involved, so no output check."""
    tmp = temporary_beside(final, private=private)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], *, private: bool = True,
                 inputs: Iterable[str | os.PathLike[str]] = (),
                 databases: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success fsync it and move it into place, else delete it.

    The target is checked first (`check_output`); `private` files (anything with residents' data)
    are owner-only. A replaced non-private file keeps its old permissions."""
    final = check_output(path, inputs=inputs, databases=databases)
    clean_stale_parts(final.parent, f".{glob.escape(final.name)}.*.part")
    tmp = temporary_beside(final, private=private)
    try:
        yield tmp
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        if private:
            make_private(tmp)
        elif final.exists() and os.name == "posix":
            os.chmod(tmp, final.stat().st_mode & 0o777)
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(final.parent)
