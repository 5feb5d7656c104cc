"""今日 and 概览 say which place they show and every figure follows it; a steward starts on their own grid."""

from __future__ import annotations

from sqlmodel import select

from gridkeeper.services import accounts
from gridkeeper.services.scope import Scope
from gridkeeper.services.scope_figures import scope_headline
from gridkeeper.services.stats import headline
from gridkeeper.storage.models import Building, Grid
from gridkeeper.ui.main_window import MainWindow
from gridkeeper.ui.overview import OverviewSection
from gridkeeper.ui.sections.today import TodaySection
from tests.conftest import TODAY
from tests.ui.reading import read


def _first_grid(ctx) -> Grid:
    with ctx.read() as session:
        return session.exec(select(Grid).order_by(Grid.code)).first()


def test_scope_figures_add_up_to_the_whole_community(demo_ctx):
    with demo_ctx.read() as session:
        everywhere = headline(session, today=TODAY)
        grids = session.exec(select(Grid)).all()
        per_grid = [scope_headline(session, scope=Scope(grid_id=g.id), today=TODAY) for g in grids]
    for key in ("households", "residents", "care_households", "visits", "requests", "requests_open",
                "requests_overdue", "visited_this_month", "buildings", "units", "members", "leaders"):
        assert sum(f[key] for f in per_grid) == everywhere[key], key
    assert all(0 < f["households"] < everywhere["households"] for f in per_grid)


def test_overview_says_which_grid_and_its_cards_follow(qtbot, demo_ctx):
    overview = OverviewSection(demo_ctx)
    qtbot.addWidget(overview)
    overview.show()
    read(qtbot, overview)
    whole = overview.cards.itemAt(0).widget().findChildren(type(overview.heading))[0].text()
    assert "全社区" in overview.heading.text() or "Whole community" in overview.heading.text()
    grid = _first_grid(demo_ctx)
    demo_ctx.set_scope(Scope(grid_id=grid.id))
    read(qtbot, overview)
    assert grid.code in overview.heading.text() and grid.name in overview.heading.text()
    with demo_ctx.read() as session:
        expected = scope_headline(session, scope=Scope(grid_id=grid.id), today=TODAY)["households"]
    shown = overview.cards.itemAt(0).widget().findChildren(type(overview.heading))[0].text()
    assert shown == f"{expected:,}" and shown != whole


def test_today_says_which_building_it_shows(qtbot, demo_ctx):
    today = TodaySection(demo_ctx)
    qtbot.addWidget(today)
    today.show()
    with demo_ctx.read() as session:
        building = session.exec(select(Building)).first()
    demo_ctx.set_scope(Scope(grid_id=building.grid_id, building_id=building.id))
    read(qtbot, today)
    assert building.label in today.scope_label.text()
    assert not today.scope_label.isHidden()


def test_a_stewards_account_starts_on_their_own_grid(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)  # the real cost is for attackers, not for this test
    grids = []
    with demo_ctx.write() as session:
        grids = session.exec(select(Grid).order_by(Grid.code)).all()
        accounts.create_account(session, "admin", "secret1", role="administrator")
        steward = accounts.create_account(session, "王红", "secret2", grid_codes=[grids[2].code, grids[1].code])
    accounts.sign_in(demo_ctx.engine, steward)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    assert window.show_own_grid() is True
    assert demo_ctx.scope == Scope(grid_id=grids[1].id)  # the first of their grids by code
    assert grids[1].code in window.scope_label.text()
    today = window.show_section("today")
    window.show()
    assert grids[1].code in read(qtbot, today).scope_label.text()


def test_an_administrator_stays_on_the_whole_community(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    with demo_ctx.write() as session:
        admin = accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.sign_in(demo_ctx.engine, admin)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    assert window.show_own_grid() is False and demo_ctx.scope.is_all
