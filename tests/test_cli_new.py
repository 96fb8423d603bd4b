"""`xlplan new` and `xlplan profile` through click's CliRunner, every option and error."""
from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import xlplan
from xlplan.cli import main
from xlplan.workbook.files import backups


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def sheets(path) -> list[str]:
    return CalamineWorkbook.from_path(str(path)).sheet_names


def settings_value(path, label):
    wb = CalamineWorkbook.from_path(str(path))
    name = wb.sheet_names[1]
    for row in wb.get_sheet_by_name(name).to_python():
        if row and row[0] == label:
            return row[1]
    raise AssertionError(label)


def test_new_without_arguments_writes_this_year(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "--today", "2027-01-04")
    year = 2027
    assert result.exit_code == 0, result.output
    assert "01/2027 to 12/2027" in result.output
    path = Path(f"roadmap_{year}.xlsm")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    names = sheets(path)
    assert names[:7] == ["Guide", "Settings", "Diagnostic", "Objectives", "KPIs",
                         "Workstreams", "Actions"]
    assert names[7:19] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                           "Sep", "Oct", "Nov", "Dec"]
    assert names[19:] == ["Roadmap", "Budget", "Risks", "RACI", "Rituals", "Dashboard",
                          "Review"]
    assert settings_value(path, "Plan year") == year


def test_from_october_a_new_plan_is_next_years_and_before_it_starts_this_month(tmp_path):
    # the plan begun on a day never starts in a month that is over
    for today, year, first in (("2026-11-23", 2027, "Jan"), ("2026-10-01", 2027, "Jan"),
                               ("2026-09-30", 2026, "Sep"), ("2026-05-20", 2026, "May")):
        out = tmp_path / f"{today}.xlsx"
        assert run("new", str(out), "--today", today).exit_code == 0
        assert settings_value(out, "Plan year") == year
        assert sheets(out)[7] == first, today
    # a start month given without a year: the next time that month begins
    out = tmp_path / "april.xlsx"
    assert run("new", str(out), "--today", "2026-05-20", "--start-month", "4").exit_code == 0
    assert (settings_value(out, "Plan year"), sheets(out)[7]) == (2027, "Apr")


def test_a_plan_year_already_begun_has_no_review_in_the_past(tmp_path):
    # asked for on 23 November, the year's plan sets its reviews in December, not in the
    # sample's March and June
    out = tmp_path / "late.xlsx"
    assert run("new", str(out), "--year", "2026", "--today", "2026-11-23").exit_code == 0
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Risks").to_python()
    reviews = [r[8] for r in rows[3:] if r[0]]
    assert len(reviews) == 5 and all(d == dt.date(2026, 12, 15) for d in reviews)
    # the sample's actions of January to October are late on that day (M317), as they
    # are: the year was asked for; no review is due yet
    on_the_day = xlplan.check(out, today=dt.date(2026, 11, 23))
    assert set(on_the_day.codes()) == {"M317"}
    assert "M316" in xlplan.check(out, today=dt.date(2026, 12, 16)).codes()


