"""Property: whatever a person types in the cells they own, sync keeps it, restores
every formula, and leaves no structure finding."""
from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import SAMPLE, TODAY
from xlplan.formulas import Expr
from xlplan.reading.document import open_document
from xlplan.reading.package import cell_ref
from xlplan.reading.plan import read_plan
from xlplan.rules import RULES
from xlplan.rules.check import check
from xlplan.repair import rebuild, sync

# cells whose meaning changes the layout itself (the plan's calendar, an action's
# identity, its month: moving is tested on its own) or that only know Yes/No
NOT_RANDOM = {("Settings", "B5"), ("Settings", "B6"), ("Settings", "B7")}
NOT_RANDOM_ACTION_COLUMNS = {"A", "M", "N"}


def _input_cells():
    doc = open_document(SAMPLE)
    book = rebuild(doc, read_plan(doc))
    cells = []
    for sheet in book.sheets:
        for (r, c), (value, style) in sorted(sheet.cells.items()):
            if not (style or "").startswith("input") or isinstance(value, Expr):
                continue
            ref = cell_ref(r, c)
            if (sheet.name, ref) in NOT_RANDOM:
                continue
            if sheet.name == "Actions" and ref.rstrip("0123456789") in NOT_RANDOM_ACTION_COLUMNS:
                continue
            if sheet.role.startswith("month") and r >= 8 and sheet.cells[(r, 0)][0] is None:
                continue  # a spare month row: typing there is a new action, tested apart
            if sheet.name == "Actions" and sheet.cells[(r, 0)][0] is None:
                continue  # a spare Actions row: a new action (sync closes up blank rows)
            cells.append((sheet.name, ref, style))
    return cells


CELLS = _input_cells()
TEXT = st.text(alphabet="abcdefgh XYZ-é'", min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s.strip())
NUMBER = st.one_of(st.integers(0, 5000), st.floats(0, 5000, allow_nan=False).map(
    lambda f: round(f, 2)))


@st.composite
def edits(draw):
    chosen = draw(st.lists(st.sampled_from(CELLS), min_size=1, max_size=8,
                           unique_by=lambda t: (t[0], t[1])))
    out = []
    for sheet, ref, style in chosen:
        if style == "input_date":
            value = draw(st.datetimes(dt.datetime(2027, 1, 1), dt.datetime(2028, 12, 31))
                         .map(lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0)))
        else:
            value = draw(NUMBER if style != "input" else st.one_of(TEXT, st.none()))
        out.append((sheet, ref, value))
    return out


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits())
def test_sync_keeps_every_typed_value(tmp_path_factory, changes):
    path = tmp_path_factory.mktemp("prop") / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    for sheet, ref, value in changes:
        wb[sheet][ref] = value
    wb.save(path)

    sync(path)

    after = openpyxl.load_workbook(path)  # a second reader
    for sheet, ref, value in changes:
        got = after[sheet][ref].value
        same = got == value or (isinstance(value, float) and isinstance(got, (int, float))
                                and abs(got - value) < 1e-9)
        assert same, (sheet, ref, value, got)
    report = check(path, today=TODAY)
    assert [f for f in report.findings if RULES[f.code].category == "structure"] == []
