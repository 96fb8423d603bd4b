"""xlplan prioritize on a workbook: moves with reasons, statuses travel, nothing lost."""
from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from corpus import CASES, TODAY, edited, findings_by_code, set_
from xlplan.cli import main
from xlplan.rules.check import check


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_prioritize_moves_an_action_after_its_dependency_with_its_status(tmp_path):
    # in the sample A02 depends on A01 (January); a manager moves A02 to January too,
    # where its row is typed on
    case = CASES[0].__class__("deps", set_(Actions__M6="Jan", Feb__G9="In progress",
                                           Feb__H9="draft KPIs"), {})
    path = edited(case, tmp_path)
    dry = _run("prioritize", str(path), "--dry-run")
    assert dry.exit_code == 0 and "A02: moved Jan → Feb: must come after A01 (Jan)" in dry.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]

    result = _run("prioritize", str(path))
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(path, data_only=True)
    feb = wb["Feb"]
    row = next(r for r in range(9, 40) if feb[f"A{r}"].value == "A02")
    assert (feb[f"G{row}"].value, feb[f"H{row}"].value) == ("In progress", "draft KPIs")
    actions = wb["Actions"]
    assert actions["M6"].value == "Feb"
    assert actions["U6"].value == "moved Jan → Feb: must come after A01 (Jan)"
    assert findings_by_code(check(path, today=TODAY)) == {}

    once = path.read_bytes()
    again = _run("prioritize", str(path))
    assert "moved 0 action(s)" in again.output and path.read_bytes() == once


def test_explain_tells_why_an_action_sits_where_it_does(tmp_path):
    path = edited(CASES[0].__class__("explain", set_(), {}), tmp_path)
    result = _run("prioritize", str(path), "--explain", "A01")
    assert result.exit_code == 0 and result.output.strip() == "A01: stays in Jan: it fits"
    unknown = _run("prioritize", str(path), "--explain", "A99")
    assert unknown.exit_code == 2 and "no action has the id A99" in unknown.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_prioritize_refuses_a_file_open_in_excel(tmp_path):
    path = edited(CASES[0].__class__("locked", set_(), {}), tmp_path)
    (tmp_path / f"~${path.name}").write_text("")
    before = path.read_bytes()
    result = _run("prioritize", str(path))
    assert result.exit_code == 2 and "open in Excel or LibreOffice" in result.output
    assert path.read_bytes() == before
