"""A plan read on a given day: months before that day's are closed, work not done in them
is late, and Python and the button agree on it whatever the day."""
from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import engine
import excel_model
import xlplan
from xlplan.cli import main
from xlplan.model import Settings
from xlplan.workbook import write_plan

NOV_23 = dt.datetime(2027, 11, 23, 9, 15)
SPRING_LEFT = {"A12": 3, "A13": 4, "A14": 5}  # still not started; March, April and May


def november_plan():
    """The sample plan begun in January 2027, everything planned up to October done but
    three spring actions nobody started."""
    plan = xlplan.make_plan(Settings(year=2027, company="Atelier Durand"))
    for a in plan.actions:
        if a.month and a.month <= 10 and a.id not in SPRING_LEFT:
            a.status = "done"
    assert {a.id: a.month for a in plan.actions if a.id in SPRING_LEFT} == SPRING_LEFT
    return plan


def dashboard_late(path: Path) -> float:
    values = engine.cached_values(path)
    dash = values["Dashboard"]
    row = next(r for r in dash if r and r[0] == "Actions late (not done in a closed month)")
    return row[1]


def test_on_23_november_the_spring_leftovers_are_late_and_planned_again_from_november(
        tmp_path, soffice):
    plan = november_plan()
    plan.settings.as_of = NOV_23.date()  # the manager types the day in Settings
    path = tmp_path / "roadmap_2027.xlsm"
    write_plan(plan, path)

    # read as of that day, before anything moves: each spring month shows its late
    # action, and the Dashboard counts three
    values = engine.cached_values(path)
    for month in ("Mar", "Apr", "May"):
        late_row = next(r for r in values[month] if r and len(r) > 8 and
                        r[7] == "Late actions")
        assert late_row[8] == 1, month
    assert dashboard_late(path) == 3
    late_cells = [(f.where, f.message) for f in xlplan.check(path).findings
                  if f.code == "M317"]
    assert [m for _, m in late_cells] == ["A12 is not done and Mar is closed",
                                          "A13 is not done and Apr is closed",
                                          "A14 is not done and May is closed"]

    # the button, clicked that morning in LibreOffice, and prioritize do the same
    clicked, = engine.click_button([path], tmp_path / "lo", now=NOV_23)
    assert clicked["error"] is None
    by_python = tmp_path / "py" / path.name
    by_python.parent.mkdir()
    shutil.copy(path, by_python)
    result = CliRunner().invoke(main, ["prioritize", str(by_python), "--today", "2027-11-23"])
    assert result.exit_code == 0, result.output
    assert "(3 late, out of closed months)" in result.output
    from test_button import stamp_cell
    out = tmp_path / "lo" / path.name
    assert engine.sheet_differences(by_python, out, {stamp_cell(out)}) == []

    # re-planned from November, within the month's capacity
    after = xlplan.read(by_python)
    s = after.settings
    assert s.as_of == NOV_23.date() and s.current_month == 11
    moved = {a.id: a for a in after.actions if a.id in SPRING_LEFT}
    for a in moved.values():
        assert a.month in (11, 12), (a.id, a.month, a.reason)
        old = ["Mar", "Apr", "May"][SPRING_LEFT[a.id] - 3]
        assert a.reason == f"moved {old} → {['Nov', 'Dec'][a.month - 11]}: late, {old} is closed"
        assert a.late_since == old
    for m in (11, 12):
        hours = sum(a.hours for a in after.actions if a.month == m and a.is_open)
        assert hours <= round(s.monthly_capacity, 1)
    # still late until done, and counted on the month sheets they moved to
    values = engine.cached_values(by_python)
    for month, n in (("Nov", sum(a.month == 11 for a in moved.values())),
                     ("Dec", sum(a.month == 12 for a in moved.values()))):
        assert next(r for r in values[month] if r and len(r) > 8 and
                    r[7] == "Late actions")[8] == n, month
    # the Dashboard says 3, as LibreOffice computes it too
    assert dashboard_late(by_python) == 3
    recalculated = engine.recalculate(by_python, tmp_path / "recalc")
    assert dashboard_late(recalculated) == 3
    assert engine.mismatches(by_python, recalculated) == []
    assert [f.message for f in xlplan.check(by_python).findings if f.code == "M317"] == [
        "A12 is late since Mar, not done yet", "A13 is late since Apr, not done yet",
        "A14 is late since May, not done yet"]


