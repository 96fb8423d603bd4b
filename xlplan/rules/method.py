"""Method: the articles' numbers and alert signals, thresholds read from Settings."""
from __future__ import annotations

import datetime as _dt

from ..scheduling.ranking import quadrant_of
from . import rule
from .context import CheckContext

# month sheet summary cells (row, col): planned hours and actual spend
MONTH_HOURS_CELL, MONTH_SPEND_CELL = (5, 4), (5, 2)


def _threshold(ctx: CheckContext, name: str, default):
    value = ctx.read.settings_raw.get(name)
    return value if isinstance(value, (int, float)) else default


def _named(ctx: CheckContext, name: str, fallback_sheet_role: str = "settings") -> str:
    cell = ctx.doc.named_cell(name)
    if cell is not None:
        return ctx.where(*cell)
    return ctx.doc.sheet(fallback_sheet_role) or name


def _table_top(ctx: CheckContext, name: str, role: str) -> str:
    t = ctx.read.tables.get(name)
    return ctx.where(t.sheet, t.top, t.left) if t else (ctx.doc.sheet(role) or role)


@rule("M301", "workstream-count", "warning",
      "The plan has fewer or more workstreams than the method's 6 to 10.",
      "group or split workstreams; the bounds are in Settings (method thresholds)")
def workstream_count(ctx: CheckContext):
    lo, hi = _threshold(ctx, "Set_WsMin", 6), _threshold(ctx, "Set_WsMax", 10)
    n = sum(1 for w in ctx.plan.workstreams if w.name)
    if not lo <= n <= hi:
        yield _table_top(ctx, "tblWorkstreams", "workstreams"), \
            f"{n} workstreams, outside {lo}–{hi}"


@rule("M302", "kpi-count", "warning", "The plan follows fewer or more KPIs than 12 to 20.",
      "keep a stable dashboard of 12 to 20 KPIs; the bounds are in Settings")
def kpi_count(ctx: CheckContext):
    lo, hi = _threshold(ctx, "Set_KpiMin", 12), _threshold(ctx, "Set_KpiMax", 20)
    n = sum(1 for k in ctx.plan.kpis if k.name)
    if not lo <= n <= hi:
        yield _table_top(ctx, "tblKPIs", "kpis"), f"{n} KPIs, outside {lo}–{hi}"


@rule("M303", "budget-split", "error", "The budget split by bucket does not add up to 100 %.",
      "change the shares on the Budget sheet so that they sum to 100 %")
def budget_split(ctx: CheckContext):
    ref = ctx.doc.package.reference("Bud_Shares")
    if ref is None:
        return
    sheet, (r1, c, r2, _) = ref
    shares = [ctx.doc.value(sheet, r, c) for r in range(r1, r2 + 1)]
    if all(isinstance(v, (int, float)) for v in shares) and round(sum(shares), 4) != 1:
        yield _named(ctx, "Bud_SplitTotal", "budget"), \
            f"the shares add up to {sum(shares):.0%}"


@rule("M304", "innovation-reserve", "warning",
      "The innovation reserve is outside 10–15 % of the budget.",
      "set the reserve between 10 % and 15 % in Settings")
def innovation_reserve(ctx: CheckContext):
    value = ctx.read.settings_raw.get("Set_Reserve")
    if isinstance(value, (int, float)) and not 0.10 <= round(value, 4) <= 0.15:
        yield _named(ctx, "Set_Reserve"), f"the reserve is {value:.0%}"


@rule("M305", "action-without-owner", "warning", "An open action has no owner.",
      "give every action one owner (a person of the Settings sheet)")
def action_without_owner(ctx: CheckContext):
    t = ctx.read.tables.get("tblActions")
    for r, a in ctx.read.action_rows:
        if a.is_open and not a.owner:
            yield ctx.where(t.sheet, r, t.col("owner")), f"{a.id or a.title} has no owner"


@rule("M306", "objective-without-kpi", "warning", "An objective is linked to no KPI.",
      "pick the KPI that measures it in the objective's 'Linked KPI' dropdown")
