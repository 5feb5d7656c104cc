"""One writer at a time: an OS-locked file beside the real database naming who holds it; network-drive warning."""

from __future__ import annotations

import atexit
import contextlib
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from gridkeeper.storage.errors import DatabaseUnusable

_guard = threading.Lock()


@dataclass
class _Held:
    """A lock this process holds: how many opens share it, the open lock file (OS-locked) and, where
    the platform allows, the database file itself (OS-locked too, so another path to it is caught)."""

    count: int
    fd: int
    db_fd: int | None
    db_identity: tuple[int, int] | None
    previous: LockInfo | None  # what the lock file said before this process took it (a crashed holder)


_held: dict[Path, _Held] = {}  # by resolved lock-file path


@dataclass(frozen=True)
class LockInfo:
    """Who holds a database: login name, computer, process id and since when (local time)."""

    user: str
    host: str
    pid: int
    since: str

    @classmethod
    def mine(cls) -> LockInfo:
        try:
            user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            user = "?"
        return cls(user, socket.gethostname(), os.getpid(), datetime.now().isoformat(timespec="seconds"))

    def describe(self) -> str:
        since = self.since.replace("T", " ")[:16]
        return f"{self.user}（电脑 {self.host}，进程 {self.pid}）自 {since} 起"


class DatabaseLocked(DatabaseUnusable):
    """Another running GridKeeper holds the database for writing."""

    def __init__(self, path: Path, holder: LockInfo | None):
        self.path, self.holder = path, holder
        who = holder.describe() if holder else "另一个正在运行的 GridKeeper（没能读出是谁在用，可能是磁盘已满）"
        super().__init__(
            f"数据库 {path} 正在被 {who} 使用，不能同时修改。"
            "可以只读打开查看（命令行加 --read-only），或请对方关闭 GridKeeper 后再试。")


def real_path(db_path: Path | str) -> Path:
    """The database file itself: `~`, symlinks and `..` resolved."""
    return Path(os.path.realpath(Path(db_path).expanduser()))


def lock_path(db_path: Path) -> Path:
    """`<real database path>.lock` — one lock file whatever name the database was opened by."""
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process its parent has not reaped yet still answers kill(pid, 0), but holds nothing."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _parse(text: str) -> LockInfo | None:
    try:
        data = json.loads(text)
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None


def read_lock(db_path: Path) -> LockInfo | None:
    """The holder named in the lock file, or None if there is no readable lock."""
    try:
        return _parse(lock_path(db_path).read_text(encoding="utf-8"))
    except OSError:
        return None


def previous_holder(db_path: Path) -> LockInfo | None:
    """Who held the lock before this process took it over (a crashed GridKeeper), if anyone."""
    held = _held.get(lock_path(db_path))
    return held.previous if held else None


class LockUnavailable(DatabaseUnusable):
    """The lock file cannot be written (read-only or forbidden folder): writing is impossible there."""


# ---- OS locks: released by the operating system when the holder dies, so a stale lock is simply one
# ---- nobody holds, and taking it over is atomic (exactly one process gets it).

LOCK_BYTE = 1 << 20  # Windows locks a byte range: one far past the JSON, so others can still read who holds it


def _try_os_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


def _unwritable(exc: OSError) -> LockUnavailable:
    from gridkeeper.storage import faults

    reason = faults.describe(exc, saved_nothing=False) or str(exc)
    return LockUnavailable(f"无法在数据库所在的文件夹里写入（{reason}），所以不能修改这个数据库。"
                           "可以只读打开查看（命令行加 --read-only），或把数据库复制到可写的文件夹。")


def _read_fd(fd: int) -> LockInfo | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return _parse(os.read(fd, 4096).decode("utf-8", errors="replace"))
    except OSError:
        return None


