"""Edit copies of a workbook in LibreOffice, through UNO, the way a person would.

Run by the system Python (the one python3-uno serves), not the test venv:

    python3 tests/lo_edit.py SRC OUTDIR [EDIT ...] [--also SRC2 ...]
    python3 tests/lo_edit.py --list

For each source (SRC, then every ``--also``) and each EDIT (all of them when none is
named): copy the source into a private folder, open the copy in LibreOffice, type the
owners' weekly update (``baseline``), apply the edit, and save the result in OUTDIR as
``<source stem>-<edit>.xlsx`` (filter "Calc MS Excel 2007 XML") for an .xlsx source, or
``.xlsm`` (filter "Calc MS Excel 2007 VBA XML") for an .xlsm source. One JSON object
per edit is printed: {"edit", "source", "saved", "error", "seconds", "doc"}.
LibreOffice is started once for the whole batch (restarted only if it dies).

Every edit is a small function taking the UNO document; its docstring says what the
person did. Cells are typed through the cell API with the value LibreOffice's input
line would have made of the typing (a number, a boolean, a date with its date format,
text, a formula): LibreOffice 7.4 headless aborts a little after `.uno:EnterString`
dispatches, so the input line itself is not driven.

The edits know the layout of the b2b sample (``xlplan new --profile
samples/b2b.toml``): Actions header on row 4, A01 on row 5 (row = 4 + number), columns
A Id, B Action, C Workstream, D Channel, E Owner, F Impact, G Effort, H Depends on,
I Risk, J Cost, K Hours, L Budget bucket, M Month, N Pinned, O Before moment, P Status,
… S Rank, T Linked KPI, U Why here; month sheets: header on row 8, columns A Id, B
Action, C Workstream, D Channel, E Budget bucket, F Owner, G Status, H Results, I Actual
spend, J Notes, K Planned cost, L Planned hours. Mar holds A07 (row 9), A11 (row 10),
A12 (row 11); Apr holds A13 (row 9); A28 has no month.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.lang import Locale
from com.sun.star.sheet.FilterOperator import EQUAL
from com.sun.star.table import CellAddress, CellRangeAddress, TableSortField
from com.sun.star.sheet import TableFilterField

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lo_button import PROFILE_XCU, connect, props  # noqa: E402

FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".xlsm": "Calc MS Excel 2007 VBA XML"}
LOGICAL = 1024  # com.sun.star.util.NumberFormat.LOGICAL
FOREIGN = "My notes"  # the sheet of the person's own that ``baseline`` adds
LONG_TEXT = ("Weekly note: the agency sent the figures late again; " * 100)[:5000]


class Text(str):
    """Text typed so that it stays text ("=1+1", "+33 …"): LibreOffice's "'" prefix."""


# ---------------------------------------------------------------- typing helpers

def cell(doc, ref: str):
    """The cell at ``Sheet!A1`` (the sheet name may hold spaces, never "!")."""
    sheet, a1 = ref.rsplit("!", 1)
    return doc.Sheets.getByName(sheet).getCellRangeByName(a1)


def _format(doc, code: str) -> int:
    formats, locale = doc.NumberFormats, Locale("en", "US", "")
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def put(doc, ref: str, value) -> None:
    """Type ``value`` into ``ref`` as the input line would store it."""
    c = cell(doc, ref)
    if isinstance(value, Text):
        c.setString(str(value))
    elif isinstance(value, bool):
        c.setValue(1 if value else 0)
        c.NumberFormat = doc.NumberFormats.getStandardFormat(LOGICAL, Locale("en", "US", ""))
    elif isinstance(value, dt.date):
        c.setValue((value - dt.date(1899, 12, 30)).days)
        c.NumberFormat = _format(doc, "YYYY-MM-DD")  # what typing 2027-03-15 gives
    elif isinstance(value, (int, float)):
        c.setValue(value)
    elif value is None:
        c.setString("")
    elif isinstance(value, str) and value.startswith("="):
        c.setFormula(value)
    else:
        c.setString(value)


