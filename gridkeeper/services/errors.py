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