def _same_inode(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _write_info(fd: int, info: LockInfo) -> None:
    """Write who holds the lock over the old text, then cut it to length. On a full disk the old
    text stays or the file is empty — never half a name; the OS lock is what counts."""
    data = json.dumps(asdict(info), ensure_ascii=False).encode("utf-8")
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(28, "short write")
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # nothing rather than a garbled holder


def _lock_database_file(db: Path) -> tuple[int | None, tuple[int, int] | None]:
    """On Linux, also flock the database file itself (independent of SQLite's fcntl locks there),
    so a second name for it — a hard link, a bind mount — cannot open it for writing either.
    Elsewhere and on network drives the lock file alone is used."""
    try:
        st = os.stat(db)
    except OSError:
        return None, None
    identity = (st.st_dev, st.st_ino)
    if not sys.platform.startswith("linux") or network_drive_warning(db):
        return None, identity
    try:
        fd = os.open(db, os.O_RDONLY)
    except OSError:
        return None, identity
    if not _try_os_lock(fd):
        os.close(fd)
        return -1, identity
    return fd, identity


def _take(lock_file: Path, db: Path, shown: Path, mine: LockInfo) -> _Held:
    for _attempt in range(20):
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise _unwritable(exc) from exc
        if not _try_os_lock(fd):
            holder = _read_fd(fd)
            os.close(fd)
            raise DatabaseLocked(shown, holder)
        if not _same_inode(fd, lock_file):  # the holder released (and deleted) it meanwhile: try again
            os.close(fd)
            continue
        previous = _read_fd(fd)
        if previous is not None and previous.host != mine.host:
            # A lock written on another computer (a shared folder): its process cannot be checked from here.
            _os_unlock(fd)
            os.close(fd)
            raise DatabaseLocked(shown, previous)
        db_fd, identity = _lock_database_file(db)
        if db_fd == -1:  # held under another name (a hard link): leave no lock file of ours behind
            if previous is None and _same_inode(fd, lock_file):
                lock_file.unlink(missing_ok=True)
            _os_unlock(fd)
            os.close(fd)
            raise DatabaseLocked(shown, None)
        _write_info(fd, mine)
        return _Held(1, fd, db_fd, identity, previous)
    raise DatabaseLocked(shown, read_lock(db))


def acquire(db_path: Path) -> LockInfo:
    """Take the write lock of a database or raise DatabaseLocked naming the holder.

    The lock belongs to the real file (symlinks resolved): an OS lock (flock / msvcrt) on
    `<db>.lock`, which the OS releases when its holder dies — so a crashed holder's lock is free,
    and of several processes taking it over at once exactly one wins. Opens in the same process
    share the lock."""
    db = real_path(db_path)
    lock_file = lock_path(db)
    mine = LockInfo.mine()
    with _guard:
        held = _held.get(lock_file)
        if held is not None:
            held.count += 1
            _follow_replaced_file(held, db)
            return read_lock(db) or mine
        _held[lock_file] = _take(lock_file, db, Path(db_path), mine)
        return mine


def _follow_replaced_file(held: _Held, db: Path) -> None:
    """After this process replaced the database (a restore), lock the new file instead of the old one."""
    try:
        st = os.stat(db)
    except OSError:
        return
    if held.db_identity == (st.st_dev, st.st_ino):
        return
    if held.db_fd is not None:
        _os_unlock(held.db_fd)
        os.close(held.db_fd)
    held.db_fd, held.db_identity = _lock_database_file(db)
    if held.db_fd == -1:
        held.db_fd = None


def release(db_path: Path) -> None:
    """Give back one share of the lock; the file goes when the last share is released."""
    lock_file = lock_path(db_path)
    with _guard:
        held = _held.get(lock_file)
        if held is None:
            return
        if held.count > 1:
            held.count -= 1
            return
        del _held[lock_file]
        if _same_inode(held.fd, lock_file):
            lock_file.unlink(missing_ok=True)  # still OS-locked: whoever opens it next checks the inode
        _os_unlock(held.fd)
        os.close(held.fd)
        if held.db_fd is not None:
            _os_unlock(held.db_fd)
            os.close(held.db_fd)


def holds(db_path: Path) -> bool:
    """Whether this process holds the write lock of the database."""
    return lock_path(db_path) in _held


@atexit.register
def _release_all() -> None:
    for lock_file in list(_held):
        _held[lock_file].count = 1
        release(lock_file.with_name(lock_file.name[: -len(".lock")]))


# ---- Network drives ------------------------------------------------------------------------------------

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "sshfs", "fuse.sshfs", "davfs", "ncpfs"}
NETWORK_WARNING = ("数据库放在网络盘上（{where}）。SQLite 在网络盘上可能损坏数据，且多人同时使用不安全。"
                   "请把数据库放在本机硬盘上，多人共用时使用同一台电脑上的账号功能。")


def _linux_mount_type(path: Path, mounts_text: str) -> str:
    best, fstype = "", ""
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def network_drive_warning(db_path: Path, *, mounts_text: str | None = None, platform: str | None = None) -> str | None:
    """A warning when the database is on a network drive (UNC path, mapped drive, nfs/cifs mount)."""
    platform = platform or sys.platform
    text = str(db_path)
    if text.startswith(("\\\\", "//")):
        return NETWORK_WARNING.format(where=text.split("\\")[2] if text.startswith("\\\\") else text)
    if platform == "win32":
        return _windows_drive_warning(text)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    fstype = _linux_mount_type(Path(os.path.abspath(text)), mounts_text)
    if fstype in NETWORK_FILESYSTEMS:
        return NETWORK_WARNING.format(where=fstype)
    return None


def _windows_drive_warning(text: str) -> str | None:  # pragma: no cover - Windows only
    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return None
    import ctypes

    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
        return NETWORK_WARNING.format(where=f"映射的网络驱动器 {drive}")
    return None
