"""GUI test fixtures: settings in a temp folder, the bundled font, an AppContext over a fresh or demo database."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path, qapp):
    """QSettings written by the window go to a temp folder, never the user's real settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("GridKeeperTest")
    QCoreApplication.setApplicationName("GridKeeperTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As in the app: no garbage collection inside worker threads (it frees Qt objects there and crashes)."""
    import gc

    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(scope="session")
def app_font(qapp):
    from gridkeeper.ui.fonts import apply_app_font

    return apply_app_font(qapp)


@pytest.fixture
def ctx(database, place, app_font):
    from gridkeeper.ui.context import AppContext

    return AppContext(database, today=TODAY)


@pytest.fixture
def demo_ctx(demo_db, tmp_path, app_font):
    """An AppContext over a private copy of the 600-household demo database."""
    from gridkeeper.services.database import open_database
    from gridkeeper.ui.context import AppContext

    path = tmp_path / "demo.db"
    shutil.copy(demo_db[0], path)
    database = open_database(path)
    yield AppContext(database, today=TODAY)
    database.dispose()


@pytest.fixture
def threaded_ctx(tmp_path, app_font):
    """An AppContext over an empty database file: background reads run in worker threads on their own
    connections (over the in-memory test database they are made on the UI thread: ui.background_read)."""
    from PySide6.QtCore import QThreadPool

    from gridkeeper.services.database import open_database
    from gridkeeper.ui.context import AppContext

    database = open_database(tmp_path / "threads.db", create=True)
    yield AppContext(database, today=TODAY)
    QThreadPool.globalInstance().waitForDone(30000)
    database.dispose()


@pytest.fixture
def print_section(qtbot, demo_ctx):
    """The Print & export section over a private copy of the demo database."""
    from gridkeeper.ui.sections.printing import PrintSection

    widget = PrintSection(demo_ctx)
    qtbot.addWidget(widget)
    yield widget
    widget.pdf.close()


@pytest.fixture
def finish():
    """finish(qtbot, section) -> "done", "error" or "cancelled": waits for the section's background task."""
    def wait(qtbot, section, timeout: int = 60000) -> str:
        with qtbot.waitSignal(section.task.finished, timeout=timeout) as blocker:
            pass
        return blocker.args[0]
    return wait