def sheet_index(doc, name: str) -> int:
    return list(doc.Sheets.ElementNames).index(name)


# ---------------------------------------------------------------- the edits

def baseline(doc):
    """The owners' weekly update, typed in every copy before its edit: statuses,
    results, spend and notes on Jan, Feb and Mar; a note beside the Actions table and on
    Mar; and a sheet of the person's own ("My notes") with suppliers, a total and a
    formula pointing at Mar's results. Saved alone, it is the control case."""
    put(doc, "Jan!G9", "Done")
    put(doc, "Jan!H9", "Audit delivered, 42 issues")
    put(doc, "Jan!I9", 350)
    put(doc, "Jan!J9", "Agency: Webaudit")
    put(doc, "Jan!G10", "In progress")
    put(doc, "Jan!H10", "Baseline set for 8 KPIs")
    put(doc, "Feb!J10", "Tag manager access pending")
    put(doc, "Mar!G9", "In progress")
    put(doc, "Mar!H9", "12 leads")
    put(doc, "Mar!I9", 900)
    put(doc, "Mar!J9", "CPL 75")
    put(doc, "Mar!J10", "wait for the personas")
    put(doc, "Actions!Y2", "Reviewed with Claire on Monday")
    put(doc, "Mar!N2", "Weekly point moved to Tuesday")
    sheets = doc.Sheets
    sheets.insertNewByName(FOREIGN, sheets.Count)
    for ref, value in (("A1", "Supplier"), ("B1", "Phone"), ("C1", "Budget"),
                       ("A2", "Webaudit"), ("B2", Text("+33 1 23 45 67 89")), ("C2", 1200),
                       ("A3", "Printer"), ("B3", Text("+33 6 12 34 56 78")), ("C3", 300),
                       ("A4", "Total"), ("C4", "=SUM(C2:C3)"),
                       ("A6", "March results"), ("B6", "=$Mar.H9"),
                       ("A7", "Next review"), ("B7", dt.date(2027, 4, 2))):
        put(doc, f"{FOREIGN}!{ref}", value)


def delete_month_action_row(doc):
    """Deleted Mar's row 10 (A11's month row) with Delete Rows."""
    doc.Sheets.getByName("Mar").Rows.removeByIndex(9, 1)


def delete_blank_row_above_month_table(doc):
    """Deleted the blank row 7 just above Mar's table (the table moves up a row)."""
    doc.Sheets.getByName("Mar").Rows.removeByIndex(6, 1)


def insert_action_row(doc):
    """Inserted a row inside the Actions table under A02 (row 7) and typed a new action
    there, A30, planned in April (no score formula on the new row)."""
    doc.Sheets.getByName("Actions").Rows.insertByIndex(6, 1)
    for col, value in zip("ABCDEFGIJKLMN", ("A30", "Trade fair booth and follow-up",
                                            "Brand & reputation", "Local", "Claire Martin",
                                            4, 2, 1, 2500, 16, "Quick results", "Apr", "No")):
        put(doc, f"Actions!{col}7", value)


def insert_column_before_results(doc):
    """Inserted a column in Mar before Results (column H), headed it "Lead source" and
    typed A07's lead source in it."""
    doc.Sheets.getByName("Mar").Columns.insertByIndex(7, 1)
    put(doc, "Mar!H8", "Lead source")
    put(doc, "Mar!H9", "LinkedIn form")


def delete_notes_column(doc):
    """Deleted Mar's Notes column (J), which xlplan needs, with Delete Columns."""
    doc.Sheets.getByName("Mar").Columns.removeByIndex(9, 1)


def swap_actions_columns(doc):
    """Moved Actions' Owner column (E) before Channel (D): inserted a blank column at D,
    cut the Owner column and pasted it there, deleted the emptied column."""
    sheet = doc.Sheets.getByName("Actions")
    sheet.Columns.insertByIndex(3, 1)
    source = sheet.Columns.getByIndex(5).RangeAddress
    sheet.moveRange(CellAddress(source.Sheet, 3, 0), source)
    sheet.Columns.removeByIndex(5, 1)


