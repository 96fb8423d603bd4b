"""xlplan rollover: a year run by a manager becomes next year's workbook."""
from __future__ import annotations

import datetime as dt
import math
import shutil
import statistics
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import engine
import xlplan
from xlplan.workbook.files import backups
from xlplan.cli import main

DONE = {"A01", "A02", "A03", "A05", "A06", "A07", "A13"}
ABANDONED = {"A09"}
SESSIONS = [4100, 4300, 4400, 4700, 4900, 5200]   # Jan..Jun, a KPI that should go up
COST_PER_LEAD = [58, 55, 57]                      # Jan..Mar, a KPI that should go down


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lived_year(folder: Path) -> Path:
    """The sample 2027 workbook after a year of a manager's typing: statuses on the month
    sheets, spend, KPI actuals, results per channel in Budget; then xlplan sync."""
    path = xlplan.new(folder / "roadmap_2027.xlsm",
                      xlplan.Settings(year=2027, company="Atelier Durand"))
    wb = openpyxl.load_workbook(path, keep_vba=True)
    month_rows = {}
    for sheet in ("Jan", "Feb", "Mar", "Apr"):
        for r in range(9, 30):
            if wb[sheet][f"A{r}"].value:
                month_rows[wb[sheet][f"A{r}"].value] = (sheet, r)
    spend = {"A05": 1000, "A06": 1200, "A07": 800, "A13": 500}
    for aid in DONE | ABANDONED | {"A04", "A08"}:
        sheet, r = month_rows[aid]
        wb[sheet][f"G{r}"] = ("Done" if aid in DONE else
                              "Abandoned" if aid in ABANDONED else "In progress")
        if aid in spend:
            wb[sheet][f"I{r}"] = spend[aid]
    kpis = wb["KPIs"]
    for i, v in enumerate(SESSIONS):
        kpis.cell(6, 8 + i, v)
    for i, v in enumerate(COST_PER_LEAD):
        kpis.cell(9, 8 + i, v)
    budget = wb["Budget"]
    assert budget["A28"].value.endswith("$K$5") and budget["A30"].value.endswith("$K$7")
    budget["D28"], budget["D30"] = 100, 150     # SEO, Google Ads results
    wb.save(path)
    xlplan.sync(path)
    return path


