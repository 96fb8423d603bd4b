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

import contextlib
import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import macros
from .conservation import refuse_unplaced
from .formulas import Expr, Kept, XLError, quote_sheet, serial
from .reading.document import Document, clean, open_document
from .reading.plan import ReadPlan, read_plan, text
from .rules.check import run_rules
from .rules.context import CheckContext
from .rules.data import setting_cell
from .errors import XlplanError
from .model import BUCKETS, STATUSES, Settings
from .scheduling import Schedule, apply, rank_actions, schedule
from .workbook import build_book, write_book
from .workbook.book import ROLE_NAME_PREFIX, Book, Sheet
from .workbook.layout import header_key
from .workbook.files import (locked, refuse_if_open, require_regular_file,
                             require_writable, shown)

# findings that sync repairs, reported by --dry-run as what would change
REPAIRED = ("S101", "S103", "S104", "S105", "S106", "S108", "S109", "D209", "D210", "D211",
            "D214")


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
            head += f"; backup in {shown(self.backup)}" if self.backup else ""
        return "\n".join([head, *lines])


def sync(path, dry_run: bool = False) -> SyncReport:
    """Repair the workbook at ``path`` in place (or only report, with ``dry_run``)."""
    path = Path(path)
    with writing(path, dry_run):
        doc = open_document(path)
        ctx = CheckContext(doc)
        refuse_unplaced(doc, ctx.read)
        report = SyncReport(path)
        for f in run_rules(ctx, set(REPAIRED)):
            report.repairs.append(f"{f.where}: {f.message}")
        book = rebuild(doc, ctx.read, report)
        if not dry_run:
            report.backup = _write(path, book, ctx.settings.year)
            report.written = True
    return report


@contextlib.contextmanager
def writing(path: Path, dry_run: bool = False):
    """A command that rewrites ``path`` in place: a plain, writable file, not open in
    Excel or LibreOffice, and xlplan's lock held from the read to the write, so that a
    second command cannot read the old file and overwrite the first one's result."""
    if dry_run:
        yield
        return
    require_regular_file(path)
    refuse_if_open(path)
    require_writable(path)
    with locked(path):
        yield


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
        late = self.schedule.late
        lines = [f"{self.path.name}: {verb} {len(moves)} action(s)"
                 + (f" ({len(late)} late, out of closed months)" if late else "")
                 + (f", {len(self.schedule.unplaced)} could not be placed"
                    if self.schedule.unplaced else "")
                 + (f"; backup in {shown(self.backup)}" if self.backup else "")]
        lines += [f"  {p.action}: {p.reason}" for p in moves]
        return "\n".join(lines)


def prioritize(path, dry_run: bool = False, now: _dt.datetime | None = None,
               today: _dt.date | None = None) -> PrioritizeReport:
    """Rank and schedule the workbook's actions as of ``today`` (default: the day of
    ``now``, the wall clock's when not given); move them in the file unless
    ``dry_run``, set the workbook's as-of date to that day and stamp it (the button
    does the same with the day and minute of its click). A second run the same day
    moves nothing and leaves the file's bytes as they were."""
    path = Path(path)
    now = now or _dt.datetime.now()
    today = today or now.date()
    with writing(path, dry_run):
        doc = open_document(path)
        read = read_plan(doc)
        refuse_unplaced(doc, read)
        refuse_degenerate(doc, read.plan.settings)
        read.plan.settings.as_of = today
        names = doc.labels.plan_months(read.plan.settings)
        rank_actions(read.plan.actions, read.plan.settings)
        result = schedule(read.plan, names)
        report = PrioritizeReport(path, result)
        if not dry_run:
            apply(read.plan, result)
            read.plan.recalculated = today
            book = rebuild(doc, read)
            # the as-of date is an input the manager may retype; prioritize sets it, as
            # the button does, over what rebuild put back
            as_of = book.names["Set_AsOf"]
            book.sheet("settings").put(as_of.row, as_of.col, today, "input_date")
            report.backup = _write(path, book, read.plan.settings.year)
            report.written = True
    return report


