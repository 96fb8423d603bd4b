"""What every sheet builder gets: the plan, its labels, the book being built."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...i18n import Labels
from ...model import Plan
from ..book import Book, TableLayout

SPARE_ACTION_ROWS = 100
SPARE_MONTH_ROWS = 10


@dataclass
class BuildContext:
    plan: Plan
    labels: Labels
    book: Book
    # action id -> (plan month index, row on that month sheet), decided up front so
    # that the Actions sheet and the month sheets can refer to each other
    month_rows: dict[str, tuple[int, int]] = field(default_factory=dict)
    month_sheet_names: list[str] = field(default_factory=list)
    channel_rows: list[int] = field(default_factory=list)
    kpi_layout: object = None
    people_layout: object = None
    workstream_layout: object = None
    objective_layout: object = None
    budget_month_rows: tuple = (0, 0)
    # data rows of each table in the file being rebuilt, so that a rebuilt table is
    # never shorter than the one a person has been filling
    table_rows: dict[str, int] = field(default_factory=dict)

    def layout(self, sheet, name: str, top: int, keys: list[str], n_rows: int,
               left: int = 0, used: int = 0) -> TableLayout:
        """A table of ``n_rows`` rows, ``used`` of them filled; a table rebuilt from a
        file keeps the file's length while its records fit, so nothing below moves."""
        found = self.table_rows.get(name)
        rows = found if found is not None and found >= used else n_rows
        return TableLayout(sheet, name, top, keys, rows, left)

    @property
    def settings(self):
        return self.plan.settings

    def status_label(self, code: str) -> str:
        return self.labels.status(code)

    def quadrant_labels(self) -> dict[str, str]:
        return {k: self.labels["quadrant." + k]
                for k in ("quick_win", "major_project", "fill_in", "drop")}

    def rag_labels(self) -> dict[str, str]:
        return {k: self.labels["rag." + k] for k in ("green", "amber", "red", "none")}

    def month_status_cell(self, month_index: int, row: int):
        """The status cell of a scheduled action on its month sheet."""
        from ...formulas import Cell
        from .months import KEYS
        return Cell(self.month_sheet_names[month_index - 1], row, KEYS.index("status"))
