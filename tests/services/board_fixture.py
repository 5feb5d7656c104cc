"""A small community whose boards were worked out by hand (the figures are in the tests that use it).

Period 2026-11, today 2026-11-20. Requests raised in November:
- 幸福家园 (南方物业公司, grid FK-01, 10 households): 10 property requests raised 11-01…11-10, resolved in
  2, 3, 4, 5, 6, 7, 1, 2, 9, 11 days (deadline 7 days: 8 on time, 50 days in all), rated 满意 ×7,
  基本满意 ×1, 不满意 ×2; one more withdrawn; one sanitation request for the community (1 day, 满意);
  one raised 10-28 (outside the period).
- 阳光花园 (伟捷物业服务有限公司, FK-02, 6 households): 5 property requests resolved in 2 days, 满意; one
  about pipes dispatched to 伟捷 by name, still in progress, deadline 11-09 (overdue now).
- 龙苑小区 (龙江物业管理有限公司, FK-02, 4 households): one property request, 3 days, 基本满意.
- 老街小区 (no property company, FK-01, 2 households): one property request still open, not yet due (no
  company to count it against); one parking request dispatched to 龙江物业管理有限公司 by name, 9 days
  (late), 不满意.

For the grid scoreboard (previous period 2026-10; snapshot days 11-20 and 10-31):
- visits: FK-01 (12 households) 6 visited in November (幸福家园 1–6), 4 in October (幸福家园 1–3, 老街 1);
  FK-02 (10 households) 9 in November (阳光花园 1–5, 龙苑 1–4), 1 in October (阳光花园 1).
- care households: 幸福家园 1 living alone (7 days; visits 10-20, 11-01, 11-15: on cadence 11-20, not 10-31);
  幸福家园 2 empty nest (30 days; 10-05, 11-02: on cadence both days); 老街 2 hardship and a migrant (never
  visited); 阳光花园 1 aged 80 (14 days; 10-25, 11-03: on cadence 10-31, not 11-20).
- posts: each grid 1 + 2 buildings + 2 units = 5. Held in FK-01: grid leader (since 2026-01-01) and
  幸福家园 1号楼 (since 11-05); in FK-02: 阳光花园 1号楼 (2025-06-01 to 11-10) and its unit (since 2026-01-01).
- member service: FK-01 3.5 h in November, 4 h in October (10 h in September); FK-02 2 h in November.
- hazards (FK-01 only): due in November 11-10 rectified 11-08 (on time) and 11-12 rectified 11-15 (late);
  due in October 10-20 rectified 10-19 (on time); one due in December (not counted).
"""

from __future__ import annotations

from datetime import date, timedelta

from gridkeeper.domain.enums import Management
from gridkeeper.services import geography as geo
from gridkeeper.storage.hazard_models import SafetyHazard
from gridkeeper.storage.models import (Household, LeaderAssignment, Member, Resident, ResidentRequest, ResidentTag,
                                       ServiceRecord, Visit)

TODAY = date(2026, 11, 20)
NANFANG, WEIJIE, LONGJIANG = "南方物业公司", "伟捷物业服务有限公司", "龙江物业管理有限公司"


def _households(session, unit_id: int, count: int) -> list[int]:
    rows = [Household(unit_id=unit_id, room=f"{101 + i}", room_key=f"{101 + i}", floor=1) for i in range(count)]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def _request(session, household_id: int, raised: date, *, category="property", days: int | None = None,
             rating: str | None = None, status: str | None = None, target: str | None = None, to: str = "") -> None:
    resolved = raised + timedelta(days=days) if days is not None else None
    status = status or ("rated" if rating else "resolved" if resolved else "received")
    session.add(ResidentRequest(household_id=household_id, raised_on=raised, category=category, description="测试",
                                status=status, deadline=raised + timedelta(days=7), resolved_on=resolved,
                                rating=rating, dispatch_target=target, dispatched_to=to,
                                feedback="已处理" if resolved else ""))


