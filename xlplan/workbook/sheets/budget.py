"""Budget: split by bucket, innovation reserve, plan vs spend by month and by channel."""
from __future__ import annotations

from ...formulas import Cell, Const, Fn, Name
from ...model import BUCKETS
from .context import BuildContext


def spent_where(key: str, value) -> object:
    """Spend typed on all twelve month sheets where column ``key`` equals ``value``."""
    terms = [Fn("SUMIFS", Name(f"Mon{i:02d}_Spend"), Name(f"Mon{i:02d}_{key}"), value)
             for i in range(1, 13)]
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    return total


def build(ctx: BuildContext) -> None:
    L, book, plan, s = ctx.labels, ctx.book, ctx.plan, ctx.settings
    sheet = book.add_sheet(L["sheet.budget"], "budget", tab_color="#BF8F00")
    sheet.widths.update(dict(zip(range(8), [30, 12, 13, 13, 13, 13, 13, 10])))
    sheet.put(0, 0, L["budget.title"], "title")
    annual = Name("Set_Budget")

    # 1. split by bucket
    top = 2
    for i, key in enumerate(["bucket", "share", "amount", "planned", "actual", "variance"]):
        sheet.put(top, i, L["budget." + key], "header")
    for j, bucket in enumerate(BUCKETS):
        r = top + 1 + j
        label = L["bucket." + bucket]
        sheet.put(r, 0, label, "calc")
        sheet.put(r, 1, s.budget_split[j], "input_pct")
        sheet.put(r, 2, sheet.cell(r, 1, False) * annual, "calc_money")
        sheet.put(r, 3, Fn("SUMIFS", Name("Act_Cost"), Name("Act_Bucket"), label), "calc_money")
        sheet.put(r, 4, spent_where("Bucket", label), "calc_money")
        sheet.put(r, 5, sheet.cell(r, 2, False) - sheet.cell(r, 4, False), "calc_money")
    total = top + 1 + len(BUCKETS)
    sheet.put(total, 0, L["budget.total"], "label")
    for c, style in ((1, "calc_pct"), (2, "calc_bold_money"), (3, "calc_bold_money"),
                     (4, "calc_bold_money"), (5, "calc_bold_money")):
        sheet.put(total, c, Fn("SUM", sheet.range(top + 1, c, total - 1, c)), style)
    book.define("Bud_SplitTotal", sheet.cell(total, 1))
    book.define("Bud_Shares", sheet.range(top + 1, 1, total - 1, 1))
    sheet.put(total + 1, 0, L["budget.reserve"], "text")
    sheet.put(total + 1, 1, Name("Set_Reserve"), "calc_pct")
    sheet.put(total + 1, 2, Name("Set_Reserve") * annual, "calc_money")
    sheet.put(total + 2, 0, L["budget.split_check"], "note")
    sheet.put(total + 2, 1, Fn("IF", Fn("ROUND", Fn("SUM", sheet.range(top + 1, 1, total - 1, 1)),
                                        4).eq(1), L["raci.ok"], L["rag.red"]), "calc")
    sheet.conditional(total + 2, 1, total + 2, 1, type="cell", criteria="==",
                      value=f'"{L["rag.red"]}"', format="red")

    # 2. by month
    top = total + 5
    sheet.put(top - 1, 0, L["budget.by_month"], "subtitle")
    heads = ["month", "budget", "planned", "actual", "variance", "cumulative"]
    for i, key in enumerate(heads):
        sheet.put(top, i, L["budget." + key], "header")
    sheet.put(top, 6, L["dash.flag"], "header")
    first = top + 1
    for i in range(1, 13):
        r = top + i
        sheet.put(r, 0, Name(f"Month{i:02d}_Start"), "calc_month")
        sheet.put(r, 1, Fn("ROUND", annual / 12, 2), "calc_money")
        sheet.put(r, 2, Fn("SUMIFS", Name("Act_Cost"), Name("Act_Month"),
                           Name(f"Month{i:02d}_Label")), "calc_money")
        sheet.put(r, 3, Fn("SUM", Name(f"Mon{i:02d}_Spend")), "calc_money")
        sheet.put(r, 4, sheet.cell(r, 1, False) - sheet.cell(r, 3, False), "calc_money")
        sheet.put(r, 5, Fn("SUM", sheet.range(first, 3, r, 3)), "calc_money")
        sheet.put(r, 6, Fn("IF", sheet.cell(r, 3, False).gt(sheet.cell(r, 1, False)), 1, 0),
                  "calc_int")
    last = top + 12
    book.define("Bud_MonthLabels", sheet.range(first, 0, last, 0))
    book.define("Bud_MonthPlanned", sheet.range(first, 2, last, 2))
    book.define("Bud_MonthSpent", sheet.range(first, 3, last, 3))
    book.define("Bud_MonthOver", sheet.range(first, 6, last, 6))
    sheet.conditional(first, 6, last, 6, type="cell", criteria="==", value=1, format="red")
    ctx.budget_month_rows = (first, last)

    # 3. by channel: spend and results, the basis of the channel-dependency alert
    top = last + 3
    sheet.put(top - 1, 0, L["budget.by_channel"], "subtitle")
    heads = ["channel", "planned", "actual", "results", "results_share", "cost_per_result"]
    for i, key in enumerate(heads):
        sheet.put(top, i, L["budget." + key], "header")
    channel_col = book.names["List_Channels"]
    rows = ctx.channel_rows
    first = top + 1
    for j, src in enumerate(rows):
        r = first + j
        ch = sheet.cell(r, 0, False)
        sheet.put(r, 0, Const("").concat(Cell(channel_col.sheet, src, channel_col.c1)), "calc")
        blank = ch.eq("")
        sheet.put(r, 1, Fn("IF", blank, "", Fn("SUMIFS", Name("Act_Cost"), Name("Act_Channel"), ch)),
                  "calc_money")
        sheet.put(r, 2, Fn("IF", blank, "", spent_where("Channel", ch)), "calc_money")
        sheet.put(r, 3, None, "input_num")
        results = sheet.range(first, 3, first + len(rows) - 1, 3)
        res = sheet.cell(r, 3, False)
        sheet.put(r, 4, Fn("IF", Fn("OR", res.eq(""), Fn("SUM", results).eq(0)), "",
                           res / Fn("SUM", results)), "calc_pct")
        sheet.put(r, 5, Fn("IF", Fn("OR", res.eq(""), res.eq(0)), "",
                           sheet.cell(r, 2, False) / res), "calc_money")
    last = first + len(rows) - 1
    book.define("Bud_ResultsShare", sheet.range(first, 4, last, 4))
    sheet.conditional(first, 4, last, 4, type="cell", criteria=">", value="Set_ChannelLimit",
                      format="red")
