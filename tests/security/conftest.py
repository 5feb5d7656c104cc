"""A small demo database with accounts on: an administrator and a steward limited to grid FK-01."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import TODAY

ADMIN_PASSWORD, STEWARD_PASSWORD = "admin-secret", "steward-secret"


@pytest.fixture(scope="session")
def _accounts_db_master(tmp_path_factory):
    from sqlmodel import Session

    from gridkeeper.demo.generator import generate
    from gridkeeper.services import accounts
    from gridkeeper.services.database import open_database

    path = tmp_path_factory.mktemp("accounts") / "base.db"
    engine = open_database(path, create=True).engine
    generate(engine, households=500, seed=3, today=TODAY)  # two grids: FK-01 and FK-02
    saved_n = accounts.SCRYPT_N
    accounts.SCRYPT_N = 2**10  # the real cost is tested in tests/storage/test_accounts.py
    try:
        with Session(engine) as session:
            accounts.create_account(session, "admin", ADMIN_PASSWORD, role=accounts.ADMINISTRATOR)
            accounts.create_account(session, "steward", STEWARD_PASSWORD, grid_codes=["FK-01"])
            session.commit()
    finally:
        accounts.SCRYPT_N = saved_n
    engine.dispose()
    return path


@pytest.fixture
def accounts_db(_accounts_db_master, tmp_path):
    """A private copy (tests may write) of the accounts database; returns its path as str."""
    path = tmp_path / "grid.db"
    shutil.copy(_accounts_db_master, path)
    return str(path)


@pytest.fixture
def as_admin(monkeypatch):
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", ADMIN_PASSWORD)
    return ["--user", "admin"]


@pytest.fixture
def as_steward(monkeypatch):
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", STEWARD_PASSWORD)
    return ["--user", "steward"]
