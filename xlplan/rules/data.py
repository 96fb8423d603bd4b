"""Data: what people typed is consistent with itself and with the lists it draws on."""
from __future__ import annotations

import datetime as _dt

from ..model import BUCKETS, STATUSES, dependency_ids
from ..reading.plan import text
from . import rule
from .context import CheckContext


def _norm(value) -> str:
    return text(value).lower()


def _action_rows(ctx: CheckContext):
    t = ctx.read.tables.get("tblActions")
    return (t, t.rows) if t is not None else (None, [])


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@rule("D201", "duplicate-id", "error", "Two actions share an id.",
      "give each action its own id (A30, A31, …); month sheets find actions by id")
def duplicate_id(ctx: CheckContext):
    t, rows = _action_rows(ctx)
    seen: dict[str, int] = {}
    for r, rec in rows:
        aid = text(rec["id"])
        if not aid:
            continue
        if aid in seen:
            yield ctx.where(t.sheet, r, t.col("id")), \
                f"id {aid} is already used on row {seen[aid] + 1}"
        else:
            seen[aid] = r


@rule("D202", "missing-id", "error", "An action has no id.",
      "type an id that no other action uses (A30, A31, …)")
def missing_id(ctx: CheckContext):
    t, rows = _action_rows(ctx)
    for r, rec in rows:
        if not text(rec["id"]):
            what = text(rec["title"]) or "this action"
            yield ctx.where(t.sheet, r, t.col("id")), f"{what!r} has no id"


def _lists(ctx: CheckContext) -> dict[str, set[str]]:
    L, plan = ctx.labels, ctx.plan
    return {
        "status": {_norm(L.status(c)) for c in STATUSES},
        "owner": {_norm(p.name) for p in plan.people},
        "workstream": {_norm(w.name) for w in plan.workstreams},
        "channel": {_norm(c) for c in plan.channels},
        "bucket": {_norm(L["bucket." + b]) for b in BUCKETS},
        "month": {_norm(m) for m in L.months()},
    }


@rule("D203", "not-in-list", "error",
      "A status, owner, workstream, channel, bucket or month is not one of its list's "
      "values.", "pick the value from the cell's dropdown, or add it to its list in "
                 "Settings (people, channels) or Workstreams")
def not_in_list(ctx: CheckContext):
    lists = _lists(ctx)
    names = {"status": "status", "owner": "person in Settings", "workstream": "workstream",
             "channel": "channel in Settings", "bucket": "budget bucket", "month": "month"}
    t, rows = _action_rows(ctx)
    for r, rec in rows:
        for key in ("owner", "workstream", "channel", "bucket", "month", "status"):
            value = rec[key]
            if value is None or _norm(value) in lists[key]:
                continue
            if key == "status" and (r, t.col("status")) in ctx.doc.scan(t.sheet).formulas:
                continue  # mirrors the month sheet, checked there
            yield ctx.where(t.sheet, r, t.col(key)), \
                f"{value!r} is not a {names[key]}"
    for e in ctx.read.month_entries:
        value = e.values["status"]
        if value is not None and _norm(value) not in lists["status"]:
            t = ctx.read.tables[f"tblMonth{e.month:02d}"]
            yield ctx.where(t.sheet, e.row, t.col("status")), f"{value!r} is not a status"
    ws = ctx.read.tables.get("tblWorkstreams")
    for r, rec in (ws.rows if ws else []):
        if rec["owner"] is not None and _norm(rec["owner"]) not in lists["owner"]:
            yield ctx.where(ws.sheet, r, ws.col("owner")), \
                f"{rec['owner']!r} is not a person in Settings"


@rule("D204", "score-out-of-range", "error", "An impact, effort or risk score is not a "
      "whole number from 1 to 5.", "type 1, 2, 3, 4 or 5")
def score_out_of_range(ctx: CheckContext):
    t, rows = _action_rows(ctx)
    for r, rec in rows:
        for key in ("impact", "effort", "risk"):
            v = rec[key]
            if _is_number(v) and not (float(v).is_integer() and 1 <= v <= 5):
                yield ctx.where(t.sheet, r, t.col(key)), f"{key} {v} is not from 1 to 5"


def _number_cells(ctx: CheckContext):
    """(sheet, row, col, what, value) of every input cell that must hold a number."""
    t, rows = _action_rows(ctx)
    cols = [(key, t.col(key)) for key in ("impact", "effort", "risk", "cost", "hours")] \
        if t else []
    for r, rec in rows:
        for key, c in cols:
            yield t.sheet, r, c, key, rec[key]
    for e in ctx.read.month_entries:
        t = ctx.read.tables[f"tblMonth{e.month:02d}"]
        yield t.sheet, e.row, t.col("spend"), "actual spend", e.values["spend"]
    k = ctx.read.tables.get("tblKPIs")
    for r, rec in (k.rows if k else []):
        for key in ["baseline", "target"] + [f"m{i:02d}" for i in range(1, 13)]:
            yield k.sheet, r, k.col(key), "KPI value", rec[key]
    from ..workbook.sheets.settings import GENERAL, SCORING, THRESHOLDS
    for _, name, attr, style in GENERAL + SCORING + THRESHOLDS:
        if style.startswith("input_") and style != "input":
            cell = ctx.doc.named_cell(name)
            if cell is not None:
                yield (*cell, name.replace("Set_", "setting "), ctx.doc.value(*cell))


