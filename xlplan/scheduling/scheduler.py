"""The scheduler: a month for every open action that is not pinned, with a reason.

Actions are taken best rank first, except that an action waits until the actions it
depends on are placed. Each one keeps its current month when that month still has
room, and otherwise takes the first month with room in its window: after its
dependencies, in the first quarter when it is a quick win and that quarter has room,
or the last month with room before its commercial moment. Room means hours within the month's capacity, planned
cost to date within the budget accrued to date (a twelfth of the year's a month) and
open actions within the work-in-progress limit.
Done, abandoned and pinned actions never move; they count against their months. An
action that would be left without a month keeps its month instead when results, spend
or notes are typed on its row there, so that nothing typed is lost; its reason says so.

The plan is read as of a day (``Settings.as_of``): months before that day's are closed.
Nothing is placed in a closed month, and an open action planned in one is late: it is
proposed again from the current month, and its reason says it was late.

Keeping a month that still fits is what makes the schedule idempotent: a second run
finds every action where the first put it, with room there.

The workbook's button runs the same algorithm in VBA (``xlplan/macros/xlplan.bas``);
figures in reasons are formatted by rules both languages compute alike (``figure``,
``amount``), so the two write the same text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Action, Plan, Settings
from .ranking import quadrant_of, rank_actions, score_of

QUARTER = (1, 2, 3)


# what a placement did; the reason is the sentence a person reads
KINDS = ("fixed", "unscored", "dropped", "stays", "placed", "moved", "late", "kept",
         "unplaced")


@dataclass
class Placement:
    action: str
    before: int | None
    after: int | None
    reason: str
    kind: str = "stays"
    late_since: str = ""  # the closed month it was late in, kept until it is done
    kept_from: str = ""  # for a kept action, the kind of placement it was kept from

    @property
    def moved(self) -> bool:
        return self.before != self.after


@dataclass
class Schedule:
    placements: dict[str, Placement] = field(default_factory=dict)

    @property
    def moves(self) -> list[Placement]:
        return [p for p in self.placements.values() if p.moved]

    @property
    def unplaced(self) -> list[Placement]:
        return [p for p in self.placements.values()
                if "unplaced" in (p.kind, p.kept_from)]

    @property
    def late(self) -> list[Placement]:
        """The actions moved out of a closed month."""
        return [p for p in self.placements.values() if p.kind == "late"]


class _Months:
    """What each month holds so far: hours, cost and open actions."""

    def __init__(self, s: Settings, names: list[str]):
        self.capacity = round(s.monthly_capacity, 1)
        self.budget = math.floor(s.annual_budget / 12 * 100 + 0.5) / 100
        self.wip = s.wip_limit
        self.names = names
        self.hours = [0.0] * 13
        self.cost = [0.0] * 13
        self.open = [0] * 13

    def add(self, a: Action, month: int) -> None:
        self.hours[month] += _num(a.hours)
        self.cost[month] += _num(a.cost)
        self.open[month] += a.is_open

    def lack(self, a: Action, month: int) -> str | None:
        """Why ``a`` does not fit in ``month``, or None when it does."""
        name = self.names[month - 1]
        hours = self.hours[month] + _num(a.hours)
        if hours > self.capacity:
            return f"{name} hours full, {figure(hours)}/{figure(self.capacity)} h"
        # the budget accrues month by month: planned cost to date stays within it, so
        # a large item can land once enough budget has built up
        spent = 0.0
        for m in range(1, 13):
            spent += self.cost[m] + (_num(a.cost) if m == month else 0.0)
            if m >= month and spent > self.budget * m + 0.005:
                return (f"budget to {self.names[m - 1]} exceeded, {amount(spent)} planned "
                        f"for {amount(self.budget * m)}")
        if self.open[month] + 1 > self.wip:
            return f"{name} at the work-in-progress limit, {figure(self.wip)} actions"
        return None


def figure(x: float) -> str:
    """A number to one decimal, a trailing .0 dropped: 62, 108.3."""
    tenths = math.floor(x * 10 + 0.5)
    sign, tenths = ("-", -tenths) if tenths < 0 else ("", tenths)
    whole, frac = divmod(tenths, 10)
    return f"{sign}{whole}" + (f".{frac}" if frac else "")


def amount(x: float) -> str:
    """A whole amount, thousands separated by commas: 12,500."""
    return f"{math.floor(x + 0.5):,}"


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0


def schedule(plan: Plan, month_names: list[str]) -> Schedule:
    """Propose months for ``plan``'s actions; ``plan`` itself is not changed.

    ``month_names`` are the 12 plan months' labels, used in reasons."""
    s = plan.settings
    out = Schedule()
    months = _Months(s, month_names)
    by_id = {a.id: a for a in plan.actions if a.id}
    decided: dict[str, int | None] = {}
    moments = {m.name: m.month for m in plan.moments}

    def settle(a: Action, p: Placement) -> None:
        """Record ``p`` (or, when it would lose typed work, ``a`` kept in its month)."""
        out.placements[a.id] = p = _kept(a, p, month_names)
        decided[a.id] = p.after
        if p.after:
            months.add(a, p.after)

    movable = []
    for a in plan.actions:
        fixed = (not a.is_open) or a.pinned
        if fixed and a.month:
            months.add(a, a.month)
        if fixed:
            why = "pinned" if a.is_open else ("done" if a.status == "done" else "abandoned")
            where = f" in {month_names[a.month - 1]}" if a.month else ""
            out.placements[a.id] = Placement(a.id, a.month, a.month, why + where, "fixed")
            decided[a.id] = a.month
        elif score_of(a, s) is None:
            out.placements[a.id] = Placement(a.id, a.month, a.month,
                                             "not scored (impact, effort or risk missing)",
                                             "unscored")
            if a.month:
                months.add(a, a.month)
            decided[a.id] = a.month
        elif quadrant_of(a, s) == "drop":
            settle(a, Placement(
                a.id, a.month, None, f"drop quadrant (impact {a.impact}, effort {a.effort}): "
                "left unscheduled; stop it or rethink it", "dropped"))
        else:
            movable.append(a)

    ranked = sorted(movable, key=lambda a: (-score_of(a, s), a.id))
    pending = list(ranked)
    while pending:
        # the best-ranked action whose dependencies are all decided
        pick = next((a for a in pending if all(d in decided or d not in by_id
                                               for d in a.dependency_ids if d != a.id)), None)
        if pick is None:  # the rest wait on each other: a dependency cycle
            for a in pending:
                settle(a, Placement(a.id, a.month, None,
                                    "not placed: its dependencies form a circle", "unplaced"))
            break
        pending.remove(pick)
        settle(pick, _place(pick, s, months, month_names, by_id, decided, moments))
    for a in plan.actions:
        p = out.placements.get(a.id)
        if p is not None:
            p.late_since = a.late_since or (
                month_names[a.month - 1] if a.is_open and s.is_closed(a.month) else "")
    return out