def refuse_degenerate(doc: Document, settings: Settings) -> None:
    """Refuse to prioritise with a setting that leaves nothing to prioritise (weights
    adding up to 0, no hours, no budget, a WIP limit of 0): every action would come out
    unscored or unplaced, moved off its month for a reason that is not its own."""
    found = settings.degenerate()
    if found:
        first = found[0]
        raise XlplanError(first.what, where=setting_cell(doc, first.setting), fix=first.fix)


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
    book = build_book(plan, sizes, sheet_names=_sheet_names(doc, plan.settings))
    formulas = PersonFormulas(doc)
    for sheet in book.sheets:
        old = doc.sheet(sheet.role)
        if old is not None:
            _put_back(doc, old, sheet, book, formulas, read)
    moves = keep_as_typed(doc, read, book, formulas)
    carry_foreign_sheets(doc, book, formulas, report)
    carry_comments(doc, book, moves, _table_rows(doc, read))
    _carry_names(doc, book)
    carry_vba(doc, book, report)
    return book


# the input columns of the tables laid out from the plan: free columns go back exactly
# as typed; list columns (month, status, bucket, pinned) take their list's label
ACTION_FREE = ("id", "title", "workstream", "channel", "owner", "impact", "effort",
               "dependencies", "risk", "cost", "hours", "moment", "kpi")
MONTH_FREE = ("results", "spend", "notes")
LISTED = {"tblActions": ("month", "pinned", "bucket"), "month": ("status",)}


def keep_as_typed(doc: Document, read: ReadPlan, book: Book, formulas: "PersonFormulas"
                  ) -> dict[tuple[str, int], tuple[str, int]]:
    """Put the typed cells of the Actions and month tables back as they were typed —
    text with its spaces, a number in a text column, a formula, an error value — where
    no command changes them. The model holds values the rules and the scheduler can
    use (trimmed text, the number a formula shows); the file keeps the person's own
    cell."""
    tables = {t["name"]: (s, t) for s in book.sheets for t in s.tables}
    moves: dict[tuple[str, int], tuple[str, int]] = {}
    placed = {}  # id(action) -> new row in Actions
    found = tables.get("tblActions")
    if found is not None:
        for i, a in enumerate(read.plan.actions):
            placed[id(a)] = found[1]["first_row"] + 1 + i
    old_actions = read.tables.get("tblActions")
    if found is not None and old_actions is not None:
        for r, a in read.action_rows:
            _keep_row(doc, formulas, old_actions, r, found, placed[id(a)], ACTION_FREE,
                      LISTED["tblActions"])
            moves[(old_actions.sheet, r)] = (found[0].name, placed[id(a)])
    for a in read.plan.actions:
        entry = read.entry_of.get(id(a))
        if entry is None or not a.month or a.id not in book.month_rows:
            continue
        month, row = book.month_rows[a.id]
        new = tables.get(f"tblMonth{month:02d}")
        old = read.tables.get(f"tblMonth{entry.month:02d}")
        if new is not None and old is not None:
            _keep_row(doc, formulas, old, entry.row, new, row, MONTH_FREE, LISTED["month"])
            moves[(old.sheet, entry.row)] = (new[0].name, row)
    return moves


def keep_carried_as_typed(doc: Document, read: ReadPlan, plan, book: Book,
                          formulas: "PersonFormulas") -> None:
    """Rollover: the actions carried into next year keep their cells as typed, where
    the new year's plan left what was read from them."""
    found = next(((s, t) for s in book.sheets for t in s.tables
                  if t["name"] == "tblActions"), None)
    old = read.tables.get("tblActions")
    if found is None or old is None:
        return
    rows = {a.id: r for r, a in read.action_rows if a.id}
    for i, a in enumerate(plan.actions):
        if a.id in rows:
            _keep_row(doc, formulas, old, rows[a.id], found, found[1]["first_row"] + 1 + i,
                      ACTION_FREE, (), unchanged_only=True)


def _keep_row(doc: Document, formulas: "PersonFormulas", old, r: int, new, row: int,
              free: tuple[str, ...], listed: tuple[str, ...],
              unchanged_only: bool = False) -> None:
    sheet, t = new
    scan = doc.scan(old.sheet)
    for key in free + listed:
        if key not in old.cols:
            continue  # the column was deleted: nothing typed there any more
        c, nc = old.cols[key], t["first_col"] + t["keys"].index(key)
        written, style = sheet.cells.get((row, nc), (None, None))
        if isinstance(written, Expr):
            continue
        if unchanged_only and text(doc.value(old.sheet, r, c)) != text(written):
            continue  # the command changed it on purpose
        if key in listed and _as_label(doc, old.sheet, r, c, key, written):
            continue
        kept = _as_typed(doc, formulas, scan, old.sheet, r, c, written)
        if kept is not None:
            sheet.put(row, nc, kept, style)


