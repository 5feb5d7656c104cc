"""`gridkeeper stats`: the headline figures, as text or one JSON object."""

from __future__ import annotations

from gridkeeper.cli.common import open_engine, print_json, reads_only

LABELS = {
    "grids": "网格", "compounds": "小区", "buildings": "楼栋", "units": "单元", "households": "住户",
    "residents": "居民", "leaders": "在任三长", "members": "在册在职党员", "visits": "走访记录",
    "requests": "诉求", "requests_open": "办理中诉求", "requests_overdue": "超期诉求",
    "care_households": "关爱户", "visited_this_month": "本月已走访户",
    "rentals": "出租房屋（在租）", "tenants": "在住租户", "group_rentals": "疑似群租",
}
LABELS |= {"disputes": "矛盾纠纷", "disputes_open": "未结案矛盾纠纷"}
LABELS |= {"places": "安全检查场所", "inspections": "安全检查", "hazards_open": "未销号隐患", "hazards_overdue": "超期未整改隐患"}


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("stats", parents=[common], help="主要数字")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    parser.set_defaults(run=run)
    reads_only(parser)


def run(args) -> int:
    from sqlmodel import Session

    from gridkeeper.services.stats import headline

    engine = open_engine(args)
    try:
        with Session(engine) as session:
            figures = headline(session)
    finally:
        engine.dispose()
    if args.json:
        print_json(figures)
    else:
        width = max(len(v) for v in LABELS.values())
        for key, value in figures.items():
            print(f"{LABELS.get(key, key):\u3000<{width}}  {value}")
    return 0
