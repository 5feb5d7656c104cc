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
