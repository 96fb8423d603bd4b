"""Properties: whatever a person types, of any type, in any cell they own — an input
cell, a typed cell of the Actions and month tables, a cell xlplan does not use, a sheet
of their own — sync keeps it at its place with its type and value (read back by
openpyxl, a second reader), a second sync changes no byte, and no structure finding
appears but the error values the typed values cause. And after a random sequence of
ordinary edits (typing, retyping months and statuses as people do, comments, names;
columns moved by hand are tested in test_placement.py), sync conserves every item the conservation checker lists, or
refuses and changes no byte."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

import openpyxl
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import conservation
from corpus import SAMPLE, TODAY
from test_sync_properties import CELLS
from xlplan.rules import RULES
from xlplan.rules.check import check
from xlplan.errors import XlplanError
from xlplan.repair import sync

# the free columns of existing actions' rows (list columns take the list's label)
TABLE_CELLS = ([("Actions", f"{col}{row}") for col in "BCDEFGHIJKOT" for row in (5, 11, 20)]
               + [("Mar", f"{col}{row}") for col in "HIJ" for row in (9, 10)])
# cells xlplan does not use, and a sheet of the person's own
FREE_CELLS = [("Actions", "AC7"), ("Mar", "O3"), ("Settings", "Z40"), ("Dashboard", "AZ2"),
              ("Mine", "A1"), ("Mine", "C12")]
PLACES = sorted({(s, r) for s, r, _ in CELLS} | set(TABLE_CELLS) | set(FREE_CELLS))

PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))
TYPED = st.one_of(
    st.text(PRINTABLE, min_size=1, max_size=30),
    st.text(PRINTABLE, min_size=1, max_size=10).map(lambda s: f"  {s} "),  # spaces kept
    st.sampled_from(["=1+1 as text", "+33 6 12", "-", "@home", "=", "1/2", "01", "12%"])
    .map(lambda s: ("text", s)),
    st.text("ab ", min_size=4000, max_size=5000),
    st.integers(-10**9, 10**9),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
    st.sampled_from(["=1+2", "=1/0", "=NA()", '="a"&"b"', "=SUM(1,2)"]),
)


def _type(wb, sheet, ref, value):
    ws = wb[sheet] if sheet in wb.sheetnames else wb.create_sheet(sheet)
    if isinstance(value, tuple):  # text that a spreadsheet would read as something else
        ws[ref] = value[1]
        ws[ref].data_type = "s"
        return value[1]
    ws[ref] = value
    if isinstance(value, dt.date):
        ws[ref].number_format = "yyyy-mm-dd"
    return value


def _same(got, typed) -> bool:
    if isinstance(typed, (int, float)) and not isinstance(typed, bool) and \
            isinstance(got, (dt.datetime, dt.time)):
        # a number typed in a date cell is kept; openpyxl reads it back as a date or,
        # for 0 to 1, a time of day: compare the serial number the cell holds
        serial = (got - dt.datetime(1899, 12, 30)).total_seconds() / 86400 \
            if isinstance(got, dt.datetime) else \
            (got.hour * 3600 + got.minute * 60 + got.second) / 86400
        return abs(serial - typed) <= 1e-6
    if isinstance(typed, dt.date):
        return isinstance(got, dt.datetime) and got.date() == typed
    if isinstance(typed, float) and isinstance(got, (int, float)) \
            and not isinstance(got, bool):
        return abs(got - typed) <= 1e-9 * max(1.0, abs(typed))
    return got == typed and type(got) is type(typed)


@settings(max_examples=12, deadline=None, phases=[Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PLACES), TYPED), min_size=1, max_size=10,
                unique_by=lambda t: t[0]))
def test_every_typed_value_survives_sync_with_its_type(tmp_path_factory, typing):
    path = tmp_path_factory.mktemp("conserve") / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    typed = [((sheet, ref), _type(wb, sheet, ref, value)) for (sheet, ref), value in typing]
    wb.save(path)

    sync(path)

    after = openpyxl.load_workbook(path)
    for (sheet, ref), value in typed:
        got = after[sheet][ref].value
        assert _same(got, value), (sheet, ref, value, got)
    once = path.read_bytes()
    sync(path)
    assert path.read_bytes() == once, "a second sync changed the file"
    structure = [f for f in check(path, today=TODAY).findings
                 if RULES[f.code].category == "structure" and f.code != "S107"]
    assert structure == []


MONTH_FORMS = st.sampled_from(["March", "mars", "MAR", 3, "3", " Apr ", "juillet", "Dec"])
STATUS_FORMS = st.sampled_from(["done", " In progress", "BLOCKED", "not started", "Later"])


@st.composite
def edit_sequences(draw):
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["type", "month", "status", "comment", "name"]))
        if kind == "type":
            (sheet, ref), value = draw(st.sampled_from(PLACES)), draw(TYPED)
            steps.append((kind, lambda wb, a=(sheet, ref, value): _type(wb, *a)))
        elif kind == "month":
            row, form = draw(st.integers(5, 32)), draw(MONTH_FORMS)
            steps.append((kind, lambda wb, r=row, f=form: wb["Actions"].cell(r, 13, f)))
        elif kind == "status":
            sheet, form = draw(st.sampled_from(["Jan", "Feb", "Mar"])), draw(STATUS_FORMS)
            steps.append((kind, lambda wb, s=sheet, f=form: wb[s].cell(9, 7, f)))
        elif kind == "comment":
            sheet, ref = draw(st.sampled_from(PLACES))
            text = draw(st.text("abc xyz", min_size=1, max_size=20))
            steps.append((kind, lambda wb, a=(sheet, ref, text): setattr(
                (wb[a[0]] if a[0] in wb.sheetnames else wb.create_sheet(a[0]))[a[1]],
                "comment", Comment(a[2], "someone"))))
        else:
            value = draw(st.integers(0, 100))
            steps.append((kind, lambda wb, v=value: wb.defined_names.__setitem__(
                "MyRate", DefinedName("MyRate", attr_text=str(v)))))
    return steps


@settings(max_examples=10, deadline=None, phases=[Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edit_sequences())
def test_a_sequence_of_ordinary_edits_is_conserved_or_refused(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("sequence") / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    for _, step in steps:
        step(wb)
    wb.save(path)
    before, original = conservation.inventory(path), path.read_bytes()
    try:
        sync(path)
    except XlplanError:
        assert path.read_bytes() == original
        return
    assert conservation.lost(before, conservation.inventory(path)) == []
    once = path.read_bytes()
    sync(path)
    assert path.read_bytes() == once, "a second sync changed the file"
    structure = [f for f in check(path, today=TODAY).findings
                 if RULES[f.code].category == "structure" and f.code != "S107"]
    assert structure == []
