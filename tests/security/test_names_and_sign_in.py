"""Issue 11 items 13 and 18 (names): sign in before anything is written; look-alike and invisible names refused."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from gridkeeper.cli import main
from gridkeeper.domain.names import clean_name, name_key
from gridkeeper.services import accounts
from gridkeeper.services.errors import Duplicate, ValidationFailed

INVISIBLE = ["\x00", "\x00\x00", "\u200b", "\u200b\u200c\u200d\ufeff", "\u3164", "\u2800", " \u3000\u00a0", "\u202e"]


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_only_names_are_empty(name):
    assert clean_name(name) == ""


def test_invisible_characters_inside_a_name_are_dropped():
    assert clean_name("王\u200b建\x00华") == "王建华"
    assert name_key("ADMIN") == name_key("admin\u200b") == name_key("ａｄｍｉｎ") == "admin"


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_names_are_refused_for_residents_places_and_accounts(session, place, name):
    from gridkeeper.services import geography as geo
    from gridkeeper.services.households import create_household
    from gridkeeper.services.people import HouseholdInput, ResidentInput

    with pytest.raises(ValidationFailed):
        create_household(session, HouseholdInput(unit_id=place["unit"], room="101"), [ResidentInput(name=name)])
    with pytest.raises(ValidationFailed):
        geo.create_compound(session, name=name)
    with pytest.raises(ValidationFailed):
        geo.create_grid(session, code="FK-09", name=name)
    with pytest.raises(Exception):
        geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label=name)
    with pytest.raises(ValidationFailed):
        accounts.create_account(session, name, "secret123", role=accounts.ADMINISTRATOR)


@pytest.mark.parametrize("look_alike", ["ADMIN", "admin\u200b", "ａｄｍｉｎ", "Admin", "\u200badmin", "admin\x00"])
def test_look_alike_account_names_are_refused(session, monkeypatch, look_alike):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    accounts.create_account(session, "admin", "secret123", role=accounts.ADMINISTRATOR)
    with pytest.raises(Duplicate):
        accounts.create_account(session, look_alike, "secret123")
    assert [a.name for a in accounts.list_accounts(session)] == ["admin"]


def test_existing_accounts_keep_working_and_can_be_typed_loosely(session, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    accounts.create_account(session, "LiXiaoyan", "secret123", role=accounts.ADMINISTRATOR)
    assert accounts.authenticate(session, "LiXiaoyan", "secret123").name == "LiXiaoyan"
    assert accounts.authenticate(session, "lixiaoyan", "secret123").name == "LiXiaoyan"
    with pytest.raises(accounts.SignInFailed):
        accounts.authenticate(session, "lixiaoyan", "wrong-password")


def test_two_older_look_alikes_are_both_kept_and_only_exact_names_sign_in(session, monkeypatch):
    """Databases made before the rule may hold admin and ADMIN: each still signs in by its exact name."""
    from datetime import UTC, datetime

    from gridkeeper.storage.models import Account

    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    for name in ("admin", "ADMIN"):
        session.add(Account(name=name, role=accounts.ADMINISTRATOR, password_hash=accounts.hash_password(name * 2),
                            created_at=datetime.now(UTC)))
    session.flush()
    assert accounts.authenticate(session, "ADMIN", "ADMINADMIN").name == "ADMIN"
    assert accounts.authenticate(session, "admin", "adminadmin").name == "admin"
    with pytest.raises(accounts.SignInFailed):
        accounts.authenticate(session, "Admin", "adminadmin")


def test_notice_save_as_signs_in_before_the_template_is_written(accounts_db, tmp_path, capsys, monkeypatch):
    from gridkeeper.reports.notices import list_templates

    before = {t.name for t in list_templates()}
    out = tmp_path / "n.pdf"
    code = main(["notice", "outage", "--db", accounts_db, "--grid", "FK-01", "--out", str(out), "--save-as", "mine"])
    assert code == 2 and "--user" in capsys.readouterr().err
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", "wrong-password")
    code = main(["notice", "outage", "--db", accounts_db, "--user", "admin", "--grid", "FK-01", "--out", str(out),
                 "--save-as", "mine"])
    assert code == 1
    assert {t.name for t in list_templates()} == before and not out.exists()


def test_notice_save_as_works_once_signed_in(accounts_db, tmp_path, as_admin):
    from gridkeeper.reports.notices import list_templates

    out = tmp_path / "n.pdf"
    assert main(["notice", "outage", "--db", accounts_db, *as_admin, "--grid", "FK-01", "--out", str(out),
                 "--save-as", "mine"]) == 0
    assert "mine" in {t.name for t in list_templates()} and out.exists()
