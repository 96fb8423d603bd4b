"""Settings: the plan's parameters, people, channels, moments and the dropdown lists."""
from __future__ import annotations

from ...formulas import Fn, Name
from ...model import BUCKETS, KPI_GROUPS, QUADRANTS, ROLES, STATUSES
from ..book import PrintSetup
from .context import BuildContext

PEOPLE_COL = 7
MOMENTS_COL = PEOPLE_COL + 5
DEBTS = ("channel", "technical", "content", "reputation", "data")

# (label key, name, model attribute or formula, style)
GENERAL = [
    ("company", "Set_Company", "company", "input"),
    ("year", "Set_Year", "year", "input_int"),
    ("start_month", "Set_StartMonth", "start_month", "input_int"),
    ("language", "Set_Language", "language", "calc"),
    ("currency", "Set_Currency", "currency", "input"),
    ("maturity", "Set_Maturity", "maturity", "input"),
    ("business_model", "Set_BusinessModel", "business_model", "input"),
    ("annual_budget", "Set_Budget", "annual_budget", "input_money"),
    ("hours_per_week", "Set_HoursWeek", "hours_per_week", "input_num"),
    ("capacity", "Set_Capacity", None, "calc_num"),
    ("wip_limit", "Set_WipLimit", "wip_limit", "input_int"),
    ("ritual_weekday", "Set_RitualDay", "ritual_weekday", "input_int"),
    ("plan_start", "Set_PlanStart", None, "calc_date"),
    ("plan_end", "Set_PlanEnd", None, "calc_date"),
    ("as_of", "Set_AsOf", "as_of", "input_date"),
    ("current_month", "Set_CurrentMonth", None, "calc_int"),
]
SCORING = [
    ("weight_impact", "Set_WImpact", "weight_impact", "input_num"),
    ("weight_effort", "Set_WEffort", "weight_effort", "input_num"),
    ("weight_risk", "Set_WRisk", "weight_risk", "input_num"),
    ("dependency_penalty", "Set_DepPenalty", "dependency_penalty", "input_num"),
    ("impact_high", "Set_ImpactHigh", "impact_high", "input_int"),
    ("effort_high", "Set_EffortHigh", "effort_high", "input_int"),
]
THRESHOLDS = [
    ("channel_limit", "Set_ChannelLimit", "channel_limit", "input_pct"),
    ("innovation_reserve", "Set_Reserve", "innovation_reserve", "input_pct"),
    ("ws_min", "Set_WsMin", 6, "input_int"), ("ws_max", "Set_WsMax", 10, "input_int"),
    ("kpi_min", "Set_KpiMin", 12, "input_int"), ("kpi_max", "Set_KpiMax", 20, "input_int"),
]


def build(ctx: BuildContext) -> None:
    L, s, book = ctx.labels, ctx.settings, ctx.book
    sheet = book.add_sheet(L["sheet.settings"], "settings", tab_color="#7F7F7F",
                           # the dropdowns' lists, right of the moments, are not printed
                           printing=PrintSetup(landscape=True, last_col=MOMENTS_COL + 1))
    sheet.widths.update({0: 42, 1: 18, 2: 3})
    sheet.put(0, 0, L["settings.title"], "title")
    row = 2
    for title, block in (("settings.general", GENERAL), ("settings.scoring", SCORING),
                         ("settings.thresholds", THRESHOLDS)):
        sheet.put(row, 0, L[title], "subtitle")
        row += 1
        for key, name, source, style in block:
            sheet.put(row, 0, L["settings." + key], "label")
            if source is None:
                value = None
            elif isinstance(source, str):
                value = getattr(s, source)
            else:
                value = source
            sheet.put(row, 1, value, style)
            book.define(name, sheet.cell(row, 1))
            row += 1
        row += 1
    year, start = Name("Set_Year"), Name("Set_StartMonth")
    _set_formula(sheet, book, "Set_Capacity", Fn("ROUND", Name("Set_HoursWeek") * 52 / 12, 1))
    _set_formula(sheet, book, "Set_PlanStart", Fn("DATE", year, start, 1))
    _set_formula(sheet, book, "Set_PlanEnd", Fn("DATE", year, start + 12, 1) - 1)
    # the plan month of the as-of date: months before it are closed (13: the year is over)
    as_of = Name("Set_AsOf")
    index = (Fn("YEAR", as_of) - year) * 12 + Fn("MONTH", as_of) - start + 1
    _set_formula(sheet, book, "Set_CurrentMonth", Fn("IFERROR", Fn(
        "IF", as_of.eq(""), 1, Fn("MIN", 13, Fn("MAX", 1, index))), 1))
    sheet.whole_number(*_cell4(book, "Set_StartMonth"), 1, 12)
    sheet.whole_number(*_cell4(book, "Set_Year"), 1901, 9998)
    sheet.whole_number(*_cell4(book, "Set_RitualDay"), 1, 7)
    sheet.validate(*_cell4(book, "Set_Maturity"), validate="list",
                   source=["beginner", "intermediate", "mature"])

    _plan_months(ctx, sheet)
    _people_channels_moments(ctx, sheet)
    _lists(ctx, sheet)


def _cell4(book, name):
    c = book.names[name]
    return c.row, c.col, c.row, c.col


def _set_formula(sheet, book, name, expr):
    c = book.names[name]
    style = sheet.cells[(c.row, c.col)][1]
    sheet.put(c.row, c.col, expr, style)


