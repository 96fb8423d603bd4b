"""Settings that leave nothing to prioritise: a manager types 0 where a plan needs more.

All three scoring weights at 0, no internal hours, no budget, a work-in-progress limit
of 0: check names the cell, prioritize refuses in one sentence and changes nothing, and
the workbook shows no error value, cached or recalculated by LibreOffice.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner

import engine
import xlplan
from xlplan.cli import main
from xlplan.model import Action, Settings
from xlplan.scheduling.ranking import score_of

# the Settings cells a manager types in, found by their labels in column A
LABELS = {"weights": ("Weight of impact", "Weight of effort (low effort scores high)",
                      "Weight of risk (low risk scores high)"),
          "hours": ("Internal hours per week",), "budget": ("Annual digital budget",),
          "wip": ("Work-in-progress limit (actions)",)}


def typed_zero(path, what: str) -> list[str]:
    """Type 0 in the Settings cells of ``what``; returns them as Sheet!Cell."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Settings"]
    cells = [f"Settings!B{row[0].row}" for row in ws.iter_rows(max_col=1)
             if row[0].value in LABELS[what]]
    assert len(cells) == len(LABELS[what])
    for cell in cells:
        ws[cell.split("!")[1]] = 0
    wb.save(path)
    return cells


@pytest.mark.parametrize("what,words", [
    ("weights", "the scoring weights add up to 0, so no action can be scored"),
    ("hours", "0 internal hours per week leave no capacity for any action"),
    ("budget", "an annual budget of 0 leaves no month for any action that costs"),
    ("wip", "a work-in-progress limit of 0 lets no action be planned"),
])
def test_a_zero_that_leaves_nothing_to_plan_is_named_and_prioritize_refuses(
        tmp_path, what, words):
    path = xlplan.new(tmp_path / "roadmap_2027.xlsx", Settings(year=2027))
    cells = typed_zero(path, what)
    report = xlplan.check(path, today=dt.date(2027, 1, 4))
    # one finding, at the first cell to fix (the impact weight, for the weights), and
    # no echo of it from the capacity, budget or WIP rules month by month
    assert [(f.code, f.severity, f.where) for f in report.findings] == \
        [("D215", "error", cells[0])], report.as_text()
    assert words in report.findings[0].message

    before = path.read_bytes()
    result = CliRunner().invoke(main, ["prioritize", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    line, = result.output.strip().splitlines()
    assert line.startswith(f"Error: {cells[0]}: {words}")
    assert line.endswith(".") and (". Type " in line or ". Give " in line)  # how to fix
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_all_zero_weights_score_blank_in_python_not_a_division_by_zero():
    a = Action("A01", "Audit", impact=5, effort=1, risk=1)
    zero = Settings(year=2027, weight_impact=0, weight_effort=0, weight_risk=0)
    assert score_of(a, zero) is None
    # the weights still weigh as before when they add up to something: 20 x (0.5 x 5 +
    # 0.3 x 5 + 0.2 x 5) / 1 = 100
    assert score_of(a, Settings(year=2027)) == 100


@pytest.mark.engine
def test_all_zero_weights_show_no_error_value_in_libreoffice(soffice, tmp_path):
    path = xlplan.new(tmp_path / "roadmap_2027.xlsx", Settings(year=2027))
    typed_zero(path, "weights")
    xlplan.sync(path)  # writes every formula's cached value again
    assert engine.error_cells(path) == []
    recalculated = engine.recalculate(path, tmp_path / "lo")
    assert engine.error_cells(recalculated) == []
    assert engine.mismatches(path, recalculated) == []
    scores = [row[16] for row in engine.cached_values(recalculated)["Actions"][4:]
              if row and row[0]]
    assert len(scores) == 28 and set(scores) == {""}


DEGENERATE = {
    "weights": (dict(weight_impact=0, weight_effort=0, weight_risk=0),
                "the scoring weights add up to 0, so no action can be scored"),
    "hours": (dict(hours_per_week=0), "0 internal hours per week leave no capacity"),
    "budget": (dict(annual_budget=0), "an annual budget of 0 leaves no month"),
    "wip": (dict(wip_limit=0), "a work-in-progress limit of 0 lets no action be planned"),
}


@pytest.mark.engine
def test_the_button_refuses_the_same_settings_and_changes_nothing(tmp_path, soffice):
    import excel_model
    from xlplan.workbook import write_plan
    given = tmp_path / "in"
    given.mkdir()
    files = []
    for what, (settings, _) in DEGENERATE.items():
        path = given / f"{what}.xlsm"
        write_plan(xlplan.make_plan(Settings(year=2027, **settings)), path)
        files.append(path)
    now = dt.datetime(2027, 3, 1, 9, 30)
    in_excel = excel_model.click_all(files, tmp_path / "excel", now)
    told = engine.click_button(files, tmp_path / "told", sheet="macro:xlplan.Recalculate",
                               now=now)
    clicked = engine.click_button(files, tmp_path / "lo", now=now)
    for path, excel, message, click in zip(files, in_excel, told, clicked):
        words = DEGENERATE[path.stem][1]
        assert excel["error"] is None and click["error"] is None, (excel, click)
        (_, shown), = [d[:2] for d in excel["dialogs"]]
        for text in (shown, message["returned"]):
            assert text.startswith("Priorities not recalculated; nothing was changed."), text
            assert "Settings!B" in text and words in text, text
        for folder in ("excel", "told", "lo"):
            assert engine.sheet_differences(path, tmp_path / folder / path.name) == [], \
                (path.stem, folder)
