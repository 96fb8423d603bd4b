"""An xlplan workbook opened for reading: its parts, cached values and formula map."""
from __future__ import annotations

import datetime as _dt
import math
import re
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..errors import XlplanError
from ..i18n import Labels
from ..model import LANGUAGES
from .package import Package, Table, cell_ref, open_package
from .scan import SheetScan, scan_sheet

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def clean(v):
    """A calamine value as the model wants it: blank is None, 3.0 is 3, a date is a date."""
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, _dt.datetime) and v.time() == _dt.time():
        return v.date()
    # a small number in a date-formatted cell comes back as a time or a duration:
    # give back the number that was typed
    if isinstance(v, _dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    if isinstance(v, _dt.timedelta):
        return v.total_seconds() / 86400
    return v


class Document:
    """Values come from python-calamine (fast, cached values); formulas, error values
    and dropdowns from a scan of the sheet's XML. Sheets are loaded on first use."""

    def __init__(self, package: Package):
        self.package = package
        try:
            self._calamine = CalamineWorkbook.from_path(str(package.path))
        except Exception as exc:  # calamine raises its own types for damaged parts
            raise XlplanError(f"the workbook cannot be read ({exc})", where=str(package.path),
                              fix="restore it from a backup", exit_code=2) from None
        self._grids: dict[str, list[list]] = {}
        self._scans: dict[str, SheetScan] = {}
        lang = package.properties.get("xlplan_language")
        if lang not in LANGUAGES:
            found = self.named_value("Set_Language")
            lang = found if found in LANGUAGES else "en"
        self.language = lang
        self.labels = Labels(lang)

    @property
    def path(self) -> Path:
        return self.package.path

    def sheet(self, role: str) -> str | None:
        return self.package.roles.get(role)

    def grid(self, sheet: str) -> list[list]:
        if sheet not in self._grids:
            try:
                rows = self._calamine.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:
                raise XlplanError(f"sheet {sheet!r} cannot be read ({exc})",
                                  where=str(self.path), fix="restore it from a backup",
                                  exit_code=2) from None
            if sheet in self.package.nonfinite:
                # inf, nan or 1e999 typed into the XML: no cell holds them, Excel shows
                # #NUM! (scan lists it); never a number the plan would compute with
                rows = [[("" if v.__class__ is float and not math.isfinite(v) else v)
                         for v in row] for row in rows]
            self._grids[sheet] = rows
        return self._grids[sheet]

    def scan(self, sheet: str) -> SheetScan:
        if sheet not in self._scans:
            self._scans[sheet] = scan_sheet(self.package.sheet_xml(sheet))
        return self._scans[sheet]

    def value(self, sheet: str, row: int, col: int):
        """The cell's cached value; None when blank (or an error value: see ``scan``)."""
        grid = self.grid(sheet)
        if row < len(grid) and col < len(grid[row]):
            return clean(grid[row][col])
        return None

    def row_values(self, sheet: str, row: int, left: int, n: int) -> list:
        """``n`` cleaned values of one row from column ``left``."""
        grid = self.grid(sheet)
        if row >= len(grid):
            return [None] * n
        cells = grid[row][left:left + n]
        out = [(v or None) if v.__class__ is str else clean(v) for v in cells]
        return out + [None] * (n - len(out))

    def where(self, sheet: str, row: int, col: int | None = None) -> str:
        """'Sheet!B5', or 'Sheet row 5' when ``col`` is None."""
        if col is None:
            return f"{sheet} row {row + 1}"
        name = sheet if _PLAIN.match(sheet) else "'" + sheet.replace("'", "''") + "'"
        return f"{name}!{cell_ref(row, col)}"

    def table(self, name: str) -> Table | None:
        return self.package.tables.get(name)

    def named_cell(self, name: str) -> tuple[str, int, int] | None:
        ref = self.package.reference(name)
        if ref is None:
            return None
        sheet, (r, c, _, _) = ref
        return sheet, r, c

    def named_value(self, name: str):
        cell = self.named_cell(name)
        return None if cell is None else self.value(*cell)


def open_document(path) -> Document:
    return Document(open_package(Path(path)))
