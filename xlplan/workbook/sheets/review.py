"""Review: the year's retrospective, filled from the data, with the articles' questions."""
from __future__ import annotations

from ...formulas import Const, Fn, Name
from ..book import PrintSetup
from .context import BuildContext


def build(ctx: BuildContext) -> None:
    L, book = ctx.labels, ctx.book
    sheet = book.add_sheet(L["sheet.review"], "review", tab_color="#1F4E79",
                           printing=PrintSetup(landscape=True))
    sheet.widths.update({0: 48, 1: 14, 2: 14, 3: 14, 4: 50})
    sheet.put(0, 0, L["review.title"], "title")
    done, abandoned = ctx.status_label("done"), ctx.status_label("abandoned")

    r = 2
    sheet.put(r, 0, L["review.objectives"], "subtitle")
    sheet.put(r + 1, 0, L["obj.objective"], "header")
    sheet.put(r + 1, 1, L["obj.progress"], "header")
    sheet.put(r + 1, 2, L["review.reached"], "header")
    ol = ctx.objective_layout
    for j, src in enumerate(ol.rows):
        row = r + 2 + j
        progress = ol.at("progress", src, True)
        sheet.put(row, 0, Const("").concat(ol.at("objective", src, True)), "calc")
        sheet.put(row, 1, Fn("IF", progress.eq(""), "", progress), "calc_pct")
        sheet.put(row, 2, Fn("IF", progress.eq(""), "",
                             Fn("IF", progress.ge(1), L["yes"], L["no"])), "calc")
    r = r + 2 + len(ol.rows) + 1

    sheet.put(r, 0, L["review.delivery"], "subtitle")
    titled = [Name("Act_Title"), "<>"]
    rows = [
        ("review.kpis_reached", Fn("COUNTIFS", Name("Kpi_Progress"), ">=1"), "calc_int"),
        ("review.planned", Fn("COUNTIFS", *titled, Name("Act_Month"), "<>"), "calc_int"),
        ("review.delivered", Fn("COUNTIFS", *titled, Name("Act_Status"), done), "calc_int"),
        ("review.carried", Fn("COUNTIFS", *titled, Name("Act_Status"), "<>" + done,
                              Name("Act_Status"), "<>" + abandoned), "calc_int"),
        ("review.spent", Fn("SUM", Name("Bud_MonthSpent")), "calc_money"),
        ("dash.planned", Fn("SUM", Name("Act_Cost")), "calc_money"),
    ]
    for i, (key, expr, style) in enumerate(rows):
        sheet.put(r + 1 + i, 0, L[key], "label")
        sheet.put(r + 1 + i, 1, expr, style)
    r = r + len(rows) + 2

    sheet.put(r, 0, L["ws.name"], "header")
    sheet.put(r, 1, L["ws.actions"], "header")
    sheet.put(r, 2, L["ws.done"], "header")
    ws = ctx.workstream_layout
    for j, src in enumerate(ws.rows):
        row = r + 1 + j
        name = sheet.cell(row, 0, False)
        sheet.put(row, 0, Const("").concat(ws.at("name", src, True)), "calc")
        sheet.put(row, 1, Fn("IF", name.eq(""), "", Fn("COUNTIFS", Name("Act_Workstream"), name)),
                  "calc_int")
        sheet.put(row, 2, Fn("IF", name.eq(""), "", Fn("COUNTIFS", Name("Act_Workstream"), name,
                                                       Name("Act_Status"), done)), "calc_int")
    r = r + len(ws.rows) + 2

    sheet.put(r, 0, L["review.questions"], "subtitle")
    sheet.put(r + 1, 1, L["review.answer"], "header")
    for i in range(1, 6):
        sheet.put(r + 1 + i, 0, L[f"review.q{i}"], "text")
        sheet.merges.append((r + 1 + i, 1, r + 1 + i, 4, "", "input"))
