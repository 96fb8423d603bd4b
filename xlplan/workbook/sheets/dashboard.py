"""Dashboard: budget consumed, actions by status and month, KPIs vs target, alert
signals from the articles, and four native charts."""
from __future__ import annotations

from ...formulas import Const, Fn, Name
from ...model import STATUSES
from ..book import PrintSetup
from ..styles import date_format
from .context import BuildContext


def build(ctx: BuildContext) -> None:
    L, book = ctx.labels, ctx.book
    sheet = book.add_sheet(L["sheet.dashboard"], "dashboard", tab_color="#1F4E79",
                           printing=PrintSetup(landscape=True, one_page=True))
    sheet.widths.update({0: 40, **{c: 12 for c in range(1, 8)}})
    sheet.put(0, 0, L["dash.title"], "title")
    sheet.put(1, 0, Name("Set_Company"), "subtitle")
    sheet.buttons.append((0, 2, L["button.recalculate"]))
    rag = ctx.rag_labels()

    # budget
    r = 3
    sheet.put(r, 0, L["dash.budget"], "subtitle")
    spent = Fn("SUM", Name("Bud_MonthSpent"))
    for i, (key, expr, style) in enumerate((
            ("dash.annual", Name("Set_Budget"), "calc_money"),
            ("dash.planned", Fn("SUM", Name("Act_Cost")), "calc_money"),
            ("dash.spent", spent, "calc_money"),
            ("dash.consumed", Fn("IF", Name("Set_Budget").eq(0), 0, spent / Name("Set_Budget")),
             "calc_pct"))):
        sheet.put(r + 1 + i, 0, L[key], "label")
        sheet.put(r + 1 + i, 1, expr, style)

    # what will not be done (the second article asks the plan to say it): the drops
    # and the abandoned, to find in Actions with its filters on quadrant and status
    abandoned = ctx.status_label("abandoned")
    sheet.put(8, 0, L["dash.not_done"], "label")
    sheet.put(8, 1, Fn("COUNTIFS", Name("Act_Quadrant"), ctx.quadrant_labels()["drop"],
                       Name("Act_Status"), "<>" + abandoned)
              + Fn("COUNTIFS", Name("Act_Status"), abandoned), "calc_int")
    sheet.put(8, 2, L["dash.not_done_hint"], "note")

    # alert signals
    r = 9
    sheet.put(r, 0, L["dash.alerts"], "subtitle")
    sheet.put(r + 1, 0, L["dash.signal"], "label")
    sheet.put(r + 1, 1, L["dash.value"], "label")
    sheet.put(r + 1, 2, L["dash.flag"], "label")
    in_progress = Fn("COUNTIFS", Name("Act_Status"), ctx.status_label("in_progress"))
    done = Fn("COUNTIFS", Name("Act_Status"), ctx.status_label("done"))
    signals = [
        ("alert.wip", in_progress, lambda v: v.gt(Name("Set_WipLimit")), "calc_int"),
        # "many in progress, few delivered": at least 3 under way and twice as many as done
        ("alert.delivery", in_progress,
         lambda v: Fn("AND", v.ge(3), v.gt(Const(2) * done)), "calc_int"),
        ("alert.channel", Fn("MAX", Name("Bud_ResultsShare")),
         lambda v: v.gt(Name("Set_ChannelLimit")), "calc_pct"),
        ("alert.overspend", Fn("SUM", Name("Bud_MonthOver")), lambda v: v.gt(0), "calc_int"),
        ("alert.kpi_red", Fn("COUNTIFS", Name("Kpi_Status"), rag["red"]),
         lambda v: v.gt(0), "calc_int"),
        ("alert.blocked", Fn("COUNTIFS", Name("Act_Status"), ctx.status_label("blocked")),
         lambda v: v.gt(0), "calc_int"),
        ("alert.unowned", Fn("COUNTIFS", Name("Act_Title"), "<>", Name("Act_Owner"), ""),
         lambda v: v.gt(0), "calc_int"),
        ("alert.late", Fn("COUNTIFS", Name("Act_Late"), L["late"]), lambda v: v.gt(0),
         "calc_int"),
    ]
    for i, (key, expr, test, style) in enumerate(signals):
        row = r + 2 + i
        sheet.put(row, 0, L[key], "text")
        sheet.put(row, 1, expr, style)
        sheet.put(row, 2, Fn("IF", test(sheet.cell(row, 1, False)), rag["red"], rag["green"]),
                  "calc")
        book.define(f"Dash_Alert_{key.split('.')[1].capitalize()}", sheet.cell(row, 2))
    a1, a2 = r + 2, r + 1 + len(signals)
    for code in ("red", "green"):
        sheet.conditional(a1, 2, a2, 2, type="cell", criteria="==", value=f'"{rag[code]}"',
                          format=code)

    # actions by status and month
    r = a2 + 2
    sheet.put(r, 0, L["dash.actions"], "subtitle")
    head = r + 1
    sheet.put(head, 0, L["dash.month"], "label")
    for j, code in enumerate(STATUSES):
        sheet.put(head, 1 + j, ctx.status_label(code), "label")
    sheet.put(head, 1 + len(STATUSES), L["dash.total"], "label")
    for i in range(1, 13):
        row = head + i
        sheet.put(row, 0, Name(f"Month{i:02d}_Label"), "calc")
        for j, code in enumerate(STATUSES):
            sheet.put(row, 1 + j, Fn("COUNTIFS", Name(f"Mon{i:02d}_Status"),
                                     ctx.status_label(code)), "calc_int")
        sheet.put(row, 1 + len(STATUSES),
                  Fn("SUM", sheet.range(row, 1, row, len(STATUSES))), "calc_int")
    status_first, status_last = head + 1, head + 12

    # KPIs vs target
    r = status_last + 2
    sheet.put(r, 0, L["dash.kpis"], "subtitle")
    head = r + 1
    for j, key in enumerate(("kpis.name", "kpis.last", "kpis.target", "kpis.progress",
                             "kpis.status")):
        sheet.put(head, j, L[key], "label")
    kl = ctx.kpi_layout
    for j, src in enumerate(kl.rows):
        row = head + 1 + j
        sheet.put(row, 0, Const("").concat(kl.at("name", src, True)), "calc")
        sheet.put(row, 1, Fn("IF", kl.at("last", src, True).eq(""), "", kl.at("last", src, True)),
                  "calc_kpi")
        sheet.put(row, 2, Fn("IF", kl.at("target", src, True).eq(""), "",
                             kl.at("target", src, True)), "calc_kpi")
        sheet.put(row, 3, Fn("IF", kl.at("progress", src, True).eq(""), "",
                             kl.at("progress", src, True)), "calc_pct")
        sheet.put(row, 4, Const("").concat(kl.at("status", src, True)), "calc")
    k1, k2 = head + 1, head + len(kl.rows)
    for code in ("green", "amber", "red"):
        sheet.conditional(k1, 4, k2, 4, type="cell", criteria="==", value=f'"{rag[code]}"',
                          format=code)

    # charts, to the right of the tables
    first, last = ctx.budget_month_rows
    budget = book.sheet("budget")
    sheet.charts.append(((3, 9), {
        "type": "column", "title": L["dash.chart_budget"],
        "series": [{"name": L["budget.planned"], "categories": budget.range(first, 0, last, 0),
                    "values": budget.range(first, 2, last, 2), "fill": {"color": "#9BC2E6"}},
                   {"name": L["budget.actual"], "categories": budget.range(first, 0, last, 0),
                    "values": budget.range(first, 3, last, 3), "fill": {"color": "#C55A11"}}],
        "x_axis": {"num_format": date_format("mmm", ctx.settings.language),
                   "date_axis": False}}))
    colours = ["#BFBFBF", "#FFC000", "#C00000", "#70AD47", "#7F7F7F"]
    sheet.charts.append(((19, 9), {
        "type": "column", "subtype": "stacked", "title": L["dash.chart_status"],
        "series": [{"name": ctx.status_label(code),
                    "categories": sheet.range(status_first, 0, status_last, 0),
                    "values": sheet.range(status_first, 1 + j, status_last, 1 + j),
                    "fill": {"color": colours[j]}} for j, code in enumerate(STATUSES)]}))
    sheet.charts.append(((35, 9), {
        "type": "bar", "title": L["dash.chart_kpi"], "legend": "none",
        "series": [{"name": L["kpis.progress"], "categories": sheet.range(k1, 0, k2, 0),
                    "values": sheet.range(k1, 3, k2, 3), "fill": {"color": "#70AD47"}}],
        "x_axis": {"num_format": "0%", "min": 0, "max": 1}, "height": 420}))
    al = book.names["Act_Effort"], book.names["Act_Impact"]
    sheet.charts.append(((57, 9), {
        "type": "scatter", "title": L["dash.chart_matrix"], "legend": "none",
        "series": [{"name": L["actions.impact"], "categories": al[0], "values": al[1],
                    "marker": {"type": "circle", "size": 7}}],
        "x_axis": {"name": L["actions.effort"], "min": 0, "max": 6},
        "y_axis": {"name": L["actions.impact"], "min": 0, "max": 6}}))
