"""Errors services raise for the user: not found, duplicates, invalid input gathered per field."""

from __future__ import annotations

from gridkeeper.domain.errors import ValueRuleError


class ServiceError(Exception):
    """A business rule said no; the message is for the user."""


class NotFound(ServiceError):
    pass


class Duplicate(ServiceError):
    pass


class ValidationFailed(ServiceError):
    """One or more fields are wrong; `errors` lists each with its field and reason."""

    def __init__(self, errors: list[ValueRuleError]):
        self.errors = list(errors)
        super().__init__("；".join(str(e) for e in self.errors))

    def by_field(self) -> dict[str, str]:
        return {e.field: e.reason for e in self.errors}


class EditConflict(ServiceError):
    """Someone else saved this record after it was opened here: nothing was saved, the user chooses.

    `theirs` is the record as it is now (column values), `yours` what was about to be saved (when
    known), `changed_by`/`changed_at` who saved it in between and when (from the audit trail), `table`
    the record's table (a form saving several records, a household with its residents, finds which),
    `name` what the user calls the record (a resident's name, a household's address; empty: its number is
    said), `removing` that the refused save was removing it, and `names` the names of the records its
    reference fields point to ({("unit_id", 12): "FK-03 幸福家园 7号楼 2单元"}), so no record number is shown."""

    def __init__(self, what: str, record_id: int, *, opened_version: int | None, current_version: int | None,
                 changed_by: str = "", changed_at: str = "", theirs: dict | None = None, yours: dict | None = None,
                 table: str = "", name: str = "", removing: bool = False, names: dict | None = None):
        self.what, self.record_id, self.table = what, record_id, table
        self.opened_version, self.current_version = opened_version, current_version
        self.changed_by, self.changed_at = changed_by, changed_at
        self.theirs, self.yours = theirs or {}, yours or {}
        self.name, self.removing, self.names = name, removing, names or {}
        who = f"{changed_by} 于 {changed_at} " if changed_by else "别人"
        record = f"{what}“{name}”" if name else f"{what} #{record_id} "
        gone = current_version is None
        if removing and not gone:
            super().__init__(f"您要删除的{record.strip()}在您打开之后已被{who}修改，没有删除：请看过对方保存的内容后选择"
                             "仍然删除，还是保留（或重新打开后再改）。")
            return
        super().__init__(
            f"{record}在您打开之后已被{who}{'删除' if gone else '修改'}，您的修改没有保存："
            + ("请重新打开后再改。" if gone else "请对照双方的内容后选择保留哪一份（或重新打开后再改）。"))
