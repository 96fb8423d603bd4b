"""xlplan sync: what xlplan owns comes back; what people typed stays."""
from __future__ import annotations

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from corpus import CASES, SAMPLE, TODAY, edited, findings_by_code, set_
from xlplan.cli import main
from xlplan.workbook.files import backups
from xlplan.errors import XlplanError
from xlplan.rules import RULES
from xlplan.rules.check import check
from xlplan.repair import sync

REPAIRABLE = {"D209", "D210", "D211"}


def structure_or_placement(report) -> dict:
    return {code: cells for code, cells in findings_by_code(report).items()
            if RULES[code].category == "structure" or code in REPAIRABLE}


def test_sync_of_an_untouched_workbook_changes_no_byte(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    report = sync(path)
    assert path.read_bytes() == SAMPLE.read_bytes()
    assert report.repairs == [] and report.backup.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_sync_repairs_structure_and_is_idempotent(case, tmp_path):
    path = edited(case, tmp_path)
    original = path.read_bytes()
    if "D213" in case.expected:  # a value sync cannot place: it refuses, writes nothing
        with pytest.raises(XlplanError, match=case.expected["D213"][0]):
            sync(path)
        assert path.read_bytes() == original and backups(path) == []
        return
    sync(path)
    assert [p.read_bytes() for p in backups(path)] == [original]
    left = structure_or_placement(check(path, today=case.today))
    if case.name == "error-typed":
        # an error value a person typed is theirs: kept, and so is what it causes
        assert "KPIs!H6" in left.pop("S107")
    assert left == {}
    once = path.read_bytes()
    sync(path)
    assert path.read_bytes() == once, "a second sync changed the file"


def _values(path, sheet):
    wb = openpyxl.load_workbook(path, data_only=True)
    return wb[sheet]


def test_what_people_typed_survives(tmp_path):
    case = CASES[0].__class__("typed", set_(
        Jan__G9="done!", Jan__H9="audit delivered", Jan__I9=1234.5, Jan__J9="see report",
        KPIs__H6=4100, Risks__G4="a new mitigation", RACI__C5="A", Review__B40="Good year",
        Actions__B6="Measurable objectives (revised)", Actions__K5=44), {})
    path = edited(case, tmp_path)
    sync(path)
    jan, kpis = _values(path, "Jan"), _values(path, "KPIs")
    assert [jan[f"{c}9"].value for c in "AGHIJ"] == ["A01", "done!", "audit delivered",
                                                     1234.5, "see report"]
    assert kpis["H6"].value == 4100
    assert _values(path, "Risks")["G4"].value == "a new mitigation"
    assert _values(path, "RACI")["C5"].value == "A"
    actions = _values(path, "Actions")
    assert actions["B6"].value == "Measurable objectives (revised)"
    assert actions["K5"].value == 44
    # the month sheet (A02 is February's first action) shows the new title through its
    # live formula, cached right
    assert _values(path, "Feb")["B9"].value == "Measurable objectives (revised)"


def test_a_replanned_action_moves_with_its_status_and_results(tmp_path):
    case = CASES[0].__class__("moved", set_(Jan__G9="In progress", Jan__H9="half done",
                                            Jan__I9=250, Actions__M5="Mar"), {})
    path = edited(case, tmp_path)
    sync(path)
    jan, mar = _values(path, "Jan"), _values(path, "Mar")
    assert "A01" not in [jan[f"A{r}"].value for r in range(9, 25)]
    row = next(r for r in range(9, 30) if mar[f"A{r}"].value == "A01")
    assert [mar[f"{c}{row}"].value for c in "BGHI"] == [
        "Digital audit: website, SEO, mobile, security, competition, journeys",
        "In progress", "half done", 250]
    assert _values(path, "Actions")["P5"].value == "In progress"


def test_formula_overwritten_is_restored(tmp_path):
    path = edited(next(c for c in CASES if c.name == "score-overwritten"), tmp_path)
    sync(path)
    ws = openpyxl.load_workbook(path)["Actions"]
    assert ws["Q5"].data_type == "f" and ws["Q5"].value.startswith("=IF(")


def test_a_sheet_xlplan_does_not_own_is_kept(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    notes = wb.create_sheet("Notes")
    notes["A1"], notes["B2"], notes["C3"] = "Agency contacts", 42, "=B2*2"
    wb.save(path)
    report = sync(path)
    assert "sheet 'Notes' is not xlplan's: its cells are kept" in report.notes
    ws = openpyxl.load_workbook(path)["Notes"]
    assert (ws["A1"].value, ws["B2"].value, ws["C3"].value) == ("Agency contacts", 42, "=B2*2")
    assert structure_or_placement(check(path, today=TODAY)) == {}


@pytest.mark.parametrize("lock", ["~$plan.xlsx", ".~lock.plan.xlsx#"])
def test_sync_refuses_a_file_open_elsewhere(tmp_path, lock):
    path = edited(next(c for c in CASES if c.name == "score-overwritten"), tmp_path)
    path = path.rename(tmp_path / "plan.xlsx")
    before = path.read_bytes()
    (tmp_path / lock).write_text("x")
    with pytest.raises(XlplanError, match="open in Excel or LibreOffice"):
        sync(path)
    assert path.read_bytes() == before
    assert backups(path) == []


def test_dry_run_lists_repairs_and_writes_nothing(tmp_path):
    path = edited(next(c for c in CASES if c.name == "replanned"), tmp_path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["sync", str(path), "--dry-run"])
    assert result.exit_code == 0
    assert "would repair" in result.output
    assert "Actions!M5: A01 is planned for Mar but is not on that sheet" in result.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_cli_sync_reports_the_backup(tmp_path):
    path = edited(next(c for c in CASES if c.name == "quadrant-deleted"), tmp_path)
    result = CliRunner().invoke(main, ["sync", str(path)])
    assert result.exit_code == 0, result.output
    assert "repaired" in result.output and "xlplan-backups" in result.output


def test_reading_gives_back_the_plan_that_was_written():
    import xlplan
    from xlplan.content.sample import sample_plan
    from xlplan.profile import load_profile, settings_from
    settings = settings_from(load_profile(SAMPLE.with_suffix(".toml")))
    written = xlplan.make_plan(settings)
    assert xlplan.read(SAMPLE) == written
    assert sample_plan(settings).actions[0].title == written.actions[0].title


def test_an_action_typed_on_a_month_sheet_joins_actions(tmp_path):
    case = CASES[0].__class__("typed-on-month", set_(
        Feb__A15="A40", Feb__B15="Press relations push", Feb__G15="In progress"), {})
    path = edited(case, tmp_path)
    sync(path)
    actions = _values(path, "Actions")
    row = next(r for r in range(5, 60) if actions[f"A{r}"].value == "A40")
    assert (actions[f"B{row}"].value, actions[f"M{row}"].value,
            actions[f"P{row}"].value) == ("Press relations push", "Feb", "In progress")
    assert structure_or_placement(check(path, today=TODAY)) == {}


def test_a_person_added_in_settings_gets_a_raci_column(tmp_path):
    case = CASES[0].__class__("new-person", set_(Settings__H10="Nina Roux",
                                                 Settings__I10="Owner", RACI__G5="R"), {})
    path = edited(case, tmp_path)
    sync(path)
    raci = _values(path, "RACI")
    assert raci["G3"].value == "Nina Roux" and raci["G5"].value == "R"
    assert structure_or_placement(check(path, today=TODAY)) == {}


@pytest.mark.parametrize("lang,model,start,blank", [("fr", "ecommerce", 4, False),
                                                    ("en", "saas", 9, False),
                                                    ("en", "generic", 1, True)])
def test_any_workbook_new_writes_is_clean_and_syncs_to_itself(tmp_path, lang, model, start,
                                                              blank):
    import datetime as dt

    import xlplan
    path = tmp_path / "plan.xlsx"
    xlplan.new(path, xlplan.Settings(year=2028, language=lang, business_model=model,
                                     start_month=start), blank=blank)
    written = path.read_bytes()
    report = check(path, today=dt.date(2028, 1, 2))
    expected = {"M301", "M302"} if blank else set()  # a blank plan has no workstream, no KPI
    assert report.codes() == expected
    sync(path)
    assert path.read_bytes() == written


def test_a_thousand_actions_sync_to_themselves(tmp_path):
    from xlplan.content.synthetic import synthetic_plan
    from xlplan.scheduling import rank_actions
    from xlplan.workbook import write_plan
    plan = synthetic_plan(1000)
    rank_actions(plan.actions, plan.settings)
    path = tmp_path / "big.xlsx"
    write_plan(plan, path)
    written = path.read_bytes()
    assert structure_or_placement(check(path, today=TODAY)) == {}
    sync(path)
    assert path.read_bytes() == written
