"""The scheduler, on random plans: limits kept, dependencies and moments respected,
fixed actions unmoved, deterministic and idempotent."""
from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from xlplan.model import Action, Moment, Plan, Settings
from xlplan.scheduling import apply, schedule
from xlplan.scheduling.ranking import score_of

NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MOMENTS = [Moment("Spring sale", 4), Moment("Trade fair", 10)]


@st.composite
def plans(draw):
    s = Settings(year=2027, hours_per_week=draw(st.sampled_from([5, 10, 25])),
                 annual_budget=draw(st.sampled_from([6000, 24000, 48000])),
                 wip_limit=draw(st.integers(2, 6)))
    actions = []
    for i in range(draw(st.integers(1, 18))):
        earlier = [a.id for a in actions]
        deps = draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)) if earlier else []
        actions.append(Action(
            f"A{i + 1:02d}", f"action {i + 1}", impact=draw(st.integers(1, 5)),
            effort=draw(st.integers(1, 5)), risk=draw(st.integers(1, 5)),
            dependencies=",".join(deps), hours=draw(st.sampled_from([0, 4, 8, 16, 40, 80])),
            cost=draw(st.sampled_from([0, 200, 1000, 3000, 8000])),
            month=draw(st.one_of(st.none(), st.integers(1, 12))),
            status=draw(st.sampled_from(["not_started"] * 4 + ["in_progress", "done",
                                                                "abandoned"])),
            pinned=draw(st.booleans().map(lambda b: b and draw(st.integers(0, 9)) == 0)),
            moment=draw(st.sampled_from(["", "", "", "Spring sale", "Trade fair"]))))
    return Plan(settings=s, actions=actions, moments=list(MOMENTS))


def fixed(a: Action, s: Settings) -> bool:
    return not a.is_open or a.pinned or score_of(a, s) is None


@settings(max_examples=300, deadline=None)
@given(plans())
def test_schedule_keeps_every_limit_and_order(plan):
    s = plan.settings
    result = schedule(plan, NAMES)
    after = {a.id: result.placements[a.id].after for a in plan.actions}
    by_id = {a.id: a for a in plan.actions}
    for a in plan.actions:
        if fixed(a, s):
            assert after[a.id] == a.month, "a done, abandoned or pinned action moved"

    capacity, budget = round(s.monthly_capacity, 1), round(s.annual_budget / 12, 2)
    placed = [a for a in plan.actions if not fixed(a, s) and after[a.id]]
    for m in range(1, 13):
        in_month = [a for a in plan.actions if after[a.id] == m]
        base = [a for a in in_month if fixed(a, s)]
        if any(not fixed(a, s) for a in in_month):
            if sum(a.hours for a in base) <= capacity:
                assert sum(a.hours for a in in_month) <= capacity + 1e-9
            if sum(a.is_open for a in base) <= s.wip_limit:
                assert sum(a.is_open for a in in_month) <= s.wip_limit
        to_date = [a for a in plan.actions if after[a.id] and after[a.id] <= m]
        if sum(a.cost for a in to_date if fixed(a, s)) <= budget * m:
            assert sum(a.cost for a in to_date) <= budget * m + 0.01

    for a in placed:
        for d in filter(None, a.dependencies.split(",")):
            if by_id[d].is_open:
                assert after[d] is not None and after[d] < after[a.id], (a.id, d)
        if a.moment:
            # before this year's moment, or, when that one comes before the action can
            # start, in the months before the next one (after the plan's twelve)
            moment = (next(m.month for m in MOMENTS if m.name == a.moment)
                      - s.start_month) % 12 + 1
            deps = [after[d] for d in filter(None, a.dependencies.split(","))
                    if by_id[d].is_open]
            earliest = max(deps, default=0) + 1
            assert after[a.id] < moment or earliest >= moment, (a.id, after[a.id], moment)

    again = schedule(copy.deepcopy(plan), NAMES)
    assert again.placements == result.placements  # deterministic

    moved = copy.deepcopy(plan)
    apply(moved, result)
    assert schedule(moved, NAMES).moves == []     # idempotent


