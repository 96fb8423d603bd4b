"""The formula engine follows Excel's rules (LibreOffice confirms them in engine tests)."""
from __future__ import annotations

import pytest

from xlplan.formulas import Cell, Const, EvalContext, Fn, Range, XLError
from xlplan.formulas.expr import criterion


def ev(expr, cells=None):
    cells = cells or {}
    return expr.ev(EvalContext(lambda s, r, c: cells.get((s, r, c)), {}))


def test_round_half_away_from_zero():
    assert ev(Fn("ROUND", 2.25, 1)) == 2.3
    assert ev(Fn("ROUND", -2.5, 0)) == -3


def test_date_rolls_months_over_years_and_weekday():
    assert ev(Fn("DATE", 2027, 14, 1)) == ev(Fn("DATE", 2028, 2, 1))
    assert ev(Fn("WEEKDAY", Fn("DATE", 2028, 2, 1), 2)) == 2  # a Tuesday


def test_blank_cells_compare_equal_to_empty_text_and_zero():
    blank = Cell("S", 0, 0)
    assert ev(blank.eq("")) is True
    assert ev(blank.eq(0)) is True
    assert ev(Const("").concat(blank)) == ""


def test_criteria():
    assert criterion(">=3")(4) and not criterion(">=3")("4")
    assert criterion("done")("Done") and not criterion("done")(None)
    assert criterion("<>")("x") and not criterion("<>")(None)
    assert criterion("")(None) and criterion("")("")
    assert criterion("<>Done")(None)


def test_sumifs_and_division_by_zero():
    cells = {("S", r, 0): v for r, v in enumerate(["a", "b", "a", None])}
    cells.update({("S", r, 1): v for r, v in enumerate([1, 2, 3, 4])})
    total = Fn("SUMIFS", Range("S", 0, 1, 3, 1), Range("S", 0, 0, 3, 0), "a")
    assert ev(total, cells) == 4
    assert ev(Const(1) / 0) == XLError.DIV0
    assert ev(Fn("IFERROR", Const(1) / 0, "x")) == "x"


def test_precedence_is_rendered_with_brackets():
    a, b, c = Cell("S", 0, 0), Cell("S", 0, 1), Cell("S", 0, 2)
    assert (a - (b - c)).xl() == "'S'!$A$1-('S'!$B$1-'S'!$C$1)"
    assert ((a + b) * c).xl() == "('S'!$A$1+'S'!$B$1)*'S'!$C$1"


def test_only_portable_functions_exist():
    for name in ("XLOOKUP", "LET", "FILTER", "INDIRECT", "OFFSET", "TODAY", "SORT"):
        with pytest.raises(ValueError):
            Fn(name, 1)
