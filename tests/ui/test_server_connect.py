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


def _with_household(ctx_write, room: str) -> None:
    from gridkeeper.services import geography as geo
    from gridkeeper.services import households as service
    from gridkeeper.services.people import HouseholdInput

    with ctx_write() as session:
        geo.ensure_community(session, name="福康社区")
        grid = geo.create_grid(session, code="FK-03", name="第三网格")
        compound = geo.create_compound(session, name="幸福家园")
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="7号楼")
        unit = geo.create_unit(session, building_id=building.id, label="2单元")
        service.create_household(session, HouseholdInput(unit_id=unit.id, room=room))


class _Chosen:
    """The office-server dialog, filled in and saved."""

    def __init__(self, address):
        self.address = address

    def exec(self):
        return True


def _households_shown(window) -> list[str]:
    section = window.show_section("households")
    section.refresh()
    model = section.model
    return [" ".join(str(model.index(row, column).data() or "") for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def test_changing_the_server_takes_effect_without_restarting(pg_databases, qtbot, app_font, monkeypatch):
    """Settings → Office server: the window moves onto the server now (its sections load the server's
    households), lets go of the file (its lock too), and moves back to the file the same way."""
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.paths import default_db_path
    from gridkeeper.services.database import open_database
    from gridkeeper.ui.app import dress_window, open_main_window, switch_database
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.server_connect import change_server
    from tests.conftest import TODAY

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    address = pg_databases.create(migrated=True)
    server = open_database(address)
    _with_household(AppContext(server).write, "901")
    server.dispose()
    window = open_main_window(default_db_path(), create=True, today=TODAY)
    qtbot.addWidget(window)
    _with_household(window.ctx.write, "101")
    assert dress_window(window)
    window.show()
    assert any("101" in text for text in _households_shown(window))

    on_server = change_server(window, dialog=_Chosen(address), switch=switch_database)
    assert on_server is not None and on_server is not window and on_server.ctx.database.kind == "postgresql"
    qtbot.addWidget(on_server)
    shown = _households_shown(on_server)
    assert any("901" in text for text in shown) and not any("101" in text for text in shown)
    assert not window.isVisible() and on_server.change_watcher.timer.isActive()
    open_database(default_db_path()).dispose()  # the file was let go: it opens for writing again

    back = change_server(on_server, dialog=_Chosen(None), switch=switch_database)
    assert back is not None and back.ctx.database.path == default_db_path()
    qtbot.addWidget(back)
    assert any("101" in text for text in _households_shown(back))
    assert not on_server.change_watcher.timer.isActive()
    assert change_server(back, dialog=_Chosen(None), switch=switch_database) is None and len(said) == 1  # already there
    back.ctx.database.dispose()


def test_a_server_that_cannot_be_reached_leaves_the_window_as_it_was(qtbot, app_font, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.ui import server_connect
    from gridkeeper.ui.app import dress_window, open_main_window, switch_database
    from tests.conftest import TODAY

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(server_connect, "_retry_dialog", lambda parent, message: said.append(message) or False)
    window = open_main_window(tmp_path / "grid.db", create=True, today=TODAY)
    qtbot.addWidget(window)
    assert dress_window(window)
    address = address_of("127.0.0.1", 1, "fukang", "gridkeeper")
    assert server_connect.change_server(window, dialog=_Chosen(address), switch=switch_database) is None
    assert "127.0.0.1:1" in said[0] and "grid.db" in said[-1]  # which server; and what stays in use
    with window.ctx.write() as session:  # the old database still works
        assert session.connection() is not None
    window.ctx.database.dispose()


def test_back_to_this_pcs_file_is_the_file_the_session_started_on(pg_databases, qtbot, app_font, monkeypatch,
                                                                   tmp_path):
    """Started with `--db FILE` (not the default data file): Settings ▸ Office server ▸ "Use this PC's file"
    comes back to that FILE, with its households, and the default file is never made."""
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.paths import default_db_path
    from gridkeeper.ui.app import dress_window, open_main_window, switch_database
    from gridkeeper.ui.server_connect import ServerDialog, change_server, this_pcs_file
    from tests.conftest import TODAY

    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: None)
    started_on = tmp_path / "office" / "fukang.db"
    started_on.parent.mkdir()
    window = open_main_window(started_on, create=True, today=TODAY)  # what `gridkeeper --db FILE` opens
    qtbot.addWidget(window)
    _with_household(window.ctx.write, "101")
    assert dress_window(window)
    assert this_pcs_file() == started_on.resolve()
    dialog = ServerDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.forget.toolTip() == str(started_on.resolve())  # the button says which file it goes back to

    on_server = change_server(window, dialog=_Chosen(pg_databases.create(migrated=True)), switch=switch_database)
    assert on_server is not None and on_server.ctx.database.kind == "postgresql"
    qtbot.addWidget(on_server)
    back = change_server(on_server, dialog=_Chosen(None), switch=switch_database)
    assert back is not None
    qtbot.addWidget(back)
    assert back.ctx.database.path.resolve() == started_on.resolve()
    assert any("101" in text for text in _households_shown(back))
    assert not default_db_path().exists()
    back.ctx.database.dispose()
