"""Values typed where a rewrite has no place for them: sync reads months in every form
people type, finds columns by their header, and refuses (naming the cell, changing no
byte) rather than lose what it cannot place; check reports the same cells (D213)."""
from __future__ import annotations

import shutil

import openpyxl
import pytest

import xlplan
from corpus import SAMPLE, TODAY
from xlplan.rules.check import check


def edit(tmp_path, change):
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def findings(path, code):
    return {f.where for f in check(path, today=TODAY).findings if f.code == code}


@pytest.mark.parametrize("typed", ["April", "avril", "AVR.", 4, "4"])
def test_a_month_typed_in_another_form_moves_the_action_with_what_was_typed(tmp_path, typed):
    def change(wb):
        wb["Actions"]["M11"] = typed            # A07, planned for March
        wb["Mar"]["H9"] = "Brief signed"        # its month row's results
        wb["Mar"]["I9"] = 350                   # actual spend
    path = edit(tmp_path, change)
    xlplan.sync(path)
    wb = openpyxl.load_workbook(path)
    assert wb["Actions"]["M11"].value == "Apr"
    april = {r[0].value: [c.value for c in r] for r in wb["Apr"].iter_rows(min_row=9)}
    assert april["A07"][7:9] == ["Brief signed", 350]
    assert "A07" not in [r[0].value for r in wb["Mar"].iter_rows(min_row=9)]


def test_text_on_a_month_row_without_id_is_refused_not_lost(tmp_path):
    path = edit(tmp_path, lambda wb: wb["Mar"].__setitem__("J15", "call the printer back"))
    before = path.read_bytes()
    with pytest.raises(xlplan.XlplanError, match=r"Mar!J15: 'call the printer back' is "
                       r"typed on a row without an action id"):
        xlplan.sync(path)
    with pytest.raises(xlplan.XlplanError, match="Mar!J15"):
        xlplan.prioritize(path)
    assert path.read_bytes() == before
    assert "Mar!J15" in findings(path, "D213")


def test_a_copied_month_row_that_says_something_else_is_refused(tmp_path):
    def change(wb):
        mar, apr = wb["Mar"], wb["Apr"]
        free = next(r for r in range(9, 40) if apr.cell(r, 1).value is None)
        for c in range(1, 13):
            apr.cell(free, c).value = mar.cell(9, c).value
        apr.cell(free, 7).value = "Done"        # the copy says Done, March says not
        change.row = free
    path = edit(tmp_path, change)
    before = path.read_bytes()
    with pytest.raises(xlplan.XlplanError, match=r"A07 is also on Mar"):
        xlplan.sync(path)
    assert path.read_bytes() == before
    assert f"Apr!G{change.row}" in findings(path, "D213")


def test_an_identical_copy_of_a_month_row_is_folded_into_one(tmp_path):
    def change(wb):
        mar, apr = wb["Mar"], wb["Apr"]
        mar["H9"] = "kick-off done"
        free = next(r for r in range(9, 40) if apr.cell(r, 1).value is None)
        for c in range(1, 13):
            apr.cell(free, c).value = mar.cell(9, c).value
    path = edit(tmp_path, change)
    assert findings(path, "D213") == set()
    xlplan.sync(path)
    plan = xlplan.read(path)
    a07 = next(a for a in plan.actions if a.id == "A07")
    assert a07.month == 3 and a07.results == "kick-off done"


def test_a_month_nobody_can_read_is_refused(tmp_path):
    path = edit(tmp_path, lambda wb: wb["Actions"].__setitem__("M11", "Q3"))
    with pytest.raises(xlplan.XlplanError, match=r"Actions!M11: 'Q3' is not a month"):
        xlplan.sync(path)
    assert "Actions!M11" in findings(path, "D213")


def test_an_action_without_month_but_with_results_is_refused(tmp_path):
    def change(wb):
        wb["Actions"]["M11"] = None
        wb["Mar"]["H9"] = "first draft"
    path = edit(tmp_path, change)
    with pytest.raises(xlplan.XlplanError, match=r"Mar!H9: A07 has no month in Actions"):
        xlplan.sync(path)


