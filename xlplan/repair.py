"""Rewriting a workbook in place: `xlplan sync` and `xlplan prioritize`.

Sync rebuilds what xlplan owns and keeps what people typed; prioritize does the same
after moving actions to the months the scheduler proposes.

The workbook is read into the model, laid out again by the same builders as
`xlplan new`, and written once. On top of that layout go, cell by cell, the values
people own: every input cell keeps what was typed there (including a formula someone
wrote), every cell xlplan does not use keeps its content, and sheets xlplan does not
own are carried over. The Actions and month tables are the exception: they are laid
out from the plan, so that an action re-planned in Actions moves to its month sheet
with its status, results, spend and notes.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import macros
from .formulas import Expr, Kept, serial
from .reading.document import Document, clean, open_document
from .reading.plan import ReadPlan, read_plan
from .rules.check import run_rules
from .rules.context import CheckContext
from .errors import XlplanError
from .scheduling import Schedule, apply, rank_actions, schedule
from .workbook import build_book, write_book
from .workbook.book import ROLE_NAME_PREFIX, Book, Sheet
from .workbook.files import refuse_if_open

# findings that sync repairs, reported by --dry-run as what would change
REPAIRED = ("S101", "S103", "S104", "S105", "S106", "S108", "S109", "D209", "D210", "D211")


class HasNotes(Protocol):
    notes: list[str]


@dataclass
class SyncReport:
    path: Path
    repairs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backup: Path | None = None
    written: bool = False

    def as_text(self) -> str:
        lines = [f"  {line}" for line in self.repairs + self.notes]
        verb = "repaired" if self.written else "would repair"
        head = (f"{self.path.name}: {verb} {len(self.repairs)} item(s)" if self.repairs
                else f"{self.path.name}: nothing to repair")
        if self.written:
            head += f"; backup in {self.backup.name}" if self.backup else ""
        return "\n".join([head, *lines])


def sync(path, dry_run: bool = False) -> SyncReport:
    """Repair the workbook at ``path`` in place (or only report, with ``dry_run``)."""
    path = Path(path)
    doc = open_document(path)
    if not dry_run:
        refuse_if_open(path)
    ctx = CheckContext(doc)
    report = SyncReport(path)
    for f in run_rules(ctx, set(REPAIRED)):
        report.repairs.append(f"{f.where}: {f.message}")
    book = rebuild(doc, ctx.read, report)
    if not dry_run:
        report.backup = _write(path, book, ctx.settings.year)
        report.written = True
    return report


def _write(path: Path, book: Book, year: int) -> Path | None:
    # not strict: text typed where a number belongs shows the error every spreadsheet
    # would, and check reports its cause
    return write_book(book, path, year, overwrite=True, strict=False)


@dataclass
class PrioritizeReport:
    path: Path
    schedule: Schedule
    backup: Path | None = None
    written: bool = False

    def explain(self, action_id: str) -> str:
        p = self.schedule.placements.get(action_id)
        if p is None:
            raise XlplanError(f"no action has the id {action_id}", where=str(self.path),
                              fix="give an id from the Actions sheet")
        return f"{action_id}: {p.reason}"

    def as_text(self) -> str:
        moves = self.schedule.moves
        verb = "moved" if self.written else "would move"
        lines = [f"{self.path.name}: {verb} {len(moves)} action(s)"
                 + (f", {len(self.schedule.unplaced)} could not be placed"
                    if self.schedule.unplaced else "")
                 + (f"; backup in {self.backup.name}" if self.backup else "")]
        lines += [f"  {p.action}: {p.reason}" for p in moves]
        return "\n".join(lines)


def prioritize(path, dry_run: bool = False, now: _dt.datetime | None = None
               ) -> PrioritizeReport:
    """Rank and schedule the workbook's actions; move them in the file unless
    ``dry_run``, and stamp it with the day of ``now`` (the button stamps the minute).
    A second run moves nothing: the same day, the file's bytes stay the same."""
    path = Path(path)
    doc = open_document(path)
    if not dry_run:
        refuse_if_open(path)
    read = read_plan(doc)
    names = doc.labels.plan_months(read.plan.settings)
    rank_actions(read.plan.actions, read.plan.settings)
    result = schedule(read.plan, names)
    report = PrioritizeReport(path, result)
    if not dry_run:
        apply(read.plan, result)
        read.plan.recalculated = (now or _dt.datetime.now()).date()
        report.backup = _write(path, rebuild(doc, read), read.plan.settings.year)
        report.written = True
    return report


def rebuild(doc: Document, read: ReadPlan, report: SyncReport | None = None) -> Book:
    """The workbook laid out again from ``read``, with people's cells put back."""
    plan = read.plan
    before = {a.id: a.rank for a in plan.actions}
    rank_actions(plan.actions, plan.settings)
    changed = sum(1 for a in plan.actions if a.rank != before.get(a.id))
    if report is not None and changed:
        report.repairs.append(f"rank updated for {changed} action(s)")
    sizes = {name: t.area[2] - t.area[0] for name, t in doc.package.tables.items()
             if name != "tblActions" and not name.startswith("tblMonth")}
    book = build_book(plan, sizes)
    formulas = PersonFormulas(doc)
    for sheet in book.sheets:
        old = doc.sheet(sheet.role)
        if old is not None:
            _put_back(doc, old, sheet, book, formulas)
    carry_foreign_sheets(doc, book, formulas, report)
    _carry_names(doc, book)
    carry_vba(doc, book, report)
    return book


