"""A manager edits the workbook; LibreOffice recalculates; dependent cells follow."""
from __future__ import annotations

import openpyxl
import pytest

import engine
from xlplan.content.sample import ACTIONS

pytestmark = pytest.mark.engine


def find_row(ws, col: int, value) -> int:
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == value:
            return row[0].row
    raise AssertionError(f"{value} not in column {col} of {ws.title}")


def header_col(ws, header_row: int, text: str) -> int:
    for cell in ws[header_row]:
        if cell.value == text:
            return cell.column
    raise AssertionError(f"no header {text!r} in {ws.title}")


def test_manager_marks_done_changes_cost_types_kpi_and_reweights(soffice, sample_xlsx,
                                                                 tmp_path):
    wb = openpyxl.load_workbook(sample_xlsx)
    # March: the product pages rewrite (A11) is done
    march = wb["Mar"]
    march.cell(find_row(march, 1, "A11"), header_col(march, 8, "Status")).value = "Done"
    # Actions: the first paid test costs 1,800 instead of 1,000
    actions = wb["Actions"]
    a05 = find_row(actions, 1, "A05")
    actions.cell(a05, header_col(actions, 4, "Cost")).value = 1800
    # KPIs: 50 qualified leads in March (baseline 40, target 60)
    kpis = wb["KPIs"]
    k03 = find_row(kpis, 1, "K03")
    kpis.cell(k03, header_col(kpis, 5, "Mar")).value = 50
    # Settings: impact weighs 1.0 instead of 0.5
    settings = wb["Settings"]
    settings.cell(find_row(settings, 1, "Weight of impact"), 2).value = 1.0
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    out = engine.recalculate(edited, tmp_path / "lo")
    assert engine.error_cells(out) == []
    v = openpyxl.load_workbook(out, data_only=True)
    act = v["Actions"]

    def action_value(aid, header):
        return act.cell(find_row(act, 1, aid), header_col(act, 4, header)).value

    # the status typed in March shows in Actions and in the counts
    assert action_value("A11", "Status") == "Done"
    dash = v["Dashboard"]
    mar_row = find_row(dash, 1, "Mar")
    header_row = next(r for r in range(1, 60) if dash.cell(r, 1).value == "Month")
    done_col = header_col(dash, header_row, "Done")
    assert dash.cell(mar_row, done_col).value == 1
    ws = v["Workstreams"]
    conv = find_row(ws, 2, "Conversion & website")
    assert ws.cell(conv, header_col(ws, 4, "Done")).value == 1

    # January's planned budget: the sample's January costs with A05 at 1,800
    january = sum(row[8] for row in ACTIONS if row[11] == 1 and row[0] != "A05") + 1800
    budget = v["Budget"]
    jan_row = next(r for r in range(1, 40) if budget.cell(r, 1).value is not None
                   and getattr(budget.cell(r, 1).value, "month", None) == 1)
    assert budget.cell(jan_row, 3).value == january

    # KPI: progress (50 - 40) / (60 - 40); 3 months reported; ahead of 90 % x 3/12
    k = v["KPIs"]
    assert k.cell(k03, header_col(k, 5, "Last actual")).value == 50
    assert k.cell(k03, header_col(k, 5, "Months reported")).value == 3
    assert k.cell(k03, header_col(k, 5, "Progress")).value == pytest.approx(0.5)
    assert k.cell(k03, header_col(k, 5, "Status")).value == "Green"

    # score of A01 (impact 5, effort 3, risk 1, no dependency) with weights 1/0.3/0.2
    expected = round(20 * (1.0 * 5 + 0.3 * (6 - 3) + 0.2 * (6 - 1)) / 1.5, 1)
    assert action_value("A01", "Score") == pytest.approx(expected)
    # and A02 (the same figures, one dependency) loses 5 points
    expected_a02 = round(20 * (1.0 * 5 + 0.3 * 3 + 0.2 * 5) / 1.5 - 5, 1)
    assert action_value("A02", "Score") == pytest.approx(expected_a02)
