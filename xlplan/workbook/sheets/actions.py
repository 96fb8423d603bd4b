"""Actions: the backlog with live score and quadrant, and the rank of open actions."""
from __future__ import annotations

from ... import macros
from ...formulas import Const, domain
from ..book import PrintSetup, TableLayout
from .context import SPARE_ACTION_ROWS, BuildContext

KEYS = ["id", "title", "workstream", "channel", "owner", "impact", "effort",
        "dependencies", "risk", "cost", "hours", "bucket", "month", "pinned", "moment",
        "status", "score", "quadrant", "rank", "kpi", "reason", "origin", "carried",
        "late_since", "late"]
TABLE_TOP = 3
# narrow enough that the printed columns, id to rank, fit an A4 landscape page at 80 %
# or more (10-point text prints at 8 points at least); text wraps, headers between words
WIDTHS = {"id": 7, "title": 22, "workstream": 12, "channel": 9, "owner": 11, "impact": 6,
          "effort": 6, "dependencies": 8, "risk": 6, "cost": 9, "hours": 6, "bucket": 11,
          "month": 6, "pinned": 6, "moment": 9, "status": 10, "score": 6, "quadrant": 10,
          "rank": 5, "kpi": 20, "reason": 30, "origin": 10, "carried": 9, "late_since": 9,
          "late": 8}


def layout(ctx: BuildContext, sheet) -> TableLayout:
    return ctx.layout(sheet, "tblActions", TABLE_TOP, KEYS,
                       len(ctx.plan.actions) + SPARE_ACTION_ROWS)


def build(ctx: BuildContext) -> TableLayout:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.actions"], "actions", tab_color="#C55A11")
    lay = layout(ctx, sheet)
    for key, width in WIDTHS.items():
        sheet.widths[lay.col(key)] = width
    sheet.put(0, 0, L["actions.title"], "title")
    sheet.put(1, 0, L["actions.note"], "note")
    # the button, and when it (or xlplan prioritize) last ran
    sheet.buttons.append((0, lay.col("score"), L["button.recalculate"]))
    sheet.put(0, lay.col("kpi"), L["actions.recalculated"], "label")
    sheet.put(0, lay.col("reason"), plan.recalculated, "calc_time")
    book.define(macros.STAMP_NAME, sheet.cell(0, lay.col("reason")))
    months = ctx.labels.months()
    qlabels = ctx.quadrant_labels()

    def score(r):
        return domain.score(lay.at("impact", r), lay.at("effort", r), lay.at("risk", r),
                            lay.at("dependencies", r))

    def quadrant(r):
        return domain.quadrant(lay.at("impact", r), lay.at("effort", r), qlabels)

    def late(r):
        return domain.late(lay.at("month", r), lay.at("status", r), lay.at("late_since", r),
                           L["late"],
                           (ctx.status_label("done"), ctx.status_label("abandoned")))

    records = []
    for a in plan.actions:
        if a.month:
            month_index, month_row = ctx.month_rows[a.id]
            # the status is typed on the month sheet; this mirrors it (absolute, so a
            # sorted Actions table still points at the right month row)
            status = Const("").concat(ctx.month_status_cell(month_index, month_row))
        else:
            status = ctx.status_label(a.status) if a.status else None
        records.append({
            "id": a.id or None, "title": a.title or None, "workstream": a.workstream or None,
            "channel": a.channel or None, "owner": a.owner or None, "impact": a.impact,
            "effort": a.effort, "dependencies": a.dependencies or None, "risk": a.risk,
            "cost": a.cost, "hours": a.hours, "bucket": L.label("bucket.", a.bucket),
            "month": months[ctx.settings.plan_month(a.month)[1] - 1] if a.month else None,
            "pinned": L["yes"] if a.pinned else L["no"], "moment": a.moment or None,
            "status": status, "score": score, "quadrant": quadrant, "rank": a.rank,
            "kpi": a.kpi or None, "reason": a.reason or None,
            "origin": a.origin or None, "carried": a.carried or None,
            "late_since": a.late_since or None, "late": late,
        })
    # blank rows carry the formulas too, so a typed new action scores at once
    for _ in range(lay.last - lay.first + 1 - len(records)):
        records.append({"score": score, "quadrant": quadrant, "late": late})
    headers = {k: L["actions." + ("action" if k == "title" else k)] for k in KEYS}
    styles = {k: "input" for k in KEYS}
    styles.update({"impact": "input_int", "effort": "input_int", "risk": "input_int",
                   "cost": "input_money", "hours": "input_num", "status": "calc_wrap",
                   "score": "calc_num", "quadrant": "calc_wrap", "rank": "calc_int",
                   "reason": "calc", "origin": "calc", "carried": "calc_int",
                   "late_since": "calc", "late": "calc"})
    book.table(lay, headers, records, styles)

    f, last = lay.first, lay.last
    for key in ("impact", "effort", "risk"):
        sheet.whole_number(f, lay.col(key), last, lay.col(key), 1, 5)
    for key, source in (("workstream", "List_Workstreams"), ("channel", "List_Channels"),
                        ("owner", "List_People"), ("bucket", "List_Bucket"),
                        ("month", "List_Months"), ("pinned", "List_YesNo"),
                        ("moment", "List_Moments"), ("kpi", "List_KPIs")):
        sheet.list_validation(f, lay.col(key), last, lay.col(key), source)
    # unscheduled actions keep a typed status
    sheet.list_validation(f, lay.col("status"), last, lay.col("status"), "List_Status")
    for key in ("cost", "hours"):
        sheet.validate(f, lay.col(key), last, lay.col(key), validate="decimal",
                       criteria=">=", value=0, ignore_blank=True,
                       error_message="Type a number of 0 or more.")
    qcol = lay.col("quadrant")
    for code, colour in (("quick_win", "green"), ("major_project", "amber"),
                         ("drop", "red")):
        sheet.conditional(f, qcol, last, qcol, type="cell", criteria="==",
                          value=f'"{qlabels[code]}"', format=colour)
    lcol = lay.col("late")
    sheet.conditional(f, lcol, last, lcol, type="cell", criteria="==",
                      value=f'"{L["late"]}"', format="red")
    scol = lay.col("score")
    sheet.conditional(f, scol, last, scol, type="data_bar", bar_color="#9BC2E6",
                      min_type="num", min_value=0, max_type="num", max_value=100)
    for key in ("id", "title", "workstream", "channel", "owner", "impact", "effort", "risk",
                "cost", "hours", "bucket", "month", "status", "score", "quadrant",
                "dependencies", "pinned", "late"):
        book.define("Act_" + key.capitalize(), lay.column(key))
    sheet.freeze = (TABLE_TOP + 1, 2)
    # on paper: the actions listed (not the blank rows below) up to their rank; the
    # linked KPI, the reason and the history stay on screen (see README, Printing)
    sheet.printing = PrintSetup(landscape=True, repeat_rows=(TABLE_TOP, TABLE_TOP),
                                last_row=lay.first + max(len(plan.actions), 1) - 1,
                                last_col=lay.col("rank"))
    return lay
