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
from gridkeeper.services.database import open_database


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "community.db"
    open_database(path, create=True).dispose()
    return path


def write_lock(db, **fields) -> None:
    info = {"user": "zhangsan", "host": socket.gethostname(), "pid": os.getpid(), "since": "2026-11-22T08:30:00"}
    lock.lock_path(db).write_text(json.dumps(info | fields), encoding="utf-8")


def test_second_process_is_refused_with_the_holders_name_and_may_read(db):
    engine = open_database(db).engine
    try:
        holder = lock.read_lock(db)
        assert holder.pid == os.getpid()
        done = subprocess.run([sys.executable, "-m", "gridkeeper", "account", "lock", "5", "--db", str(db)],
                              capture_output=True, text=True, timeout=60)  # a command that writes
        assert done.returncode == 3
        assert holder.user in done.stderr and holder.host in done.stderr and "--read-only" in done.stderr
        assert holder.since[:10] in done.stderr and "Traceback" not in done.stderr
        for reading in (["stats"], ["stats", "--read-only"]):  # reading needs no lock (issue 10)
            done = subprocess.run([sys.executable, "-m", "gridkeeper", *reading, "--db", str(db)],
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
    engine = open_database(db).engine
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
        engine = open_database(db).engine
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
    engine = open_database(db, read_only=True).engine
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


# ---- Issue 11 item 4: the lock belongs to the real file, is taken over atomically, and an open app
# ---- notices its file was replaced. Item 16: a full disk never leaves a garbled holder.

OPEN_AND_HOLD = """
import sys, time
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseUnusable
try:
    engine = open_database(sys.argv[1]).engine
except DatabaseUnusable as exc:
    print("REFUSED", exc, flush=True)
    sys.exit(3)
print("OPENED", flush=True)
"""


def run_child(code: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": os.getcwd()}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          env=env, **kwargs)


def test_another_name_for_the_held_database_is_refused(db, tmp_path):
    """A symlink and a hard link to the file the app holds cannot open it for writing."""
    link = tmp_path / "elsewhere.db"
    link.symlink_to(db)
    names = [link, tmp_path / "sub" / ".." / db.name]
    (tmp_path / "sub").mkdir()
    if sys.platform.startswith("linux"):  # the database file itself is flocked there
        os.link(db, tmp_path / "hard.db")
        names.append(tmp_path / "hard.db")
    engine = open_database(db).engine
    try:
        for name in names:
            done = run_child(OPEN_AND_HOLD, str(name))
            assert done.returncode == 3 and "REFUSED" in done.stdout, (name, done.stdout, done.stderr)
            assert "正在被" in done.stdout
    finally:
        engine.dispose()
    assert not list(tmp_path.glob("*.db.lock"))


def _race(db, start, results, done) -> None:  # runs in a forked child
    start.wait()
    try:
        lock.acquire(db)
        results.put("won")
    except lock.DatabaseLocked:
        results.put("lost")
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"error {exc!r}")
    done.wait(30)
    os._exit(0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks the test process")
def test_many_openers_taking_over_a_stale_lock_at_once_exactly_one_wins(db):
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for _trial in range(10):
        write_lock(db, pid=dead.pid)  # a crashed holder's lock file
        start, done, results = ctx.Event(), ctx.Event(), ctx.Queue()
        children = [ctx.Process(target=_race, args=(db, start, results, done)) for _ in range(8)]
        for child in children:
            child.start()
        start.set()
        outcomes = sorted(results.get(timeout=60) for _ in children)
        done.set()
        for child in children:
            child.join(30)
        assert outcomes == ["lost"] * 7 + ["won"], outcomes


HOLD_WITH_FULL_DISK = """
import resource, signal, sys, time
from gridkeeper.storage import lock
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # every write that grows a file fails, like a full disk
lock.acquire(sys.argv[1])
print("HELD", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
def test_lock_taken_on_a_full_disk_never_names_a_garbled_holder(db):
    child = subprocess.Popen([sys.executable, "-c", HOLD_WITH_FULL_DISK, str(db)], stdout=subprocess.PIPE,
                             text=True, env=os.environ | {"PYTHONPATH": os.getcwd()})
    try:
        assert child.stdout.readline().strip() == "HELD"
        assert lock.lock_path(db).read_bytes() == b""  # the holder could not be written: nothing, not half
        with pytest.raises(lock.DatabaseLocked) as caught:
            open_database(db)
        message = str(caught.value)
        assert "?" not in message and "进程 0" not in message and "另一个正在运行的 GridKeeper" in message
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    engine = open_database(db).engine  # the dead holder's OS lock is gone: taken over at once, whatever the file says
    assert lock.read_lock(db).pid == os.getpid()
    engine.dispose()


def test_an_open_app_stops_writing_when_its_file_is_replaced(db, tmp_path):
    """Someone deletes the lock and copies another file over the database: the app's next save is
    refused in plain words instead of going into the deleted file."""
    import shutil

    from gridkeeper.storage.errors import DatabaseReplaced
    from gridkeeper.storage.models import Setting
    from gridkeeper.storage.session import unit_of_work

    engine = open_database(db).engine
    try:
        with unit_of_work(engine) as session:
            session.add(Setting(key="before", value="1"))
        shutil.copy(db, tmp_path / "other.db")
        os.replace(tmp_path / "other.db", db)
        with pytest.raises(DatabaseReplaced, match="没有保存"):
            with unit_of_work(engine) as session:
                session.add(Setting(key="after", value="2"))
        with engine.connect() as conn:  # reading still works
            assert conn.exec_driver_sql("SELECT value FROM setting WHERE key = 'before'").scalar() == "1"
    finally:
        engine.dispose()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the database file itself is flocked on Linux")
def test_deleting_the_lock_file_does_not_let_a_restore_replace_an_open_database(db):
    from gridkeeper.storage import backup

    backup.make_backup(db)
    engine = open_database(db)
    try:
        lock.lock_path(db).unlink()  # a curious user tidies up
        before = db.read_bytes()
        done = subprocess.run([sys.executable, "-m", "gridkeeper", "restore", "latest", "--db", str(db)],
                              capture_output=True, text=True, timeout=120,
                              env=os.environ | {"PYTHONPATH": os.getcwd()})
        assert done.returncode == 3 and "正在被" in done.stderr, done.stderr
        assert db.read_bytes() == before
    finally:
        engine.dispose()