def test_every_move_has_a_reason_a_person_can_read():
    s = Settings(year=2027, hours_per_week=10)  # 43.3 h a month
    plan = Plan(settings=s, actions=[
        Action("A01", "big", impact=5, effort=2, risk=1, hours=40, month=1),
        Action("A02", "also January", impact=4, effort=2, risk=1, hours=8, month=1),
        Action("A03", "after A01", impact=5, effort=1, risk=1, hours=4, month=1,
               dependencies="A01"),
        Action("A04", "low value, heavy", impact=1, effort=5, risk=3, hours=4, month=2),
    ])
    reasons = {k: p.reason for k, p in schedule(plan, NAMES).placements.items()}
    assert reasons == {
        "A03": "moved Jan → Feb: must come after A01 (Jan)",
        "A01": "stays in Jan: it fits",
        "A02": "moved Jan → Feb: Jan hours full, 48/43.3 h",
        "A04": "drop quadrant (impact 1, effort 5): left unscheduled; stop it or rethink it",
    }


def test_an_action_with_work_typed_on_its_month_row_keeps_its_month():
    s = Settings(year=2027, hours_per_week=5)  # 21.7 h a month
    plan = Plan(settings=s, actions=[
        Action("A01", "heavy, with notes", impact=5, effort=2, risk=1, hours=30, month=3,
               notes="agency briefed"),
        Action("A02", "heavy, nothing typed", impact=5, effort=2, risk=1, hours=30, month=3),
        Action("A03", "low value, spent on", impact=1, effort=5, risk=3, hours=2, month=2,
               spend=150),
    ])
    result = schedule(plan, NAMES)
    reasons = {k: (p.after, p.reason) for k, p in result.placements.items()}
    assert reasons == {
        "A01": (3, "kept in Mar, where work is recorded: not placed: no month from Jan to "
                   "Dec has room (Dec hours full, 30/21.7 h)"),
        "A02": (None, "not placed: no month from Jan to Dec has room (Dec hours full, "
                      "30/21.7 h)"),
        "A03": (2, "kept in Feb, where work is recorded: drop quadrant (impact 1, effort 5): "
                   "left unscheduled; stop it or rethink it"),
    }
    assert [p.action for p in result.unplaced] == ["A01", "A02"]
    moved = copy.deepcopy(plan)
    apply(moved, result)
    assert schedule(moved, NAMES).moves == []


@settings(max_examples=300, deadline=None)
@given(plans(), st.dates(min_value=dt.date(2026, 10, 1), max_value=dt.date(2028, 3, 31)),
       st.integers(1, 12))
def test_as_of_a_day_nothing_goes_into_a_closed_month_and_late_work_is_named(
        plan, today, start):
    """Read on any day (before, during and after the plan year, any start month):
    closed months take no action they did not already hold, every open action planned
    in a closed month is late (and stays late once re-planned), and none other is."""
    s = plan.settings
    s.start_month, s.as_of = start, today
    # the plan month of ``today``, counted here from the calendar
    months_in = (today.year - s.year) * 12 + today.month - start + 1
    current = min(13, max(1, months_in))
    before = {a.id: (a.month, a.is_open) for a in plan.actions}  # ids are unique here
    closed_open = {a.id for a in plan.actions if a.is_open and a.month and a.month < current}
    assert {a.id for a in plan.late} == closed_open

    result = schedule(plan, NAMES)
    for p in result.placements.values():
        if p.after and p.after < current:
            assert p.after == p.before, f"{p.action} placed in a closed month: {p.reason}"
        if p.kind == "late":
            assert p.before and p.before < current and p.after >= current
            assert p.reason.startswith(f"moved {NAMES[p.before - 1]} → ")
            assert p.reason.endswith(f"late, {NAMES[p.before - 1]} is closed")
        assert bool(p.late_since) == (p.action in closed_open), p
    # a movable late action is re-planned, left unplaced, or kept where work is typed
    for a in plan.actions:
        p = result.placements[a.id]
        if a.id in closed_open and not fixed(a, s) and p.kind not in ("dropped", "kept"):
            assert p.kind in ("late", "unplaced"), p

    apply(plan, result)
    for a in plan.actions:
        was_month, _ = before[a.id]
        assert a.late_since == (NAMES[was_month - 1] if a.id in closed_open else "")
    # a second run the same day moves nothing and keeps the late marks
    again = schedule(plan, NAMES)
    assert again.moves == []
    assert {k: p.late_since for k, p in again.placements.items()} == \
        {a.id: a.late_since for a in plan.actions}
