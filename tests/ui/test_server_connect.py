"""Settings → Office server: remembered without the password; a server that cannot be reached offers Retry."""

from __future__ import annotations

from gridkeeper.ui.server_connect import (ServerDialog, address_of, open_server_interactively, remember_server,
                                          remembered_server)


def test_dialog_remembers_the_server_but_never_a_password(qtbot):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog._save()
    assert not dialog.error.isHidden() and remembered_server() is None  # host, database and user are needed
    dialog.host.setText("office-pc")
    dialog.port.setValue(5433)
    dialog.database.setText("fukang")
    dialog.user.setText("gridkeeper")
    dialog._save()
    assert remembered_server() == "postgresql://gridkeeper@office-pc:5433/fukang"
    remember_server("postgresql://gridkeeper:secret@office-pc/fukang")
    assert "secret" not in remembered_server()
    again = ServerDialog(current=remembered_server())
    qtbot.addWidget(again)
    assert (again.host.text(), again.database.text(), again.user.text()) == ("office-pc", "fukang", "gridkeeper")
    again._forget()
    assert remembered_server() is None


def test_unreachable_server_offers_retry_then_gives_up(qapp):
    asked = []

    def retry(message):
        asked.append(message)
        return len(asked) < 2  # Retry once, then Cancel

    address = address_of("127.0.0.1", 1, "fukang", "gridkeeper")
    assert open_server_interactively(address, ask_retry=retry, ask_password=lambda m: None) is None
    assert len(asked) == 2 and "127.0.0.1:1" in asked[0]


def test_password_is_asked_for_and_only_kept_in_memory(qapp, pg_databases, monkeypatch):
    from sqlalchemy import make_url

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    full = make_url(pg_databases.create(migrated=True))
    address = full._replace(password=None).render_as_string(hide_password=False)
    prompts = []

    def password(message):
        prompts.append(message)
        return full.password

    database = open_server_interactively(address, ask_password=password, ask_retry=lambda m: False)
    assert database is not None and len(prompts) == 1 and "密码" in prompts[0]
    database.dispose()
    remember_server(address)
    assert full.password not in (remembered_server() or "")


def test_daily_server_backup_only_on_an_administrators_pc(qapp, pg_databases, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from gridkeeper.services import accounts
    from gridkeeper.services.database import open_database
    from gridkeeper.storage import server_backup
    from gridkeeper.storage.session import unit_of_work
    from gridkeeper.ui.app import daily_server_backup

    try:
        server_backup.find_tool("pg_dump")
    except server_backup.ServerBackupFailed as exc:
        import pytest

        pytest.skip(str(exc))
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)  # a quick hash for the test accounts
    database = open_database(pg_databases.create(migrated=True))
    try:
        with unit_of_work(database.engine) as session:
            admin = accounts.create_account(session, "admin", "admin-pass-123", role=accounts.ADMINISTRATOR)
            steward = accounts.create_account(session, "lixy", "steward-pass-123")
        window = SimpleNamespace(ctx=SimpleNamespace(engine=database.engine))
        accounts.sign_in(database.engine, steward)
        daily_server_backup(window)
        assert not hasattr(window, "server_backup_thread")  # a steward's PC keeps no copy
        accounts.sign_in(database.engine, admin)
        daily_server_backup(window)
        window.server_backup_thread.join(120)
        assert "saved" in window.server_backup_result.lower() or "已" in window.server_backup_result
        assert not server_backup.due(database.engine.url)  # once a day
    finally:
        accounts.sign_in(database.engine, None)
        database.dispose()
