"""Shared fixtures: Qt offscreen, paths redirected away from the real home, an in-memory database."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test may write into the real user data folder."""
    home = tmp_path_factory.mktemp("gridkeeper-home")
    monkeypatch.setenv("GRIDKEEPER_HOME", str(home))
    monkeypatch.delenv("GRIDKEEPER_DB", raising=False)
    monkeypatch.delenv("GRIDKEEPER_PASSWORD", raising=False)
    return home


@pytest.fixture(autouse=True)
def _fail_on_logged_errors(request):
    """An error logged during a test (a worker's exception, a write that failed unexpectedly) fails it,
    even when the test's own assertions pass; mark the test `logs_errors` when that is what it checks."""
    import logging

    class Collect(logging.Handler):
        def __init__(self):
            super().__init__(logging.ERROR)
            self.records: list[logging.LogRecord] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.records.append(record)

    handler = Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler.records
    root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        lines = "\n".join(f"{r.name}: {r.getMessage()}" for r in handler.records)
        pytest.fail(f"errors were logged during the test:\n{lines}", pytrace=False)


@pytest.fixture
def database(db_kind, request):
    """A migrated empty database wired as the app wires one (audit hooks, permission guard): in memory
    on SQLite, a fresh database on the PostgreSQL test server (see pytest_generate_tests below)."""
    if db_kind == "postgresql":
        from gridkeeper.services.database import open_database

        databases = request.getfixturevalue("pg_databases")
        url = databases.create(migrated=True)
        database = open_database(url)
        yield database
        database.dispose()
        databases.drop(url)
        return
    from gridkeeper.services.database import memory_database

    database = memory_database()
    yield database
    database.dispose()


@pytest.fixture
def engine(database):
    return database.engine


@pytest.fixture
def session(engine):
    from sqlmodel import Session

    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def place(session):
    """A community with one grid, compound, building and unit; returns their ids."""
    ids = one_unit(session)
    session.commit()
    return ids


def one_unit(session) -> dict[str, int]:
    """Make `place`'s community, grid, compound, building and unit in `session` (not committed): their ids."""
    from gridkeeper.services import geography as geo

    geo.ensure_community(session, name="福康社区居民委员会", subdistrict="新华街道", hotline="0451-86123456")
    grid = geo.create_grid(session, code="FK-03", name="第三网格", steward_name="李晓燕", steward_phone="13904510003")
    compound = geo.create_compound(session, name="幸福家园", property_company="南方物业公司")
    building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="7号楼", floors=6)
    unit = geo.create_unit(session, building_id=building.id, label="2单元")
    return {"grid": grid.id, "compound": compound.id, "building": building.id, "unit": unit.id}


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, db_kind, request):
    """A 600-household demo database (a file, or a server URL), shared read-only by tests that only look."""
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.database import open_database

    if db_kind == "postgresql":
        path = request.getfixturevalue("pg_databases").create(migrated=True)
    else:
        path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = open_database(path, create=True).engine
    counts = generate(engine, households=600, seed=7, today=TODAY)
    engine.dispose()
    return path, counts


# ---- Both databases: SQLite always, PostgreSQL when GRIDKEEPER_TEST_PG names a server ------------------

PG_URL = os.environ.get("GRIDKEEPER_TEST_PG", "")
IN_CI = os.environ.get("CI", "").lower() == "true"
# Tests in these folders that use `engine`, `db_target` or `demo_db` run once per database.
BOTH_DATABASES = {"storage", "services", "reports", "excel", "cli"}


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file itself (not run on a server)")


def pytest_collection_finish(session):
    """The modules, test items and fixtures made by now live to the end of the run: move them out of the
    garbage collector's sight (gc.freeze), so every later collection (the GUI tests' gc.collect() after each
    test, Python's own full ones) walks only what the tests made, not the whole imported suite."""
    import gc

    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject's addopts): the whole suite (`pytest` with no paths, as README and CI run it)
    spreads over every core; a focused run (`pytest tests/x.py`) stays in one process, where two workers'
    start-up would cost more than they save (and double the load on a shared machine). `-n N` on the
    command line, or PYTEST_XDIST_AUTO_NUM_WORKERS, decides instead."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist reads it
    if config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return 0
    # One worker per core, at most four: each worker holds its own demo databases and Qt (≈ 0.5 GB), and a
    # big CI machine's sixty-four workers would spend more on start-up and memory than they save.
    return max(1, min(os.cpu_count() or 1, 4))


def pytest_generate_tests(metafunc):
    if "db_kind" not in metafunc.fixturenames:
        return
    folder = metafunc.definition.path.parent.name
    both = folder in BOTH_DATABASES and metafunc.definition.get_closest_marker("sqlite_only") is None
    metafunc.parametrize("db_kind", ["sqlite", "postgresql"] if both else ["sqlite"], scope="session")


def require_pg() -> str:
    """The test server's admin URL; skips locally without one, fails in CI (where .ci/run starts one)."""
    if PG_URL:
        return PG_URL
    if IN_CI:
        pytest.fail("CI=true but GRIDKEEPER_TEST_PG is not set: .ci/run starts a PostgreSQL server for these tests")
    pytest.skip("no PostgreSQL server: set GRIDKEEPER_TEST_PG=postgresql://USER:PASSWORD@HOST:PORT/postgres "
                "(.ci/run starts a throwaway one)")


@pytest.fixture(scope="session")
def db_kind():
    return "sqlite"


@pytest.fixture(scope="session")
def pg_databases():
    """Makes and drops throwaway databases on the test server (a migrated template makes each one quick)."""
    from tests.pg_support import PgDatabases

    databases = PgDatabases(require_pg())
    yield databases
    databases.drop_all()


@pytest.fixture
def db_target(db_kind, request, tmp_path):
    """Where a command may create a database: a new file path on SQLite, an empty server database URL."""
    if db_kind == "postgresql":
        databases = request.getfixturevalue("pg_databases")
        url = databases.create(migrated=False)
        yield url
        databases.drop(url)
        return
    yield tmp_path / "target.db"


@pytest.fixture
def demo_copy(demo_db, db_kind, request, tmp_path):
    """A private, writable copy of the demo database (file or server database)."""
    from tests.db_support import private_copy

    pg = request.getfixturevalue("pg_databases") if db_kind == "postgresql" else None
    return private_copy(demo_db[0], tmp_path, pg)
