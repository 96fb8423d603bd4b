"""Edited workbooks: each case edits the sample like a person would, and says which
findings `xlplan check` must report, at which cells.

The expected cells are worked out from the sample's layout by hand (Actions: header
on row 4, A01 on row 5, columns A id … E owner … M month … Q score; month sheets:
header on row 8, first action on row 9), not copied from xlplan's output.
"""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "b2b.xlsx"
TODAY = dt.date(2027, 1, 15)


@dataclass
class Case:
    name: str
    edit: Callable
    expected: dict[str, list[str]]  # code -> cells that must be among its findings
    today: dt.date = TODAY
    suffix: str = ".xlsx"


def findings_by_code(report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.where)
    return out


def edited(case: Case, folder: Path) -> Path:
    """The sample edited by ``case``, saved with openpyxl as a user's tool would."""
    path = folder / f"{case.name}{case.suffix}"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    case.edit(wb)
    wb.save(path)
    return path


def rename_sheet(wb, old: str, new: str) -> None:
    """Rename like Excel does: the sheet, and every reference to it."""
    wb[old].title = new
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" and isinstance(c.value, str):
                    c.value = c.value.replace(f"'{old}'!", f"'{new}'!")
    for name in list(wb.defined_names):
        dn = wb.defined_names[name]
        dn.attr_text = dn.attr_text.replace(f"'{old}'!", f"'{new}'!")


def set_(**cells):
    """An edit typing values: set_(Actions__E5=None) types into Actions!E5."""
    def edit(wb):
        for key, value in cells.items():
            sheet, ref = key.split("__")
            wb[sheet][ref] = value
    return edit


def drop_dropdown(sheet: str, ref: str):
    def edit(wb):
        ws = wb[sheet]
        ws.data_validations.dataValidation = [
            dv for dv in ws.data_validations.dataValidation if ref not in dv.sqref]
    return edit


def in_progress(n: int):
    def edit(wb):
        cells = [("Jan", r) for r in range(9, 13)] + [("Feb", r) for r in range(9, 14)]
        for sheet, r in cells[:n]:
            wb[sheet][f"G{r}"] = "In progress"
    return edit


def copy_to_feb(wb):
    wb["Feb"]["A15"] = "A01"  # Feb has six actions on rows 9-14


def unknown_role(wb):
    from openpyxl.workbook.defined_name import DefinedName
    wb.defined_names["xlplan_role_gantt"] = DefinedName("xlplan_role_gantt",
                                                       attr_text="'Guide'!$A$1")


def untable_risks(wb):
    del wb["Risks"].tables["tblRisks"]


def delete_month_row(wb):
    wb["Jan"].delete_rows(9)  # A01's row


