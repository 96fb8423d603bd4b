"""Files xlplan cannot use: one clear sentence, exit 2, bounded memory, no byte changed."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from corpus import SAMPLE
from xlplan.cli import main


def _rewrite(src: Path, dst: Path, replace: dict[str, bytes]) -> None:
    """Copy a workbook, swapping the content of some parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, replace.get(item.filename, zin.read(item.filename)))


def not_a_zip(p):
    p.write_bytes(bytes(range(256)) * 4)


def truncated(p):
    p.write_bytes(SAMPLE.read_bytes()[:20000])


def csv_renamed(p):
    p.write_text("id,title,owner\nA01,Audit,Claire\n", encoding="utf-8")


def empty(p):
    p.write_bytes(b"")


def password(p):
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    with open(SAMPLE, "rb") as f:
        OOXMLFile(f).encrypt("secret", out)
    p.write_bytes(out.getvalue())


def other_tool(p):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Budget 2027"
    wb.save(p)


def newer_schema(p):
    with zipfile.ZipFile(SAMPLE) as z:
        custom = z.read("docProps/custom.xml")
    custom = re.sub(rb'(name="xlplan_schema"><vt:\w+>)1<', rb"\g<1>2<", custom)
    _rewrite(SAMPLE, p, {"docProps/custom.xml": custom})


def million_rows(p):
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
                    for i in range(1, 1_000_001))
    sheet = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<dimension ref="A1:A1000000"/><sheetData>' + rows + b"</sheetData></worksheet>")
    _rewrite(SAMPLE, p, {"xl/worksheets/sheet1.xml": sheet})


def xml_bomb(p):
    lol = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
           + b"".join(b'<!ENTITY %s "%s">' % (chr(98 + i).encode(), (b"&" + chr(97 + i).encode()
                                                                    + b";") * 10)
                      for i in range(9))
           + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             b'count="1" uniqueCount="1"><si><t>&j;</t></si></sst>')
    _rewrite(SAMPLE, p, {"xl/sharedStrings.xml": lol})


CASES = {
    "not-a-zip": (not_a_zip, "not an Excel workbook"),
    "truncated": (truncated, "damaged or incomplete"),
    "csv-renamed": (csv_renamed, "text file (CSV?)"),
    "empty": (empty, "empty (0 bytes)"),
    "password": (password, "protected by a password"),
    "other-tool": (other_tool, "not made by xlplan"),
    "newer-schema": (newer_schema, "newer xlplan (schema 2"),
    "million-rows": (million_rows, "1,000,000 rows"),
    "xml-bomb": (xml_bomb, "declares XML entities"),
}


@pytest.mark.parametrize("command", ["check", "sync"])
@pytest.mark.parametrize("name", list(CASES))
def test_unusable_file_gets_one_sentence_and_exit_2(name, command, tmp_path):
    make, words = CASES[name]
    path = tmp_path / "plan.xlsx"
    make(path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, [command, str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and words in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


@pytest.mark.engine
def test_old_xls_is_recognised(tmp_path, soffice):
    from engine import convert
    xls = convert(SAMPLE, tmp_path, "xls")
    before = xls.read_bytes()
    result = CliRunner().invoke(main, ["check", str(xls)])
    assert result.exit_code == 2 and "Excel 97-2003 (.xls)" in result.output
    assert xls.read_bytes() == before


@pytest.mark.parametrize("name", ["million-rows", "xml-bomb"])
def test_hostile_files_are_refused_in_bounded_memory(name, tmp_path):
    path = tmp_path / "plan.xlsx"
    CASES[name][0](path)
    code = ("import resource, sys\n"
            "from click.testing import CliRunner\n"
            "from xlplan.cli import main\n"
            f"r = CliRunner().invoke(main, ['check', {str(path)!r}])\n"
            "print(r.exit_code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    exit_code, peak_kib = int(out[0]), int(out[1])
    assert exit_code == 2
    assert peak_kib < 400 * 1024, f"peak memory {peak_kib // 1024} MiB"