def _delete_month_column(wb, sheet: str, col: int):
    """Delete a column of a month table the way a spreadsheet does: cells shift left,
    the table loses that column."""
    ws = wb[sheet]
    ws.delete_cols(col)
    table = ws.tables[next(iter(ws.tables))]
    table.ref = table.ref.replace("L", "K")
    del table.tableColumns[col - 1]
    for i, tc in enumerate(table.tableColumns, start=1):
        tc.id = i


def test_columns_are_found_by_their_header_after_one_is_deleted(tmp_path):
    def change(wb):
        wb["Mar"]["H9"] = "Brief signed"
        wb["Mar"]["I9"] = 350
        wb["Mar"]["J9"] = "see the minutes"
        _delete_month_column(wb, "Mar", 8)      # Results
    path = edit(tmp_path, change)
    xlplan.sync(path)
    a07 = next(a for a in xlplan.read(path).actions if a.id == "A07")
    assert (a07.results, a07.spend, a07.notes) == ("", 350, "see the minutes")
    ws = openpyxl.load_workbook(path)["Mar"]
    assert [ws.cell(8, c).value for c in (8, 9, 10)] == ["Results", "Actual spend", "Notes"]
    assert [ws.cell(9, c).value for c in (8, 9, 10)] == [None, 350, "see the minutes"]


def test_a_column_inserted_inside_a_month_table_with_values_is_refused(tmp_path):
    def change(wb):
        ws = wb["Mar"]
        ws.insert_cols(8)
        ws["H8"] = "Supplier"
        ws["H9"] = "Printco"
        table = ws.tables[next(iter(ws.tables))]
        table.ref = "A8:M21"
        from openpyxl.worksheet.table import TableColumn
        table.tableColumns.insert(7, TableColumn(id=99, name="Supplier"))
        for i, tc in enumerate(table.tableColumns, start=1):
            tc.id = i
    path = edit(tmp_path, change)
    with pytest.raises(xlplan.XlplanError, match=r"Mar!H9: 'Printco' is in column "
                       r"'Supplier'"):
        xlplan.sync(path)
    assert "Mar!H9" in findings(path, "D213")


@pytest.mark.parametrize("sheet", ["Actions", "Settings"])
def test_a_deleted_plan_sheet_is_refused_never_rebuilt_empty(tmp_path, sheet):
    path = edit(tmp_path, lambda wb: wb.remove(wb[sheet]))
    before = path.read_bytes()
    for command in (xlplan.sync, xlplan.prioritize):
        with pytest.raises(xlplan.XlplanError, match=f"the {sheet} sheet is missing"):
            command(path)
    with pytest.raises(xlplan.XlplanError, match=f"the {sheet} sheet is missing"):
        xlplan.rollover(path, tmp_path / "next.xlsx")
    assert path.read_bytes() == before
    assert not (tmp_path / "next.xlsx").exists()


def test_typed_cells_of_the_tables_come_back_exactly_as_typed(tmp_path):
    def change(wb):
        acts, mar = wb["Actions"], wb["Mar"]
        acts["B11"] = "  Brief the agency  "      # spaces kept
        acts["E11"] = 2027                         # a number in a text column
        acts["J11"] = "=100*3"                     # a formula in an input cell
        mar["H9"] = 42                             # a number as results
        mar["J9"] = "=1/0"                         # a formula showing an error
        mar["G9"] = "done"                         # a status in lower case
    path = edit(tmp_path, change)
    report = xlplan.sync(path)
    assert "Mar!G9: 'done' is written 'Done' in the list" in report.repairs
    wb = openpyxl.load_workbook(path)
    acts, mar = wb["Actions"], wb["Mar"]
    assert acts["B11"].value == "  Brief the agency  " and acts["E11"].value == 2027
    assert acts["J11"].value == "=100*3"
    assert mar["H9"].value == 42 and mar["J9"].value == "=1/0" and mar["G9"].value == "Done"
    # a second sync changes no byte
    once = path.read_bytes()
    xlplan.sync(path)
    assert path.read_bytes() == once


def test_an_error_value_typed_outside_the_tables_is_kept(tmp_path):
    def change(wb):
        wb["Actions"]["AB20"] = "=NA()"
        wb.create_sheet("Mine")["A1"] = "=1/0"
    path = edit(tmp_path, change)
    xlplan.sync(path)
    wb = openpyxl.load_workbook(path)
    assert wb["Actions"]["AB20"].value == "=NA()" and wb["Mine"]["A1"].value == "=1/0"


