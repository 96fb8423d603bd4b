"""KPIs: 12 to 20 metrics with baseline, target, monthly actuals, progress and RAG."""
from __future__ import annotations

from ...formulas import Fn, Name, domain
from ..book import PrintSetup
from .context import BuildContext

MONTH_KEYS = [f"m{i:02d}" for i in range(1, 13)]
KEYS = ["id", "name", "group", "unit", "direction", "baseline", "target", *MONTH_KEYS,
        "last", "months", "progress", "status"]
TABLE_TOP = 4


def build(ctx: BuildContext) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.kpis"], "kpis", tab_color="#548235",
                           printing=PrintSetup(landscape=True,
                                               repeat_rows=(TABLE_TOP - 1, TABLE_TOP)))
    lay = ctx.layout(sheet, "tblKPIs", TABLE_TOP, KEYS, max(len(plan.kpis) + 5, 20),
                     used=len(plan.kpis))
    sheet.widths.update({0: 5, 1: 34, 2: 15, 3: 6, 4: 9, 5: 10, 6: 10})
    for key in MONTH_KEYS:
        sheet.widths[lay.col(key)] = 9
    sheet.widths.update({lay.col("last"): 10, lay.col("months"): 9,
                         lay.col("progress"): 10, lay.col("status"): 12})
    sheet.put(0, 0, L["kpis.title"], "title")
    sheet.put(1, 0, L["kpis.note"], "note")
    # table headers are fixed text; the live month names sit just above them
    for i, key in enumerate(MONTH_KEYS):
        sheet.put(TABLE_TOP - 1, lay.col(key), Name(f"Month{i + 1:02d}_Start"), "calc_month")
    months = ctx.labels.months()
    rag = ctx.rag_labels()

    def actuals(r):
        return [lay.at(k, r) for k in MONTH_KEYS]

    def last(r):
        return domain.last_actual(actuals(r))

    def reported(r):
        return domain.months_reported(actuals(r))

    def progress(r):
        return domain.kpi_progress(lay.at("last", r), lay.at("baseline", r),
                                   lay.at("target", r))

    def status(r):
        return Fn("IF", lay.at("name", r).eq(""), "",
                  domain.kpi_status(lay.at("progress", r), lay.at("months", r), rag))

    records = []
    for k in plan.kpis:
        rec = {"id": k.id, "name": k.name, "group": L.label("group.", k.group), "unit": k.unit,
               "direction": L.label("direction.", k.direction), "baseline": k.baseline,
               "target": k.target}
        rec.update({key: v for key, v in zip(MONTH_KEYS, k.actuals)})
        records.append(rec)
    formulas = {"last": last, "months": reported, "progress": progress, "status": status}
    for rec in records:
        rec.update(formulas)
    while len(records) < lay.last - lay.first + 1:
        records.append(dict(formulas))
    headers = {k: L["kpis." + k] for k in KEYS if not k.startswith("m") or k == "months"}
    start = ctx.settings.start_month
    headers.update({key: months[(start - 1 + i) % 12] for i, key in enumerate(MONTH_KEYS)})
    styles = {k: "input_kpi" for k in KEYS}
    styles.update({"id": "input", "name": "input", "group": "input", "unit": "input",
                   "direction": "input", "last": "calc_kpi", "months": "calc_int",
                   "progress": "calc_pct", "status": "calc"})
    book.table(lay, headers, records, styles)
    f, e = lay.first, lay.last
    sheet.list_validation(f, lay.col("group"), e, lay.col("group"), "List_Groups")
    sheet.list_validation(f, lay.col("direction"), e, lay.col("direction"), "List_Direction")
    c = lay.col("status")
    for code in ("green", "amber", "red"):
        sheet.conditional(f, c, e, c, type="cell", criteria="==", value=f'"{rag[code]}"',
                          format=code)
    book.define("Kpi_Name", lay.column("name"))
    book.define("List_KPIs", lay.column("name"))
    book.define("Kpi_Progress", lay.column("progress"))
    book.define("Kpi_Status", lay.column("status"))
    book.define("Kpi_Target", lay.column("target"))
    book.define("Kpi_Last", lay.column("last"))
    ctx.kpi_layout = lay
    sheet.freeze = (TABLE_TOP + 1, 2)
