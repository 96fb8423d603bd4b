"""Property: whatever a person types, of any type, in any cell they own — an input
cell, a typed cell of the Actions and month tables, a cell xlplan does not use, a sheet
of their own — sync keeps it at its place with its type and value (read back by
openpyxl, a second reader), a second sync changes no byte, and no structure finding
appears but the error values the typed values cause."""
from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corpus import SAMPLE, TODAY
from test_sync_properties import CELLS
from xlplan.rules import RULES
from xlplan.rules.check import check
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