def sort_descending(rows, column: int) -> None:
    """Data ▸ Sort of ``rows`` (no header row) by their ``column``-th column, Z to A."""
    field = TableSortField()
    field.Field, field.IsAscending, field.IsCaseSensitive = column, False, False
    desc = list(rows.createSortDescriptor())
    for p in desc:
        if p.Name == "SortFields":
            p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        elif p.Name == "ContainsHeader":
            p.Value = False
    uno.invoke(rows, "sort", (tuple(desc),))


def sort_actions_by_title_desc(doc):
    """Sorted the Actions table by Action (title), descending (Data ▸ Sort on the
    table's rows, headers excluded)."""
    sheet = doc.Sheets.getByName("Actions")
    area = doc.DatabaseRanges.getByName("tblActions").DataArea
    rows = sheet.getCellRangeByPosition(area.StartColumn, area.StartRow + 1,
                                        area.EndColumn, area.EndRow)
    sort_descending(rows, 1)


def hide_rows_and_columns(doc):
    """Hid Actions rows 6-7 and column C (Workstream), and Mar's column K and row 11."""
    actions, mar = doc.Sheets.getByName("Actions"), doc.Sheets.getByName("Mar")
    for i in (5, 6):
        actions.Rows.getByIndex(i).IsVisible = False
    actions.Columns.getByIndex(2).IsVisible = False
    mar.Columns.getByIndex(10).IsVisible = False
    mar.Rows.getByIndex(10).IsVisible = False


def autofilter_actions(doc):
    """Turned on the Actions table's filter buttons and kept only Hugo Bernard's
    actions (the other rows are hidden by the filter)."""
    dbr = doc.DatabaseRanges.getByName("tblActions")
    dbr.AutoFilter = True
    rows = dbr.ReferredCells
    fd = rows.createFilterDescriptor(True)
    f = TableFilterField()
    f.Field, f.Operator, f.IsNumeric, f.StringValue = 4, EQUAL, False, "Hugo Bernard"
    fd.ContainsHeader = True
    fd.FilterFields = (f,)
    rows.filter(fd)


def months_retyped(doc):
    """Retyped three months in Actions' Month column in other forms: A07's as "March",
    A11's as "mars", A12's as the number 3 (all still March)."""
    put(doc, "Actions!M11", "March")
    put(doc, "Actions!M15", "mars")
    put(doc, "Actions!M16", 3)


def statuses_retyped(doc):
    """Retyped statuses by hand: "done" in lower case (Jan A01), "in progress" (Jan
    A02), " In progress " with spaces (Feb A08), "NOT STARTED" in capitals (Mar A12)."""
    put(doc, "Jan!G9", "done")
    put(doc, "Jan!G10", "in progress")
    put(doc, "Feb!G10", " In progress ")
    put(doc, "Mar!G11", "NOT STARTED")


def copy_month_row_to_next_month(doc):
    """Copied A07's row on Mar (row 9) and pasted it on Apr's first free table row
    (row 10): the same action id on two month sheets."""
    mar = doc.Sheets.getByName("Mar")
    src = mar.getCellRangeByName("A9:L9").RangeAddress
    mar.copyRange(CellAddress(sheet_index(doc, "Apr"), 0, 9), src)


def copy_month_row_and_change_it(doc):
    """Copied A07's row on Mar onto Apr's row 10, then typed other results and notes in
    the copy."""
    copy_month_row_to_next_month(doc)
    put(doc, "Apr!H10", "15 leads (April)")
    put(doc, "Apr!J10", "second wave")


def text_on_row_without_id(doc):
    """Typed results and notes on Mar's row 13, a table row without an action id."""
    put(doc, "Mar!H13", "Call the printer back")
    put(doc, "Mar!J13", "urgent")


