"""Demo disputes: about one and a half a grid a month for a year, most mediated and closed, some still open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

SUBJECTS = {
    "neighbour": ("楼上漏水渗到楼下，维修费用分担有争议", "楼道堆放杂物，邻居之间多次争吵", "装修噪音扰民，双方发生口角",
                  "宠物狗夜间吠叫，邻里矛盾", "空调外机对着邻居窗户，协商不成", "公共走廊安装防盗门，邻居不同意",
                  "楼顶私自搭建菜园，顶楼住户反对"),
    "family": ("赡养老人费用分担，兄妹之间有矛盾", "夫妻感情不和经常争吵，女方求助", "房屋继承分配，家庭成员意见不一",
               "子女不按时探望老人，老人诉苦"),
    "property": ("物业费上涨，业主拒交并与物业争执", "车位被占用，业主与物业发生纠纷", "电梯长期故障，业主要求减免物业费",
                 "小区绿地被改成停车位，业主不满"),
    "tenancy": ("租客提前退租，押金退还有争议", "房东未经同意进入出租屋，租客不满", "租客拖欠房租两个月",
                "群租扰民，邻居与房东发生矛盾"),
    "labour": ("装修工人工资被拖欠", "保洁员与物业公司工资结算纠纷", "快递员工伤赔偿有争议"),
    "other": ("小区广场舞音响扰民", "外卖电动车乱停引发争执", "房屋买卖过户后物业费欠缴争议"),
}
KIND_WEIGHTS = (("neighbour", 45), ("family", 15), ("property", 18), ("tenancy", 12), ("labour", 5), ("other", 5))
OUTSIDERS = {"property": "物业服务中心", "tenancy": "租客", "labour": "装修队负责人", "other": "外来人员"}
AGREEMENTS = ("双方同意各让一步，费用按七三分担", "当事人当面道歉，承诺不再发生", "约定三日内清理完毕",
              "物业答应一周内维修，业主补交物业费", "签订人民调解协议书", "约定按月分期支付")
MEDIATORS = ("楼栋长", "社区调委会主任", "网格党小组长", "法律顾问", "物业经理")
REFERRED_TO = ("街道综治中心", "派出所", "司法所", "劳动监察大队", "住建部门")
FAILED_NOTES = ("引导当事人向法院起诉", "当事人拒绝调解，告知申请仲裁途径")
PER_GRID_MONTH = (0, 1, 1, 2, 2, 3)  # drawn per grid and month: 1.5 on average


def make_disputes(demo) -> None:
    """Disputes found over the last year in every grid, each with its parties, sessions and steps."""
    rng, today = demo.rng, demo.today
    homes = _households_by_grid(demo)
    stewards = {g["id"]: g["steward_name"] for g in demo.rows["grid"]}
    _disputes_from_requests(demo, homes, stewards)
    for grid_id, households in homes.items():
        if len(households) < 2:
            continue
        count = sum(rng.choice(PER_GRID_MONTH) for _ in range(12))
        for found in sorted(today - timedelta(days=rng.randint(0, 364)) for _ in range(count)):
            _dispute(demo, grid_id, households, stewards[grid_id], found)


def _disputes_from_requests(demo, homes, stewards) -> None:
    """About half the resolved 邻里纠纷 requests were handed to mediation (转为矛盾纠纷): the dispute starts
    on the day the request was raised and names it; the request's feedback names the dispute."""
    rng = demo.rng
    position = {home[0]: (grid_id, n) for grid_id, households in homes.items() for n, home in enumerate(households)
                if len(households) > 1}
    chosen = {r["id"]: r for r in demo.rows.get("resident_request", [])
              if r["category"] == "dispute" and r["status"] in ("resolved", "rated") and r["household_id"] in position
              and rng.random() < 0.5}
    for request in chosen.values():
        grid_id, index = position[request["household_id"]]
        dispute_id = _dispute(demo, grid_id, homes[grid_id], stewards[grid_id], request["raised_on"], index=index,
                              kind="neighbour", request=request)
        request["feedback"] = f"已转为矛盾纠纷 #{dispute_id}，由网格调解"
        request["resolved_on"] = request["raised_on"]  # handed over the day it was turned, as the service does
        if request["followed_up_on"]:
            request["followed_up_on"] = min(demo.today, request["raised_on"] + timedelta(days=rng.randint(1, 5)))
    _request_steps_as_handed_over(demo, chosen)


