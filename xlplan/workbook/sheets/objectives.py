"""Objectives: OKRs, each linked to a KPI whose progress and status it shows."""
from __future__ import annotations

from ...formulas import Fn, Name
from ..book import PrintSetup
from .context import BuildContext

KEYS = ["id", "objective", "kr", "quarter", "kpi", "progress", "status"]


def lookup_kpi(kpi_cell, column: str):
    """A KPI's value by name: a MATCH over the short KPI list, blank if not found."""
    return Fn("IF", kpi_cell.eq(""), "",
              Fn("IFERROR", Fn("INDEX", Name(column), Fn("MATCH", kpi_cell, Name("Kpi_Name"), 0)),
                 ""))


def build(ctx: BuildContext) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.objectives"], "objectives", tab_color="#548235",
                           printing=PrintSetup(landscape=True, repeat_rows=(3, 3)))
    lay = ctx.layout(sheet, "tblObjectives", 3, KEYS, max(len(plan.objectives) + 4, 8),
                     used=len(plan.objectives))
    sheet.widths.update(dict(zip(range(7), [5, 48, 36, 9, 30, 12, 12])))
    sheet.put(0, 0, L["obj.title"], "title")
    formulas = {"progress": lambda r: lookup_kpi(lay.at("kpi", r), "Kpi_Progress"),
                "status": lambda r: lookup_kpi(lay.at("kpi", r), "Kpi_Status")}
    records = [{"id": o.id, "objective": o.objective, "kr": o.key_result,
                "quarter": o.quarter, "kpi": o.kpi, **formulas} for o in plan.objectives]
    while len(records) < lay.last - lay.first + 1:
        records.append(dict(formulas))
    headers = {"id": L["obj.id"], "objective": L["obj.objective"], "kr": L["obj.kr"],
               "quarter": L["obj.quarter"], "kpi": L["obj.kpi"],
               "progress": L["obj.progress"], "status": L["obj.status"]}
    styles = {k: "input" for k in KEYS}
    styles.update({"progress": "calc_pct", "status": "calc"})
    book.table(lay, headers, records, styles)
    sheet.list_validation(lay.first, lay.col("quarter"), lay.last, lay.col("quarter"),
                          "List_Quarters")
    sheet.list_validation(lay.first, lay.col("kpi"), lay.last, lay.col("kpi"), "List_KPIs")
    book.define("Obj_Objective", lay.column("objective"))
    book.define("Obj_Progress", lay.column("progress"))
    book.define("Obj_Kpi", lay.column("kpi"))
    ctx.objective_layout = lay