def _as_label(doc: Document, sheet: str, r: int, c: int, key: str, written) -> bool:
    """Whether a list column's cell takes the plan's ``written`` value: a label of its
    list typed in another form ("done", "march"; check's D214 reports it), or a month
    the plan moved the action to. Anything else — text that is no label, a number — stays as typed."""
    typed = doc.value(sheet, r, c)
    if key == "month":
        labelled = True  # an unreadable month was refused before (conservation.py)
    else:
        L = doc.labels
        labels = {"status": [L.status(code) for code in STATUSES],
                  "bucket": [L["bucket." + code] for code in BUCKETS],
                  "pinned": [L["yes"], L["no"]]}[key]
        labelled = written in labels and (typed is None or header_key(text(typed))
                                           == header_key(text(written)))
    return labelled


def _as_typed(doc: Document, formulas: "PersonFormulas", scan, sheet: str, r: int, c: int,
              written):
    """The cell as it was typed (no command changes these columns); None to keep the
    plan's ``written`` value, which is what was read from it."""
    if (r, c) in scan.formulas:
        return formulas.kept(sheet, r, c)
    if (r, c) in scan.errors:
        return XLError(scan.errors[(r, c)])
    typed = doc.value(sheet, r, c)
    if typed is None or typed == written and type(typed) is type(written):
        return None
    return typed


def _sheet_names(doc: Document, settings) -> dict[str, str]:
    """The names xlplan's sheets have in the file (a person may have renamed one), so
    that a rewrite keeps them and the formulas pointing at them. A name that is the
    default name of another sheet is laid out anew (after the start month changed,
    the sheet called "Jan" holds another month)."""
    L = doc.labels
    defaults = {f"month{i:02d}": name
                for i, name in enumerate(L.plan_months(settings), start=1)}
    for key, label in L.items():
        if key.startswith("sheet.") and isinstance(label, str) and "{" not in label:
            defaults.setdefault(key.removeprefix("sheet."), label)
    taken = set(defaults.values())
    return {role: name for role, name in doc.package.roles.items()
            if name == defaults.get(role) or name not in taken}


def carry_vba(doc: Document, book: Book, report: HasNotes | None) -> None:
    """People's own VBA modules go into the new VBA project beside xlplan's."""
    if not doc.package.has_vba:
        return
    try:
        kept, lost = macros.people_modules(doc.path)
    except macros.UnreadableVBA:
        raise XlplanError("the workbook's macro project (VBA) is damaged and cannot be "
                          "read; rewriting the file would drop any macro people added",
                          where=str(doc.path), fix="open it in Excel, save it again (or "
                          "remove the macros), then run the command again") from None
    if not macros.enabled(doc.path) and (kept or lost):
        raise XlplanError(f"{doc.path.name} holds macros but has an .xlsx name (an .xlsm "
                          "renamed?); rewriting it as .xlsx would drop them",
                          where=str(doc.path), fix="rename it to .xlsm, then run the "
                          "command again")
    book.vba_modules = tuple(kept)
    if report is not None:
        report.notes += [f"VBA module {name!r} is kept" for name, _ in kept]
        report.notes += [f"VBA code in {name!r} is not carried over (the backup keeps it): "
                         "move it to a standard module" for name in lost]


def _row_areas(sheet: Sheet, doc: Document, old: str, read: ReadPlan
               ) -> list[tuple[int, int, int, int]]:
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
            rows = read.tables.get(t["name"])
            if rows is not None and rows.sheet == old:  # with the rows read below it
                right = max([*rows.cols.values(), *rows.extra_cols, rows.left])
                areas.append((rows.top + 1, rows.left, rows.last, right))
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
        error = self.doc.scan(sheet).errors.get((row, col))
        if error is not None:  # calamine reads an error as blank
            cached = XLError(error)
        if isinstance(cached, (_dt.date, _dt.datetime)):
            cached = serial(cached if isinstance(cached, _dt.date) else cached.date())
        return Kept(text, cached)


def _column_moves(read: ReadPlan, old: str, sheet: Sheet) -> list[tuple]:
    """For each table of this sheet whose columns people moved, inserted or deleted:
    its data rows and columns in the file, and where each column goes now (by key)."""
    out = []
    for t in sheet.tables:
        found = read.tables.get(t["name"])
        if found is None or found.sheet != old or not found.moved() \
                or t["name"] == "tblActions" or t["name"].startswith("tblMonth"):
            continue
        to = {c: t["first_col"] + t["keys"].index(k) for k, c in found.cols.items()
              if k in t["keys"]}
        right = max([*found.cols.values(), *found.extra_cols, found.left])
        out.append((found.top + 1, found.last, found.left, right, to))
    return out


