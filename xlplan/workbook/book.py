"""The workbook as xlplan lays it out, before it is written to a file.

Sheet builders place values and formula expressions here; formulas are evaluated
against this grid (their cached values), then ``render`` writes the file once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..formulas import Cell, EvalContext, Expr, Range

SCHEMA_VERSION = 1
ROLE_NAME_PREFIX = "xlplan_role_"


@dataclass(frozen=True)
class PrintSetup:
    """How a sheet prints. Every sheet is fitted to one page wide; ``one_page`` fits it
    to one page tall too. ``repeat_rows`` (first, last) are printed at the top of every
    page; ``last_row`` and ``last_col`` end the printed area (blank table rows, helper
    lists), None prints what is used."""
    landscape: bool = False
    one_page: bool = False
    repeat_rows: tuple[int, int] | None = None
    last_row: int | None = None
    last_col: int | None = None


@dataclass
class Sheet:
    name: str
    role: str
    cells: dict = field(default_factory=dict)  # (row, col) -> (value, style)
    widths: dict = field(default_factory=dict)
    freeze: tuple | None = None
    tables: list = field(default_factory=list)
    validations: list = field(default_factory=list)
    cond_formats: list = field(default_factory=list)
    charts: list = field(default_factory=list)
    merges: list = field(default_factory=list)
    heights: dict = field(default_factory=dict)  # row -> points, where text wraps
    printing: PrintSetup = PrintSetup()
    tab_color: str | None = None
    buttons: list = field(default_factory=list)  # (row, col, caption), run the macro
    comments: dict = field(default_factory=dict)  # (row, col) -> (text, author), people's

    def put(self, row: int, col: int, value: Any, style: str | None = None) -> None:
        self.cells[(row, col)] = (value, style)

    def cell(self, row: int, col: int, absolute: bool = True) -> Cell:
        return Cell(self.name, row, col, absolute)

    def range(self, r1: int, c1: int, r2: int, c2: int) -> Range:
        return Range(self.name, r1, c1, r2, c2)

    def validate(self, r1, c1, r2, c2, **options) -> None:
        self.validations.append(((r1, c1, r2, c2), options))

    def list_validation(self, r1, c1, r2, c2, source: str) -> None:
        """A dropdown whose items are read from a range (by its defined name)."""
        self.validate(r1, c1, r2, c2, validate="list", source="=" + source,
                      ignore_blank=True)

    def whole_number(self, r1, c1, r2, c2, lo: int, hi: int) -> None:
        self.validate(r1, c1, r2, c2, validate="integer", criteria="between",
                      minimum=lo, maximum=hi, ignore_blank=True,
                      error_message=f"Type a whole number from {lo} to {hi}.")

    def conditional(self, r1, c1, r2, c2, **options) -> None:
        self.cond_formats.append(((r1, c1, r2, c2), options))


class TableLayout:
    """Where a table sits: header row, data rows, and a column per key."""

    def __init__(self, sheet: Sheet, name: str, top: int, keys: list[str], n_rows: int,
                 left: int = 0):
        self.sheet, self.name, self.top, self.left = sheet, name, top, left
        self.keys = keys
        self.first = top + 1
        self.last = top + max(n_rows, 1)
        self._col = {k: left + i for i, k in enumerate(keys)}

    def col(self, key: str) -> int:
        return self._col[key]

    def row(self, i: int) -> int:
        return self.first + i

    def at(self, key: str, row: int, absolute: bool = False) -> Cell:
        """The cell of ``key`` in ``row``; relative unless asked, so sorting keeps it."""
        return Cell(self.sheet.name, row, self._col[key], absolute)

    def column(self, key: str) -> Range:
        c = self._col[key]
        return Range(self.sheet.name, self.first, c, self.last, c)

    @property
    def rows(self) -> range:
        return range(self.first, self.last + 1)


@dataclass
class Book:
    sheets: list[Sheet] = field(default_factory=list)
    names: dict[str, Expr] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    styles: dict[str, dict] = field(default_factory=dict)
    macros: bool = False  # a macro-enabled workbook (.xlsm) with its buttons
    vba_modules: tuple = ()  # people's own standard modules, (name, code), carried over
    month_rows: dict = field(default_factory=dict)  # action id -> (month, row) laid out
    # the names people gave xlplan's sheets (role -> name), kept when a file is rebuilt
    sheet_names: dict = field(default_factory=dict)
    # the printed page's header and footer, in XlsxWriter's codes (&A sheet, &P page)
    page_header: str = ""
    page_footer: str = ""

    def add_sheet(self, name: str, role: str, **kw) -> Sheet:
        sheet = Sheet(self.sheet_names.get(role, name), role, **kw)
        self.sheets.append(sheet)
        self.define(ROLE_NAME_PREFIX + role, Cell(sheet.name, 0, 0))
        return sheet

    def sheet(self, role: str) -> Sheet:
        for s in self.sheets:
            if s.role == role:
                return s
        raise KeyError(role)

    def define(self, name: str, target: Expr) -> None:
        self.names[name] = target

    def table(self, layout: TableLayout, headers: dict[str, str],
              records: list[dict[str, Any]], styles: dict[str, str | None],
              style: str = "Table Style Light 9") -> None:
        """Write a table: headers, one row per record, blank rows up to ``layout.last``.

        A record value may be a callable taking the row number (for formulas that
        refer to their own row). ``styles`` gives each column's cell style; blank
        rows get it too, so a user who types there gets the right format.
        """
        sheet = layout.sheet
        for i, key in enumerate(layout.keys):
            c = layout.col(key)
            for r in layout.rows:
                idx = r - layout.first
                value = records[idx].get(key) if idx < len(records) else None
                if callable(value):
                    value = value(r)
                sheet.put(r, c, value, styles.get(key))
        sheet.tables.append({
            "first_row": layout.top, "first_col": layout.left,
            "last_row": layout.last, "last_col": layout.left + len(layout.keys) - 1,
            "name": layout.name, "style": style, "keys": list(layout.keys),
            "headers": [headers[k] for k in layout.keys],
        })

    def evaluator(self) -> EvalContext:
        by_name = {s.name: s.cells for s in self.sheets}

        def lookup(sheet: str, row: int, col: int):
            entry = by_name[sheet].get((row, col))
            return None if entry is None else entry[0]

        return EvalContext(lookup, self.names)

    def formula_cells(self) -> list[tuple[Sheet, int, int, Expr]]:
        return [(s, r, c, v) for s in self.sheets
                for (r, c), (v, _) in s.cells.items() if isinstance(v, Expr)]


def fill(records: list[dict], key: str, fn: Callable[[int], Any]) -> None:
    for rec in records:
        rec[key] = fn
