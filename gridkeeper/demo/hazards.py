"""Demo rows of the safety-hazard register: a handful of places per grid (a few dozen in a 2,000-household
community), a monthly inspection of each over the past year, hazards in every state (older ones closed,
some escalated, recent ones found, notified or rectified, a few overdue), and a few hazards recorded
straight from 安全检查 visits.

It draws from its own random stream, so adding it left the rest of the demo exactly as it was."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta

from gridkeeper.domain.hazards import DEFAULT_CHECKLISTS, DEFAULT_DEADLINE_DAYS, HazardLevel, PlaceKind, requirement

TABLES = ("safety_place", "safety_inspection", "safety_hazard", "safety_hazard_event")
STREETS = ("幸福路", "和平街", "新华路", "红旗大街", "民生路", "建设街", "松花江街", "友谊路")
SHOP_NAMES = {
    PlaceKind.SHOP: ("便民超市", "惠民副食店", "家家乐超市", "五金日杂店", "鲜果坊"),
    PlaceKind.RESTAURANT: ("老王小吃", "李记饺子馆", "川味麻辣烫", "东北家常菜馆", "早点铺"),
    PlaceKind.HOTEL: ("温馨旅店", "如家小旅馆", "站前招待所"),
    PlaceKind.INTERNET_CAFE: ("极速网咖", "星空网吧"),
    PlaceKind.BEAUTY: ("丽人美发", "清泉洗浴", "时尚造型"),
    PlaceKind.ENTERTAINMENT: ("欢乐歌厅", "金嗓子KTV"),
    PlaceKind.SCHOOL: ("小天使幼儿园", "启明托管班", "书香课外辅导"),
    PlaceKind.CLINIC: ("康宁诊所", "仁和口腔诊所", "社区卫生服务站"),
    PlaceKind.WORKSHOP: ("建华铝合金加工", "服装加工坊", "家具维修部"),
}
DESCRIPTIONS = {
    "消防通道堵塞": ("后门通道堆放纸箱", "安全出口被货架挡住", "疏散通道停放车辆"),
    "楼道堆物": ("楼道堆放旧家具", "楼梯间堆放纸壳和杂物", "一楼楼道堆放废品"),
    "电动车入户/飞线充电": ("从窗户拉线给电动车充电", "电动车推进楼道充电", "车棚私接插排充电"),
    "灭火器缺失或过期": ("灭火器压力不足", "两具灭火器超过检验期", "未配置灭火器"),
    "燃气泄漏隐患": ("燃气软管老化开裂", "液化气罐放在灶台旁", "未安装燃气报警器"),
    "电线私拉乱接": ("电线裸露缠绕在铁架上", "插排串接使用", "临时线路未穿管保护"),
    "违规住人/三合一场所": ("店内阁楼住人", "仓库内搭床住人"),
}
ESCALATE_TO = ("新华街道办事处", "消防救援站", "街道安监办")
RECTIFIED = ("已清理完毕", "已更换合格器材", "已拆除私拉电线", "已规范停放充电", "已更换燃气软管")


def add_hazard_register(demo, *, households: int) -> None:
    """Append the register's rows to `demo.rows` (ids assigned in order, as the rest of the demo does)."""
    rng = random.Random(f"gridkeeper-hazards:{households}:{demo.today.isoformat()}")
    today = demo.today
    buildings_of: dict[int, list[dict]] = {}
    for building in demo.rows["building"]:
        buildings_of.setdefault(building["grid_id"], []).append(building)
    compounds = {c["id"]: c["name"] for c in demo.rows["compound"]}
    stewards = {g["id"]: g["steward_name"] for g in demo.rows["grid"]}
    places = demo.rows.setdefault("safety_place", [])
    for grid in demo.rows["grid"]:
        buildings = buildings_of.get(grid["id"], [])
        if not buildings:
            continue
        for _ in range(rng.randint(2, 4)):  # 九小场所 on the street frontage
            kind = rng.choice(tuple(SHOP_NAMES))
            places.append(dict(id=len(places) + 1, grid_id=grid["id"], building_id=None,
                               name=rng.choice(SHOP_NAMES[kind]), kind=kind.value,
                               address=f"{rng.choice(STREETS)}{rng.randint(1, 300)}号",
                               person_in_charge=demo.name(), phone=demo.mobile(), notes="", last_inspected_on=None,
                               version=1))
        for kind in rng.sample((PlaceKind.STAIRWELL, PlaceKind.BASEMENT, PlaceKind.BIKE_SHED), rng.randint(1, 2)):
            building = rng.choice(buildings)
            label = f"{compounds[building['compound_id']]}{building['label']}"
            places.append(dict(id=len(places) + 1, grid_id=grid["id"], building_id=building["id"],
                               name=f"{label}{kind.label}", kind=kind.value, address="",
                               person_in_charge=demo.name(), phone=demo.mobile(), notes="", last_inspected_on=None,
                               version=1))
    for place in places:
        _inspections(demo, rng, place, stewards[place["grid_id"]], today)
    _from_visits(demo, rng, today)