def _put_back(doc: Document, old: str, sheet: Sheet, book: Book,
              formulas: PersonFormulas, read: ReadPlan) -> None:
    grid = doc.grid(old)
    scan = doc.scan(old)
    areas = _row_areas(sheet, doc, old, read)
    moves = _column_moves(read, old, sheet)

    def moved(r, c):
        """(in a moved table, the column it goes to now: None if none)"""
        for r1, r2, c1, c2, to in moves:
            if r1 <= r <= r2 and c1 <= c <= c2:
                return True, to.get(c)
        return False, c

    # merged cells: xlplan's text, except the answers people type into merged inputs
    for i, (r1, c1, r2, c2, text, style) in enumerate(sheet.merges):
        if (style or "").startswith("input"):
            typed = doc.value(old, r1, c1)
            sheet.merges[i] = (r1, c1, r2, c2, "" if typed is None else typed, style)
        areas.append((r1, c1, r2, c2))

    def in_rows(r, c):
        return any(r1 <= r <= r2 and c1 <= c <= c2 for r1, c1, r2, c2 in areas)

    typed_at = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v != ""}
    typed_at |= scan.formulas | set(scan.errors)
    positions = typed_at | {rc for rc, (_, style) in sheet.cells.items()
                            if style and style.startswith("input")}
    for r, c in sorted(positions):
        if in_rows(r, c):
            continue
        inside, to = moved(r, c)
        if inside:
            style = sheet.cells.get((r, to), (None, None))[1] if to is not None else None
            if (r, c) not in typed_at or not (style or "").startswith("input"):
                continue  # the model laid the column out where it belongs now
            kept = formulas.kept(old, r, c) if (r, c) in scan.formulas else None
            value = kept if kept is not None else XLError(scan.errors[(r, c)]) \
                if (r, c) in scan.errors else clean(grid[r][c])
            sheet.put(r, to, value, style)
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
        if (r, c) in scan.errors:
            typed = XLError(scan.errors[(r, c)])  # calamine reads an error as blank
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
                     if v != ""} | scan.formulas | set(scan.errors)
        for r, c in sorted(positions):
            kept = formulas.kept(name, r, c) if (r, c) in scan.formulas else None
            if kept is not None:
                sheet.put(r, c, kept)
            elif (r, c) in scan.errors:
                sheet.put(r, c, XLError(scan.errors[(r, c)]))
            elif r < len(grid) and c < len(grid[r]) and grid[r][c] != "":
                sheet.put(r, c, clean(grid[r][c]))
        book.sheets.append(sheet)
        if report is not None:
            report.notes.append(f"sheet {name!r} is not xlplan's: its cells are kept")


def _table_rows(doc: Document, read: ReadPlan) -> set[tuple[str, int]]:
    """(sheet, row) of every data row of the Actions and month tables in the file."""
    return {(t.sheet, r) for name, t in read.tables.items()
            if name == "tblActions" or name.startswith("tblMonth")
            for r in range(t.top + 1, t.last + 1)}


def carry_comments(doc: Document, book: Book, moves: dict, table_rows: set) -> None:
    """People's cell comments: on a row of the Actions or month tables they follow the
    action's row; elsewhere they stay at their cell. A comment on a table row that no
    longer holds an action (closed up) stays at its cell."""
    by_name = {s.name: s for s in book.sheets}
    for sheet, comments in doc.package.comments.items():
        for (r, c), note in comments.items():
            target, row = moves.get((sheet, r), (sheet, r))
            if (sheet, r) in table_rows and (sheet, r) not in moves:
                target, row = sheet, r
            if target in by_name:
                by_name[target].comments[(row, c)] = note


def _carry_names(doc: Document, book: Book) -> None:
    """Defined names a person added — references, constants (VAT = 0.2), formulas, and
    names of one sheet only — as they were written (xlplan's own are laid out again;
    Excel's built-in ones, print areas and filters, belong to features not carried)."""
    ours = set(book.names)
    sheets = {s.name for s in book.sheets}
    for name, text in sorted(doc.package.names.items()):
        if name in ours or name.startswith((ROLE_NAME_PREFIX, "_xlnm")) or not text:
            continue
        book.define(name, Kept(text))
    for (sheet, name), text in sorted(doc.package.local_names.items()):
        if sheet in sheets and text and not name.startswith("_xlnm"):
            book.define(f"{quote_sheet(sheet)}!{name}", Kept(text))