CASES = [
    # a macro-free workbook renamed .xlsm: no macro behind the button's name
    Case("renamed-xlsm", set_(), {"S109": ["renamed-xlsm.xlsm"]}, suffix=".xlsm"),
    Case("owner-cleared", set_(Actions__E5=None), {"M305": ["Actions!E5"]}),
    Case("status-done-bang", set_(Jan__G9="done!"), {"D203": ["Jan!G9"]}),
    Case("score-overwritten", set_(Actions__Q5=42), {"S105": ["Actions!Q5"]}),
    Case("quadrant-deleted", set_(Actions__R5=None), {"S106": ["Actions!R5"]}),
    Case("duplicate-id", set_(Actions__A8="A03"),
         # A04's row now says A03; A04 itself is gone from Actions but sits on Jan row 11
         {"D201": ["Actions!A8"], "D210": ["Jan!A11"]}),
    Case("missing-id", set_(Actions__A6=None),
         # A02 is gone: its Feb row (9) is orphaned; nothing depends on A02; the row
         # without id is still planned for Feb, and sync cannot tell which row is its own
         {"D202": ["Actions!A6"], "D210": ["Feb!A9"], "D213": ["Actions!A6"]}),
    Case("month-row-deleted", delete_month_row, {"D209": ["Actions!M5"]}),
    Case("sheet-renamed", lambda wb: rename_sheet(wb, "Mar", "March"), {}),
    Case("header-renamed", set_(Actions__B4="Task"), {"S103": ["Actions!B4"]}),
    Case("text-for-cost", set_(Actions__J5="1 500 €"), {"D205": ["Actions!J5"]}),
    Case("impact-seven", set_(Actions__F6=7), {"D204": ["Actions!F6"]}),
    Case("unknown-dependency", set_(Actions__H5="A99"), {"D207": ["Actions!H5"]}),
    Case("dependency-cycle", set_(Actions__H5="A02"), {"D208": ["Actions!H5"]}),
    Case("replanned", set_(Actions__M5="Mar"),
         {"D209": ["Actions!M5"], "D210": ["Jan!A9"]}),
    Case("error-typed", set_(KPIs__H6="#DIV/0!"), {"S107": ["KPIs!H6"]}),
    Case("dropdown-removed", drop_dropdown("Jan", "G9"), {"S108": ["Jan!G9"]}),
    Case("risks-deleted", lambda wb: wb.remove(wb["Risks"]), {"S101": ["risks-deleted.xlsx"]}),
    Case("unknown-role", unknown_role, {"S102": ["Guide"]}),
    Case("table-converted", untable_risks, {"S104": ["Risks!A3"]}),
    # the typed row has an id but none of the formulas a month row carries
    Case("in-two-months", copy_to_feb,
         {"D211": ["Jan!A9"], "D210": ["Feb!A15"], "S106": ["Feb!B15", "Feb!L15"]}),
    Case("busy-not-delivering", in_progress(7),
         {"M310": ["Settings!B14"], "M311": ["Dashboard!C13"]}),
    Case("split-not-100", set_(Budget__B4=0.6), {"M303": ["Budget!B7"]}),
    Case("reserve-low", set_(Settings__B31=0.05), {"M304": ["Settings!B31"]}),
    Case("few-workstreams-allowed", set_(Settings__B33=7), {"M301": ["Workstreams!A4"]}),
    Case("kpi-bound", set_(Settings__B35=10), {"M302": ["KPIs!A5"]}),
    Case("one-channel", set_(Budget__D28=90, Budget__D29=10), {"M313": ["Budget!D28"]}),
    Case("raci-no-a", set_(RACI__B4="C"), {"M314": ["RACI!A4"]}),
    Case("risk-no-owner", set_(Risks__H4=None), {"M315": ["Risks!H4"]}),
    Case("risk-date-far", set_(Risks__I4=dt.datetime(2030, 1, 15)), {"D206": ["Risks!I4"]}),
    Case("review-overdue", set_(Risks__I4=dt.datetime(2027, 1, 10)), {"M316": ["Risks!I4"]},
         today=dt.date(2027, 1, 20)),
    # read on 15 February: January is closed and its four actions (A01, A03 to A05)
    # are not done
    Case("late-action", set_(), {"M317": ["Actions!M5", "Actions!M7", "Actions!M8",
                                          "Actions!M9"]},
         today=dt.date(2027, 2, 15)),
    Case("objective-no-kpi", set_(Objectives__E5=None), {"M306": ["Objectives!E5"]}),
    Case("kpi-no-target", set_(KPIs__G6=None), {"M307": ["KPIs!G6"]}),
    Case("hours-over", set_(Actions__K5=500), {"M308": ["Jan!E6"]}),
    Case("overspent", set_(Jan__I9=10000), {"M309": ["Jan!C6"]}),
    Case("drop-scheduled", set_(Actions__F7=1, Actions__G7=5), {"M312": ["Actions!M7"]}),
    Case("start-month-14", set_(Settings__B6=14), {"D212": ["Settings!B6"]}),
    Case("nothing-to-plan", set_(Settings__B22=0, Settings__B23=0, Settings__B24=0,
                                 Settings__B12=0, Settings__B11=0, Settings__B14=0),
         {"D215": ["Settings!B22", "Settings!B12", "Settings!B11", "Settings!B14"]}),
    Case("owner-not-a-person", set_(Actions__E6="Bob"), {"D203": ["Actions!E6"]}),
    # a note typed on a spare row of January's table: no action to keep it with
    Case("note-without-id", set_(Jan__J20="call the printer back"), {"D213": ["Jan!J20"]}),
    # a status and a month typed as people do, not as the lists write them
    Case("label-forms", set_(Jan__G9="done", Actions__M7="January"),
         {"D214": ["Jan!G9", "Actions!M7"], "D203": ["Actions!M7"]}),
]
