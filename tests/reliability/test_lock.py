"""Promise 2: one writer at a time, the holder named; stale locks taken over; network drives warned."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from gridkeeper.storage import lock
from gridkeeper.storage.engine import open_database


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "community.db"
    open_database(path, create=True).dispose()
    return path


def write_lock(db, **fields) -> None:
    info = {"user": "zhangsan", "host": socket.gethostname(), "pid": os.getpid(), "since": "2026-11-22T08:30:00"}
    lock.lock_path(db).write_text(json.dumps(info | fields), encoding="utf-8")


def test_second_process_is_refused_with_the_holders_name_and_may_read(db):
    engine = open_database(db)
    try:
        holder = lock.read_lock(db)
        assert holder.pid == os.getpid()
        done = subprocess.run([sys.executable, "-m", "gridkeeper", "stats", "--db", str(db)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 3
        assert holder.user in done.stderr and holder.host in done.stderr and "--read-only" in done.stderr
        assert holder.since[:10] in done.stderr and "Traceback" not in done.stderr
        done = subprocess.run([sys.executable, "-m", "gridkeeper", "stats", "--db", str(db), "--read-only"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    finally:
        engine.dispose()
    assert not lock.lock_path(db).exists()


def test_lock_held_on_another_computer_is_respected(db):
    write_lock(db, host="office-pc-2", pid=4242)
    with pytest.raises(lock.DatabaseLocked) as caught:
        open_database(db)
    assert "zhangsan" in str(caught.value) and "office-pc-2" in str(caught.value)
    assert "2026-11-22 08:30" in str(caught.value)


def test_stale_lock_of_a_dead_process_is_taken_over(db):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(db, pid=dead.pid)
    engine = open_database(db)
    assert lock.read_lock(db).pid == os.getpid()
    engine.dispose()


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="zombie processes are a /proc notion")
def test_lock_of_a_killed_but_unreaped_process_is_taken_over(db):
    """A killed child its parent has not waited for yet (a zombie) still answers kill(pid, 0)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child.kill()
    for _ in range(100):  # until the kernel has made it a zombie (without reaping it)
        with open(f"/proc/{child.pid}/stat", encoding="ascii") as handle:
            if handle.read().rsplit(")", 1)[1].split()[0] == "Z":
                break
        time.sleep(0.02)
    write_lock(db, pid=child.pid)
    try:
        engine = open_database(db)
        assert lock.read_lock(db).pid == os.getpid()
        engine.dispose()
    finally:
        child.wait()


def test_unreadable_old_lock_file_is_taken_over(db):
    lock.lock_path(db).write_text("{half-writ", encoding="utf-8")
    old = time.time() - 60
    os.utime(lock.lock_path(db), (old, old))
    open_database(db).dispose()
    assert not lock.lock_path(db).exists()


def test_opens_in_one_process_share_the_lock(db):
    first, second = open_database(db), open_database(db)
    second.dispose()
    assert lock.lock_path(db).exists()
    first.dispose()
    assert not lock.lock_path(db).exists()


def test_read_only_open_takes_no_lock_and_cannot_write(db):
    engine = open_database(db, read_only=True)
    assert not lock.lock_path(db).exists()
    with engine.connect() as conn, pytest.raises(Exception, match="readonly"):
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('a', 'b')")
    engine.dispose()


MOUNTS = """/dev/sda1 / ext4 rw 0 0
server:/export /mnt/office nfs4 rw 0 0
//nas/share /media/nas cifs rw 0 0
tmpfs /media/nas/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "warned"), [
    ("/mnt/office/gridkeeper.db", True), ("/media/nas/x/gridkeeper.db", True),
    ("/media/nas/local/gridkeeper.db", False), ("/home/steward/gridkeeper.db", False),
    ("/mnt/officeX/gridkeeper.db", False),
])
def test_network_drive_warning_on_linux(path, warned):
    assert bool(lock.network_drive_warning(path, mounts_text=MOUNTS, platform="linux")) is warned


def test_unc_path_is_warned():
    message = lock.network_drive_warning(r"\\server\share\gridkeeper.db", platform="win32")
    assert "网络盘" in message and "server" in message
