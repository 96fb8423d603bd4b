"""Every cached value equals what LibreOffice computes, on real workbooks."""
from __future__ import annotations

import pytest

import engine
import xlplan
from xlplan.content.synthetic import synthetic_plan
from xlplan.workbook import write_plan

pytestmark = pytest.mark.engine


def check_against_engine(path, tmp_path):
    recalculated = engine.recalculate(path, tmp_path / "lo")
    assert engine.error_cells(path) == []
    assert engine.error_cells(recalculated) == []
    assert engine.mismatches(path, recalculated) == []
    return recalculated


def test_the_engine_really_recalculates(soffice, tmp_path):
    # a wrong cached value must come back corrected, or the comparisons prove nothing
    import xlsxwriter
    path = tmp_path / "wrong.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    ws.write_number(0, 0, 6)
    ws.write_formula(1, 0, "=A1*7", None, 999)
    wb.close()
    out = engine.recalculate(path, tmp_path / "lo")
    assert engine.cached_values(out)["S"][1][0] == 42
    assert engine.mismatches(path, out) == ["S!R2C1 =A1*7: cached 999.0, engine 42.0"]


def test_sample_workbook_matches_libreoffice(soffice, sample_xlsx, tmp_path):
    check_against_engine(sample_xlsx, tmp_path)


@pytest.mark.parametrize("lang,model,start", [("fr", "ecommerce", 4), ("en", "saas", 9),
                                              ("en", "b2b", 1)])
def test_variants_match_libreoffice(soffice, tmp_path, lang, model, start):
    path = tmp_path / f"{lang}-{model}.xlsx"
    xlplan.new(path, xlplan.Settings(year=2028, language=lang, business_model=model,
                                     start_month=start, maturity="beginner"))
    check_against_engine(path, tmp_path)


def test_thousand_actions_match_libreoffice(soffice, tmp_path):
    plan = synthetic_plan(1000)
    xlplan.scheduling.rank_actions(plan.actions, plan.settings)
    path = tmp_path / "big.xlsx"
    write_plan(plan, path)
    out = check_against_engine(path, tmp_path)
    # a second reader (calamine, on the engine's file) sees each month's actions
    values = engine.cached_values(out)
    dashboard = values["Dashboard"]
    totals = {row[0]: row[6] for row in dashboard if row and isinstance(row[6], float)
              and row[0] in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                             "Sep", "Oct", "Nov", "Dec")}
    expected = {}
    for a in plan.actions:
        if a.month:
            name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                    "Nov", "Dec"][a.month - 1]
            expected[name] = expected.get(name, 0) + 1
    assert totals == {k: float(v) for k, v in expected.items()}
