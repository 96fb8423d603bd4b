"""Guide: how to use the workbook, the method in six steps, the colour legend."""
from __future__ import annotations

from ..book import PrintSetup
from .context import BuildContext

# sheet -> the label that describes it
SHEETS = {"settings": "settings.general", "diagnostic": "diag.title",
          "objectives": "obj.title", "kpis": "kpis.title", "workstreams": "ws.title",
          "actions": "actions.title", "roadmap": "roadmap.title", "budget": "budget.title",
          "risks": "risks.title", "raci": "raci.title", "rituals": "rituals.title",
          "dashboard": "dash.alerts", "review": "review.title"}


def build(ctx: BuildContext) -> None:
    L, book, s = ctx.labels, ctx.book, ctx.settings
    sheet = book.add_sheet(L["sheet.guide"], "guide", tab_color="#1F4E79",
                           printing=PrintSetup(landscape=True))
    sheet.widths.update({0: 4, 1: 36, 2: 90})
    sheet.put(0, 1, f"{s.company} — {L['guide.title']}", "title")
    sheet.merges.append((2, 1, 2, 2, L["guide.intro"], "text"))
    r = 4
    sheet.put(r, 1, L["guide.steps"], "subtitle")
    for i in range(1, 7):
        r += 1
        sheet.merges.append((r, 1, r, 2, L[f"guide.step{i}"], "text"))
    r += 2
    sheet.put(r, 1, L["guide.legend"], "subtitle")
    for key, style in (("guide.input", "legend_input"), ("guide.formula", "legend_formula"),
                       ("guide.green", "legend_green"), ("guide.amber", "legend_amber"),
                       ("guide.red", "legend_red")):
        r += 1
        sheet.put(r, 1, L[key], style)
    r += 2
    sheet.put(r, 1, L["guide.sheets"], "subtitle")
    for key, title in SHEETS.items():
        r += 1
        sheet.put(r, 1, L["sheet." + key], "label")
        sheet.put(r, 2, L[title], "text")
    r += 2
    sheet.merges.append((r, 1, r, 2, L["guide.tip"], "note"))
