"""Backups of a server database with PostgreSQL's own tools: pg_dump out, pg_restore into an empty database.

A dump is taken from one exported snapshot, and the row count of every table in that same snapshot
is written beside it (NAME.dump + NAME.counts.json): so a restore can prove, table by table, that it
put back exactly what was saved. A restore only goes into an empty database (made if missing) and
nothing switches over to it: the office points its PCs at the restored database once it is proven.
The password reaches the tools through their environment (PGPASSWORD), never a file or the command line.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL, text

from gridkeeper import paths
from gridkeeper.storage import move
from gridkeeper.storage.server import create_database_if_missing, make_server_engine, server_url, where

HOW_TO_GET_TOOLS = ("没有找到 PostgreSQL 的 {tool}：请在这台电脑上安装 PostgreSQL 命令行工具"
                    "（Windows：运行 PostgreSQL 安装程序，勾选 Command Line Tools；Debian/Ubuntu：sudo apt install "
                    "postgresql-client），或把它所在的文件夹加入 PATH。")
SEARCHED = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", r"C:\Program Files\PostgreSQL\*\bin")


class ServerBackupFailed(Exception):
    """The dump or restore did not succeed; the message says why in plain words."""


@dataclass
class ServerBackup:
    path: Path
    counts: dict[str, int]

    @property
    def counts_path(self) -> Path:
        return counts_file(self.path)


def counts_file(dump: Path) -> Path:
    return dump.with_suffix(".counts.json")


def find_tool(tool: str) -> str:
    """The path of pg_dump / pg_restore (PATH first, then where installers put them); the newest wins."""
    found = shutil.which(tool)
    if found:
        return found
    candidates = []
    for pattern in SEARCHED:
        for folder in sorted(glob.glob(pattern)):
            for name in (tool, f"{tool}.exe"):
                if Path(folder, name).is_file():
                    candidates.append(str(Path(folder, name)))
    if candidates:
        return candidates[-1]
    raise ServerBackupFailed(HOW_TO_GET_TOOLS.format(tool=tool))


def _connection_args(url: URL) -> tuple[list[str], dict[str, str]]:
    args = ["-h", url.host or "localhost", "-p", str(url.port or 5432), "-d", url.database]
    if url.username:
        args += ["-U", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    return args + ["--no-password"], env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise ServerBackupFailed(f"无法运行 {command[0]}：{exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ServerBackupFailed(f"{what}没有成功：{detail[-1] if detail else f'退出码 {done.returncode}'}")


def default_folder(url: URL) -> Path:
    return paths.data_dir() / "server-backups" / f"{url.host or 'localhost'}-{url.database}"


def due(target: str | URL, *, now: datetime | None = None, folder: Path | None = None) -> bool:
    """True when the newest dump in the folder is from before today (the daily backup is due)."""
    url = server_url(target)
    folder = Path(folder) if folder else default_folder(url)
    today = (now or datetime.now()).strftime("%Y%m%d")
    stamps = [p.name[len(url.database) + 1:len(url.database) + 9] for p in folder.glob(f"{url.database}-*.dump")]
    return not any(stamp >= today for stamp in stamps)


def dump(target: str | URL, *, folder: Path | None = None, reason: str = "manual") -> ServerBackup:
    """pg_dump of the whole database, with the row counts of the same snapshot beside it."""
    url = server_url(target)
    tool = find_tool("pg_dump")
    folder = Path(folder) if folder else default_folder(url)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{url.database}-{datetime.now():%Y%m%d-%H%M%S}-{reason}.dump"
    engine = make_server_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar()
            counts = move.row_counts(conn)  # in the snapshot pg_dump will read
            args, env = _connection_args(url)
            partial = path.with_suffix(".dump.partial")
            _run([tool, "-Fc", "--snapshot", snapshot, "-f", str(partial), *args], env, "备份（pg_dump）")
            conn.rollback()
    finally:
        engine.dispose()
    os.chmod(partial, 0o600)  # every resident's data: readable by this user only
    os.replace(partial, path)
    counts_file(path).write_text(json.dumps({"database": url.database, "counts": counts}, ensure_ascii=False),
                                 encoding="utf-8")
    return ServerBackup(path, counts)


def restore(backup: Path, into: str | URL) -> dict[str, int]:
    """pg_restore into an empty database (made when missing), proven table by table against the counts
    saved with the dump. Returns the counts; raises ServerBackupFailed on any difference."""
    backup = Path(backup)
    url = server_url(into)
    tool = find_tool("pg_restore")
    if not backup.is_file():
        raise ServerBackupFailed(f"找不到备份文件：{backup}")
    if not counts_file(backup).is_file():
        raise ServerBackupFailed(f"备份 {backup.name} 旁边缺少记录数文件 {counts_file(backup).name}，无法证明恢复完整")
    expected = json.loads(counts_file(backup).read_text(encoding="utf-8"))["counts"]
    create_database_if_missing(url)
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar()
        if tables:
            raise ServerBackupFailed(
                f"{where(url)} 上的数据库 {url.database} 不是空的：恢复只写入一个新的空数据库，原有数据库保持不动。")
        args, env = _connection_args(url)
        _run([tool, "--no-owner", "--exit-on-error", "--single-transaction", *args, str(backup)], env,
             "恢复（pg_restore）")
        with engine.connect() as conn:
            restored = move.row_counts(conn)
    finally:
        engine.dispose()
    if restored != expected:
        wrong = [f"{name}：备份 {expected.get(name)} 行，恢复 {restored.get(name)} 行"
                 for name in sorted(set(expected) | set(restored)) if expected.get(name) != restored.get(name)]
        raise ServerBackupFailed("恢复后的行数与备份不一致，请不要切换到这个数据库：" + "；".join(wrong))
    return restored
