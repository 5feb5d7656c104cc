"""SQLite and operating-system errors turned into messages a steward understands."""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass

# What to tell the person at the desk; every message says that nothing was saved by the failed action.
NOTHING_SAVED = "刚才的操作没有保存，已有数据没有受损。"

MESSAGES = {
    "disk_full": "磁盘空间已满（或文件超过了允许的大小），无法写入。请清理磁盘或换一个有空间的位置后重试。",
    "read_only": "数据库文件或它所在的文件夹是只读的，无法写入。请检查文件属性和文件夹权限，或把数据库复制到可写的位置。",
    "permission": "没有权限读写这个文件或文件夹。请用有权限的账户运行，或把数据库放到自己的文件夹里。",
    "io_error": "读写磁盘时出错（可能是磁盘已满、U盘或网络盘断开、文件大小受限或磁盘故障）。",
    "locked": "数据库正被另一个程序占用写入，请稍后再试；如果一直如此，请关闭其他打开它的 GridKeeper。",
    "corrupt": "数据库文件已损坏，无法读取。请从最近的备份恢复（gridkeeper restore 或“数据”菜单中的“恢复”）。",
    "cannot_open": "无法打开数据库文件：路径不存在、没有权限，或所在的盘不可用。",
    "not_found": "找不到文件或文件夹。",
}

_SQLITE_TEXT = [  # (fragment of SQLite's English message, kind); first match wins
    ("database or disk is full", "disk_full"),
    ("readonly database", "read_only"),
    ("read-only", "read_only"),
    ("disk i/o error", "io_error"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("malformed", "corrupt"),
    ("not a database", "corrupt"),
    ("unable to open database", "cannot_open"),
    ("authorization denied", "permission"),
]

_ERRNO = {
    errno.ENOSPC: "disk_full", errno.EFBIG: "disk_full", errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only", errno.EACCES: "permission", errno.EPERM: "permission",
    errno.EIO: "io_error", errno.ENOENT: "not_found", errno.EBUSY: "locked",
}


@dataclass(frozen=True)
class Fault:
    """What went wrong, in plain words; `kind` is one of MESSAGES' keys."""

    kind: str
    message: str
    detail: str = ""

    def __str__(self) -> str:
        return self.message


def _chain(exc: BaseException):
    """The exception, what it wraps (SQLAlchemy's .orig) and its causes, each once."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [getattr(current, "orig", None), current.__cause__, current.__context__]


def _kind_of(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        return next((kind for fragment, kind in _SQLITE_TEXT if fragment in text), None)
    if isinstance(exc, OSError):
        return _ERRNO.get(exc.errno)
    return None


def explain(exc: BaseException) -> Fault | None:
    """A plain-words Fault for a storage or file error anywhere in `exc`'s chain; None if it is not one."""
    for current in _chain(exc):
        kind = _kind_of(current)
        if kind:
            detail = str(current)
            if isinstance(current, OSError) and current.filename:
                detail = f"{current.strerror or current}：{current.filename}"
            return Fault(kind, MESSAGES[kind], detail)
    return None


def describe(exc: BaseException, *, saved_nothing: bool = True) -> str | None:
    """The message to show for a storage/file error (with what was affected), or None."""
    fault = explain(exc)
    if fault is None:
        return None
    tail = f"（{fault.detail}）" if fault.detail else ""
    lead = NOTHING_SAVED if saved_nothing and fault.kind not in ("corrupt", "cannot_open", "not_found") else ""
    return f"{fault.message}{lead}{tail}"
