"""Guide: where to start, the routine, the button and macros, the method in six steps,
the colour legend and what each sheet is for. Written for the manager: no command line."""
from __future__ import annotations

from ..book import PrintSetup
from .context import BuildContext

# the sheets the Guide describes, in the workbook's order; "months" stands for the 12
SHEETS = ("settings", "diagnostic", "objectives", "kpis", "workstreams", "actions",
          "months", "roadmap", "budget", "risks", "raci", "rituals", "dashboard", "review")
ROUTINE = ("weekly", "monthly", "quarterly")
BUTTON = (("guide.button.what", "guide.button.text"), ("guide.enable.when", "guide.enable"),
          ("guide.unblock.when", "guide.unblock"), ("guide.nomacros.when", "guide.nomacros"))
LEGEND = (("guide.input", "legend_input"), ("guide.formula", "legend_formula"),
          ("guide.green", "legend_green"), ("guide.amber", "legend_amber"),
          ("guide.red", "legend_red"))


def build(ctx: BuildContext) -> None:
    L, book, s = ctx.labels, ctx.book, ctx.settings
    sheet = book.add_sheet(L["sheet.guide"], "guide", tab_color="#1F4E79",
                           printing=PrintSetup(landscape=True))
    sheet.widths.update({0: 3, 1: 36, 2: 94})
    sheet.put(0, 1, f"{s.company} — {L['guide.title']}", "title")
    sheet.merges.append((2, 1, 2, 2, L["guide.intro"], "text"))
    r = 3

    def section(title: str) -> int:
        sheet.put(r + 1, 1, L[title], "subtitle")
        return r + 1

    def paragraphs(keys) -> int:
        row = r
        for key in keys:
            row += 1
            sheet.merges.append((row, 1, row, 2, L[key], "text"))
        return row

    def pairs(rows) -> int:
        row = r
        for label, text in rows:
            row += 1
            sheet.put(row, 1, label, "label")
            sheet.put(row, 2, text, "text")
        return row + 1

    r = section("guide.start")
    r = paragraphs(f"guide.start{i}" for i in range(1, 5)) + 1
    r = section("guide.routine")
    r = pairs((L[f"guide.{k}.when"], L[f"guide.{k}"]) for k in ROUTINE)
    r = section("guide.button")
    r = pairs((L[label], L[text]) for label, text in BUTTON)
    r = section("guide.steps")
    r = paragraphs(f"guide.step{i}" for i in range(1, 7)) + 1
    r = section("guide.legend")
    for key, style in LEGEND:
        r += 1
        sheet.put(r, 1, L[key], style)
    r += 1
    r = section("guide.sheets")
    months = ctx.month_sheet_names
    r = pairs((f"{months[0]} … {months[-1]}" if role == "months" else L["sheet." + role],
               L["guide.for." + role]) for role in SHEETS)
    sheet.merges.append((r + 1, 1, r + 1, 2, L["guide.tip"], "text"))