def action_typed_on_month_sheet(doc):
    """Typed a new action straight onto Mar's first free row (12): id A31, title,
    owner, status and results (no formulas on that row)."""
    for ref, value in (("A12", "A31"), ("B12", "Press relations sprint"),
                       ("F12", "Claire Martin"), ("G12", "In progress"),
                       ("H12", "2 articles published")):
        put(doc, f"Mar!{ref}", value)


def merge_cells_in_month_table(doc):
    """Merged Results and Actual spend of A07's Mar row (H9:I9), where "12 leads" and
    900 are typed (the saved file keeps "12 leads"; LibreOffice drops the covered 900)."""
    doc.Sheets.getByName("Mar").getCellRangeByName("H9:I9").merge(True)


def rename_month_sheet(doc):
    """Renamed the Mar sheet "Mar (Q1)"; the formula on My notes pointing at Mar
    follows (LibreOffice rewrites it)."""
    doc.Sheets.getByName("Mar").Name = "Mar (Q1)"


def rename_actions_sheet(doc):
    """Renamed the Actions sheet "Backlog"."""
    doc.Sheets.getByName("Actions").Name = "Backlog"


def delete_foreign_sheet(doc):
    """Deleted the sheet of their own ("My notes") added earlier."""
    doc.Sheets.removeByName(FOREIGN)


def add_sheet_with_formula(doc):
    """Added a sheet "Forecast" with labels, a number and formulas reading Actions."""
    doc.Sheets.insertNewByName("Forecast", doc.Sheets.Count)
    for ref, value in (("A1", "Open actions"), ("B1", "=COUNTA($Actions.A5:A133)"),
                       ("A2", "Planned cost"), ("B2", "=SUM($Actions.J5:J133)"),
                       ("A3", "Target"), ("B3", 50000), ("A4", "Gap"), ("B4", "=B3-B2")):
        put(doc, f"Forecast!{ref}", value)


def shrink_actions_table(doc):
    """Shrank the Actions table to its header and rows 5-40 (Table ▸ range: the
    database range's area), leaving the blank rows 41-133 outside it."""
    dbr = doc.DatabaseRanges.getByName("tblActions")
    area = dbr.DataArea
    area.EndRow = 39
    dbr.DataArea = area


def delete_last_action_rows(doc):
    """Deleted the Actions table's last 90 (blank) rows, 44-133, with Delete Rows."""
    doc.Sheets.getByName("Actions").Rows.removeByIndex(43, 90)


def comments(doc):
    """Added a comment on Actions!B5 (A01's title) and on Mar!H9 (A07's results)."""
    for sheet, a1, text in (("Actions", "B5", "Check the scope with Hugo"),
                            ("Mar", "H9", "Source: CRM export of 31 March")):
        s = doc.Sheets.getByName(sheet)
        addr = s.getCellRangeByName(a1).CellAddress
        s.Annotations.insertNew(addr, text)


def chart_on_foreign_sheet(doc):
    """Inserted a column chart of the supplier budgets on My notes."""
    s = doc.Sheets.getByName(FOREIGN)
    rng = s.getCellRangeByName("A1:C3").RangeAddress
    s.Charts.addNewByName("Budgets", Rectangle(6000, 3000, 10000, 7000), (rng,), True, True)


def defined_names(doc):
    """Added a constant name VAT = 0.2 and a named range Budgets (My notes!C2:C3)."""
    names = doc.NamedRanges
    names.addNewByName("VAT", "0.2", CellAddress(0, 0, 0), 0)
    names.addNewByName("Budgets", f"$'{FOREIGN}'.$C$2:$C$3", CellAddress(0, 0, 0), 0)


def error_values_in_results(doc):
    """Typed =NA() in A07's results and =1/0 (#DIV/0!) in A11's results on Mar."""
    put(doc, "Mar!H9", "=NA()")
    put(doc, "Mar!H10", "=1/0")


