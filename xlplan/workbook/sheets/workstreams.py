"""Workstreams: the 6 to 10 chantiers, with their planned cost and delivery counts."""
from __future__ import annotations

from ...formulas import Fn, Name
from ..book import PrintSetup
from .context import BuildContext

KEYS = ["id", "name", "owner", "scope", "deliverables", "success", "start", "end", "budget",
        "planned", "actions", "done"]


def build(ctx: BuildContext) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.workstreams"], "workstreams", tab_color="#7030A0",
                           printing=PrintSetup(landscape=True, repeat_rows=(3, 3)))
    lay = ctx.layout(sheet, "tblWorkstreams", 3, KEYS, max(len(plan.workstreams) + 2, 10),
                     used=len(plan.workstreams))
    sheet.widths.update(dict(zip(range(12), [5, 26, 15, 32, 32, 28, 9, 9, 11, 11, 8, 8])))
    sheet.put(0, 0, L["ws.title"], "title")
    months = ctx.labels.months()
    done = ctx.status_label("done")

    def month(i):
        return months[ctx.settings.plan_month(i)[1] - 1]

    def planned(r):
        return Fn("IF", lay.at("name", r).eq(""), "",
                  Fn("SUMIFS", Name("Act_Cost"), Name("Act_Workstream"), lay.at("name", r)))

    def count(r):
        return Fn("IF", lay.at("name", r).eq(""), "",
                  Fn("COUNTIFS", Name("Act_Workstream"), lay.at("name", r)))

    def delivered(r):
        return Fn("IF", lay.at("name", r).eq(""), "",
                  Fn("COUNTIFS", Name("Act_Workstream"), lay.at("name", r),
                     Name("Act_Status"), done))

    formulas = {"planned": planned, "actions": count, "done": delivered}
    records = [{"id": w.id, "name": w.name, "owner": w.owner, "scope": w.scope or None,
                "deliverables": w.deliverables or None, "success": w.success or None,
                "start": month(w.start), "end": month(w.end), "budget": w.budget, **formulas}
               for w in plan.workstreams]
    while len(records) < lay.last - lay.first + 1:
        records.append(dict(formulas))
    headers = {k: L["ws." + k] for k in KEYS}
    styles = {k: "input" for k in KEYS}
    styles.update({"budget": "input_money", "planned": "calc_money", "actions": "calc_int",
                   "done": "calc_int"})
    book.table(lay, headers, records, styles)
    f, e = lay.first, lay.last
    sheet.list_validation(f, lay.col("owner"), e, lay.col("owner"), "List_People")
    for key in ("start", "end"):
        sheet.list_validation(f, lay.col(key), e, lay.col(key), "List_Months")
    book.define("List_Workstreams", lay.column("name"))
    book.define("Ws_Name", lay.column("name"))
    book.define("Ws_Owner", lay.column("owner"))
    ctx.workstream_layout = lay
    sheet.freeze = (4, 2)