def test_a_new_workbook_is_clean_on_every_day_of_the_year(tmp_path):
    """`xlplan new` on each of the 365 days of 2026, then `check --strict` on that day.

    Writing 365 workbooks would take minutes, and most days give the same workbook: the
    plan `new` makes on a day depends on the day only through its settings (year and
    first month) and the review months, which follow the day. So the days are grouped
    by the plan the library makes on them; each group's workbook is written once, by
    the CLI on the group's first day, after asserting that every other day of the group
    makes exactly that plan; then the rules run on that workbook on every day of the
    group (one reading, 365 checks), and the CLI's check on the group's last day."""
    from xlplan.profile import settings_from
    from xlplan.reading.document import open_document
    from xlplan.rules.check import run_rules
    from xlplan.rules.context import CheckContext
    days = [dt.date(2026, 1, 1) + dt.timedelta(n) for n in range(365)]
    groups: dict[tuple, list] = {}
    for day in days:
        settings = settings_from(today=day)
        groups.setdefault((settings.year, settings.start_month), []).append(
            (day, xlplan.make_plan(settings, today=day)))
    assert sum(len(g) for g in groups.values()) == 365
    checked = 0
    for (year, start), group in groups.items():
        (first_day, plan), *others = group
        assert all(other == plan for _, other in others), (year, start)
        out = tmp_path / f"{year}-{start:02d}.xlsm"
        result = run("new", str(out), "--today", first_day.isoformat())
        assert result.exit_code == 0, result.output
        assert xlplan.read(out).settings.year == year
        ctx = CheckContext(open_document(out), first_day)
        assert run_rules(ctx) == [], (out.name, first_day)
        for day, _ in others:  # each day's check shares the first one's reading
            assert run_rules(ctx.on(day)) == [], (out.name, day)
        checked += len(group)
        last = group[-1][0].isoformat()
        result = run("check", str(out), "--strict", "--today", last)
        assert (result.exit_code, result.output.strip()) == (0, f"{out.name}: no findings")
    assert checked == 365
    # Jan to Sep start in their own month; October to December prepare next January
    assert sorted(groups) == [(2026, m) for m in range(1, 10)] + [(2027, 1)]


def test_every_option(tmp_path):
    out = tmp_path / "plan.xlsx"
    result = run("new", str(out), "--year", "2028", "--start-month", "4", "--lang", "fr",
                 "--company", "Atelier Durand", "--maturity", "mature", "--model", "b2b",
                 "--budget", "60000", "--hours-per-week", "30")
    assert result.exit_code == 0, result.output
    names = sheets(out)
    assert names[1] == "Paramètres"
    assert names[7:19] == ["Avr", "Mai", "Juin", "Juil", "Août", "Sept", "Oct", "Nov", "Déc",
                           "Janv", "Févr", "Mars"]
    assert settings_value(out, "Entreprise") == "Atelier Durand"
    assert settings_value(out, "Année du plan") == 2028
    assert settings_value(out, "Mois de départ (1-12)") == 4
    assert settings_value(out, "Budget digital annuel") == 60000
    assert settings_value(out, "Heures internes par semaine") == 30
    assert settings_value(out, "Maturité digitale") == "mature"
    assert settings_value(out, "Modèle économique") == "b2b"
    # 30 h a week over 52 weeks / 12 months
    assert settings_value(out, "Heures internes par mois") == pytest.approx(130.0)


def test_blank_has_no_actions(tmp_path):
    out = tmp_path / "blank.xlsx"
    assert run("new", str(out), "--year", "2027", "--blank").exit_code == 0
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Actions").to_python()
    assert [r[0] for r in rows[4:] if r[0]] == []


def test_profile_round_trip(tmp_path):
    prof = tmp_path / "p.toml"
    assert run("profile", str(prof)).exit_code == 0
    text = prof.read_text().replace('company = "Atelier Durand"', 'company = "Maison Roux"')
    prof.write_text(text.replace("annual_budget = 48000", "annual_budget = 12000"))
    out = tmp_path / "p.xlsx"
    result = run("new", str(out), "--profile", str(prof), "--budget", "15000")
    assert result.exit_code == 0, result.output
    assert settings_value(out, "Company") == "Maison Roux"
    assert settings_value(out, "Annual digital budget") == 15000  # option beats profile
    assert settings_value(out, "Plan year") == 2027


def test_profile_prints_example():
    result = run("profile")
    assert result.exit_code == 0 and "maturity" in result.output


