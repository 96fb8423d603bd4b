"""The sample plan keeps its promises: for every built-in profile, maturity and start
month, prioritized as of its first month it moves nothing, fits its hours, budget and
work-in-progress limit, keeps the articles' sequence, prepares each commercial moment
before it comes, and holds a few quick wins and a drop."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest

import xlplan
from xlplan.i18n import Labels
from xlplan.model import Settings
from xlplan.profile import load_profile, settings_from
from xlplan.scheduling import schedule
from xlplan.scheduling.ranking import quadrant_of

ROOT = Path(__file__).resolve().parent.parent
PROFILES = {"generic": Settings(year=2027),
            **{p.stem: settings_from(load_profile(p))
               for p in sorted((ROOT / "samples").glob("*.toml"))}}
CASES = list(itertools.product(PROFILES, ("beginner", "intermediate", "mature"),
                               range(1, 13)))


def sample(profile: str, maturity: str, start: int):
    s = dataclasses.replace(PROFILES[profile], maturity=maturity, start_month=start,
                            budget_split=None)
    s.__post_init__()  # the maturity's budget split
    plan = xlplan.make_plan(s)
    s.as_of = dt.date(*s.plan_month(1), 1)
    return plan


@pytest.mark.parametrize("profile,maturity,start", CASES,
                         ids=[f"{p}-{m}-{s:02d}" for p, m, s in CASES])
def test_the_sample_prioritized_as_of_its_first_month_moves_nothing(profile, maturity, start):
    plan = sample(profile, maturity, start)
    s = plan.settings
    result = schedule(plan, Labels(s.language).plan_months(s))
    assert [(p.action, p.reason) for p in result.moves] == []

    by_id = {a.id: a for a in plan.actions}
    planned = [a for a in plan.actions if a.month]
    # hours, budget accrued month by month, work in progress
    capacity = s.hours_per_week * 52 / 12
    spent = 0.0
    for m in range(1, 13):
        in_month = [a for a in planned if a.month == m]
        assert sum(a.hours for a in in_month) <= capacity, m
        assert len(in_month) <= s.wip_limit, m
        spent += sum(a.cost for a in in_month)
        assert spent <= s.annual_budget / 12 * m + 0.01, m
    # dependencies end before the actions that wait for them start
    for a in planned:
        for d in a.dependency_ids:
            assert by_id[d].month < a.month, (a.id, d)
    # a commercial moment comes after the action that prepares it, within the year
    when = {m.name: m.month for m in plan.moments}
    tied = [a for a in planned if a.moment]
    assert len(tied) >= 2
    for a in tied:
        calendar = s.plan_month(a.month)[1]
        assert 1 <= (when[a.moment] - calendar) % 12 <= 11, (a.id, a.month, a.moment)
    # the articles' sequence
    months = {a.id: a.month for a in planned}
    assert months["A13"] == 4 and months["A14"] == 5 and months["A15"] == 6
    assert months["A17"] == 7 and {months["A22"], months["A23"]} <= {9, 10}
    assert months["A26"] == 11 and months["A27"] == 12
    # the matrix as the articles mean it: two or three quick wins, in the first
    # quarter; at least one action to stop, left without a month
    quick = [a for a in plan.actions if quadrant_of(a, s) == "quick_win"]
    assert 2 <= len(quick) <= 3 and all(a.month in (1, 2, 3) for a in quick)
    drops = [a for a in plan.actions if quadrant_of(a, s) == "drop"]
    assert drops and all(a.month is None for a in drops)


@pytest.mark.parametrize("lang,start", [("en", 1), ("fr", 4), ("en", 9)])
def test_a_new_workbook_prioritized_on_its_first_day_changes_no_month(tmp_path, lang, start):
    path = xlplan.new(tmp_path / "plan.xlsx", Settings(year=2027, language=lang,
                                                      start_month=start))
    before = {a.id: a.month for a in xlplan.read(path).actions}
    report = xlplan.prioritize(path, today=dt.date(2027, start, 1))
    assert report.schedule.moves == [] and report.schedule.unplaced == []
    assert {a.id: a.month for a in xlplan.read(path).actions} == before
