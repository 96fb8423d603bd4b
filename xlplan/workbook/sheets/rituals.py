"""Rituals: weekly points, monthly reviews, quarterly committees and all-hands, dated
by formulas from the plan's start and the ritual weekday in Settings."""
from __future__ import annotations

from ...formulas import Fn, Name
from ..book import PrintSetup
from .context import BuildContext

KEYS = ["date", "ritual", "minutes", "who", "format", "held"]
YEAR, START, DAY = Name("Set_Year"), Name("Set_StartMonth"), Name("Set_RitualDay")


def first_weekday_from(day):
    """The first ritual weekday on or after ``day``."""
    return day + Fn("MOD", DAY - Fn("WEEKDAY", day, 2), 7)


def last_weekday_of_month(month_index: int):
    """The last ritual weekday of plan month ``month_index``."""
    end = Fn("DATE", YEAR, START + month_index, 1) - 1
    return end - Fn("MOD", Fn("WEEKDAY", end, 2) - DAY, 7)


def schedule() -> list[tuple[str, int, object]]:
    """(kind, minutes, date expression) of every ritual of the year."""
    items = [("weekly", 30, first_weekday_from(Name("Set_PlanStart")) + 7 * k)
             for k in range(52)]
    items += [("monthly", 60, last_weekday_of_month(i)) for i in range(1, 13)]
    items += [("quarterly", 120, last_weekday_of_month(3 * q) - 7) for q in range(1, 5)]
    items += [("allhands", 15, first_weekday_from(Fn("DATE", YEAR, START + 3 * (q - 1), 1)) + 3)
              for q in range(1, 5)]
    return items


def build(ctx: BuildContext) -> None:
    L, book = ctx.labels, ctx.book
    sheet = book.add_sheet(L["sheet.rituals"], "rituals", tab_color="#7F7F7F",
                           printing=PrintSetup(landscape=True, repeat_rows=(2, 2)))
    sheet.widths.update(dict(zip(range(6), [13, 22, 9, 26, 70, 7])))
    sheet.put(0, 0, L["rituals.title"], "title")
    items = schedule()
    # order by date for the current settings; dates stay live if settings change
    values = book.evaluator()
    items.sort(key=lambda it: (it[2].ev(values), it[1]))
    lay = ctx.layout(sheet, "tblRituals", 2, KEYS, len(items))
    records = [{"date": expr, "ritual": L["ritual." + kind], "minutes": minutes,
                "who": L[f"ritual.{kind}.who"], "format": L[f"ritual.{kind}.format"],
                "held": None} for kind, minutes, expr in items]
    styles = {"date": "calc_date", "ritual": "calc", "minutes": "input_int", "who": "input",
              "format": "text", "held": "input"}
    book.table(lay, {k: L["rituals." + k] for k in KEYS}, records, styles)
    sheet.list_validation(lay.first, lay.col("held"), lay.last, lay.col("held"), "List_YesNo")
    book.define("Rit_Date", lay.column("date"))
    book.define("Rit_Type", lay.column("ritual"))
    sheet.freeze = (3, 0)
