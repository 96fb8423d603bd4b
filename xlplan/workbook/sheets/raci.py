"""RACI: workstreams x people, with a live check of one A and at least one R per row."""
from __future__ import annotations

from ...formulas import Const, Fn
from ..book import PrintSetup
from .context import BuildContext


def build(ctx: BuildContext) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.raci"], "raci", tab_color="#7030A0",
                           printing=PrintSetup(landscape=True, repeat_rows=(2, 2)))
    sheet.put(0, 0, L["raci.title"], "title")
    people = plan.people
    top = 2
    # one column per row of the people table, headed by a live name: a person added
    # in Settings gets a column without the layout moving
    table = ctx.people_layout
    n = len(table.rows)
    sheet.widths.update({0: 34, **{1 + i: 14 for i in range(n)}, n + 1: 9, n + 2: 9,
                         n + 3: 28})
    sheet.put(top, 0, L["raci.item"], "header")
    for i, src in enumerate(table.rows):
        sheet.put(top, 1 + i, Const("").concat(table.at("name", src, True)), "header")
    for i, key in enumerate(("raci.a_count", "raci.r_count", "raci.check")):
        sheet.put(top, n + 1 + i, L[key], "header")
    sponsor = next((p.name for p in people if p.role == "sponsor"), None)
    pilot = next((p.name for p in people if p.role == "pilot"), None)
    rows = [(L["raci.overall"], pilot)] + [(w.name, w.owner) for w in plan.workstreams]
    spare = 4
    last = top + len(rows) + spare
    for j in range(len(rows) + spare):
        r = top + 1 + j
        item, responsible = rows[j] if j < len(rows) else (None, None)
        sheet.put(r, 0, item, "input")
        for i, p in enumerate(people):
            if item is None:
                letter = None
            elif p.name == sponsor:
                letter = "A"
            elif p.name == responsible:
                letter = "R"
            elif p.name == pilot:
                letter = "C"
            else:
                letter = "I"
            sheet.put(r, 1 + i, letter, "input")
        for i in range(len(people), n):
            sheet.put(r, 1 + i, None, "input")
        letters = sheet.range(r, 1, r, n)
        a = Fn("COUNTIFS", letters, "A")
        rr = Fn("COUNTIFS", letters, "R")
        sheet.put(r, n + 1, Fn("IF", sheet.cell(r, 0, False).eq(""), "", a), "calc_int")
        sheet.put(r, n + 2, Fn("IF", sheet.cell(r, 0, False).eq(""), "", rr), "calc_int")
        sheet.put(r, n + 3, Fn("IF", sheet.cell(r, 0, False).eq(""), "",
                               Fn("IF", Fn("AND", a.eq(1), rr.ge(1)), L["raci.ok"],
                                  L["raci.bad"])), "calc")
    sheet.list_validation(top + 1, 1, last, n, "List_RACI")
    sheet.conditional(top + 1, n + 3, last, n + 3, type="cell", criteria="==",
                      value=f'"{L["raci.bad"]}"', format="red")
    book.define("Raci_Check", sheet.range(top + 1, n + 3, last, n + 3))
    sheet.freeze = (top + 1, 1)
