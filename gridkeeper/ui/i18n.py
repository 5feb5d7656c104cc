"""Interface language: Qt translations (English source strings, zh_CN shipped and loaded by default).

Convention for every GUI module (so `pyside6-lupdate gridkeeper/ui` finds the strings):

  - In a QWidget/QObject subclass write `self.tr("Households")` — the context is the class name.
  - Outside a class use `QCoreApplication.translate("ContextName", "Text")` with a literal context,
    or this module's `tr("ContextName", "Text")` (lupdate does not see through wrappers, so prefer
    `QCoreApplication.translate` with literals where the string must be extracted).
  - Source strings are English, whole sentences, with `{0}`-style placeholders filled by `.format()`
    after translation (never build a sentence from fragments). Domain labels that already come
    from gridkeeper.domain.enums (`.label`) are Chinese data and are not translated again.
  - The .ts file (resources/translations/gridkeeper_zh_CN.ts) and its compiled .qm are owned by the
    shell; add strings freely, they are collected and translated in one pass.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from gridkeeper.paths import resource_path

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SETTING_KEY = "ui/language"
_installed: list[QTranslator] = []


def tr(context: str, text: str) -> str:
    """Translate `text` in `context` (same as QCoreApplication.translate)."""
    return QCoreApplication.translate(context, text)


def qm_path(lang: str):
    return resource_path("translations", f"gridkeeper_{lang}.qm")


def chosen_language(explicit: str | None = None) -> str:
    """--lang wins, then the saved menu choice, then Chinese."""
    if explicit in LANGUAGES:
        return explicit
    saved = QSettings().value(SETTING_KEY, DEFAULT_LANGUAGE)
    return saved if saved in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    QSettings().setValue(SETTING_KEY, lang)


def qt_translations_dirs() -> list[str]:
    """Where Qt's own translations (qtbase_zh_CN.qm: file dialogs, standard buttons) are looked for:
    PySide6's translations folder (also in the frozen app), then resources/translations if one is put there."""
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(resource_path("translations"))]


def install(app: QCoreApplication, lang: str) -> bool:
    """Load the app's and Qt's own translations for `lang`; English needs none. True if both loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale("zh_CN") if lang == "zh_CN" else QLocale("en_US"))
    if lang == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(lang)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)
    qt_loaded = any(qt_own.load(f"qtbase_{lang}", folder) for folder in qt_translations_dirs())
    if qt_loaded:
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return loaded and qt_loaded
