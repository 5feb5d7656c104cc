"""Start the desktop app: Qt application, bundled font, translation, database, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gridkeeper import APP_NAME
from gridkeeper.paths import default_db_path
from gridkeeper.storage.engine import open_database
from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.ui import gc_guard, i18n
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


def open_main_window(db_path: Path, *, create: bool, today=None):
    """Open the database and the window; raises DatabaseUnusable for a file that cannot be used."""
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.main_window import MainWindow

    engine = open_database(db_path, create=create)
    window = MainWindow(AppContext(engine, db_path, today=today))
    return window


def run(args) -> int:
    """`gridkeeper [--db PATH] [--lang zh_CN|en]`: show the main window until it is closed."""
    app = application(getattr(args, "lang", None))
    explicit = getattr(args, "db", None)
    db_path = Path(explicit) if explicit else default_db_path()
    try:
        window = open_main_window(db_path, create=not explicit, today=getattr(args, "today", None))
    except DatabaseUnusable as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open the database"), str(exc))
        return EXIT_DB
    window.show()
    code = app.exec()
    window.ctx.engine.dispose()
    return code
