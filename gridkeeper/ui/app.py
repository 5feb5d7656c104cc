"""Start the desktop app: Qt application, bundled font, translation, database, main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gridkeeper import APP_NAME
from gridkeeper.paths import default_db_path, log_file
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.ui import errors, gc_guard, i18n
from gridkeeper.ui.fonts import apply_app_font

EXIT_DB = 3


def application(lang: str | None = None) -> QApplication:
    """The QApplication (created once) with high-DPI policy, the bundled font and the chosen language."""
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (125%, 150%) as they are, instead of rounding to 1x or 2x.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    gc_guard.install(app)
    apply_app_font(app)
    i18n.install(app, i18n.chosen_language(lang))
    return app


def open_main_window(db_path: Path, *, create: bool, today=None, read_only: bool = False):
    """Open the database and the window; raises DatabaseUnusable for a file that cannot be used."""
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.main_window import MainWindow

    # Today's backup is not made here: run() starts it in the background once the window is up.
    database = open_database(db_path, create=create, read_only=read_only, daily_backup=False)
    window = MainWindow(AppContext(database, today=today))
    return window


def run(args) -> int:
    """`gridkeeper [--db PATH] [--lang zh_CN|en]`: show the main window until it is closed."""
    app = application(getattr(args, "lang", None))
    errors.install(log_file())
    explicit = getattr(args, "db", None)
    from gridkeeper.storage.server import is_server_url
    from gridkeeper.ui.server_connect import remembered_server

    server = next((t for t in (explicit, os.environ.get("GRIDKEEPER_DB"), None if explicit else remembered_server())
                   if t and is_server_url(str(t))), None)
    if server:
        return run_on_server(app, server, args)
    db_path = Path(explicit) if explicit else default_db_path()
    from gridkeeper.ui.data_menu import offer_way_out
    from gridkeeper.ui.single_instance import SingleInstance

    instance = SingleInstance(db_path)
    if not instance.claim():  # already open here: that window was brought forward
        return 0
    create = not explicit
    if explicit and not db_path.exists():  # a new community starts here: offer to create the file
        from gridkeeper.ui.setup_wizard import offer_to_create

        if not offer_to_create(db_path):
            return EXIT_DB
        create = True
    try:
        window = open_main_window(db_path, create=create, today=getattr(args, "today", None))
    except DatabaseUnusable as exc:
        read_only = offer_way_out(exc, db_path)  # restore the newest good backup, or read-only, or give up
        if read_only is None:
            return EXIT_DB
        window = open_main_window(db_path, create=False, today=getattr(args, "today", None), read_only=read_only)
    if not dress_window(window, instance=instance):
        window.ctx.database.dispose()
        return 0
    for warning in window.ctx.database.warnings:
        QMessageBox.warning(None, QCoreApplication.translate("app", "Please note"), warning)
    window.show()
    if not window.ctx.read_only:  # today's backup, in the background now that the window is up
        from gridkeeper.ui.daily_backup import start_daily_backup

        start_daily_backup(window, db_path)
    from gridkeeper.ui.setup_wizard import on_opening

    if not os.environ.get("GRIDKEEPER_STARTUP_PROBE"):
        on_opening(window)  # an empty database: the community and its grids first (or real names for made-up ones)
    if os.environ.get("GRIDKEEPER_STARTUP_PROBE"):
        _report_first_paint(app, window)
    code = app.exec()
    current_window(window).ctx.database.dispose()
    return code


def run_on_server(app: QApplication, address: str, args) -> int:
    """The window over the office's server database: no file lock, no file backups; others' changes
    appear within seconds (ChangeWatcher); an unreachable server is offered Retry."""
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.main_window import MainWindow
    from gridkeeper.ui.server_connect import open_server_interactively

    database = open_server_interactively(address)
    if database is None:
        return EXIT_DB
    window = MainWindow(AppContext(database, today=getattr(args, "today", None)))
    if not dress_window(window):
        database.dispose()
        return 0
    window.show()
    code = app.exec()
    current_window(window).ctx.database.dispose()
    return code


_CURRENT: dict[str, object] = {}  # the main window now (Settings → Office server can replace it)


def current_window(first):
    """The main window in use: `first`, or the one a change of database put in its place."""
    return _CURRENT.get("window", first)


def dress_window(window, *, instance=None) -> bool:
    """Everything a main window gets once its database is open, on a file or a server: who is working
    (False when that is cancelled), their own grid, the menus, the inactivity lock; on a server its address
    in the title, the change watcher and the administrator's daily server backup."""
    from gridkeeper.storage.server import display
    from gridkeeper.ui.data_menu import install_data_menu
    from gridkeeper.ui.login import InactivityLock, ask_who_is_working
    from gridkeeper.ui.server_connect import install_server_menu, remember_file
    from gridkeeper.ui.single_instance import bring_forward

    ctx = window.ctx
    on_server = ctx.database.kind != "sqlite"
    if on_server:
        where = display(ctx.engine.url)
        window.setWindowTitle(f"{window.windowTitle()} · {where}")
        window.statusBar().showMessage(QCoreApplication.translate("app", "Database: {0}    Today: {1}").format(
            where, ctx.today().isoformat()))
    if instance is not None:
        instance.activated.connect(lambda: bring_forward(window))
        window.single_instance = instance  # released when the window gives its database up
    if not ask_who_is_working(ctx, window):
        return False
    window.show_own_grid()
    if not on_server:
        install_data_menu(window, ctx)
        if ctx.database.path is not None:  # Settings ▸ Office server ▸ "this PC's file" comes back here
            remember_file(ctx.database.path)
    install_server_menu(window, switch_database)  # Settings → Office server…
    window.inactivity_lock = InactivityLock(window, ctx)
    if on_server:
        watch_server(window)
        daily_server_backup(window)
    _CURRENT["window"] = window
    return True