def objective_without_kpi(ctx: CheckContext):
    t = ctx.read.tables.get("tblObjectives")
    names = {k.name for k in ctx.plan.kpis}
    for r, rec in (t.rows if t else []):
        kpi = rec["kpi"]
        if rec["objective"] is not None and (kpi is None or str(kpi) not in names):
            yield ctx.where(t.sheet, r, t.col("kpi")), \
                "no KPI is linked" if kpi is None else f"{kpi!r} is not a KPI"


@rule("M307", "kpi-without-baseline-or-target", "warning", "A KPI has no baseline or no target.",
      "type the baseline (from the diagnostic) and the target for the year")
def kpi_without_baseline(ctx: CheckContext):
    return _blank_fields(ctx, "tblKPIs", "name", ("baseline", "target"))


def _blank_fields(ctx: CheckContext, table: str, name_key: str, keys: tuple[str, ...]):
    """Cells left blank in the named rows of a table."""
    t = ctx.read.tables.get(table)
    for r, rec in (t.rows if t else []):
        if rec[name_key] is None:
            continue
        for key in keys:
            if rec[key] is None:
                yield ctx.where(t.sheet, r, t.col(key)), f"{rec[name_key]} has no {key}"


def _month_sheet_cell(ctx: CheckContext, month: int, cell) -> str:
    name = ctx.doc.sheet(f"month{month:02d}")
    return ctx.where(name, *cell) if name else f"month {month}"


@rule("M308", "hours-over-capacity", "warning",
      "A month's planned hours exceed the team's capacity.",
      "move actions to a lighter month (or let xlplan prioritize do it), or raise the "
      "internal hours per week in Settings")
def hours_over_capacity(ctx: CheckContext):
    capacity = round(ctx.settings.monthly_capacity, 1)
    if capacity <= 0:
        return  # no capacity at all: D215 says so once, not once a month
    hours = [0.0] * 13
    for a in ctx.plan.actions:
        if a.month and isinstance(a.hours, (int, float)):
            hours[a.month] += a.hours
    for m in range(1, 13):
        if hours[m] > capacity:
            yield _month_sheet_cell(ctx, m, MONTH_HOURS_CELL), \
                f"{hours[m]:g} h planned for {capacity:g} h available"


@rule("M309", "spend-over-budget", "warning", "A month's actual spend exceeds its budget.",
      "check the amounts typed, or move budget between months and explain it at the "
      "monthly review")
def spend_over_budget(ctx: CheckContext):
    budget = round(ctx.settings.annual_budget / 12, 2)
    if budget <= 0:
        return  # no budget at all: D215 says so once
    spend = [0.0] * 13
    for e in ctx.read.month_entries:
        if isinstance(e.values["spend"], (int, float)):
            spend[e.month] += e.values["spend"]
    for m in range(1, 13):
        if spend[m] > budget:
            yield _month_sheet_cell(ctx, m, MONTH_SPEND_CELL), \
                f"{spend[m]:,.2f} spent for a monthly budget of {budget:,.2f}"


def _count(ctx: CheckContext, status: str) -> int:
    return sum(1 for a in ctx.plan.actions if a.status == status)


@rule("M310", "wip-over-limit", "warning",
      "More actions are in progress than the work-in-progress limit.",
      "finish or pause actions before starting new ones; the limit is in Settings")
def wip_over_limit(ctx: CheckContext):
    n = _count(ctx, "in_progress")
    if n > ctx.settings.wip_limit > 0:  # a limit of 0: D215 says so
        yield _named(ctx, "Set_WipLimit"), \
            f"{n} actions in progress for a limit of {ctx.settings.wip_limit}"


@rule("M311", "little-delivered", "warning",
      "Many actions are in progress but few are delivered (at least 3 under way and more "
      "than twice as many as done).", "finish actions before starting new ones")
def little_delivered(ctx: CheckContext):
    busy, done = _count(ctx, "in_progress"), _count(ctx, "done")
    if busy >= 3 and busy > 2 * done:
        yield _named(ctx, "Dash_Alert_Delivery", "dashboard"), \
            f"{busy} actions in progress, {done} done"


@rule("M312", "low-impact-scheduled", "warning",
      "A low-impact, high-effort action (quadrant 'drop') is still scheduled.",
      "stop it (status Abandoned) or clear its month; the method drops these")