def _window(a: Action, s: Settings, names: list[str], by_id, decided, moments):
    """(first, last, why-first) months ``a`` may take, or a reason it has none."""
    first, after = 1, None
    for d in a.dependency_ids:
        dep = by_id.get(d)
        if dep is None or d == a.id or not dep.is_open:
            continue  # unknown ids are check's business; done work constrains nothing
        m = decided.get(d)
        if m is None:
            return f"not placed: it waits for {d}, which has no month"
        if m + 1 > first:
            first, after = m + 1, d
    if first > 12:
        return f"not placed: {after} ends in the plan's last month"
    if s.current_month > first:  # closed months take nothing new
        first, after = s.current_month, None
    if first > 12:
        return "not placed: every month of the plan is closed"
    last = 12
    if a.moment and a.moment in moments:
        # a moment is a calendar month, every year: the action comes before the first
        # one it can still prepare, this year's (the plan month before the moment's)
        # or, when that is too soon, the next one, after the plan's twelve months
        last = (moments[a.moment] - s.start_month) % 12
        if last < first:
            last = 12
    return first, last, after


def _kept(a: Action, p: Placement, names: list[str]) -> Placement:
    """``p``, unless it leaves ``a`` without a month while work is typed on its month
    row: then ``a`` keeps its month."""
    if p.after is None and a.month and (a.results or a.notes or a.spend is not None):
        name = names[a.month - 1]
        return Placement(a.id, a.month, a.month,
                         f"kept in {name}, where work is recorded: {p.reason}", "kept",
                         kept_from=p.kind)
    return p


def _stays(a: Action, name: str) -> str:
    """The reason of an action that keeps its month: the one written when it was put
    there, while it still names that month (so a second run changes nothing)."""
    if a.reason and (f"→ {name}:" in a.reason or f"in {name}:" in a.reason):
        return a.reason
    return f"stays in {name}: it fits"


def _place(a: Action, s: Settings, months: _Months, names: list[str], by_id, decided,
           moments: dict[str, int]) -> Placement:
    window = _window(a, s, names, by_id, decided, moments)
    if isinstance(window, str):
        return Placement(a.id, a.month, None, window, "unplaced")
    first, last, after = window
    current = a.month
    if current and first <= current <= last:
        lack = months.lack(a, current)
        if lack is None:
            return Placement(a.id, current, current, _stays(a, names[current - 1]))
    else:
        lack = None
    candidates = list(range(first, last + 1))
    if a.moment and a.moment in moments:
        candidates.reverse()  # as close to the moment as room allows
    elif quadrant_of(a, s) == "quick_win":
        candidates = [m for m in QUARTER if m in candidates] + \
            [m for m in candidates if m not in QUARTER]
    last_lack = lack
    for m in candidates:
        why_not = months.lack(a, m)
        if why_not is None:
            if current == m:
                return Placement(a.id, current, m, _stays(a, names[m - 1]))
            kind = "moved" if current else "placed"
            if current and lack:
                why = f"{lack}"
            elif s.is_closed(current):
                why, kind = f"late, {names[current - 1]} is closed", "late"
            elif current:
                why = (f"must come after {after} ({names[first - 2]})" if current < first
                       else f"must come before {a.moment}")
            else:
                why = "first month with room" + (f" after {after}" if after else "")
            head = f"moved {names[current - 1]} → {names[m - 1]}" if current \
                else f"placed in {names[m - 1]}"
            return Placement(a.id, current, m, f"{head}: {why}", kind)
        last_lack = why_not
    return Placement(a.id, current, None,
                     f"not placed: no month from {names[first - 1]} to {names[last - 1]} has "
                     f"room ({last_lack})", "unplaced")


def apply(plan: Plan, result: Schedule) -> None:
    """Write the proposed months and reasons into the plan, and rank it again."""
    for a in plan.actions:
        p = result.placements.get(a.id)
        if p is not None:
            a.month, a.reason, a.late_since = p.after, p.reason, p.late_since
    rank_actions(plan.actions, plan.settings)
