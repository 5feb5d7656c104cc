"""Errors and warnings raised by the domain's value rules, worded in plain Chinese for the user."""

from __future__ import annotations

from dataclasses import dataclass


class ValueRuleError(ValueError):
    """A value the user typed or imported breaks a rule; `field` names the field, `reason` says why."""

    def __init__(self, field: str, reason: str, table: str = "") -> None:
        super().__init__(f"{field}：{reason}")
        self.field = field  # a field name (visited_on; residents.2.name: a list's item), read by its label (fields)
        self.reason = reason
        self.table = table  # where the same name means something else there (safety_place.name: 场所名称)

    @property
    def label(self) -> str:
        """The field as a person reads it (走访日期 for visited_on)."""
        from gridkeeper.domain.fields import field_label

        return field_label(self.field, self.table)

    def __str__(self) -> str:
        return f"{self.label}：{self.reason}"

    def __reduce__(self):
        # Exceptions pickle via `args`; ours takes more than one argument, so say how to rebuild it.
        return (type(self), (self.field, self.reason, self.table))


@dataclass(frozen=True)
class RuleWarning:
    """Something worth checking that does not stop a value from being saved."""

    field: str  # a field name, like ValueRuleError's
    message: str
    table: str = ""

    @property
    def label(self) -> str:
        from gridkeeper.domain.fields import field_label

        return field_label(self.field, self.table)

    def __str__(self) -> str:
        return f"{self.label}：{self.message}"
