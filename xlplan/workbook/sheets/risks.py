"""Risks: the register, pre-filled with the five digital debts."""
from __future__ import annotations

from ...formulas import Fn
from ..book import PrintSetup
from .context import BuildContext

KEYS = ["id", "risk", "category", "probability", "impact", "criticality", "mitigation",
        "owner", "review", "status"]


def build(ctx: BuildContext) -> None:
    L, book, plan, s = ctx.labels, ctx.book, ctx.plan, ctx.settings
    sheet = book.add_sheet(L["sheet.risks"], "risks", tab_color="#C00000",
                           printing=PrintSetup(landscape=True, repeat_rows=(2, 2)))
    sheet.widths.update(dict(zip(range(10), [5, 40, 24, 10, 8, 10, 46, 16, 13, 9])))
    sheet.put(0, 0, L["risks.title"], "title")
    lay = ctx.layout(sheet, "tblRisks", 2, KEYS, len(plan.risks) + 10,
                     used=len(plan.risks))

    def criticality(r):
        p, i = lay.at("probability", r), lay.at("impact", r)
        return Fn("IF", Fn("OR", p.eq(""), i.eq("")), "", p * i)

    records = []
    for k in plan.risks:
        records.append({"id": k.id, "risk": k.title, "category": L.label("debt.", k.category),
                        "probability": k.probability, "impact": k.impact,
                        "mitigation": k.mitigation, "owner": k.owner,
                        "review": k.review_date(s), "status": L.label("risk.", k.status)})
    for rec in records:
        rec["criticality"] = criticality
    while len(records) < lay.last - lay.first + 1:
        records.append({"criticality": criticality})
    styles = {k: "input" for k in KEYS}
    styles.update({"probability": "input_int", "impact": "input_int",
                   "criticality": "calc_int", "review": "input_date"})
    book.table(lay, {k: L["risks." + k] for k in KEYS}, records, styles)
    f, e = lay.first, lay.last
    for key in ("probability", "impact"):
        sheet.whole_number(f, lay.col(key), e, lay.col(key), 1, 5)
    for key, source in (("category", "List_Debts"), ("owner", "List_People"),
                        ("status", "List_RiskStatus")):
        sheet.list_validation(f, lay.col(key), e, lay.col(key), source)
    c = lay.col("criticality")
    sheet.conditional(f, c, e, c, type="cell", criteria=">=", value=12, format="red")
    sheet.conditional(f, c, e, c, type="cell", criteria="between", minimum=6, maximum=11,
                      format="amber")
