"""The twelve month sheets: the month's actions with status, owner, results, spend."""
from __future__ import annotations

from ...formulas import Const, Fn, Name, col_letter
from ..book import PrintSetup, TableLayout
from .context import SPARE_MONTH_ROWS, BuildContext

TABLE_TOP = 7
KEYS = ["id", "title", "workstream", "channel", "bucket", "owner", "status", "results",
        "spend", "notes", "cost", "hours"]


def plan(ctx: BuildContext) -> None:
    """Decide each month sheet's name and each scheduled action's row on it."""
    ctx.month_sheet_names = [ctx.book.sheet_names.get(f"month{i:02d}", name)
                             for i, name in enumerate(ctx.labels.plan_months(ctx.settings),
                                                      start=1)]
    counts = [0] * 13
    for a in ctx.plan.actions:
        if a.month:
            ctx.month_rows[a.id] = (a.month, TABLE_TOP + 1 + counts[a.month])
            counts[a.month] += 1


def layout(ctx: BuildContext, sheet, index: int) -> TableLayout:
    n = sum(1 for m, _ in ctx.month_rows.values() if m == index)
    return ctx.layout(sheet, f"tblMonth{index:02d}", TABLE_TOP, KEYS, n + SPARE_MONTH_ROWS)


def build(ctx: BuildContext, index: int, actions_layout: TableLayout) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    name = ctx.month_sheet_names[index - 1]
    sheet = book.add_sheet(name, f"month{index:02d}", tab_color="#5B9BD5",
                           printing=PrintSetup(landscape=True, one_page=True))
    # narrow enough to print readable on one landscape page; long text wraps
    sheet.widths.update({0: 16, 1: 32, 2: 14, 3: 10, 4: 12, 5: 12, 6: 11, 7: 26, 8: 11,
                         9: 24, 10: 10, 11: 8})
    start, nxt = Name(f"Month{index:02d}_Start"), Name(f"Month{index + 1:02d}_Start")
    label = Name(f"Month{index:02d}_Label")
    # the title is text in the workbook's language ("September 2027"): a date would
    # follow the machine's locale, and show ### in a column narrower than its title
    sheet.put(0, 0, Fn("INDEX", Name("List_CalMonthsFull"), Fn("MONTH", start))
              .concat(" ").concat(Fn("YEAR", start)), "title")
    sheet.put(1, 0, L["month.focus"], "label")
    sheet.put(1, 1, plan.month_focus[index - 1] or None, "input")
    sheet.put(2, 0, L["month.note"], "note")

    rituals_date, rituals_type = Name("Rit_Date"), Name("Rit_Type")
    in_month = [rituals_date, Const(">=").concat(start),
                rituals_date, Const("<").concat(nxt)]
    sheet.put(3, 0, L["month.rituals"], "label")
    sheet.put(3, 1, L["month.weekly"], "text")
    sheet.put(3, 2, Fn("COUNTIFS", rituals_type, L["ritual.weekly"], *in_month), "calc_int")
    sheet.put(3, 4, L["month.review"], "text")
    sheet.put(3, 5, Fn("SUMIFS", rituals_date, rituals_type, L["ritual.monthly"], *in_month),
              "calc_date")

    lay = layout(ctx, sheet, index)
    status_range = lay.column("status")
    summary = [
        ("month.budget", Fn("SUMIFS", Name("Act_Cost"), Name("Act_Month"), label), "calc_money"),
        ("month.actual", Fn("SUM", lay.column("spend")), "calc_money"),
        ("month.hours", Fn("SUMIFS", Name("Act_Hours"), Name("Act_Month"), label), "calc_num"),
        ("month.capacity", Name("Set_Capacity"), "calc_num"),
        ("month.actions", Fn("COUNTIFS", lay.column("id"), "<>"), "calc_int"),
        ("month.done", Fn("COUNTIFS", status_range, ctx.status_label("done")), "calc_int"),
    ]
    for i, (key, expr, style) in enumerate(summary):
        sheet.put(4, 2 * i if i else 0, L[key], "label")
        sheet.put(5, 2 * i if i else 0, expr, style)

    records = []
    for pos, a in enumerate(plan.actions):
        if a.month != index:
            continue
        src = actions_layout.row(pos)

        def text(key, src=src):
            return Const("").concat(actions_layout.at(key, src, True))

        records.append({
            "id": a.id,
            "title": text("title"), "workstream": text("workstream"),
            "channel": text("channel"), "bucket": text("bucket"), "owner": text("owner"),
            "status": ctx.status_label(a.status) if a.status else None,
            "results": a.results or None,
            "spend": a.spend, "notes": a.notes or None,
            "cost": actions_layout.at("cost", src, True),
            "hours": actions_layout.at("hours", src, True),
        })
    headers = {"id": L["actions.id"], "title": L["actions.action"],
               "workstream": L["actions.workstream"], "channel": L["actions.channel"],
               "bucket": L["actions.bucket"], "owner": L["actions.owner"],
               "status": L["actions.status"], "results": L["month.results"],
               "spend": L["month.spend"], "notes": L["month.notes"],
               "cost": L["month.planned_cost"], "hours": L["month.planned_hours"]}
    styles = {"id": "calc", "title": "calc_wrap", "workstream": "calc_wrap",
              "channel": "calc_wrap", "bucket": "calc_wrap", "owner": "calc_wrap", "status": "input", "results": "input",
              "spend": "input_money", "notes": "input", "cost": "calc_money",
              "hours": "calc_num"}
    book.table(lay, headers, records, styles)
    sheet.list_validation(lay.first, lay.col("status"), lay.last, lay.col("status"),
                          "List_Status")
    sheet.validate(lay.first, lay.col("spend"), lay.last, lay.col("spend"),
                   validate="decimal", criteria=">=", value=0, ignore_blank=True,
                   error_message="Type an amount of 0 or more.")
    _status_colours(ctx, sheet, lay.first, lay.col("status"), lay.last)
    _late(ctx, sheet, lay, index)
    prefix = f"Mon{index:02d}_"
    for key in ("id", "status", "spend", "bucket", "channel"):
        book.define(prefix + key.capitalize(), lay.column(key))
    sheet.freeze = (TABLE_TOP + 1, 2)


