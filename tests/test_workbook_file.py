"""Properties of the file itself: deterministic, self-describing, no whole columns."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

import xlplan
from xlplan import i18n
from xlplan.workbook.book import ROLE_NAME_PREFIX

ROOT = Path(__file__).resolve().parent.parent


def test_same_input_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    xlplan.new(a, xlplan.Settings(year=2027))
    xlplan.new(b, xlplan.Settings(year=2027))
    assert a.read_bytes() == b.read_bytes()


def test_shipped_workbooks_are_up_to_date(tmp_path):
    from xlplan.template import shipped_files
    files = shipped_files()
    assert {p.name for p in files} == {"roadmap_template.xlsx", "ecommerce.xlsx", "b2b.xlsx",
                                       "saas.xlsx"}
    for path, (settings, blank) in files.items():
        fresh = tmp_path / path.name
        xlplan.new(fresh, settings, blank=blank)
        assert path.read_bytes() == fresh.read_bytes(), \
            f"{path.name} is stale: regenerate with python -m xlplan.template"


def test_roles_and_schema_are_stored_and_follow_a_renamed_sheet(sample_xlsx, tmp_path):
    wb = openpyxl.load_workbook(sample_xlsx)
    roles = {n[len(ROLE_NAME_PREFIX):]: d.attr_text for n, d in wb.defined_names.items()
             if n.startswith(ROLE_NAME_PREFIX)}
    assert len(roles) == 26 and roles["actions"] == "'Actions'!$A$1"
    assert wb.custom_doc_props["xlplan_schema"].value == 1


def test_no_volatile_function_and_no_whole_column(sample_xlsx):
    with zipfile.ZipFile(sample_xlsx) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets"))
    formulas = re.findall(r"<f>(.*?)</f>", xml)
    assert len(formulas) > 1000
    for f in formulas:
        assert not re.search(r"\b(INDIRECT|OFFSET|TODAY|NOW|RAND|XLOOKUP|LET|FILTER)\(", f)
        assert not re.search(r"\$?[A-Z]{1,3}:\$?[A-Z]{1,3}\b", f), f


def test_french_labels_are_complete():
    assert i18n.missing_keys() == {}
