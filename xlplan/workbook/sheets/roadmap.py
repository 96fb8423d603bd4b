"""Roadmap: actions per workstream and month, shown as bars by conditional formatting."""
from __future__ import annotations

from ...formulas import Const, Fn, Name
from ..book import PrintSetup
from .context import BuildContext


def build(ctx: BuildContext) -> None:
    L, book = ctx.labels, ctx.book
    sheet = book.add_sheet(L["sheet.roadmap"], "roadmap", tab_color="#C55A11",
                           printing=PrintSetup(landscape=True))
    sheet.widths.update({0: 30, **{c: 10 for c in range(1, 13)}})
    sheet.put(0, 0, L["roadmap.title"], "title")
    sheet.put(2, 0, L["roadmap.phase"], "label")
    for c1, c2, key in ((1, 3, "phase.1"), (4, 6, "phase.2"), (7, 12, "phase.3")):
        sheet.merges.append((2, c1, 2, c2, L[key], "label"))
    head = 3
    sheet.put(head, 0, L["roadmap.workstream"], "label")
    for i in range(1, 13):
        sheet.put(head, i, Name(f"Month{i:02d}_Start"), "calc_month")
    ws = ctx.workstream_layout
    first = head + 1
    for j, src in enumerate(ws.rows):
        r = first + j
        name = sheet.cell(r, 0, False)
        sheet.put(r, 0, Const("").concat(ws.at("name", src, True)), "calc")
        for i in range(1, 13):
            sheet.put(r, i, Fn("IF", name.eq(""), "",
                               Fn("COUNTIFS", Name("Act_Workstream"), name, Name("Act_Month"),
                                  Name(f"Month{i:02d}_Label"))), "calc_int")
    last = first + len(ws.rows) - 1
    total = last + 1
    sheet.put(total, 0, L["roadmap.total"], "label")
    for i in range(1, 13):
        sheet.put(total, i, Fn("SUM", sheet.range(first, i, last, i)), "calc_int")
    sheet.conditional(first, 1, last, 12, type="cell", criteria=">", value=0, format="bar")
    sheet.conditional(total, 1, total, 12, type="data_bar", bar_color="#F4B183")
    sheet.freeze = (first, 1)