def test_refuses_to_overwrite_without_force_and_keeps_a_backup_with_it(tmp_path):
    out = tmp_path / "r.xlsx"
    assert run("new", str(out), "--year", "2027").exit_code == 0
    before = out.read_bytes()
    result = run("new", str(out), "--year", "2027", "--company", "Other")
    assert result.exit_code == 2
    assert "already exists" in result.output and "--force" in result.output
    assert out.read_bytes() == before
    out.chmod(0o640)
    assert run("new", str(out), "--year", "2027", "--company", "Other", "--force").exit_code == 0
    assert [p.read_bytes() for p in backups(out)] == [before]
    # the replaced file's permissions carry over; a new file gets the usual ones
    assert out.stat().st_mode & 0o777 == 0o640
    mask = os.umask(0o022)
    try:
        assert run("new", str(tmp_path / "n.xlsx"), "--year", "2027").exit_code == 0
    finally:
        os.umask(mask)
    assert (tmp_path / "n.xlsx").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("args,message", [
    (["--year", "20"], "not a plan year"),
    (["--start-month", "13"], "13 is not in the range"),
    (["--lang", "de"], "'de' is not one of"),
    (["--maturity", "expert"], "'expert' is not one of"),
    (["--budget", "-5"], "-5.0 is not in the range"),
    (["--hours-per-week", "0"], "0.0 is not in the range"),
    (["--profile", "missing.toml"], "not found"),
])
def test_bad_options_get_one_sentence(tmp_path, args, message):
    result = run("new", str(tmp_path / "x.xlsx"), *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("content,message", [
    ("company = ", "not valid TOML"),
    ("colour = 'blue'", "unknown setting 'colour'"),
    ("year = 'soon'", "should be a int"),
    ("maturity = 'expert'", "maturity 'expert' is unknown"),
])
def test_malformed_profile(tmp_path, content, message):
    prof = tmp_path / "bad.toml"
    prof.write_text(content)
    result = run("new", str(tmp_path / "x.xlsx"), "--profile", str(prof))
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_missing_folder(tmp_path):
    result = run("new", str(tmp_path / "nope" / "x.xlsx"), "--year", "2027")
    assert result.exit_code == 2 and "does not exist" in result.output


def test_unwritable_folder(tmp_path, monkeypatch):
    # permissions do not stop root, so the check itself is what is exercised
    monkeypatch.setattr("xlplan.workbook.files.os.access", lambda *a: False)
    result = run("new", str(tmp_path / "x.xlsx"), "--year", "2027")
    assert result.exit_code == 2 and "cannot write in folder" in result.output
    assert list(tmp_path.iterdir()) == []


def test_refuses_a_file_open_in_libreoffice(tmp_path):
    out = tmp_path / "open.xlsx"
    assert run("new", str(out), "--year", "2027").exit_code == 0
    before = out.read_bytes()
    (tmp_path / ".~lock.open.xlsx#").write_text("x")
    result = run("new", str(out), "--year", "2027", "--force")
    assert result.exit_code == 2 and "open in Excel or LibreOffice" in result.output
    assert out.read_bytes() == before


def test_output_must_be_xlsm_or_xlsx(tmp_path):
    result = run("new", str(tmp_path / "x.csv"), "--year", "2027")
    assert result.exit_code == 2 and ".xlsm or .xlsx" in result.output
    clash = run("new", str(tmp_path / "x.xlsm"), "--no-macros")
    assert clash.exit_code == 2 and "macros are turned off" in clash.output
    assert list(tmp_path.iterdir()) == []


def test_no_macros_writes_a_macro_free_xlsx(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "--year", "2027", "--no-macros")
    assert result.exit_code == 0, result.output
    path = tmp_path / "roadmap_2027.xlsx"
    with zipfile.ZipFile(path) as z:
        assert not any("vbaProject" in n for n in z.namelist())
        assert "vmlDrawing" not in " ".join(z.namelist())


def test_the_cli_reference_is_current():
    from xlplan.reference import cli_markdown
    doc = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    assert doc.read_text(encoding="utf-8") == cli_markdown(), \
        "docs/cli.md is stale: run python -m xlplan.reference"