@rule("D205", "text-for-number", "error", "Text where a number belongs.",
      "type a plain number (no unit, no words); 1500 rather than '1 500 €'")
def text_for_number(ctx: CheckContext):
    for sheet, r, c, what, value in _number_cells(ctx):
        # a date cell holds a number too (a date is its serial number)
        if value is not None and not _is_number(value) and not isinstance(value, _dt.date):
            yield ctx.where(sheet, r, c), f"{what} holds the text {value!r}"


@rule("D206", "date-outside-year", "warning", "A date lies outside the plan year.",
      "type a date between the plan's first and last day (Settings)")
def date_outside_year(ctx: CheckContext):
    s = ctx.settings
    first = _dt.date(s.year, s.start_month, 1)
    y, m = s.plan_month(12)
    last = _dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1)
    t = ctx.read.tables.get("tblRisks")
    for r, rec in (t.rows if t else []):
        d = rec["review"]
        if isinstance(d, _dt.datetime):
            d = d.date()
        if isinstance(d, _dt.date) and not first <= d <= last:
            yield ctx.where(t.sheet, r, t.col("review")), \
                f"review date {d.isoformat()} is outside {first.isoformat()} – {last.isoformat()}"


@rule("D207", "unknown-dependency", "error", "An action depends on an id that no action has.",
      "correct the id in 'Depends on' (ids separated by commas), or remove it")
def unknown_dependency(ctx: CheckContext):
    t, rows = _action_rows(ctx)
    record = ctx.plan.record
    done = record.block("done") if record is not None else None
    delivered = {text(row[0]) for row in done.rows if row} if done is not None else set()
    for r, rec in rows:
        for dep in dependency_ids(text(rec["dependencies"])):
            if dep in delivered:  # typed after the rollover, which took these out
                yield ctx.where(t.sheet, r, t.col("dependencies")), \
                    f"{dep} was delivered in {record.year} (see the record of that year): " \
                    "the dependency is met, take it out"
            elif dep not in ctx.action_ids:
                yield ctx.where(t.sheet, r, t.col("dependencies")), f"no action has the id {dep}"


@rule("D208", "dependency-cycle", "error", "Actions depend on each other in a circle.",
      "remove one of the dependencies so that the chain has a start")