def _inspections(demo, rng: random.Random, place: dict, steward: str, today: date) -> None:
    """One inspection a month over the past year (a few months skipped), each finding a hazard or two now and then."""
    kind = PlaceKind(place["kind"])
    checklist = DEFAULT_CHECKLISTS[kind]
    inspections = demo.rows.setdefault("safety_inspection", [])
    month = date(today.year - 1, today.month, 1)
    while month <= today:
        day = month + timedelta(days=rng.randint(3, 24))
        month = (month + timedelta(days=32)).replace(day=1)
        if day > today or rng.random() < 0.1:
            continue
        inspection_id = len(inspections) + 1
        inspections.append(dict(id=inspection_id, grid_id=place["grid_id"], place_id=place["id"],
                                building_id=place["building_id"], visit_id=None, inspected_on=day,
                                inspectors=steward if rng.random() < 0.6 else f"{steward}、{demo.name()}",
                                checked_items=json.dumps(checklist, ensure_ascii=False), notes=""))
        place["last_inspected_on"] = day
        if rng.random() < 0.22:
            for item in rng.sample([i for i in checklist if i in DESCRIPTIONS] or checklist, rng.choice((1, 1, 2))):
                _hazard(demo, rng, today, day, item, place["grid_id"], place["building_id"],
                        person=place["person_in_charge"], phone=place["phone"], inspection_id=inspection_id,
                        place_id=place["id"])


def _from_visits(demo, rng: random.Random, today: date) -> None:
    """Now and then a 安全检查 visit finds something in the flat itself (a cracked gas hose)."""
    building_of_unit = {u["id"]: u["building_id"] for u in demo.rows["unit"]}
    grid_of_building = {b["id"]: b["grid_id"] for b in demo.rows["building"]}
    unit_of = {h["id"]: h["unit_id"] for h in demo.rows["household"]}
    for visit in demo.rows.get("visit", []):
        if visit["kind"] != "safety" or not visit["anyone_home"] or rng.random() >= 0.02:
            continue
        building_id = building_of_unit[unit_of[visit["household_id"]]]
        item = rng.choice(("燃气泄漏隐患", "电线私拉乱接", "电动车入户/飞线充电"))
        _hazard(demo, rng, today, visit["visited_on"], item, grid_of_building[building_id], building_id,
                person="户主", phone="", household_id=visit["household_id"], visit_id=visit["id"])


def _hazard(demo, rng: random.Random, today: date, found: date, item: str, grid_id: int, building_id: int | None,
            *, person: str, phone: str, **links) -> None:
    level = rng.choices(tuple(HazardLevel), (80, 17, 3))[0]
    deadline = found + timedelta(days=DEFAULT_DEADLINE_DAYS[level])
    age = (today - found).days
    if age > 45:
        final = rng.choices(("closed", "escalated_closed", "escalated", "rectified"), (90, 6, 1, 3))[0]
    elif age > DEFAULT_DEADLINE_DAYS[level]:
        final = rng.choices(("closed", "rectified", "notified", "escalated", "found"), (55, 20, 15, 5, 5))[0]
    else:
        final = rng.choices(("found", "notified", "rectified", "closed"), (25, 45, 20, 10))[0]
    path = {"found": ["found"], "notified": ["found", "notified"], "rectified": ["found", "notified", "rectified"],
            "closed": ["found", "notified", "rectified", "closed"], "escalated": ["found", "notified", "escalated"],
            "escalated_closed": ["found", "notified", "escalated", "closed"]}[final]
    final = path[-1]
    hazards = demo.rows.setdefault("safety_hazard", [])
    hazard_id = len(hazards) + 1
    events = demo.rows.setdefault("safety_hazard_event", [])
    row = dict(id=hazard_id, grid_id=grid_id, inspection_id=None, place_id=None, building_id=building_id,
               household_id=None, visit_id=None, found_on=found, item=item,
               description=rng.choice(DESCRIPTIONS.get(item, ("",))), level=level.value, deadline=deadline,
               responsible_person=person, responsible_phone=phone, requirement=requirement(item), status=final,
               notified_on=None, rectified_on=None, rectification="", closed_on=None, reinspected_by="",
               escalated_on=None, escalated_to="", escalation_reason="", version=1) | links
    day, previous = found, None
    for status in path:
        note = "发现隐患"
        if status == "notified":
            day = min(today, day + timedelta(days=rng.randint(0, 1)))
            row["notified_on"], note = day, "下发整改通知单"
        elif status == "rectified":
            late = rng.random() < 0.12
            span = (deadline - found).days
            day = min(today, found + timedelta(days=rng.randint(span + 1, span + 10) if late else rng.randint(1, span)))
            row["rectified_on"], row["rectification"] = day, rng.choice(RECTIFIED)
            note = row["rectification"]
        elif status == "closed":
            day = min(today, day + timedelta(days=rng.randint(1, 5)))
            row["closed_on"], row["reinspected_by"] = day, demo.rows["grid"][grid_id - 1]["steward_name"]
            row["rectified_on"] = row["rectified_on"] or day  # handled by the department it was escalated to
            note = f"复查人：{row['reinspected_by']}"
        elif status == "escalated":
            day = min(today, deadline + timedelta(days=rng.randint(1, 5)))
            row["escalated_on"], row["escalated_to"] = day, rng.choice(ESCALATE_TO)
            row["escalation_reason"] = "逾期拒不整改"
            note = f"上报{row['escalated_to']}：逾期拒不整改"
        events.append(dict(id=len(events) + 1, hazard_id=hazard_id, grid_id=grid_id,
                           at=datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC), from_status=previous,
                           to_status=status, note=note, actor=""))
        previous = status
    hazards.append(row)