def _request_steps_as_handed_over(demo, chosen: dict[int, dict]) -> None:
    """The turned requests' history: received (dispatched), then resolved on the day the dispute was
    registered, naming it, then the resident's rating if there was one; no 办理中 after the hand-over."""
    kept = []
    for event in demo.rows.get("request_event", []):
        request = chosen.get(event["request_id"])
        if request is None:
            kept.append(event)
            continue
        if event["to_status"] == "in_progress":
            continue
        day = request["followed_up_on"] if event["to_status"] == "rated" else request["raised_on"]
        hour = {"received": 9, "dispatched": 10, "resolved": 11}.get(event["to_status"], 9)
        event["at"] = datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
        if event["to_status"] == "resolved":
            event.update(note=request["feedback"], from_status="dispatched")
        kept.append(event)
    demo.rows["request_event"] = kept


def _households_by_grid(demo) -> dict[int, list[tuple[int, int, str, str, str]]]:
    """Each grid's lived-in households as (id, head's resident id, name, phone, address)."""
    heads = {r["household_id"]: (r["id"], r["name"], r["phone"]) for r in demo.rows["resident"] if r.get("is_head")}
    buildings, compounds = demo.rows["building"], demo.rows["compound"]
    units = {u["id"]: (buildings[u["building_id"] - 1], u["label"]) for u in demo.rows["unit"]}
    found: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for household in demo.rows["household"]:
        if household["id"] in heads:
            building, unit = units[household["unit_id"]]
            address = f"{compounds[building['compound_id'] - 1]['name']}{building['label']}{unit}{household['room']}"
            found.setdefault(building["grid_id"], []).append((household["id"], *heads[household["id"]], address))
    return found


def _dispute(demo, grid_id: int, households, steward: str, found: date, *, index: int | None = None,
             kind: str | None = None, request: dict | None = None) -> int:
    rng, today = demo.rng, demo.today
    kind = kind or rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
    index = rng.randrange(len(households)) if index is None else index
    home = households[index]
    dispute_id = len(demo.rows.get("dispute", [])) + 1
    parties = [dict(resident_id=home[1], household_id=home[0], name=home[2], phone=home[3], address=home[4])]
    if kind == "neighbour":
        other = households[index + 1 if index + 1 < len(households) else index - 1]
        parties.append(dict(resident_id=other[1], household_id=other[0], name=other[2], phone=other[3],
                            address=other[4]))
    elif kind != "family":
        parties.append(dict(resident_id=None, household_id=None, name=f"{demo.name()}（{OUTSIDERS[kind]}）",
                            phone=demo.mobile(), address=""))
    for party in parties:
        demo.add("dispute_party", dict(dispute_id=dispute_id, id_number="", **party))
    row = dict(id=dispute_id, grid_id=grid_id, household_id=home[0], kind=kind,
               subject=rng.choice(SUBJECTS[kind]), details="", risk=rng.choices(("low", "medium", "high"), (65, 28, 7))[0],
               source=rng.choices(("visit", "reported"), (45, 55))[0], source_visit_id=None,
               source_request_id=request["id"] if request else None,
               found_on=found, found_by=steward, status="registered", last_step_on=found, outcome=None,
               outcome_on=None, referred_to="", outcome_note="", follow_up_due=None, followed_up_on=None,
               follow_up_held=None, follow_up_note="", closed_on=None, version=1)
    if request:
        row.update(source="request", subject=request["description"])
    demo.rows.setdefault("dispute", []).append(row)
    steps = _Steps(demo, row)
    steps.log(None, "registered", {"visit": "登记（走访发现）", "reported": "登记（群众反映）",
                                   "request": f"登记（诉求 #{request['id'] if request else ''} 转入）"}[row["source"]], found)
    _mediate(demo, row, steps, steward, (today - found).days)
    return dispute_id


