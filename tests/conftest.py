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


@pytest.fixture
def database():
    """A migrated in-memory database wired as the app wires one (audit hooks, permission guard)."""
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
    from gridkeeper.services import geography as geo

    geo.ensure_community(session, name="福康社区居民委员会", subdistrict="新华街道", hotline="0451-86123456")
    grid = geo.create_grid(session, code="FK-03", name="第三网格", steward_name="李晓燕", steward_phone="13904510003")
    compound = geo.create_compound(session, name="幸福家园", property_company="南方物业公司")
    building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="7号楼", floors=6)
    unit = geo.create_unit(session, building_id=building.id, label="2单元")
    session.commit()
    return {"grid": grid.id, "compound": compound.id, "building": building.id, "unit": unit.id}


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """A 600-household demo database on disk, shared read-only by tests that only look."""
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.database import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = open_database(path, create=True).engine
    counts = generate(engine, households=600, seed=7, today=TODAY)
    engine.dispose()
    return path, counts