def switch_database(window, target: str | None, *, open_server=None):
    """Settings → Office server, without restarting: open `target` (a server address; None: this PC's own
    file — the one it worked on last, ui.server_connect.this_pcs_file), put a new main window over it in place of `window` (its sections load from the new database),
    then close the old window and its database. Returns the new window, or None when the user stays where
    they are (unsaved changes kept, the server not reached, the file open elsewhere): the old window goes
    on as it was."""
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.main_window import MainWindow
    from gridkeeper.ui.server_connect import open_server_interactively

    editor = getattr(window, "editor", None)
    if editor is not None and editor.isVisible() and not editor.may_leave():
        return None
    instance, db_path = None, None
    if target:
        database = (open_server or (lambda address: open_server_interactively(address, window)))(target)
        if database is None:
            return None
    else:
        from gridkeeper.ui.server_connect import this_pcs_file
        from gridkeeper.ui.single_instance import SingleInstance

        db_path = this_pcs_file()
        instance = SingleInstance(db_path)
        if not instance.claim():
            _say(window, QCoreApplication.translate("app", "This PC's database is open in another GridKeeper "
                                                    "window; close that one first."))
            return None
        try:
            database = open_database(db_path, create=True, daily_backup=False)
        except DatabaseUnusable as exc:
            instance.release()
            _say(window, str(exc))
            return None
    new = MainWindow(AppContext(database, today=window.ctx._today))
    if not dress_window(new, instance=instance):
        _CURRENT["window"] = window
        new.deleteLater()
        database.dispose()
        if instance is not None:
            instance.release()
        return None
    _give_up(window)
    new.show()
    if db_path is not None and not new.ctx.read_only:
        from gridkeeper.ui.daily_backup import start_daily_backup

        start_daily_backup(new, db_path)
    return new


def _give_up(window) -> None:
    """The old window closes (its layout saved), stops watching and lets go of its database and file."""
    watcher = getattr(window, "change_watcher", None)
    if watcher is not None:
        watcher.stop()
    instance = getattr(window, "single_instance", None)
    if instance is not None:
        instance.release()
    if editor := getattr(window, "editor", None):
        editor._clean = editor.snapshot()  # answered already: closing must not ask again
    window.close()
    window.deleteLater()
    window.ctx.database.dispose()


def _say(parent, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("app", "Office server"), text)


def daily_server_backup(window) -> None:
    """The daily pg_dump of a server database, on the PC of a signed-in administrator only (other PCs
    would each keep a full copy of every resident); in a background thread, the result in the status bar."""
    import threading

    from gridkeeper.services import accounts
    from gridkeeper.storage import server_backup

    user = accounts.signed_in(window.ctx.engine)
    url = window.ctx.engine.url
    if user is None or not user.is_admin or not server_backup.due(url):
        return

    def run() -> None:
        try:
            made = server_backup.dump(url, reason="daily")
            message = QCoreApplication.translate("app", "Daily server backup saved: {0}").format(made.path)
        except server_backup.ServerBackupFailed as exc:
            message = QCoreApplication.translate("app", "Daily server backup failed: {0}").format(exc)
        window.server_backup_result = message  # shown by the watcher's next tick (UI thread)

    window.server_backup_thread = threading.Thread(target=run, name="daily-server-backup", daemon=True)
    window.server_backup_thread.start()


def watch_server(window) -> None:
    """Poll for others' changes; say so in the status bar when the server stops or comes back."""
    from gridkeeper.ui.change_watch import ChangeWatcher

    watcher = ChangeWatcher(window.ctx, window)
    watcher.server_lost.connect(lambda message: window.statusBar().showMessage(message))
    watcher.server_back.connect(lambda: window.statusBar().showMessage(
        QCoreApplication.translate("app", "Connected to the server again"), 5000))
    def report_backup() -> None:
        message = getattr(window, "server_backup_result", None)
        if message:
            window.statusBar().showMessage(message, 15000)
            window.server_backup_result = None

    watcher.timer.timeout.connect(report_backup)
    watcher.start()
    window.change_watcher = watcher


def _report_first_paint(app: QApplication, window) -> None:
    """For start-up benchmarks (also of the frozen app): print the wall-clock time once the first
    section has been laid out and painted, then quit."""
    def done() -> None:
        window.grab()
        print(f"first-paint {time.time():.3f} {window.current_section()}", flush=True)
        app.quit()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, done)