def low_impact_scheduled(ctx: CheckContext):
    t = ctx.read.tables.get("tblActions")
    for r, a in ctx.read.action_rows:
        if a.is_open and a.month and quadrant_of(a, ctx.settings) == "drop":
            yield ctx.where(t.sheet, r, t.col("month")), \
                f"{a.id} (impact {a.impact}, effort {a.effort}) is scheduled"


@rule("M313", "channel-dependency", "warning",
      "One channel brings more than the set share (70 %) of the results.",
      "diversify: give the other channels budget and actions")
def channel_dependency(ctx: CheckContext):
    ref = ctx.doc.package.reference("Bud_ResultsShare")
    if ref is None:
        return
    sheet, (r1, _, r2, _) = ref
    results = [(r, ctx.doc.value(sheet, r, 0), ctx.doc.value(sheet, r, 3))
               for r in range(r1, r2 + 1)]
    numbers = [(r, ch, v) for r, ch, v in results if isinstance(v, (int, float)) and v > 0]
    total = sum(v for _, _, v in numbers)
    limit = ctx.settings.channel_limit
    for r, ch, v in numbers:
        if v / total > limit:
            yield ctx.where(sheet, r, 3), f"{ch} brings {v / total:.0%} of the results " \
                                          f"(limit {limit:.0%})"


@rule("M314", "raci-row", "warning", "A RACI row has no single Accountable (A) or no "
      "Responsible (R).", "give each row exactly one A and at least one R")
def raci_row(ctx: CheckContext):
    sheet = ctx.doc.sheet("raci")
    if sheet is None:
        return
    people = ctx.read.tables.get("tblPeople")  # one RACI column per row of that table
    n = people.last - people.top if people else len(ctx.plan.people)
    grid = ctx.doc.grid(sheet)
    for r in range(3, len(grid)):
        item = ctx.doc.value(sheet, r, 0)
        if item is None:
            continue
        letters = [str(ctx.doc.value(sheet, r, 1 + i) or "").strip().upper() for i in range(n)]
        a, rr = letters.count("A"), letters.count("R")
        if a != 1 or rr < 1:
            yield ctx.where(sheet, r, 0), f"{item}: {a} A and {rr} R"


@rule("M315", "risk-unmanaged", "warning", "A risk has no owner or no mitigation.",
      "name who watches the risk and what reduces it")
def risk_unmanaged(ctx: CheckContext):
    return _blank_fields(ctx, "tblRisks", "risk", ("owner", "mitigation"))


@rule("M316", "review-overdue", "warning", "An open risk's review date has passed.",
      "review the risk, then set its next review date")
def review_overdue(ctx: CheckContext):
    t = ctx.read.tables.get("tblRisks")
    closed = str(ctx.labels["risk.closed"]).lower()
    for r, rec in (t.rows if t else []):
        d = rec["review"]
        if isinstance(d, _dt.datetime):
            d = d.date()
        if isinstance(d, _dt.date) and d < ctx.today and str(rec["status"] or "").lower() \
                != closed:
            yield ctx.where(t.sheet, r, t.col("review")), \
                f"review was due {d.isoformat()}"


@rule("M317", "late-action", "warning",
      "An action is not done and its month is closed (before the as-of date's month), or "
      "it was re-planned out of a closed month and is still not done.",
      "finish it (status Done), stop it (Abandoned), or click Recalculate priorities "
      "(xlplan prioritize) to plan it again from the current month")
def late_action(ctx: CheckContext):
    from dataclasses import replace
    t = ctx.read.tables.get("tblActions")
    if t is None:
        return
    s = replace(ctx.settings, as_of=ctx.today)
    months = ctx.labels.plan_months(s)
    for r, a in ctx.read.action_rows:
        if not a.is_open:
            continue
        if s.is_closed(a.month):
            yield ctx.where(t.sheet, r, t.col("month")), \
                f"{a.id} is not done and {months[a.month - 1]} is closed"
        elif a.late_since:
            yield ctx.where(t.sheet, r, t.col("month")), \
                f"{a.id} is late since {a.late_since}, not done yet"