def build(session) -> dict:
    """The places and requests above; returns the ids of grids, compounds and households."""
    geo.ensure_community(session, name="福康社区居民委员会", subdistrict="新华街道", hotline="0451-86123456")
    fk1 = geo.create_grid(session, code="FK-01", name="第一网格", steward_name="张伟", steward_phone="13904510001")
    fk2 = geo.create_grid(session, code="FK-02", name="第二网格", steward_name="李晓燕", steward_phone="13904510002")
    places = {}
    for name, company, grid, count in (("幸福家园", NANFANG, fk1, 10), ("阳光花园", WEIJIE, fk2, 6),
                                       ("龙苑小区", LONGJIANG, fk2, 4), ("老街小区", "", fk1, 2)):
        compound = geo.create_compound(session, name=name, property_company=company,
                                       management=Management.PROPERTY_COMPANY if company else Management.NONE)
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="1号楼", floors=6)
        unit = geo.create_unit(session, building_id=building.id, label="1单元")
        places[name] = {"compound": compound.id, "building": building.id, "unit": unit.id,
                        "households": _households(session, unit.id, count)}
    xingfu = places["幸福家园"]["households"]
    ratings = ["satisfied"] * 7 + ["fairly_satisfied", "dissatisfied", "dissatisfied"]
    for i, (days, rating) in enumerate(zip((2, 3, 4, 5, 6, 7, 1, 2, 9, 11), ratings)):
        _request(session, xingfu[i], date(2026, 11, 1 + i), days=days, rating=rating,
                 target="property_company", to="物业服务中心")
    _request(session, xingfu[0], date(2026, 11, 5), status="withdrawn")
    _request(session, xingfu[1], date(2026, 11, 3), category="sanitation", days=1, rating="satisfied",
             target="community", to="社区环卫")
    _request(session, xingfu[2], date(2026, 10, 28), days=5, rating="dissatisfied")
    sunshine = places["阳光花园"]["households"]
    for i in range(5):
        _request(session, sunshine[i], date(2026, 11, 1 + i), days=2, rating="satisfied")
    _request(session, sunshine[5], date(2026, 11, 2), category="pipes", status="in_progress",
             target="property_company", to=WEIJIE)
    _request(session, places["龙苑小区"]["households"][0], date(2026, 11, 12), days=3, rating="fairly_satisfied")
    old = places["老街小区"]["households"]
    _request(session, old[0], date(2026, 11, 15))
    _request(session, old[1], date(2026, 11, 1), category="parking", days=9, rating="dissatisfied",
             target="property_company", to=LONGJIANG)
    _work(session, places, fk1.id, fk2.id)
    session.commit()
    return {"grids": {"FK-01": fk1.id, "FK-02": fk2.id}, "places": places}


def _work(session, places: dict, fk1: int, fk2: int) -> None:
    xingfu, old = places["幸福家园"]["households"], places["老街小区"]["households"]
    sunshine, longyuan = places["阳光花园"]["households"], places["龙苑小区"]["households"]
    visits = [(xingfu[0], date(2026, 11, 1)), (xingfu[0], date(2026, 11, 15)), (xingfu[1], date(2026, 11, 2)),
              *((h, date(2026, 11, 6)) for h in xingfu[2:6]),
              (xingfu[0], date(2026, 10, 20)), (xingfu[1], date(2026, 10, 5)), (xingfu[2], date(2026, 10, 10)),
              (old[0], date(2026, 10, 12)),
              (sunshine[0], date(2026, 11, 3)), *((h, date(2026, 11, 9)) for h in [*sunshine[1:5], *longyuan]),
              (sunshine[0], date(2026, 10, 25))]
    session.add_all(Visit(household_id=h, visited_on=day, visitor_name="网格员") for h, day in visits)
    for household_id, tag, status in ((xingfu[0], "living_alone", "registered"), (xingfu[1], "empty_nest", "registered"),
                                      (old[1], "hardship", "migrant"), (sunshine[0], "aged_80", "registered")):
        resident = Resident(household_id=household_id, name="关爱对象", residence_status=status, is_head=True)
        session.add(resident)
        session.flush()
        session.add(ResidentTag(resident_id=resident.id, tag=tag))
    building, unit = places["阳光花园"]["building"], places["阳光花园"]["unit"]
    for role, scope, start, ended in (("grid", {"grid_id": fk1}, date(2026, 1, 1), None),
                                      ("building", {"building_id": places["幸福家园"]["building"]}, date(2026, 11, 5), None),
                                      ("building", {"building_id": building}, date(2025, 6, 1), date(2026, 11, 10)),
                                      ("unit", {"unit_id": unit}, date(2026, 1, 1), None)):
        session.add(LeaderAssignment(role=role, person_name="王建华", person_phone="13800001111", term_start=start,
                                     ended_on=ended, **scope))
    first = Member(name="赵敏", registered_on=date(2026, 1, 1), grid_id=fk1)
    second = Member(name="钱进", registered_on=date(2026, 1, 1), grid_id=fk2)
    session.add_all([first, second])
    session.flush()
    for member, day, hours in ((first, date(2026, 11, 8), 2.0), (first, date(2026, 11, 16), 1.5),
                               (first, date(2026, 10, 3), 4.0), (first, date(2026, 9, 3), 10.0),
                               (second, date(2026, 11, 8), 2.0)):
        session.add(ServiceRecord(member_id=member.id, served_on=day, activity="清扫楼道", hours=hours))
    for deadline, rectified in ((date(2026, 11, 10), date(2026, 11, 8)), (date(2026, 11, 12), date(2026, 11, 15)),
                                (date(2026, 10, 20), date(2026, 10, 19)), (date(2026, 12, 5), None)):
        session.add(SafetyHazard(grid_id=fk1, found_on=deadline - timedelta(days=10), deadline=deadline,
                                 description="楼道堆放杂物", status="rectified" if rectified else "found",
                                 rectified_on=rectified))