def _plan_months(ctx: BuildContext, sheet) -> None:
    """The 12 plan months in order from the start month: label and first day, live."""
    L, book = ctx.labels, ctx.book
    col = 3
    sheet.widths.update({col: 5, col + 1: 10, col + 2: 12})
    sheet.put(2, col, L["settings.months"], "subtitle")
    layout = ctx.layout(sheet, "tblPlanMonths", 3, ["idx", "label", "start"], 12, left=col)
    cal = Name("List_CalMonths")
    records = []
    for i in range(1, 13):
        records.append({
            "idx": i,
            "label": Fn("INDEX", cal, Fn("MOD", Name("Set_StartMonth") - 1 + (i - 1), 12) + 1),
            "start": Fn("DATE", Name("Set_Year"), Name("Set_StartMonth") + (i - 1), 1),
        })
    book.table(layout, {"idx": L["col.index"], "label": L["col.month"],
                        "start": L["col.start"]}, records,
               {"idx": "calc_int", "label": "calc", "start": "calc_month"})
    book.define("List_Months", layout.column("label"))
    book.define("List_MonthStarts", layout.column("start"))
    for i in range(12):
        book.define(f"Month{i + 1:02d}_Label", layout.at("label", layout.row(i), True))
        book.define(f"Month{i + 1:02d}_Start", layout.at("start", layout.row(i), True))
    # the first day after the plan, used as the end bound of month 12
    sheet.put(layout.last + 1, col + 2, Fn("DATE", Name("Set_Year"),
                                          Name("Set_StartMonth") + 12, 1), "calc_month")
    book.define("Month13_Start", sheet.cell(layout.last + 1, col + 2))


def _people_channels_moments(ctx: BuildContext, sheet) -> None:
    L, book, plan = ctx.labels, ctx.book, ctx.plan
    col = PEOPLE_COL
    sheet.widths.update({col: 20, col + 1: 12, col + 2: 3, col + 3: 16, col + 4: 3,
                         col + 5: 22, col + 6: 8})
    sheet.put(2, col, L["settings.people"], "subtitle")
    people = ctx.layout(sheet, "tblPeople", 3, ["name", "role"], len(plan.people) + 6,
                        left=col, used=len(plan.people))
    ctx.people_layout = people
    book.table(people, {"name": L["col.name"], "role": L["col.role"]},
               [{"name": p.name, "role": L.label("role.", p.role)} for p in plan.people],
               {"name": "input", "role": "input"})
    book.define("List_People", people.column("name"))
    sheet.list_validation(people.first, people.col("role"), people.last, people.col("role"),
                          "List_Roles")

    sheet.put(2, col + 3, L["settings.channels"], "subtitle")
    channels = ctx.layout(sheet, "tblChannels", 3, ["channel"], len(plan.channels) + 4,
                          left=col + 3, used=len(plan.channels))
    book.table(channels, {"channel": L["col.channel"]},
               [{"channel": c} for c in plan.channels], {"channel": "input"})
    book.define("List_Channels", channels.column("channel"))
    ctx.channel_rows = list(channels.rows)

    sheet.put(2, MOMENTS_COL, L["settings.moments"], "subtitle")
    moments = ctx.layout(sheet, "tblMoments", 3, ["moment", "month"], len(plan.moments) + 4,
                         left=MOMENTS_COL, used=len(plan.moments))
    book.table(moments, {"moment": L["col.moment"], "month": L["col.month"]},
               [{"moment": m.name, "month": L.months()[m.month - 1]} for m in plan.moments],
               {"moment": "input", "month": "input"})
    book.define("List_Moments", moments.column("moment"))
    sheet.list_validation(moments.first, moments.col("month"), moments.last,
                          moments.col("month"), "List_CalMonths")


def _lists(ctx: BuildContext, sheet) -> None:
    """Fixed vocabularies for dropdowns; xlplan owns them (sync restores them)."""
    L, book = ctx.labels, ctx.book
    lists = [
        ("List_CalMonths", L["col.month"], L.months()),
        ("List_CalMonthsFull", L["col.month"], L["months_full"]),
        ("List_Status", L["col.status"], [L.status(k) for k in STATUSES]),
        ("List_Quadrant", L["col.quadrant"], [L["quadrant." + k] for k in QUADRANTS]),
        ("List_Bucket", L["col.bucket"], [L["bucket." + k] for k in BUCKETS]),
        ("List_Scores", L["col.score"], [1, 2, 3, 4, 5]),
        ("List_YesNo", L["col.yesno"], [L["yes"], L["no"]]),
        ("List_RACI", L["col.raci"], ["R", "A", "C", "I"]),
        ("List_Groups", L["col.group"], [L["group." + k] for k in KPI_GROUPS]),
        ("List_Direction", L["col.direction"], [L["direction.up"], L["direction.down"]]),
        ("List_Roles", L["col.role"], [L["role." + k] for k in ROLES]),
        ("List_Debts", L["risks.category"], [L["debt." + k] for k in DEBTS]),
        ("List_RiskStatus", L["risks.status"], [L["risk.open"], L["risk.closed"]]),
        ("List_Quarters", "Q", ["Q1", "Q2", "Q3", "Q4"]),
        ("List_RAG", L["col.rag"], [L["rag.green"], L["rag.amber"], L["rag.red"],
                                    L["rag.none"]]),
    ]
    col = 15
    sheet.put(2, col, L["settings.lists"], "subtitle")
    for i, (name, header, items) in enumerate(lists):
        c = col + i
        sheet.widths[c] = 14
        sheet.put(3, c, header, "label")
        for j, item in enumerate(items):
            sheet.put(4 + j, c, item, "calc")
        book.define(name, sheet.range(4, c, 4 + len(items) - 1, c))
