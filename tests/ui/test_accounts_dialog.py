"""The account form shows a new account's problems under their fields and stays open; nothing is written."""

from __future__ import annotations

from gridkeeper.services import accounts


def test_a_new_accounts_problems_show_under_their_fields(qtbot, ctx):
    from gridkeeper.ui.accounts_dialog import AccountForm

    form = AccountForm([], first=True)
    qtbot.addWidget(form)
    form.password.setText("123")
    form._check()  # OK
    assert form.result() != 1
    assert form.errors.text("name") == "不能为空"
    assert form.errors.text("password") == f"至少{accounts.MIN_PASSWORD}个字符"
    assert not form.problem.text()  # each problem sits under its field, none left over

    form.name.setText("admin")
    form.password.setText("secret1")
    form.again.setText("secret2")
    form._check()
    assert form.result() != 1 and form.errors.text("password") == ""
    assert form.errors.text("password_again") == "The two passwords differ."
    form.again.setText("secret1")
    form._check()
    assert form.result() == 1
    with ctx.read() as session:
        assert accounts.list_accounts(session) == []  # the form checks; the accounts dialog writes