def _late(ctx: BuildContext, sheet, lay: TableLayout, index: int) -> None:
    """The month's late actions, counted at the top from the Actions sheet's Late column
    (those not done in a closed month, and those re-planned here out of one); once the
    month is closed, the id and title of each row not done or abandoned are red."""
    L = ctx.labels
    done, abandoned = ctx.status_label("done"), ctx.status_label("abandoned")
    count = Fn("COUNTIFS", Name("Act_Month"), Name(f"Month{index:02d}_Label"),
               Name("Act_Late"), L["late"])
    sheet.put(3, 7, L["month.late"], "label")
    sheet.put(3, 8, count, "calc_int")
    sheet.conditional(3, 8, 3, 8, type="cell", criteria=">", value=0, format="red")
    first = lay.first
    id_cell, status_cell = (f"${col_letter(lay.col(k))}{first + 1}" for k in ("id", "status"))
    rule = (f'AND({id_cell}<>"",{index}<Set_CurrentMonth,{status_cell}<>"{done}",'
            f'{status_cell}<>"{abandoned}")')
    sheet.conditional(first, lay.col("id"), lay.last, lay.col("title"), type="formula",
                      criteria="=" + rule, format="red")


def _status_colours(ctx: BuildContext, sheet, r1: int, col: int, r2: int) -> None:
    for code, colour in (("done", "green"), ("in_progress", "amber"), ("blocked", "red"),
                         ("abandoned", "grey")):
        sheet.conditional(r1, col, r2, col, type="cell", criteria="==",
                          value=f'"{ctx.status_label(code)}"', format=colour)
