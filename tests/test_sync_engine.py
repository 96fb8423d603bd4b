"""check and sync on workbooks that LibreOffice has opened, recalculated and saved."""
from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

import engine
from corpus import SAMPLE, TODAY, findings_by_code
from xlplan.rules.check import check
from xlplan.repair import sync

pytestmark = pytest.mark.engine


def test_a_workbook_resaved_by_libreoffice_is_recognised_and_synced(soffice, tmp_path):
    resaved = engine.recalculate(SAMPLE, tmp_path / "lo")
    assert resaved.read_bytes() != SAMPLE.read_bytes()
    assert check(resaved, today=TODAY).findings == []
    sync(resaved)
    # LibreOffice changed how the file is written, not what it says: sync gives back
    # exactly the workbook xlplan wrote
    assert resaved.read_bytes() == SAMPLE.read_bytes()


def test_edits_saved_by_libreoffice_are_found_then_repaired(soffice, tmp_path):
    path = tmp_path / "edited.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    wb["Jan"]["G9"] = "done!"
    wb["Jan"]["H11"] = "listing updated"  # A04's results
    wb["Actions"]["Q6"] = 99
    wb["Actions"]["M7"] = "Apr"     # A03 re-planned from January to April
    wb["Jan"]["G10"] = "In progress"  # A03's row there
    wb.save(path)
    resaved = engine.recalculate(path, tmp_path / "lo")

    found = findings_by_code(check(resaved, today=TODAY))
    assert found == {"D203": ["Jan!G9"], "S105": ["Actions!Q6"],
                     "D209": ["Actions!M7"], "D210": ["Jan!A10"]}

    sync(resaved)
    after = findings_by_code(check(resaved, today=TODAY))
    assert after == {"D203": ["Jan!G9"]}  # what only a person can fix
    # the synced workbook's cached values are what LibreOffice computes
    recalculated = engine.recalculate(resaved, tmp_path / "lo2")
    assert engine.mismatches(resaved, recalculated) == []
    assert engine.error_cells(recalculated) == []
    values = engine.cached_values(recalculated)
    jan, apr = values["Jan"], values["Apr"]
    assert jan[8][6] == "done!" and jan[9][7] == "listing updated"  # A04 moved up a row
    a03 = next(row for row in apr if row and row[0] == "A03")
    assert a03[6] == "In progress"
    assert "A03" not in [row[0] for row in jan[8:]]


def test_a_prioritized_workbook_matches_libreoffice(soffice, tmp_path):
    from xlplan.repair import prioritize
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    # read on 10 April with nothing done: January to March's actions are late
    report = prioritize(path, today=dt.date(2027, 4, 10))
    assert len(report.schedule.late) >= 10
    recalculated = engine.recalculate(path, tmp_path / "lo")
    assert engine.mismatches(path, recalculated) == []
    assert engine.error_cells(recalculated) == []
    values = engine.cached_values(recalculated)
    # each moved action sits on the month sheet of its new month, per LibreOffice too
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec"]
    for p in report.schedule.moves:
        if p.after:
            ids = [row[0] for row in values[names[p.after - 1]][8:]]
            assert p.action in ids