def carry_vba(doc: Document, book: Book, report: HasNotes | None) -> None:
    """People's own VBA modules go into the new VBA project beside xlplan's."""
    if not doc.package.has_vba:
        return
    kept, lost = macros.people_modules(doc.path)
    book.vba_modules = tuple(kept)
    if report is not None:
        report.notes += [f"VBA module {name!r} is kept" for name, _ in kept]
        report.notes += [f"VBA code in {name!r} is not carried over (the backup keeps it): "
                         "move it to a standard module" for name in lost]


def _row_areas(sheet: Sheet, doc: Document, old: str) -> list[tuple[int, int, int, int]]:
    """Areas not to put back: table headers, and the Actions and month tables (laid
    out from the plan), where they are now and where they were."""
    areas = []
    for t in sheet.tables:
        # headers are xlplan's (written with the table, not as cells)
        areas.append((t["first_row"], t["first_col"], t["first_row"], t["last_col"]))
        if t["name"] == "tblActions" or t["name"].startswith("tblMonth"):
            areas.append((t["first_row"] + 1, t["first_col"], t["last_row"], t["last_col"]))
            found = doc.table(t["name"])
            if found is not None and found.sheet == old:
                r1, c1, r2, c2 = found.area
                areas.append((r1 + 1, c1, r2, c2))
    return areas


class PersonFormulas:
    """Formula text of the cells where a person wrote a formula (read on demand with
    openpyxl, which sees formula text that python-calamine does not)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._texts: dict[str, dict] = {}

    def text(self, sheet: str, row: int, col: int) -> str | None:
        if sheet not in self._texts:
            import openpyxl
            wb = openpyxl.load_workbook(self.doc.path, read_only=True)
            cells = {}
            for r, row_cells in enumerate(wb[sheet].iter_rows()):
                for cell in row_cells:
                    if cell.data_type == "f" and isinstance(cell.value, str):
                        cells[(r, cell.column - 1)] = cell.value
            wb.close()
            self._texts[sheet] = cells
        return self._texts[sheet].get((row, col))

    def kept(self, sheet: str, row: int, col: int) -> Kept | None:
        text = self.text(sheet, row, col)
        if text is None:
            return None
        cached = self.doc.value(sheet, row, col)
        if isinstance(cached, (_dt.date, _dt.datetime)):
            cached = serial(cached if isinstance(cached, _dt.date) else cached.date())
        return Kept(text, cached)


def _put_back(doc: Document, old: str, sheet: Sheet, book: Book,
              formulas: PersonFormulas) -> None:
    grid = doc.grid(old)
    scan = doc.scan(old)
    areas = _row_areas(sheet, doc, old)

    # merged cells: xlplan's text, except the answers people type into merged inputs
    for i, (r1, c1, r2, c2, text, style) in enumerate(sheet.merges):
        if (style or "").startswith("input"):
            typed = doc.value(old, r1, c1)
            sheet.merges[i] = (r1, c1, r2, c2, "" if typed is None else typed, style)
        areas.append((r1, c1, r2, c2))

    def in_rows(r, c):
        return any(r1 <= r <= r2 and c1 <= c <= c2 for r1, c1, r2, c2 in areas)

    positions = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v != ""}
    positions |= scan.formulas | set(scan.errors)
    positions |= {rc for rc, (_, style) in sheet.cells.items()
                  if style and style.startswith("input")}
    for r, c in sorted(positions):
        if in_rows(r, c):
            continue
        value, style = sheet.cells.get((r, c), (None, None))
        if isinstance(value, Expr):
            continue  # xlplan's formula
        if (r, c) in sheet.cells and not (style or "").startswith("input"):
            continue  # xlplan's label or computed value
        if (r, c) in scan.formulas:
            kept = formulas.kept(old, r, c)
            if kept is not None:
                sheet.put(r, c, kept, style)
                continue
        typed = clean(grid[r][c]) if r < len(grid) and c < len(grid[r]) else None
        if typed is None and (r, c) not in sheet.cells:
            continue
        sheet.put(r, c, typed, style)


def carry_foreign_sheets(doc: Document, book: Book, formulas: PersonFormulas,
                          report: HasNotes | None) -> None:
    owned = set(doc.package.roles.values())
    for name in doc.package.sheets:
        if name in owned:
            continue
        if any(s.name == name for s in book.sheets):
            if report is not None:
                report.notes.append(f"sheet {name!r} has the name of a sheet xlplan needs; "
                                    "it was replaced (the backup keeps it)")
            continue
        sheet = Sheet(name, "")
        grid = doc.grid(name)
        scan = doc.scan(name)
        positions = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row)
                     if v != ""} | scan.formulas
        for r, c in sorted(positions):
            kept = formulas.kept(name, r, c) if (r, c) in scan.formulas else None
            if kept is not None:
                sheet.put(r, c, kept)
            elif r < len(grid) and c < len(grid[r]) and grid[r][c] != "":
                sheet.put(r, c, clean(grid[r][c]))
        book.sheets.append(sheet)
        if report is not None:
            report.notes.append(f"sheet {name!r} is not xlplan's: its cells are kept")
            if name in doc.package.drawings:
                report.notes.append(f"sheet {name!r}: its charts, pictures and comments are "
                                    "not carried over (the backup keeps them)")


def _carry_names(doc: Document, book: Book) -> None:
    """Defined names a person added (xlplan's own are laid out again)."""
    ours = set(book.names)
    sheets = {s.name for s in book.sheets}
    for name, text in doc.package.names.items():
        if name in ours or name.startswith(ROLE_NAME_PREFIX) or name.startswith("_xlnm"):
            continue
        ref = doc.package.reference(name)
        if ref is not None and ref[0] in sheets:
            book.define(name, Kept(text))