def numbers_and_spaces_in_text_columns(doc):
    """Typed 42 (a number) as A07's results, "  CPL 75  " with spaces as its notes, and
    A02's title with a leading and a trailing space."""
    put(doc, "Mar!H9", 42)
    put(doc, "Mar!J9", "  CPL 75  ")
    put(doc, "Actions!B6", " Measurable objectives, KPI baseline and dashboard ")


def very_long_text(doc):
    """Pasted a 5,000-character note into A07's Notes on Mar and into My notes!A10."""
    put(doc, "Mar!J9", LONG_TEXT)
    put(doc, f"{FOREIGN}!A10", LONG_TEXT)


def text_like_formulas(doc):
    """Typed text that starts like a formula: '=1+1 as A07's results, "+33 6 12 34 56
    78" as its notes, "-" as A02's results, "@home" as A02's notes."""
    put(doc, "Mar!H9", Text("=1+1"))
    put(doc, "Mar!J9", Text("+33 6 12 34 56 78"))
    put(doc, "Jan!H10", Text("-"))
    put(doc, "Jan!J10", Text("@home"))


def date_in_notes(doc):
    """Typed 2027-03-15 (a date) as A07's notes on Mar and 2027-01-20 as A02's notes."""
    put(doc, "Mar!J9", dt.date(2027, 3, 15))
    put(doc, "Jan!J10", dt.date(2027, 1, 20))


def booleans(doc):
    """Typed TRUE as A07's results and FALSE as its notes on Mar."""
    put(doc, "Mar!H9", True)
    put(doc, "Mar!J9", False)


def replan_in_actions(doc):
    """Re-planned A07 from Mar to Apr in Actions' Month column (its Mar row holds
    status, results, spend and notes)."""
    put(doc, "Actions!M11", "Apr")


def unschedule_action_with_results(doc):
    """Cleared A07's month in Actions although its Mar row holds results."""
    put(doc, "Actions!M11", None)


def type_in_free_cells(doc):
    """Typed in cells xlplan does not use: a number on Settings (Z40), text on the
    Dashboard (AZ2) and a formula on Budget (Z3)."""
    put(doc, "Settings!Z40", 1234.5)
    put(doc, "Dashboard!AZ2", "Board meets on the 3rd")
    put(doc, "Budget!Z3", "=SUM(1;2)")


def insert_column_in_actions_table(doc):
    """Inserted a column inside the Actions table before Impact (F), headed it
    "Priority note" and typed notes for A01 and A02 in it."""
    doc.Sheets.getByName("Actions").Columns.insertByIndex(5, 1)
    put(doc, "Actions!F4", "Priority note")
    put(doc, "Actions!F5", "must do first")
    put(doc, "Actions!F6", "needs A01")


def month_unreadable(doc):
    """Typed "Q2" (no month) as A12's month in Actions."""
    put(doc, "Actions!M16", "Q2")


def action_without_id_in_actions(doc):
    """Typed an action without an id on a spare row of Actions (row 40, six blank
    rows below the last action): title, owner and cost."""
    put(doc, "Actions!B40", "Sponsor lunch with the sales team")
    put(doc, "Actions!E40", "Claire Martin")
    put(doc, "Actions!J40", 150)


def insert_row_above_actions_table(doc):
    """Inserted a row at row 3 of Actions (the table's header moves to row 5) and typed
    a remark in the new row, beside the table (Y3)."""
    doc.Sheets.getByName("Actions").Rows.insertByIndex(2, 1)
    put(doc, "Actions!Y3", "Inserted row: sponsor's remarks")


def delete_action_row_with_results(doc):
    """Deleted A07's row in Actions (row 11) with Delete Rows, although its Mar row
    holds status, results, spend and notes."""
    doc.Sheets.getByName("Actions").Rows.removeByIndex(10, 1)


def rename_action_id(doc):
    """Retyped A07's id in Actions as "A70" (its Mar row still says A07)."""
    put(doc, "Actions!A11", "A70")


def clear_action_id(doc):
    """Cleared A07's id in Actions (its Mar row still says A07 and holds results)."""
    put(doc, "Actions!A11", None)


