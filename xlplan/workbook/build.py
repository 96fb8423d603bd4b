"""Lay out the whole workbook from a plan: one builder per sheet, in the sheets' order."""
from __future__ import annotations

from ..i18n import Labels
from ..model import Plan
from . import styles
from .book import Book
from .sheets import (actions, budget, dashboard, diagnostic, guide, kpis, months, objectives,
                     raci, record, review, risks, rituals, roadmap, settings, workstreams)
from .sheets.context import BuildContext


def build_book(plan: Plan, table_rows: dict[str, int] | None = None,
               sheet_names: dict[str, str] | None = None) -> Book:
    """Lay out the workbook; ``table_rows`` keeps tables at least as long as in a file
    being rebuilt, and ``sheet_names`` (role -> name) the names people gave its sheets
    (see ``xlplan.repair``)."""
    s = plan.settings
    book = Book(styles=styles.styles(s.currency, s.language),
                properties={"title": f"{s.company} — digital roadmap {s.year}",
                            "company": s.company, "xlplan_language": s.language},
                sheet_names=dict(sheet_names or {}))
    L = Labels(s.language)
    # "&" is a code in headers: a company "Durand & Fils" prints as typed
    book.page_header = (f"&L{s.company.replace('&', '&&')}&C&A"
                        f"&R{L['print.header'].format(year=s.year)}")
    book.page_footer = "&C" + L["print.page"]
    ctx = BuildContext(plan, L, book, table_rows=dict(table_rows or {}))
    months.plan(ctx)
    guide.build(ctx)
    settings.build(ctx)
    diagnostic.build(ctx)
    objectives.build(ctx)
    kpis.build(ctx)
    workstreams.build(ctx)
    actions_layout = actions.build(ctx)
    for index in range(1, 13):
        months.build(ctx, index, actions_layout)
    roadmap.build(ctx)
    budget.build(ctx)
    risks.build(ctx)
    raci.build(ctx)
    rituals.build(ctx)
    dashboard.build(ctx)
    review.build(ctx)
    record.build(ctx)
    book.month_rows = ctx.month_rows
    return book
