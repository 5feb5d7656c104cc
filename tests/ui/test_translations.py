"""The shipped zh_CN translation: every message finished, the compiled .qm answers for each of them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator

from gridkeeper.ui import i18n

TS = i18n.qm_path("zh_CN").with_suffix(".ts")


def _messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def test_every_message_is_finished():
    unfinished = [(ctx, m.findtext("source")) for ctx, m in _messages()
                  if m.find("translation").get("type") is not None]
    assert unfinished == []


def test_compiled_qm_translates_every_message(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    QCoreApplication.installTranslator(translator)
    try:
        wrong = []
        for ctx, message in _messages():
            source, translation = message.findtext("source"), message.find("translation")
            if message.get("numerus") == "yes":
                got, expected = QCoreApplication.translate(ctx, source, None, 3), translation[0].text.replace("%n", "3")
            else:
                got, expected = QCoreApplication.translate(ctx, source), translation.text
            if got != expected:
                wrong.append((ctx, source, got))
        assert wrong == []
    finally:
        QCoreApplication.removeTranslator(translator)


def test_requests_withdraw_differs_from_members_withdraw(qapp):
    translator = QTranslator()
    translator.load(str(i18n.qm_path("zh_CN")))
    assert translator.translate("RequestsSection", "Withdraw…") == "撤回…"
    assert translator.translate("MembersSection", "Withdraw…") == "退出…"
