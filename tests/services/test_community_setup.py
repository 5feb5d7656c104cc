"""The first run without Qt: the community and its grids checked field by field, saved in one go."""

from __future__ import annotations

import pytest
from sqlmodel import select

from gridkeeper.services import geography as geo
from gridkeeper.services.community_setup import (CommunityDetails, GridDetails, needs_setup, save_community,
                                                 set_up)
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.storage.models import Community, Grid

FUKANG = CommunityDetails("福康社区居民委员会", "新华街道", "道里区", "0451 8612 3456", "0451-86120000")


def test_set_up_saves_community_and_grids(session):
    assert needs_setup(session)
    grids = set_up(session, FUKANG, [GridDetails("fk-01", "第一网格", "李晓燕", "139 0451 0001"),
                                     GridDetails("FK-02", "第二网格")])
    session.commit()
    community = session.exec(select(Community)).one()
    assert (community.name, community.subdistrict, community.district) == ("福康社区居民委员会", "新华街道", "道里区")
    assert community.hotline == "0451-86123456"
    assert [(g.code, g.name, g.steward_phone) for g in grids] == [("FK-01", "第一网格", "13904510001"),
                                                                  ("FK-02", "第二网格", "")]
    assert not needs_setup(session)


def test_every_wrong_field_is_named(session):
    with pytest.raises(ValidationFailed) as caught:
        set_up(session, CommunityDetails(" ", hotline="12345"),
               [GridDetails("FK-01", "第一网格", steward_phone="555"), GridDetails("fk-01", ""),
                GridDetails("", "第三网格")])
    errors = caught.value.by_field()
    assert "福康社区居民委员会" in errors["name"]
    assert "hotline" in errors
    assert "grids.1.steward_phone" in errors
    assert errors["grids.2.code"] == "FK-01 与第1个网格重复"
    assert "grids.2.name" in errors and "grids.3.code" in errors
    shown = str(caught.value)  # as the user reads them
    for said in ("社区名称：不能为空", "服务热线：“12345”", "第1个网格的网格员电话：“555”", "第2个网格的网格编码：FK-01 与第1个网格重复",
                 "第2个网格的网格名称：不能为空", "第3个网格的网格编码：不能为空"):
        assert said in shown
    assert session.exec(select(Grid)).all() == [] and session.exec(select(Community)).all() == []


def test_no_grid_is_refused_and_existing_codes_clash(session):
    with pytest.raises(ValidationFailed, match="至少需要一个网格"):
        set_up(session, FUKANG, [])
    set_up(session, FUKANG, [GridDetails("FK-01", "第一网格")])
    with pytest.raises(ValidationFailed, match="FK-01 已经存在"):
        set_up(session, FUKANG, [GridDetails("FK-01", "又一个")])


def test_community_is_never_invented(session):
    with pytest.raises(geo.NoCommunity, match="社区名称"):
        geo.create_grid(session, code="FK-01", name="第一网格")
    save_community(session, FUKANG)
    assert geo.create_grid(session, code="FK-01", name="第一网格").community_id == geo.get_community(session).id


def test_community_details_can_be_changed_later(session):
    save_community(session, FUKANG)
    save_community(session, CommunityDetails("福康社区", "新华街道", "道里区", "", ""))
    assert [c.name for c in session.exec(select(Community))] == ["福康社区"]


def test_names_made_up_by_earlier_imports_are_found(session):
    from gridkeeper.services.community_setup import invented_names

    session.add(Community(id=1, name="本社区"))
    session.add(Grid(community_id=1, code="FK-03", name="网格FK-03"))
    session.add(Grid(community_id=1, code="FK-04", name="第四网格"))
    session.flush()
    assert invented_names(session) == ["社区名称“本社区”", "网格名称“网格FK-03”"]
    save_community(session, FUKANG)
    assert invented_names(session) == ["网格名称“网格FK-03”"]
