"""Errors and warnings raised by the domain's value rules, worded in plain Chinese for the user."""

from __future__ import annotations

from dataclasses import dataclass


class ValueRuleError(ValueError):
    """A value the user typed or imported breaks a rule; `field` names the field, `reason` says why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}：{reason}")
        self.field = field  # a field name (visited_on), shown by its label (domain.fields)
        self.reason = reason

    def __str__(self) -> str:
        from gridkeeper.domain.fields import field_label

        return f"{field_label(self.field)}：{self.reason}"

    def __reduce__(self):
        # Exceptions pickle via `args`; ours takes two arguments, so say how to rebuild it.
        return (type(self), (self.field, self.reason))


@dataclass(frozen=True)
class RuleWarning:
    """Something worth checking that does not stop a value from being saved."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"
