"""The record of last year, written by xlplan rollover: plain values in titled tables,
and the review's questions with room for the answers."""
from __future__ import annotations

from ..book import PrintSetup
from .context import BuildContext

TOP = 3
BLOCKS = ("objectives", "kpis", "by_month", "by_workstream", "channels", "done",
          "abandoned", "carried", "questions")
STYLES = {"progress": "calc_pct", "baseline": "calc_kpi", "target": "calc_kpi",
          "last": "calc_kpi", "new_baseline": "calc_kpi", "proposal": "calc_kpi",
          "results": "calc_kpi", "per_euro": "calc_kpi", "share": "calc_pct", "planned": "calc_int",
          "delivered": "calc_int", "times": "calc_int", "cost": "calc_money",
          "spent": "calc_money", "answer": "input"}


def build(ctx: BuildContext) -> None:
    record = ctx.plan.record
    if record is None:
        return
    L, book = ctx.labels, ctx.book
    sheet = book.add_sheet(L["sheet.record"].format(year=record.year), "record",
                           tab_color="#7F7F7F", printing=PrintSetup(landscape=True))
    sheet.widths.update({0: 36, 1: 40, 2: 16, 3: 14, 4: 14, 5: 12, 6: 14, 7: 14, 8: 60})
    sheet.put(0, 0, L["record.title"].format(year=record.year), "title")
    sheet.put(1, 0, L["record.note"], "note")
    r = TOP
    for block in record.blocks:
        sheet.put(r, 0, L["record." + block.key], "subtitle")
        for c, key in enumerate(block.columns):
            sheet.put(r + 1, c, L["record." + key], "header")
        for i, row in enumerate(block.rows):
            for c, key in enumerate(block.columns):
                value = row[c] if c < len(row) else None
                sheet.put(r + 2 + i, c, None if value == "" else value,
                          STYLES.get(key, "calc"))
        r += 2 + len(block.rows) + 1