def dependency_cycle(ctx: CheckContext):
    t, rows = _action_rows(ctx)
    deps, where = {}, {}
    for r, rec in rows:
        aid = text(rec["id"])
        if aid and aid not in deps:
            deps[aid] = dependency_ids(text(rec["dependencies"]))
            where[aid] = ctx.where(t.sheet, r, t.col("dependencies"))
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported = set()
    for start in deps:
        if state.get(start):
            continue
        stack = [(start, iter(deps[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif nxt in deps and state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = min(cycle)
                    yield where[first], " → ".join(cycle + [nxt]) + " is a circle"
            elif nxt in deps and not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(deps[nxt])))
                path.append(nxt)


def _placements(ctx: CheckContext) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in ctx.read.month_entries:
        if e.id:
            out.setdefault(e.id, []).append(e)
    return out


@rule("D209", "missing-from-month", "error",
      "A planned action is missing from its month sheet.",
      "run xlplan sync FILE, which puts every action on the sheet of its month")
def missing_from_month(ctx: CheckContext):
    t, _ = _action_rows(ctx)
    placed = _placements(ctx)
    for r, a in ctx.read.action_rows:
        if a.id and a.month is not None and not any(e.month == a.month
                                                    for e in placed.get(a.id, [])):
            name = ctx.doc.sheet(f"month{a.month:02d}") or f"month {a.month}"
            yield ctx.where(t.sheet, r, t.col("month")), \
                f"{a.id} is planned for {name} but is not on that sheet"


@rule("D210", "wrong-month", "error",
      "An action sits on a month sheet it is not planned for (or is not in Actions).",
      "change its month in Actions, then run xlplan sync FILE to move it with its status")
def wrong_month(ctx: CheckContext):
    planned = {a.id: a.month for _, a in ctx.read.action_rows if a.id}
    for e in ctx.read.month_entries:
        if not e.id:
            continue
        t = ctx.read.tables[f"tblMonth{e.month:02d}"]
        if e.id not in planned:
            yield ctx.where(t.sheet, e.row, t.col("id")), f"{e.id} is not in Actions"
        elif planned[e.id] != e.month:
            target = planned[e.id]
            where_to = (ctx.doc.sheet(f"month{target:02d}") if target else None) or "no month"
            yield ctx.where(t.sheet, e.row, t.col("id")), \
                f"{e.id} is planned for {where_to}, not this month"


@rule("D211", "in-two-months", "error", "An action appears on more than one month sheet.",
      "keep it on the sheet of its planned month only; xlplan sync FILE does this")
def in_two_months(ctx: CheckContext):
    for aid, entries in _placements(ctx).items():
        if len({e.month for e in entries}) > 1:
            sheets = [ctx.read.tables[f"tblMonth{e.month:02d}"].sheet for e in entries]
            first = entries[0]
            t = ctx.read.tables[f"tblMonth{first.month:02d}"]
            yield ctx.where(t.sheet, first.row, t.col("id")), \
                f"{aid} is on {', '.join(sheets)}"


@rule("D212", "invalid-setting", "error",
      "A setting holds a value the plan cannot use (a start month of 14, negative hours…).",
      "type a value in the range the setting's label gives")
def invalid_setting(ctx: CheckContext):
    from ..errors import XlplanError
    from ..model import Settings
    from ..workbook.sheets.settings import GENERAL, SCORING
    for _, name, attr, _ in GENERAL + SCORING:
        value = ctx.read.settings_raw.get(attr) if isinstance(attr, str) else None
        if value is None or (isinstance(value, str) and attr not in ("maturity",
                                                                      "business_model")):
            continue  # blank, or text: D205 says so where a number belongs
        try:
            Settings(**{"year": 2027, attr: value})
        except XlplanError as exc:
            cell = ctx.doc.named_cell(name)
            if cell is not None:
                yield ctx.where(*cell), exc.what
        except (TypeError, ValueError):
            pass


@rule("D213", "unplaceable-value", "error",
      "A value typed where xlplan cannot place it when it rewrites the workbook (a month "
      "row without an id, a second copy of an action's month row that differs, a column "
      "inserted inside a table, a month it cannot read, a planned action without id, a "
      "chart or picture people added); sync, prioritize and rollover refuse until it is "
      "placed.",
      "do what the message says for that cell, then run the command again")
def unplaceable_value(ctx: CheckContext):
    from ..conservation import unplaced
    for u in unplaced(ctx.doc, ctx.read):
        yield u.where, f"{u.what}; {u.fix}"


@rule("D214", "label-in-another-form", "warning",
      "A month, status, budget bucket or Yes/No typed in another form than its list's "
      "label ('march', ' done'); the workbook's formulas do not count it until sync "
      "writes the label.", "pick the value from the cell's dropdown, or run xlplan sync "
      "FILE, which writes the list's label")
def label_in_another_form(ctx: CheckContext):
    L = ctx.labels
    labels = {"status": [L.status(c) for c in STATUSES],
              "bucket": [L["bucket." + b] for b in BUCKETS], "pinned": [L["yes"], L["no"]]}
    t, rows = _action_rows(ctx)
    scan = ctx.doc.scan(t.sheet) if t is not None else None
    for r, rec in rows:
        for key in ("month", "status", "bucket", "pinned"):
            if key == "status" and (r, t.col("status")) in scan.formulas:
                continue
            label = _label_form(L, labels, key, rec[key])
            if label is not None:
                yield ctx.where(t.sheet, r, t.col(key)), \
                    f"{rec[key]!r} is written {label!r} in the list"
    for e in ctx.read.month_entries:
        label = _label_form(L, labels, "status", e.values["status"])
        if label is not None:
            mt = ctx.read.tables[f"tblMonth{e.month:02d}"]
            yield ctx.where(mt.sheet, e.row, mt.col("status")), \
                f"{e.values['status']!r} is written {label!r} in the list"


def _label_form(L, labels: dict, key: str, typed) -> str | None:
    """The list label ``typed`` stands for, when it is that label in another form."""
    from ..i18n import calendar_month
    from ..workbook.layout import header_key
    if typed is None:
        return None
    if key == "month":
        cal = calendar_month(typed)
        label = L.months()[cal - 1] if cal else None
    else:
        label = next((x for x in labels[key] if header_key(x) == header_key(text(typed))),
                     None)
    return label if label is not None and typed != label else None


def setting_cell(doc, attr: str) -> str | None:
    """Sheet!Cell of the Settings cell that holds the setting ``attr``."""
    from ..workbook.sheets.settings import GENERAL, SCORING
    cell = doc.named_cell(next(n for _, n, a, _ in GENERAL + SCORING if a == attr))
    return doc.where(*cell) if cell is not None else None


@rule("D215", "setting-leaves-nothing-to-plan", "error",
      "A setting leaves nothing to prioritise: scoring weights that add up to 0, no "
      "internal hours, no budget, a work-in-progress limit of 0; prioritize refuses.",
      "type a value above 0 there: weights that add up to more than 0 (0.5, 0.3 and 0.2 "
      "by default), the team's weekly hours on the roadmap, the year's digital budget, "
      "the number of actions that may be under way at once (6 by default)")
def setting_leaves_nothing_to_plan(ctx: CheckContext):
    for d in ctx.settings.degenerate():
        yield setting_cell(ctx.doc, d.setting) or ctx.doc.sheet("settings") or "Settings", \
            d.what