def test_a_late_action_marked_done_is_late_no_more(tmp_path):
    plan = november_plan()
    path = tmp_path / "plan.xlsx"
    write_plan(plan, path)
    xlplan.prioritize(path, today=NOV_23.date())
    plan = xlplan.read(path)
    for a in plan.actions:
        if a.id == "A12":
            a.status = "done"
    marked = tmp_path / "marked.xlsx"
    write_plan(plan, marked)
    assert dashboard_late(path) == 3 and dashboard_late(marked) == 2
    assert xlplan.read(marked).settings.as_of == NOV_23.date()


def test_before_the_plan_starts_nothing_is_closed_and_after_it_ends_nothing_is_placed(
        tmp_path):
    path = xlplan.new(tmp_path / "plan.xlsx", Settings(year=2027))
    early = xlplan.prioritize(path, dry_run=True, today=dt.date(2026, 12, 8))
    assert not early.schedule.late
    assert all(p.kind != "late" for p in early.schedule.placements.values())
    late = xlplan.prioritize(path, dry_run=True, today=dt.date(2028, 1, 15))
    reasons = {p.reason for p in late.schedule.placements.values() if p.kind == "unplaced"}
    assert "not placed: every month of the plan is closed" in reasons
    assert all(not p.after or p.after == p.before
               for p in late.schedule.placements.values())


# ------------------------------------------------------------------ any day, both engines

def day_plans() -> list[tuple[str, object, dt.datetime]]:
    """The varied plans of the button tests, each read on a day of its own drawn at
    random across the plan year and either side of it."""
    from test_button import varied_plans
    rnd = random.Random(2027)
    out = []
    for name, plan in varied_plans()[:9]:
        day = dt.date(2026, 12, 1) + dt.timedelta(days=rnd.randrange(0, 420))
        out.append((name, plan, dt.datetime.combine(day, dt.time(10, 30))))
    return out


def test_on_any_day_the_button_in_excel_s_model_does_what_prioritize_does(tmp_path):
    given, by_python = tmp_path / "in", tmp_path / "py"
    given.mkdir(), by_python.mkdir()
    files, days, late = [], [], 0
    for name, plan, now in day_plans():
        path = given / f"{name}.xlsm"
        write_plan(plan, path)
        shutil.copy(path, by_python / path.name)
        late += len(xlplan.prioritize(by_python / path.name, now=now).schedule.late)
        files.append(path), days.append(now)
    assert late >= 5  # the days close months that hold open work
    reports = excel_model.click_all(files, tmp_path / "excel", days)
    from test_button import stamp_cell
    for path, report in zip(files, reports):
        assert report["error"] is None and report["dialogs"] == [], report
        out = tmp_path / "excel" / path.name
        assert engine.sheet_differences(by_python / path.name, out, {stamp_cell(out)}) == [], \
            path.name


@pytest.mark.engine
def test_on_23_november_the_button_in_libreoffice_does_what_prioritize_does(tmp_path, soffice):
    given, by_python = tmp_path / "in", tmp_path / "py"
    given.mkdir(), by_python.mkdir()
    files = []
    for name, plan, _ in day_plans():
        path = given / f"{name}.xlsm"
        write_plan(plan, path)
        shutil.copy(path, by_python / path.name)
        xlplan.prioritize(by_python / path.name, now=NOV_23)
        files.append(path)
    reports = engine.click_button(files, tmp_path / "lo", now=NOV_23)
    from test_button import stamp_cell
    for path, report in zip(files, reports):
        assert report["error"] is None, report
        out = tmp_path / "lo" / path.name
        assert engine.sheet_differences(by_python / path.name, out, {stamp_cell(out)}) == [], \
            path.name