def test_renamed_sheets_keep_their_names_and_the_formulas_pointing_at_them(tmp_path):
    def change(wb):
        from corpus import rename_sheet
        rename_sheet(wb, "Mar", "March 2027")
        rename_sheet(wb, "Actions", "Backlog")
        wb.create_sheet("Mine")["A1"] = "='March 2027'!G9"
    path = edit(tmp_path, change)
    xlplan.sync(path)
    xlplan.prioritize(path)
    wb = openpyxl.load_workbook(path)
    assert "March 2027" in wb.sheetnames and "Backlog" in wb.sheetnames
    assert "Mar" not in wb.sheetnames and "Actions" not in wb.sheetnames
    assert wb["Mine"]["A1"].value == "='March 2027'!G9"
    assert xlplan.check(path, today=TODAY).exit_code() == 0


def test_names_people_define_are_kept_constants_and_sheet_names_too(tmp_path):
    from openpyxl.workbook.defined_name import DefinedName

    def change(wb):
        wb.defined_names["VAT"] = DefinedName("VAT", attr_text="0.2")
        wb.defined_names["Busy"] = DefinedName("Busy", attr_text="'Mar'!$G$9:$G$12")
        wb["Mar"].defined_names["Local"] = DefinedName("Local", attr_text="'Mar'!$H$9")
    path = edit(tmp_path, change)
    xlplan.sync(path)
    wb = openpyxl.load_workbook(path)
    assert wb.defined_names["VAT"].attr_text == "0.2"
    assert wb.defined_names["Busy"].attr_text == "'Mar'!$G$9:$G$12"
    assert wb["Mar"].defined_names["Local"].attr_text == "'Mar'!$H$9"


def test_comments_stay_and_follow_their_action(tmp_path):
    from openpyxl.comments import Comment

    def change(wb):
        wb["Mar"]["H9"].comment = Comment("check with Claire", "Hugo")   # A07's row
        wb["Settings"]["D2"].comment = Comment("budget agreed in June", "Claire")
        wb["Actions"]["M11"] = "Apr"                                        # A07 moves
    path = edit(tmp_path, change)
    xlplan.sync(path)
    wb = openpyxl.load_workbook(path)
    assert wb["Settings"]["D2"].comment.text == "budget agreed in June"
    row = next(r for r in range(9, 40) if wb["Apr"].cell(r, 1).value == "A07")
    assert wb["Apr"].cell(row, 8).comment.text == "check with Claire"
    assert wb["Apr"].cell(row, 8).comment.author == "Hugo"


def test_columns_of_other_tables_swapped_by_hand_come_back_under_their_headers(tmp_path):
    def change(wb):
        ws = wb["Workstreams"]
        header = [c.value for c in ws[4]]
        owner, scope = header.index("Owner") + 1, header.index("Scope") + 1
        for r in range(4, ws.max_row + 1):  # cut and paste: the two columns trade places
            a, b = ws.cell(r, owner).value, ws.cell(r, scope).value
            ws.cell(r, owner).value, ws.cell(r, scope).value = b, a
        change.cols = owner, scope
    path = edit(tmp_path, change)
    before = openpyxl.load_workbook(SAMPLE)["Workstreams"]
    owner, scope = change.cols
    xlplan.sync(path)
    ws = openpyxl.load_workbook(path)["Workstreams"]
    assert ws.cell(4, owner).value == "Owner" and ws.cell(4, scope).value == "Scope"
    for r in range(5, 12):
        assert ws.cell(r, owner).value == before.cell(r, owner).value
        assert ws.cell(r, scope).value == before.cell(r, scope).value


def test_actions_below_a_shrunk_table_range_stay_in_the_plan(tmp_path):
    def change(wb):
        table = wb["Actions"].tables["tblActions"]
        table.ref = "A4:W20"     # rows 21-32 (A17-A28) fall outside the table
        wb["Actions"]["B30"] = "  Renamed by hand"
    path = edit(tmp_path, change)
    ids = [a.id for a in xlplan.read(SAMPLE).actions]
    xlplan.sync(path)
    plan = xlplan.read(path)
    assert [a.id for a in plan.actions] == ids
    assert openpyxl.load_workbook(path)["Actions"]["B30"].value == "  Renamed by hand"
