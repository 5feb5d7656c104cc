"""The rented-housing register's settings: the group-rental rule and how soon Today warns."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.rentals import (
    DEFAULT_ARRIVAL_GRACE_DAYS,
    DEFAULT_NOTICE_DAYS,
    GroupRentalRule,
)
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.settings import get_setting, set_setting

RENTAL_RULES_KEY = "rental_rules"


@dataclass(frozen=True)
class RentalRules:
    """群租 rule, days before a lease end or permit expiry that Today shows it, days a tenant may
    live here before a residence permit is expected."""

    group: GroupRentalRule = GroupRentalRule()
    notice_days: int = DEFAULT_NOTICE_DAYS
    arrival_grace_days: int = DEFAULT_ARRIVAL_GRACE_DAYS

    def to_dict(self) -> dict:
        return self.group.to_dict() | {"notice_days": self.notice_days, "arrival_grace_days": self.arrival_grace_days}

    @classmethod
    def from_dict(cls, data: dict) -> "RentalRules":
        errors = []
        days = {}
        for key, default in (("notice_days", DEFAULT_NOTICE_DAYS), ("arrival_grace_days", DEFAULT_ARRIVAL_GRACE_DAYS)):
            try:
                days[key] = int(data.get(key, default))
                if not 1 <= days[key] <= 366:
                    raise ValueError
            except (TypeError, ValueError):
                errors.append(ValueRuleError(key, "应为1到366之间的天数"))
        try:
            group = GroupRentalRule.from_dict(data)
        except ValueRuleError as exc:
            errors.append(exc)
        except (TypeError, ValueError):
            errors.append(ValueRuleError("group_rental", "居住人数上限应为整数"))
        if errors:
            raise ValidationFailed(errors)
        return cls(group=group, **days)


def rental_rules(session: Session) -> RentalRules:
    """The configured rules (defaults when never set)."""
    raw = get_setting(session, RENTAL_RULES_KEY)
    return RentalRules.from_dict(json.loads(raw)) if raw else RentalRules()


def set_rental_rules(session: Session, rules: RentalRules) -> None:
    """Save the rules (an administrator's change: settings are community-wide)."""
    set_setting(session, RENTAL_RULES_KEY, json.dumps(rules.to_dict(), ensure_ascii=False))