def clear_two_action_ids(doc):
    """Cleared the ids of A07 and A11 in Actions (both planned in Mar; A07's Mar row
    holds results, A11's notes)."""
    put(doc, "Actions!A11", None)
    put(doc, "Actions!A15", None)


def action_without_id_with_month(doc):
    """Typed a new action on a spare row of Actions (row 34) with a title, an owner
    and a month (Apr), but no id."""
    put(doc, "Actions!B34", "Prepare the trade fair stand")
    put(doc, "Actions!E34", "Claire Martin")
    put(doc, "Actions!M34", "Apr")


def move_month_row_within_table(doc):
    """Cut A07's row on Mar (A9:L9) and pasted it lower in the same table (row 15),
    leaving row 9 blank."""
    mar = doc.Sheets.getByName("Mar")
    mar.moveRange(mar.getCellRangeByName("A15").CellAddress,
                  mar.getCellRangeByName("A9:L9").RangeAddress)


def comment_follows_replanned_row(doc):
    """Put a comment on A07's results (Mar!H9), then re-planned A07 to Apr in Actions:
    the comment should follow the row to Apr."""
    mar = doc.Sheets.getByName("Mar")
    mar.Annotations.insertNew(mar.getCellRangeByName("H9").CellAddress, "Leads from CRM")
    put(doc, "Actions!M11", "Apr")


def type_review_answers(doc):
    """Answered two of the Review's questions in their merged answer cells (B36, B37)."""
    put(doc, "Review!B36", "Paid tests over-performed: CPL 75 against 120")
    put(doc, "Review!B37", "Content took longer than planned")


def list_values_retyped(doc):
    """Typed list values by hand in Actions: Pinned "yes" (A05) and " no " (A06), Budget
    bucket "quick results" (A12)."""
    put(doc, "Actions!N9", "yes")
    put(doc, "Actions!N10", " no ")
    put(doc, "Actions!L16", "quick results")


def cut_month_row_to_other_month(doc):
    """Cut A07's row on Mar (A9:L9) and pasted it on Apr's first free row (row 10),
    without changing A07's month in Actions (still Mar)."""
    mar = doc.Sheets.getByName("Mar")
    mar.moveRange(CellAddress(sheet_index(doc, "Apr"), 0, 9),
                  mar.getCellRangeByName("A9:L9").RangeAddress)


def sort_month_table(doc):
    """Sorted Mar's table rows (9-21) by Id, descending (A12, A11, A07)."""
    rows = doc.Sheets.getByName("Mar").getCellRangeByName("A9:L21")
    sort_descending(rows, 0)


def delete_settings_sheet(doc):
    """Deleted the Settings sheet (the commands must refuse)."""
    doc.Sheets.removeByName("Settings")


def delete_actions_sheet(doc):
    """Deleted the Actions sheet (the commands must refuse)."""
    doc.Sheets.removeByName("Actions")


EDITS = {f.__name__: f for f in (
    baseline, delete_month_action_row, delete_blank_row_above_month_table,
    insert_action_row, insert_column_before_results, delete_notes_column,
    swap_actions_columns, sort_actions_by_title_desc, hide_rows_and_columns,
    autofilter_actions, months_retyped, statuses_retyped, copy_month_row_to_next_month,
    copy_month_row_and_change_it, text_on_row_without_id, action_typed_on_month_sheet,
    merge_cells_in_month_table, rename_month_sheet, rename_actions_sheet,
    delete_foreign_sheet, add_sheet_with_formula, shrink_actions_table,
    delete_last_action_rows, comments, chart_on_foreign_sheet, defined_names,
    error_values_in_results, numbers_and_spaces_in_text_columns, very_long_text,
    text_like_formulas, date_in_notes, booleans, replan_in_actions,
    unschedule_action_with_results, type_in_free_cells, insert_column_in_actions_table,
    month_unreadable, action_without_id_in_actions, insert_row_above_actions_table,
    delete_action_row_with_results, rename_action_id, clear_action_id,
    clear_two_action_ids, action_without_id_with_month,
    move_month_row_within_table, comment_follows_replanned_row, type_review_answers,
    list_values_retyped, cut_month_row_to_other_month, sort_month_table,
    delete_settings_sheet, delete_actions_sheet)}


