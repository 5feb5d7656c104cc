"""The self-test's checks that need Qt: reading a PDF back through QtPdf, opening the main window."""

from __future__ import annotations

from pathlib import Path


def pdf_text(path: Path) -> str:
    """All text of a PDF through QtPdf (shipped with the app), to read back what was printed."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        QEventLoop().processEvents()
    text = "".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def main_window_check(db: Path) -> str:
    """Open the main window offscreen, show each section, and check Chinese is drawn with the bundled font."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFontInfo

    from gridkeeper.ui.app import application, open_main_window
    from gridkeeper.ui.screenshots import settle_reads
    from gridkeeper.ui.single_instance import SingleInstance

    app = application("zh_CN")
    instance = SingleInstance(db)  # what a real start does first (QtNetwork's local socket)
    if not instance.claim():
        raise AssertionError("could not claim the single-instance server for the database")
    instance.release()
    # The window remembers its layout in QSettings: keep the self-test's away from the user's own.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(db.parent / "settings"))
    window = open_main_window(db, create=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    family = QFontInfo(app.font()).family()
    if "Noto Sans SC" not in family:
        raise AssertionError(f"application font is {family!r}, not the bundled Noto Sans SC")
    sections = window.section_keys()
    for key in sections:  # every section builds and paints in this build
        window.show_section(key)
        app.processEvents()
        settle_reads(window)
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise AssertionError(f"the {key} section did not render")
    title = window.windowTitle()
    if "网格" not in title:
        raise AssertionError(f"window title {title!r} is not Chinese: gridkeeper_zh_CN.qm was not loaded")
    from PySide6.QtCore import QCoreApplication

    qt_context, qt_text = "QPlatformTheme", "Cancel"  # Qt's own string (not literal: lupdate must not take it)
    if QCoreApplication.translate(qt_context, qt_text) != "取消":
        raise AssertionError("Qt's own qtbase_zh_CN translation is not loaded: file dialogs would be English")
    window.close()
    window.ctx.database.dispose()
    return (f"{len(sections)} sections rendered {image.width()}×{image.height()} with {family}; title “{title}”; "
            "Qt's own dialogs in Chinese")