class _Steps:
    """Writes a dispute's history as the services would, one step at a time."""

    def __init__(self, demo, row: dict):
        self.demo, self.row = demo, row

    def log(self, old, new: str, note: str, day: date, outcome: str | None = None) -> None:
        self.demo.add("dispute_event", dict(dispute_id=self.row["id"], from_status=old, to_status=new, note=note,
                                            actor=self.row["found_by"], step_on=day, outcome=outcome,
                                            at=datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)))
        self.row["status"] = new
        self.row["last_step_on"] = max(self.row["last_step_on"], day)


def _mediate(demo, row: dict, steps: _Steps, steward: str, age: int) -> None:
    """Sessions, then an outcome and follow-up as far as the dispute's age allows; some stall (stale)."""
    rng, today = demo.rng, demo.today
    if age < 3 or rng.random() < (0.25 if age <= 15 else 0.08 if age <= 45 else 0):
        return  # not mediated yet: recent ones, and a few from the last weeks that stand out on Today as stale
    day = row["found_on"]
    for number in range(rng.choice((1, 1, 2, 2, 3))):
        day += timedelta(days=rng.randint(1, 6) if number else rng.randint(0, 3))
        if day > today:
            break
        mediators = "、".join(dict.fromkeys([steward, rng.choice(MEDIATORS)]))
        agreed = rng.choice(AGREEMENTS) if rng.random() < 0.7 else ""
        demo.add("mediation_session", dict(dispute_id=row["id"], held_on=day, mediators=mediators, agreed=agreed,
                                           notes=""))
        note = f"{day.isoformat()} 调解（{mediators}）" + (f"：{agreed}" if agreed else "")
        steps.log(row["status"], "mediating", note, day)
    if row["status"] != "mediating" or (today - day).days < 2 or (age < 60 and rng.random() < 0.15):
        return  # still being mediated (recent ones only: older ones have an outcome)
    outcome = rng.choices(("success", "partial", "referred", "failed"), (72, 13, 10, 5))[0]
    _outcome(demo, row, steps, outcome, min(today, day + timedelta(days=rng.randint(0, 2))))


def _outcome(demo, row: dict, steps: _Steps, outcome: str, on: date) -> None:
    rng, today = demo.rng, demo.today
    label = {"success": "调解成功", "partial": "部分达成", "referred": "转交相关部门", "failed": "未成功"}[outcome]
    row.update(outcome=outcome, outcome_on=on)
    if outcome == "failed":
        row.update(outcome_note=rng.choice(FAILED_NOTES), closed_on=on)
        steps.log(row["status"], "closed", f"{label}（{row['outcome_note']}）", on, outcome)
        return
    if outcome == "referred":
        row["referred_to"] = rng.choice(REFERRED_TO)
        steps.log(row["status"], "referred", f"{label}：{row['referred_to']}", on, outcome)
    else:
        steps.log(row["status"], "awaiting_follow_up", label, on, outcome)
    row["follow_up_due"] = on + timedelta(days=15)
    visited = row["follow_up_due"] + timedelta(days=rng.randint(-3, 4))
    if visited > today or ((today - row["follow_up_due"]).days < 20 and rng.random() < 0.3):
        return  # the follow-up is still to come (or a few days overdue)
    held = rng.random() < 0.92
    note = "" if held else "一方未按协议履行"
    row.update(followed_up_on=visited, follow_up_held=held, follow_up_note=note)
    if held:
        row["closed_on"] = visited
        steps.log(row["status"], "closed", "回访：协议履行良好", visited)
    else:
        row.update(outcome=None, outcome_on=None, follow_up_due=None, referred_to="")
        steps.log(row["status"], "mediating", f"回访：协议未履行（{note}）", visited)
        again = visited + timedelta(days=rng.randint(1, 5))
        if again <= today:  # mediated once more; the second agreement is followed up like the first
            demo.add("mediation_session", dict(dispute_id=row["id"], held_on=again, mediators=row["found_by"],
                                               agreed=rng.choice(AGREEMENTS), notes=""))
            steps.log("mediating", "mediating", f"{again.isoformat()} 再次调解（{row['found_by']}）", again)
            row.update(followed_up_on=None, follow_up_held=None, follow_up_note="")
            _outcome(demo, row, steps, "success", again)