def summary(name: str) -> str:
    return " ".join((EDITS[name].__doc__ or "").split())


# ---------------------------------------------------------------- LibreOffice

class Office:
    """One headless LibreOffice with a private profile, restarted if it dies."""

    def __init__(self, profile: Path):
        self.profile = profile
        self.proc = None
        self.desktop = None

    def start(self) -> None:
        user = self.profile / "user"
        user.mkdir(parents=True, exist_ok=True)
        (user / "registrymodifications.xcu").write_text(PROFILE_XCU)
        pipe = f"xlplanedit{os.getpid()}_{time.monotonic_ns()}"
        soffice = os.environ.get("SOFFICE", "soffice")
        self.proc = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--norestore", "--nologo",
             "--nodefault", f"-env:UserInstallation=file://{self.profile}",
             f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(self.profile)})
        self.desktop = connect(pipe, self.proc)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            self.desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def load(self, path: Path):
        url = uno.systemPathToFileUrl(str(path.resolve()))
        for _ in range(3):
            doc = self.desktop.loadComponentFromURL(
                url, "_blank", 0, props(Hidden=True, MacroExecutionMode=4))
            if doc is not None:
                return doc
            time.sleep(1)
        raise RuntimeError(f"LibreOffice could not open {path.name}")


def run_edit(office: Office, source: Path, name: str, outdir: Path, work: Path) -> dict:
    suffix = source.suffix.lower()
    out = outdir / f"{source.stem}-{name}{suffix}"
    result = {"edit": name, "source": str(source), "saved": None, "error": None,
              "seconds": None, "doc": summary(name)}
    start = time.perf_counter()
    # a private copy: LibreOffice leaves its lock file beside what it opens
    folder = work / f"{source.stem}-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    shutil.copyfile(source, copy)
    if not office.alive():
        office.start()
    doc = None
    try:
        doc = office.load(copy)
        baseline(doc)
        if name != "baseline":
            EDITS[name](doc)
        doc.calculateAll()
        if out.exists():
            out.unlink()
        doc.storeToURL(uno.systemPathToFileUrl(str(out.resolve())),
                       props(FilterName=FILTERS[suffix]))
        result["saved"] = str(out)
    except Exception as exc:  # reported to the test, which fails on it
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["traceback"] = traceback.format_exc(limit=3)
    finally:
        if doc is not None:
            try:
                doc.close(True)
            except Exception:
                pass
        if not office.alive():
            office.stop()
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", nargs="?")
    parser.add_argument("outdir", nargs="?")
    parser.add_argument("edits", nargs="*")
    parser.add_argument("--also", action="append", default=[],
                        help="another source workbook, edited the same way")
    parser.add_argument("--list", action="store_true", help="list the edits and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name in EDITS:
            print(json.dumps({"edit": name, "doc": summary(name)}))
        return 0
    if not args.src or not args.outdir:
        parser.error("SRC and OUTDIR are required")
    unknown = [e for e in args.edits if e not in EDITS]
    if unknown:
        parser.error(f"unknown edit(s): {', '.join(unknown)}; --list shows them")
    sources = [Path(args.src), *map(Path, args.also)]
    for s in sources:
        if s.suffix.lower() not in FILTERS:
            parser.error(f"{s} is not an .xlsx or .xlsm file")
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    edits = args.edits or list(EDITS)
    with tempfile.TemporaryDirectory(prefix="xlplan-lo-edit-") as tmp:
        office = Office(Path(tmp) / "profile")
        try:
            office.start()
            for source in sources:
                for name in edits:
                    print(json.dumps(run_edit(office, source, name, outdir,
                                              Path(tmp) / "work")), flush=True)
        finally:
            office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
