"""Promise 6: accounts and roles — off until the first account; administrators edit all, stewards
their own grids; scrypt passwords; the command line obeys the same rules."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import Session, select, update

from gridkeeper.cli import main
from gridkeeper.services import accounts
from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import AuditEntry, Household
from gridkeeper.storage.session import unit_of_work


@pytest.fixture
def fast_hash(monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)  # the real cost is tested once below


def test_password_hash_uses_owasp_scrypt_parameters():
    stored = accounts.hash_password("正确的密码123")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
    assert accounts.verify_password("正确的密码123", stored)
    assert not accounts.verify_password("正确的密码124", stored)
    assert accounts.hash_password("正确的密码123") != stored  # salted
    assert not accounts.verify_password("x", "garbage")
    assert hashlib.scrypt  # stdlib, no extra dependency


@pytest.fixture
def two_grids(session, place, fast_hash):
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    compound = geo.create_compound(session, name="康乐小区")
    building = geo.create_building(session, grid_id=other.id, compound_id=compound.id, label="1号楼")
    unit = geo.create_unit(session, building_id=building.id, label="1单元")
    own = create_household(session, HouseholdInput(unit_id=place["unit"], room="101")).household
    theirs = create_household(session, HouseholdInput(unit_id=unit.id, room="101")).household
    session.commit()
    return {"own_unit": place["unit"], "other_unit": unit.id, "own": own.id, "theirs": theirs.id}


def sign_in_as(engine, session, name):
    accounts.sign_in(engine, accounts.find_account(session, name))


def test_accounts_are_off_until_the_first_administrator(session, fast_hash):
    assert not accounts.accounts_enabled(session)
    with pytest.raises(accounts.ServiceError, match="第一个账号必须是社区管理员"):
        accounts.create_account(session, "李晓燕", "secret1", role="steward")
    accounts.create_account(session, "admin", "secret1", role="administrator")
    assert accounts.accounts_enabled(session)


def test_steward_edits_own_grid_and_only_reads_the_rest(engine, session, two_grids):
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-03"])
    session.commit()
    sign_in_as(engine, session, "李晓燕")
    try:
        with unit_of_work(engine) as work:
            create_household(work, HouseholdInput(unit_id=two_grids["own_unit"], room="102"))
        with pytest.raises(accounts.PermissionDenied, match="只能修改自己负责的网格"), unit_of_work(engine) as work:
            create_household(work, HouseholdInput(unit_id=two_grids["other_unit"], room="102"))
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
            work.exec(update(Household).where(Household.id == two_grids["theirs"]).values(notes="x"))
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:  # moving it out
            household = work.get(Household, two_grids["own"])
            household.unit_id = two_grids["other_unit"]
            work.add(household)
        with pytest.raises(accounts.PermissionDenied, match="管理员"), unit_of_work(engine) as work:
            accounts.create_account(work, "王五", "secret3")
        with unit_of_work(engine) as work:
            accounts.set_password(work, "李晓燕", "newsecret")  # their own password
            assert len(list(work.exec(select(Household)))) == 3  # sees everything
        with Session(engine) as check:
            last = check.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
            assert last.actor == "李晓燕" and last.entity == "account" and "***" in last.after
    finally:
        accounts.sign_in(engine, None)


def test_administrator_edits_everything(engine, session, two_grids):
    accounts.create_account(session, "admin", "secret1", role="administrator")
    session.commit()
    sign_in_as(engine, session, "admin")
    try:
        with unit_of_work(engine) as work:
            create_household(work, HouseholdInput(unit_id=two_grids["other_unit"], room="103"))
            geo.create_grid(work, code="FK-05", name="第五网格")
    finally:
        accounts.sign_in(engine, None)


def test_last_administrator_cannot_be_removed(session, fast_hash):
    accounts.create_account(session, "admin", "secret1", role="administrator")
    with pytest.raises(accounts.ServiceError, match="至少要保留一个"):
        accounts.update_account(session, "admin", role="steward")


def test_wrong_password_gives_one_message(session, fast_hash):
    accounts.create_account(session, "admin", "secret1", role="administrator")
    for name, password in (("admin", "wrong"), ("nobody", "secret1")):
        with pytest.raises(accounts.SignInFailed, match="账号或密码不对"):
            accounts.authenticate(session, name, password)


def test_cli_asks_who_is_working_once_accounts_exist(tmp_path, monkeypatch, capsys, fast_hash):
    db = str(tmp_path / "c.db")
    open_database(tmp_path / "c.db", create=True).dispose()
    monkeypatch.setenv("GRIDKEEPER_NEW_PASSWORD", "secret1")
    assert main(["account", "add", "admin", "--role", "administrator", "--db", db]) == 0
    assert main(["stats", "--db", db]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", "wrong!")
    assert main(["stats", "--db", db, "--user", "admin"]) == 1
    assert "账号或密码不对" in capsys.readouterr().err
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", "secret1")
    assert main(["stats", "--db", db, "--user", "admin"]) == 0
    monkeypatch.setenv("GRIDKEEPER_NEW_PASSWORD", "secret2")
    assert main(["account", "add", "李晓燕", "--db", db, "--user", "admin"]) == 0
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", "secret2")
    assert main(["account", "add", "王五", "--db", db, "--user", "李晓燕"]) == 1
    assert "管理员" in capsys.readouterr().err
    assert main(["account", "lock", "5", "--db", db, "--user", "李晓燕"]) == 1
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", "secret1")
    assert main(["account", "lock", "5", "--db", db, "--user", "admin"]) == 0
    assert main(["account", "list", "--db", db, "--user", "admin"]) == 0
    assert "李晓燕" in capsys.readouterr().out


def test_lock_minutes_setting(session):
    assert accounts.lock_minutes(session) == accounts.DEFAULT_LOCK_MINUTES
    accounts.set_lock_minutes(session, 0)
    assert accounts.lock_minutes(session) == 0
    with pytest.raises(accounts.ValidationFailed) as caught:
        accounts.set_lock_minutes(session, -1)
    assert caught.value.by_field() == {"lock_minutes": "应为0到1440分钟（0表示不锁）"}
    assert str(caught.value) == "自动锁屏：应为0到1440分钟（0表示不锁）"


def test_a_new_accounts_problems_are_keyed_by_field_and_read_as_before(session):
    with pytest.raises(accounts.ValidationFailed) as caught:
        accounts.create_account(session, " \u200b", "123", role="boss")
    assert [e.field for e in caught.value.errors] == ["name", "role", "password"]
    assert str(caught.value) == ("账号：不能为空；角色：应为 administrator、steward 之一；"
                                 f"密码：至少{accounts.MIN_PASSWORD}个字符")
    assert accounts.list_accounts(session) == []
