"""Connecting the app to the office server: Settings → Office server…, the password, and retrying.

The dialog remembers host, port, database and user in the app's settings (never the password: it
comes from PGPASSWORD or .pgpass, or is typed and kept in memory for this session only). A server
that cannot be reached is said in one sentence, with Retry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLineEdit, QMessageBox,
                               QSpinBox, QVBoxLayout, QLabel)
from sqlalchemy import URL

from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.storage.server import DEFAULT_PORT, PasswordRefused, display, server_url

SETTING = "office_server/url"
FILE_SETTING = "office_server/last_file"  # the file this PC worked on last: "Use this PC's file" goes back to it


def remembered_server() -> str | None:
    value = QSettings().value(SETTING, "")
    return str(value) if value else None


def remember_server(address: str | None) -> None:
    """Keep the address without any password (or forget it: None)."""
    settings = QSettings()
    if address:
        settings.setValue(SETTING, display(address))
    else:
        settings.remove(SETTING)
    settings.sync()


def remember_file(path: Path) -> None:
    """The database file this PC is working on now (the `--db FILE` it was started with, or the default)."""
    settings = QSettings()
    settings.setValue(FILE_SETTING, str(Path(path).resolve()))
    settings.sync()


def this_pcs_file() -> Path:
    """Where "Use this PC's file" goes: the file this PC worked on last (the one the session started on, or
    the one used before the server), not always the default data file; the default when that file is gone."""
    from gridkeeper.paths import default_db_path

    value = QSettings().value(FILE_SETTING, "")
    if value and Path(str(value)).is_file():
        return Path(str(value))
    return default_db_path()


def address_of(host: str, port: int, database: str, user: str) -> str:
    url = URL.create("postgresql", username=user.strip() or None, host=host.strip(), port=port or None,
                     database=database.strip())
    return url.render_as_string(hide_password=True)


class ServerDialog(QDialog):
    """Host, port, database and user of the office's PostgreSQL server."""

    def __init__(self, parent=None, *, current: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ServerConnect", "Office server"))
        layout = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate("ServerConnect", "Connect this PC to the office's shared database. The password is asked for when "
                           "connecting and is never saved."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        form.addRow(QCoreApplication.translate("ServerConnect", "Server (name or address)"), self.host)
        form.addRow(QCoreApplication.translate("ServerConnect", "Port"), self.port)
        form.addRow(QCoreApplication.translate("ServerConnect", "Database"), self.database)
        form.addRow(QCoreApplication.translate("ServerConnect", "User"), self.user)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.forget = buttons.addButton(QCoreApplication.translate("ServerConnect", "Use this PC's file"), QDialogButtonBox.ButtonRole.ResetRole)
        self.forget.setToolTip(str(this_pcs_file()))
        self.forget.clicked.connect(self._forget)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if current:
            url = server_url(current)
            self.host.setText(url.host or "")
            self.port.setValue(url.port or DEFAULT_PORT)
            self.database.setText(url.database or "")
            self.user.setText(url.username or "")
        self.address: str | None = current

    def _save(self) -> None:
        missing = [name for name, field in ((QCoreApplication.translate("ServerConnect", "Server (name or address)"), self.host),
                                            (QCoreApplication.translate("ServerConnect", "Database"), self.database), (QCoreApplication.translate("ServerConnect", "User"), self.user))
                   if not field.text().strip()]
        if missing:
            self.error.setText(QCoreApplication.translate("ServerConnect", "Please fill in: {0}").format("、".join(missing)))
            self.error.show()
            return
        self.address = address_of(self.host.text(), self.port.value(), self.database.text(), self.user.text())
        remember_server(self.address)
        self.accept()

    def _forget(self) -> None:
        self.address = None
        remember_server(None)
        self.accept()


def open_server_interactively(address: str, parent=None, *, ask_password=None, ask_retry=None):
    """Open the server database, asking for a refused password and offering Retry when unreachable.

    Returns the Database (services' rules installed), or None when the user gives up. `ask_password(message) -> str | None` and
    `ask_retry(message) -> bool` replace the dialogs in tests."""
    from gridkeeper.services.database import open_database

    ask_password = ask_password or (lambda message: _password_dialog(parent, message))
    ask_retry = ask_retry or (lambda message: _retry_dialog(parent, message))
    password = None
    while True:
        try:
            return open_database(address, password=password)
        except PasswordRefused as exc:
            password = ask_password(str(exc))
            if password is None:
                return None
        except DatabaseUnusable as exc:
            if not ask_retry(str(exc)):
                return None


def _password_dialog(parent, message: str) -> str | None:
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("ServerConnect", "Password"), message, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def _retry_dialog(parent, message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ServerConnect", "Cannot reach the server"), message,
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel, parent)
    return box.exec() == QMessageBox.StandardButton.Retry


def install_server_menu(window, switch) -> None:
    """Settings → Office server…: connect this PC to the office server (or back to its own file) now,
    without restarting (`switch(window, address)`, ui.app.switch_database); the choice is remembered for the
    next start too."""
    menu = getattr(window, "settings_menu", None) or window.menuBar().addMenu(
        QCoreApplication.translate("ServerConnect", "&Settings"))
    action = menu.addAction(QCoreApplication.translate("ServerConnect", "Office server…"))
    action.triggered.connect(lambda _checked=False: change_server(window, switch=switch))
    window.server_menu_action = action


def _same_place(database, address: str | None) -> bool:
    """True when `address` (None: this PC's own file, see this_pcs_file) is where `database` already is."""
    if address is None:
        return database.kind == "sqlite" and database.path is not None and \
            database.path.resolve() == this_pcs_file().resolve()
    if database.kind == "sqlite":
        return False
    def key(url):
        return (url.host or "localhost", url.port or DEFAULT_PORT, url.database, url.username or "")
    return key(server_url(address)) == key(database.engine.url)


def change_server(window, *, switch, dialog: ServerDialog | None = None):
    """Ask for the office server (or this PC's file) and move the open window onto it now with
    `switch(window, address)`. Returns the new main window, or None when nothing changed (cancelled, the
    same place, or the switch could not be made: then the message says the old database stays in use and
    the choice is tried at the next start)."""
    dialog = dialog or ServerDialog(window, current=remembered_server())
    if not dialog.exec():
        return None
    title = QCoreApplication.translate("ServerConnect", "Office server")
    current = window.ctx.database
    if _same_place(current, dialog.address):
        QMessageBox.information(window, title, QCoreApplication.translate(
            "ServerConnect", "Saved. GridKeeper is already working on this database."))
        return None
    new = switch(window, dialog.address)
    if new is None:
        where = dialog.address or "{0}（{1}）".format(QCoreApplication.translate("ServerConnect", "this PC's file"),
                                                     this_pcs_file())
        QMessageBox.information(window, title, QCoreApplication.translate(
            "ServerConnect", "Not changed now: GridKeeper goes on working on {0}. {1} is used from the next "
            "start.").format(display(current.engine.url) if current.kind != "sqlite" else current.label, where))
        return None
    where = display(new.ctx.engine.url) if new.ctx.database.kind != "sqlite" else new.ctx.database.label
    new.statusBar().showMessage(QCoreApplication.translate("ServerConnect", "Now working on {0}").format(where),
                                15000)
    return new