def record_rows(path: Path, title: str) -> list[tuple]:
    """The rows of one table of the record sheet, read with openpyxl."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = next(ws for ws in wb.worksheets if ws.title.startswith("Year "))
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    start = next(i for i, row in enumerate(rows) if row[0] == title) + 2
    out = []
    for row in rows[start:]:
        if all(v is None for v in row):
            break
        out.append(row)
    return out


def test_a_lived_year_rolls_into_the_next(tmp_path):
    old = lived_year(tmp_path)
    before = old.read_bytes()
    months_before = {r[0].value: r[12].value for r in
                     openpyxl.load_workbook(old, data_only=True)["Actions"].iter_rows(min_row=5)
                     if r[0].value}
    result = run("rollover", old)
    assert result.exit_code == 0, result.output
    new = tmp_path / "roadmap_2028.xlsm"
    assert old.read_bytes() == before

    plan = xlplan.read(new)
    assert plan.settings.year == 2028 and plan.settings.start_month == 1
    sample_ids = set(months_before)
    assert {a.id for a in plan.actions} == sample_ids - DONE - ABANDONED
    for a in plan.actions:
        origin = f"{months_before[a.id]} 2027" if months_before[a.id] else "2027"
        assert (a.origin, a.carried, a.month) == (origin, 1, None), a.id
    # the work under way at year end opens the year Not started (the new year's
    # work-in-progress limit counts work started in it); its history says so
    statuses = {a.id: a.status for a in plan.actions}
    assert statuses["A04"] == statuses["A08"] == "not_started"

    # KPIs start from their last actual; targets are proposals in the record
    kpis = {k.name: k for k in plan.kpis}
    assert kpis["Website sessions a month"].baseline == SESSIONS[-1]
    assert kpis["Cost per lead"].baseline == COST_PER_LEAD[-1]
    assert kpis["Organic share of traffic"].baseline == 0.35  # no actual: kept
    assert all(k.target is None and k.actuals == [None] * 12 for k in plan.kpis)
    rows = {r[0]: r for r in record_rows(new, "KPIs: reached or missed, new baselines")}
    slope = statistics.linear_regression(range(len(SESSIONS)), SESSIONS).slope
    expected = SESSIONS[-1] + 12 * slope                       # 7805.7...
    assert rows["Website sessions a month"][6:8] == (5200, float(f"{expected:.3g}"))
    assert f"{slope:+.0f} a month" in rows["Website sessions a month"][8]  # +217
    slope = statistics.linear_regression(range(3), COST_PER_LEAD).slope
    assert rows["Cost per lead"][7] == COST_PER_LEAD[-1] + 12 * slope == 51
    assert rows["Organic share of traffic"][7] is None
    assert "no actual this year" in rows["Organic share of traffic"][8]

    # the budget proposal: SEO got 100 results for 500, Google Ads 150 for 3,000
    channels = {r[0]: r for r in record_rows(new, "Channels: results per unit spent, budget proposal")}
    assert channels["SEO"][1:5] == (500, 100, 0.2, 0.4)
    assert channels["Google Ads"][1:5] == (3000, 150, 0.05, 0.6)
    # 30 % of Ads' 3,000 would take SEO to (100 + 900 x 0.2) / (250 + 900 x (0.2 - 0.05))
    # = 73 % of the results, past the 70 % limit: the move stops where SEO reaches it
    capped = math.floor((0.7 * 250 - 100) / (0.2 * (1 - 0.7) + 0.7 * 0.05))
    assert (100 + capped * 0.2) / (250 + capped * 0.15) <= 0.7
    assert channels["Google Ads"][6].startswith(
        f"proposal: move {capped} ({capped / 3000:.0%} of its 3,000, capped so that SEO "
        "stays within the 70% limit) to SEO")

    done = {r[0] for r in record_rows(new, "Actions delivered")}
    abandoned = {r[0] for r in record_rows(new, "Actions abandoned")}
    carried = {r[0]: r for r in record_rows(new, "Actions carried over")}
    assert (done, abandoned, set(carried)) == (DONE, ABANDONED, sample_ids - DONE - ABANDONED)
    assert carried["A04"][4] == "was In progress at year end"
    by_month = {r[0]: r for r in record_rows(new, "Delivery and budget by month")}
    # January: A01, A03, A04 and A05 planned, all but A04 done
    assert by_month["Jan"][1:3] == (4, 3) and by_month["Jan"][4] == 1000

    # the new workbook is a clean xlplan workbook that sync leaves byte for byte
    once = new.read_bytes()
    xlplan.sync(new)
    assert new.read_bytes() == once


def test_the_new_year_passes_its_own_check_and_says_what_last_year_settled(tmp_path):
    old = lived_year(tmp_path)
    typed = {a.id: a for a in xlplan.read(old).actions}
    assert run("rollover", old).exit_code == 0
    new = tmp_path / "roadmap_2028.xlsm"
    report = xlplan.check(new, today=date(2028, 1, 3))
    assert report.errors == 0, report.as_text()
    assert "M310" not in report.codes() and "M311" not in report.codes()

    plan = xlplan.read(new)
    history = {r[0]: r[4] for r in record_rows(new, "Actions carried over")}
    reasons = {r[0].value: r[20].value for r in
               openpyxl.load_workbook(new)["Actions"].iter_rows(min_row=5) if r[0].value}
    for a in plan.actions:
        before = typed[a.id].dependencies
        ids = [d.strip() for d in before.split(",") if d.strip()]
        # each dependency on a done action is met and said so; on an abandoned one, gone
        # and said so; the others stay as typed: nothing disappears without a trace
        met = [f"{d} delivered in 2027" for d in ids if d in DONE]
        gone = [d for d in ids if d in ABANDONED]
        assert a.dependencies == ", ".join(d for d in ids if d not in DONE | ABANDONED), a.id
        said = history[a.id] or ""
        assert all(m in said for m in met) and all(f"{d} abandoned in 2027" in said
                                                   for d in gone), a.id
        assert said in reasons[a.id], a.id
        if typed[a.id].status == "in_progress":
            assert a.status == "not_started" and "was In progress at year end" in said
    assert "A01 delivered in 2027" in history["A08"]   # A08 depended on the audit
    assert any("A09 abandoned in 2027" in (h or "") for h in history.values())

    # a manager who types last year's id again is told the dependency is met
    wb = openpyxl.load_workbook(new, keep_vba=True)
    row = next(r for r in wb["Actions"].iter_rows(min_row=5) if r[0].value == "A10")
    row[7].value = "A03"
    wb.save(new)
    found = [f for f in xlplan.check(new, today=date(2028, 1, 3)).findings
             if f.code == "D207"]
    assert [(f.where, f.message) for f in found] == [(
        f"Actions!H{row[0].row}", "A03 was delivered in 2027 (see the record of that "
        "year): the dependency is met, take it out")]


def month_rows(wb) -> dict[str, tuple[str, int]]:
    """Where each action sits on the month sheets: id -> (sheet, row)."""
    return {wb[m][f"A{r}"].value: (m, r) for m in MONTHS for r in range(9, 40)
            if wb[m][f"A{r}"].value}


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_budget_follows_proof_within_the_dependency_limit_and_judges_seo_by_its_trend(
        tmp_path):
    """SEO cost 2,400 for 60 results, a quarter of Google Ads' rate; but the organic
    share of traffic it works on rises every month. Google Ads brings 71 % of the
    results, past the 70 % limit (the second article's risk 1). Meta Ads did poorly.
    Nothing moves to Google Ads: SEO keeps its budget for its trend, Meta's money has no
    channel to go to that would not deepen the dependency."""
    path = xlplan.new(tmp_path / "roadmap_2027.xlsx", xlplan.Settings(year=2027))
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    spend = {"A13": 2400, "A05": 1000, "A06": 1000, "A07": 1000, "A14": 1000}
    channel_of = {"A13": "SEO", "A05": "Google Ads", "A06": "Google Ads",
                  "A07": "Google Ads", "A14": "Meta Ads"}
    for aid, (sheet, r) in month_rows(wb).items():
        if aid in spend:
            wb[sheet][f"I{r}"] = spend[aid]
    results = {"SEO": 60, "Google Ads": 700, "Meta Ads": 20, "Local": 200}
    for r in range(20, 45):
        if cached["Budget"][f"A{r}"].value in results:
            wb["Budget"][f"D{r}"] = results[cached["Budget"][f"A{r}"].value]
    organic = [0.30, 0.31, 0.33, 0.34, 0.36, 0.37]  # Jan..Jun
    row = next(r for r in range(5, 30) if cached["KPIs"][f"B{r}"].value
               == "Organic share of traffic")
    for i, v in enumerate(organic):
        wb["KPIs"].cell(row, 8 + i, v)
    wb.save(path)
    xlplan.sync(path)
    # the year's workbook itself shows the red dependency alert on Google Ads
    assert [f.message for f in xlplan.check(path, today=date(2027, 12, 20)).findings
            if f.code == "M313"] == ["Google Ads brings 71% of the results (limit 70%)"]

    assert run("rollover", path).exit_code == 0
    rows = {r[0]: r for r in record_rows(tmp_path / "roadmap_2028.xlsx",
                                         "Channels: results per unit spent, budget proposal")}
    spent = {ch: sum(v for a, v in spend.items() if channel_of[a] == ch) for ch in results}
    total = sum(results.values())
    slope = statistics.linear_regression(range(len(organic)), organic).slope
    for ch in ("SEO", "Google Ads", "Meta Ads"):
        assert rows[ch][1] == spent[ch] and rows[ch][2] == results[ch], ch
        assert rows[ch][3] == pytest.approx(results[ch] / spent[ch]), ch
        assert rows[ch][4] == pytest.approx(results[ch] / total), ch
    assert rows["Local"][4] == pytest.approx(200 / total)  # results without spend count
    assert rows["SEO"][5] == f"Organic share of traffic {slope:+.3g} a month"
    assert rows["SEO"][6].startswith("keep its budget: a long-term channel, judged by its "
                                     f"trend (Organic share of traffic {slope:+.3g} a month)")
    assert rows["Google Ads"][6].startswith(
        f"best results per unit spent, but it brings {700 / total:.0%} of the results")
    assert rows["Meta Ads"][6] == (
        f"no move: {20 / 1000:.4g} results per unit spent against {700 / 3000:.4g}, but every "
        f"channel twice as good is at the 70% dependency limit (Google Ads "
        f"{700 / total:.0%} of the results)")
    assert not any("move " in (r[6] or "") and "no move" not in r[6] for r in rows.values())


def test_rollover_chains_and_an_action_carried_twice_says_so(tmp_path):
    first = xlplan.new(tmp_path / "roadmap_2027.xlsm", xlplan.Settings(year=2027))
    wb = openpyxl.load_workbook(first, keep_vba=True)
    wb.create_sheet("Suppliers")["A1"] = "Agency X, contract ends in March"
    wb.save(first)
    result = run("rollover", first)
    assert result.exit_code == 0 and "sheet 'Suppliers' is not xlplan's" in result.output
    assert run("rollover", tmp_path / "roadmap_2028.xlsm").exit_code == 0
    plan = xlplan.read(tmp_path / "roadmap_2029.xlsm")
    assert plan.settings.year == 2029
    a01 = next(a for a in plan.actions if a.id == "A01")
    assert (a01.origin, a01.carried) == ("Jan 2027", 2)
    carried = {r[0]: r for r in record_rows(tmp_path / "roadmap_2029.xlsm",
                                            "Actions carried over")}
    assert carried["A01"][2:4] == ("Jan 2027", 2)
    suppliers = openpyxl.load_workbook(tmp_path / "roadmap_2029.xlsm")["Suppliers"]
    assert suppliers["A1"].value == "Agency X, contract ends in March"
    # rituals are dated in the new year, on the same weekday (Monday by default)
    rituals = openpyxl.load_workbook(tmp_path / "roadmap_2029.xlsm", data_only=True)["Rituals"]
    first_ritual = rituals["A4"].value
    assert (first_ritual.year, first_ritual.isoweekday()) == (2029, 1)


def test_dry_run_writes_nothing_and_refusals(tmp_path):
    path = xlplan.new(tmp_path / "roadmap_2027.xlsm", xlplan.Settings(year=2027))
    dry = run("rollover", path, "--dry-run")
    assert dry.exit_code == 0 and "would carry over 28 open action(s)" in dry.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap_2027.xlsm"]

    assert run("rollover", path).exit_code == 0
    again = run("rollover", path)
    assert again.exit_code == 2 and "already exists" in again.output
    assert run("rollover", path, "--force").exit_code == 0
    assert len(backups(tmp_path / "roadmap_2028.xlsm")) == 1


@pytest.mark.parametrize("case", ["not xlplan", "open in Excel", "no such folder",
                                  "same file"])
def test_bad_input_gets_a_clear_message_and_nothing_written(tmp_path, case):
    path = tmp_path / "roadmap_2027.xlsx"
    args = ["rollover", path]
    if case == "not xlplan":
        wb = openpyxl.Workbook()
        wb.active["A1"] = "budget"
        wb.save(path)
        expected, code = "was not made by xlplan", 2
    else:
        xlplan.new(path, xlplan.Settings(year=2027))
        if case == "open in Excel":
            (tmp_path / "~$roadmap_2027.xlsx").write_text("")
            expected, code = "open in Excel or LibreOffice", 2
        elif case == "no such folder":
            args += ["-o", tmp_path / "missing" / "next.xlsx"]
            expected, code = "does not exist", 2
        else:
            args += ["-o", path]
            expected, code = "is the workbook being rolled over", 2
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = run(*args)
    assert result.exit_code == code and expected in result.output, result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.engine
def test_the_new_workbook_recalculates_and_its_button_runs_in_libreoffice(tmp_path, soffice):
    old = lived_year(tmp_path)
    # the year's file as LibreOffice saved it rolls over to the same workbook
    resaved = engine.recalculate(old, tmp_path / "lo")
    shutil.copy(resaved, tmp_path / "lo" / "roadmap_2027.xlsm")
    a = xlplan.rollover(old).output
    b = xlplan.rollover(tmp_path / "lo" / "roadmap_2027.xlsm").output
    assert engine.sheet_differences(a, b) == []

    recalculated = engine.recalculate(a, tmp_path / "recalc")
    assert engine.mismatches(a, recalculated) == []
    assert engine.error_cells(recalculated) == []

    expected = tmp_path / "expected.xlsm"
    shutil.copy(a, expected)
    # both as of the new year's first working day
    first_day = dt.datetime(2028, 1, 3, 9, 0)
    assert xlplan.prioritize(expected, now=first_day).schedule.moves  # carried get months
    report, = engine.click_button([a], tmp_path / "clicked", now=first_day)
    assert report["error"] is None
    out = tmp_path / "clicked" / a.name
    from test_button import stamp_cell
    assert engine.sheet_differences(expected, out, {stamp_cell(out)}) == []


def test_text_typed_where_a_number_belongs_rolls_over_as_typed(tmp_path):
    path = xlplan.new(tmp_path / "roadmap_2027.xlsx", xlplan.Settings(year=2027))
    wb = openpyxl.load_workbook(path)
    wb["Actions"]["J5"] = "tbd"   # A01's cost
    wb.save(path)
    result = run("rollover", path)
    assert result.exit_code == 0, result.output
    a01 = next(a for a in xlplan.read(tmp_path / "roadmap_2028.xlsx").actions if a.id == "A01")
    assert a01.cost == "tbd"
