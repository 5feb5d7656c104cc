"""The ledgers (台账) by kind: each one's name in its title, and which are counted by half-year.

Import-light on purpose: the command line lists the kinds in its help without loading the reports."""

from __future__ import annotations

# Ledger kind -> its name in the title.
LEDGER_NAMES = {
    "visits": "走访台账",
    "households": "全覆盖信息台账",
    "care": "个性化台账",
    "requests": "诉求办理台账",
    "members": "在职党员报到服务台账",
    "leaders": "三长名册",
    "disputes": "矛盾纠纷排查化解台账",
    "rentals": "出租房屋台账",
    "migrants": "流动人口台账",
    "hazards": "安全隐患排查整改台账",
}
HALF_YEAR_KINDS = {"members"}
