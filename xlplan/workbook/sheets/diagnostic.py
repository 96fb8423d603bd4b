"""Diagnostic: the baseline on the four axes and the audit checklist."""
from __future__ import annotations

from ..book import PrintSetup
from .context import BuildContext

KEYS = ["axis", "metric", "example", "baseline", "unit", "source"]
AUDIT_KEYS = ["area", "item", "done", "finding"]


def build(ctx: BuildContext) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    sheet = book.add_sheet(L["sheet.diagnostic"], "diagnostic", tab_color="#548235",
                           printing=PrintSetup(landscape=True))
    sheet.widths.update(dict(zip(range(6), [16, 40, 44, 12, 8, 24])))
    sheet.put(0, 0, L["diag.title"], "title")
    lay = ctx.layout(sheet, "tblDiagnostic", 2, KEYS, len(plan.diagnostic) + 6,
                     used=len(plan.diagnostic))
    records = [{"axis": L.label("axis.", d.axis), "metric": d.metric, "example": d.example or None,
                "baseline": d.baseline, "unit": d.unit} for d in plan.diagnostic]
    headers = {k: L["diag." + k] for k in KEYS}
    styles = {k: "input" for k in KEYS}
    styles.update({"baseline": "input_kpi", "example": "text"})
    book.table(lay, headers, records, styles)
    top = lay.last + 3
    sheet.put(top - 1, 0, L["diag.audit"], "subtitle")
    audit = ctx.layout(sheet, "tblAudit", top, AUDIT_KEYS, len(plan.audit) + 4,
                       used=len(plan.audit))
    book.table(audit, {k: L["diag." + k] for k in AUDIT_KEYS},
               [{"area": L.label("area.", a.area), "item": a.item, "done": L["no"]}
                for a in plan.audit], {k: "input" for k in AUDIT_KEYS})
    sheet.list_validation(audit.first, audit.col("done"), audit.last, audit.col("done"),
                          "List_YesNo")
