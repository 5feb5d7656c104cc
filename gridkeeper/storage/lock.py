"""One writer at a time: a lock file beside the database naming who holds it; network-drive warning."""

from __future__ import annotations

import atexit
import getpass
import json
import os
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from gridkeeper.storage.errors import DatabaseUnusable

_held: dict[Path, int] = {}  # lock files this process holds, with how many opens share each
_guard = threading.Lock()


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

    def __init__(self, path: Path, holder: LockInfo):
        self.path, self.holder = path, holder
        super().__init__(
            f"数据库 {path} 正在被 {holder.describe()} 使用，不能同时修改。"
            "可以只读打开查看（命令行加 --read-only），或请对方关闭 GridKeeper 后再试。")


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


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


def read_lock(db_path: Path) -> LockInfo | None:
    """The holder named in the lock file, or None if there is no readable lock."""
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(info: LockInfo | None, lock_file: Path) -> bool:
    """A lock left by a crashed process on this computer (or an unreadable, old lock file)."""
    if info is None:  # half-written or garbage: stale once it is a few seconds old
        try:
            return time.time() - lock_file.stat().st_mtime > 5
        except OSError:
            return True
    return info.host == socket.gethostname() and not pid_alive(info.pid)


class LockUnavailable(DatabaseUnusable):
    """The lock file cannot be written (read-only or forbidden folder): writing is impossible there."""


def _create(lock_file: Path, info: LockInfo) -> bool:
    try:
        fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        from gridkeeper.storage import faults

        reason = faults.describe(exc, saved_nothing=False) or str(exc)
        raise LockUnavailable(f"无法在数据库所在的文件夹里写入（{reason}），所以不能修改这个数据库。"
                              "可以只读打开查看（命令行加 --read-only），或把数据库复制到可写的文件夹。") from exc
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(info), handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def acquire(db_path: Path) -> LockInfo:
    """Take the write lock of a database or raise DatabaseLocked naming the holder.

    Opens in the same process share the lock; a stale lock is taken over."""
    lock_file = lock_path(Path(db_path).absolute())
    mine = LockInfo.mine()
    with _guard:
        if lock_file in _held:
            _held[lock_file] += 1
            return read_lock(db_path) or mine
        for _attempt in range(3):
            if _create(lock_file, mine):
                _held[lock_file] = 1
                return mine
            holder = read_lock(db_path)
            if holder and holder.host == mine.host and holder.pid == mine.pid:
                _held[lock_file] = 1  # our own lock from an earlier open in this process
                return holder
            if not is_stale(holder, lock_file):
                raise DatabaseLocked(Path(db_path), holder or LockInfo("?", "?", 0, "?"))
            lock_file.unlink(missing_ok=True)  # take over a crashed process's lock
        raise DatabaseLocked(Path(db_path), read_lock(db_path) or LockInfo("?", "?", 0, "?"))


def release(db_path: Path) -> None:
    """Give back one share of the lock; the file goes when the last share is released."""
    lock_file = lock_path(Path(db_path).absolute())
    with _guard:
        count = _held.get(lock_file, 0)
        if count > 1:
            _held[lock_file] = count - 1
            return
        _held.pop(lock_file, None)
        holder = read_lock(db_path)
        if count and holder and holder.pid == os.getpid() and holder.host == socket.gethostname():
            lock_file.unlink(missing_ok=True)


def release_engine_lock(engine) -> None:
    """Listener for an engine's dispose: release the lock it took."""
    path = getattr(engine, "gridkeeper_lock", None)
    if path is not None:
        engine.gridkeeper_lock = None
        release(path)


@atexit.register
def _release_all() -> None:
    for lock_file in list(_held):
        _held[lock_file] = 1
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
