"""The Recalculate priorities button: built from the VBA source in xlplan/macros, wired
to both buttons, and, clicked in LibreOffice, doing what `xlplan prioritize` does."""
from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from oletools.olevba import VBA_Parser

import engine
import excel_model
import xlplan
from xlplan import macros
from xlplan.cli import main
from xlplan.content.synthetic import synthetic_plan
from xlplan.model import Settings
from xlplan.workbook import write_plan

NOW = dt.datetime(2027, 3, 1, 9, 30)
MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def code_lines(text: str) -> list[str]:
    """VBA text without the Attribute lines VBA keeps in its own header."""
    return [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")
            if line.strip() and not line.startswith("Attribute VB_")]


def modules_read_by_oletools(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name.rsplit(".", 1)[0]: code
                for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def buttons_in(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sheet name -> (caption, macro) of each form button, read from the package."""
    def attrs(tag: str) -> dict[str, str]:
        return dict(re.findall(r'([\w:]+)="([^"]*)"', tag))

    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        targets = {a["Id"]: a["Target"] for a in map(attrs, re.findall(r"<Relationship [^>]*>",
                                                                         rels))}
        out = {}
        for sheet in map(attrs, re.findall(r"<sheet [^>]*>", workbook)):
            name, rid = sheet["name"], sheet["r:id"]
            part = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
            rel_part = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            legacy = re.search(r'<legacyDrawing [^>]*r:id="([^"]+)"', z.read(part).decode())
            if legacy is None:
                continue
            sheet_rels = {a["Id"]: a["Target"] for a in map(
                attrs, re.findall(r"<Relationship [^>]*>", z.read(rel_part).decode()))}
            for target in [sheet_rels[legacy.group(1)]]:
                vml = z.read("xl/drawings/" + target.rsplit("/", 1)[1]).decode()
                for shape in re.findall(r"<v:shape .*?</v:shape>", vml, re.S):
                    if 'ObjectType="Button"' in shape:
                        caption = re.sub(r"<[^>]+>", "", re.search(
                            r"<v:textbox.*?</v:textbox>", shape, re.S).group(0))
                        macro = re.search(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", shape).group(1)
                        out.setdefault(name, []).append((caption.strip(), macro))
    return out


def drop_buttons(path: Path) -> None:
    """What a tool that does not know form controls does: the sheets lose their legacy
    drawings (the VML holding the buttons)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = re.sub(rb"<legacyDrawing [^>]*/>", b"", data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def assert_macro_enabled(path: Path, caption: str = "Recalculate priorities") -> None:
    with zipfile.ZipFile(path) as z:
        assert MACRO_ENABLED in z.read("[Content_Types].xml").decode()
        assert "xl/vbaProject.bin" in z.namelist()
    modules = modules_read_by_oletools(path)
    assert code_lines(modules["xlplan"]) == code_lines(macros.source())
    found = buttons_in(path)
    wanted = [(caption, "[0]!" + macros.MACRO)]
    actions = next(n for n in found if n in ("Actions",))
    assert found[actions] == wanted
    dashboard = next(n for n in found if n in ("Dashboard", "Tableau de bord"))
    assert found[dashboard] == wanted


def test_new_writes_the_macro_from_its_source_and_wires_both_buttons(tmp_path):
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    assert_macro_enabled(path)
    fr = xlplan.new(tmp_path / "plan_fr.xlsm", Settings(year=2027, language="fr"))
    assert_macro_enabled(fr, "Recalculer les priorités")
    # the VBA source is plain ASCII text the VBA editor can import
    assert macros.source().isascii()


def module_offsets(dir_stream: bytes) -> dict[str, int]:
    """Module name -> MODULEOFFSET, read from a decompressed dir stream by the records'
    ids ([MS-OVBA] 2.3.4.2: MODULENAME 0x0019, MODULEOFFSET 0x0031)."""
    import struct
    out, name, i = {}, None, 0
    while i + 6 <= len(dir_stream):
        rid, size = struct.unpack_from("<HI", dir_stream, i)
        if rid == 0x0009:  # PROJECTVERSION: its Size field is 4 but 6 bytes follow
            size = 6
        data = dir_stream[i + 6:i + 6 + size]
        if rid == 0x0019:
            name = data.decode("latin-1")
        elif rid == 0x0031:
            out[name] = struct.unpack("<I", data)[0]
        i += 6 + size
    return out


def test_the_vba_project_is_source_only_in_the_form_the_specification_writes(tmp_path):
    """[MS-OVBA] 2.3.4.1 and LibreOffice's exporter: _VBA_PROJECT is the 7-byte header
    with Version 0xFFFF, and every module's source starts at offset 0 (no compiled
    cache), so Excel compiles the project from its source on open."""
    import io
    import olefile
    from oletools.olevba import decompress_stream
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    with zipfile.ZipFile(path) as z:
        ole = olefile.OleFileIO(io.BytesIO(z.read("xl/vbaProject.bin")))
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("cc61ffff000000")
    offsets = module_offsets(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    assert set(offsets) == {"ThisWorkbook", "xlplan"} | {
        f"Sheet{i}" for i in range(1, len(openpyxl.load_workbook(path).sheetnames) + 1)}
    assert set(offsets.values()) == {0}
    source = decompress_stream(bytearray(ole.openstream("VBA/xlplan").read()))
    assert code_lines(source.decode("ascii")) == code_lines(macros.source())


def test_the_same_plan_gives_the_same_macro_enabled_bytes(tmp_path):
    a = xlplan.new(tmp_path / "a.xlsm", Settings(year=2027))
    b = xlplan.new(tmp_path / "b.xlsm", Settings(year=2027))
    assert a.read_bytes() == b.read_bytes()


def test_sync_and_prioritize_keep_the_macro_and_bring_back_lost_buttons(tmp_path):
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    # edited by openpyxl, then by a tool that drops form controls
    assert "S109" not in xlplan.check(path).codes()
    wb = openpyxl.load_workbook(path, keep_vba=True)  # openpyxl keeps macro and buttons
    wb["Settings"]["B12"] = 10
    wb.save(path)
    assert len(buttons_in(path)) == 2
    drop_buttons(path)
    assert buttons_in(path) == {}
    found = [(f.where, f.message) for f in xlplan.check(path).findings if f.code == "S109"]
    assert found == [("Actions!A1", "the Recalculate priorities button is missing"),
                     ("Dashboard!A1", "the Recalculate priorities button is missing")]
    assert "Actions!A1: the Recalculate priorities button is missing" in \
        xlplan.sync(path, dry_run=True).as_text()
    xlplan.sync(path)
    assert_macro_enabled(path)
    assert "S109" not in xlplan.check(path).codes()
    xlplan.prioritize(path, now=NOW)
    assert_macro_enabled(path)
    assert xlplan.read(path).recalculated == NOW.date()


def test_people_s_own_vba_modules_are_kept_and_the_rest_reported(tmp_path):
    from pyopenvba import ExcelFile
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    mine = 'Public Sub Hello()\r\n    MsgBox "hello"\r\nEnd Sub\r\n'
    with ExcelFile(path) as f:  # as the VBA editor would: a module, and sheet code
        f.vba_project().add_module("Mine", mine)
        f.vba_project().get_module("Sheet1").body += "Private Sub Worksheet_Activate()\r\nEnd Sub\r\n"
        f.save()
    with ExcelFile(path) as f:  # and someone edits xlplan's own module
        f.vba_project().get_module("xlplan").body += "' my change\r\n"
        f.save()
    assert any("differs from this version's" in f.message
               for f in xlplan.check(path).findings if f.code == "S109")
    report = xlplan.sync(path)
    assert "VBA module 'Mine' is kept" in report.notes
    assert any("'Sheet1' is not carried over" in n for n in report.notes)
    modules = modules_read_by_oletools(path)
    assert code_lines(modules["Mine"]) == code_lines(mine)
    assert_macro_enabled(path)


def test_a_macro_free_workbook_stays_macro_free(tmp_path):
    path = xlplan.new(tmp_path / "plan.xlsx", Settings(year=2027))
    xlplan.prioritize(path, now=NOW)
    with zipfile.ZipFile(path) as z:
        assert not any("vba" in n.lower() or "vml" in n.lower() for n in z.namelist())
    assert xlplan.read(path).recalculated == NOW.date()


def test_cli_new_writes_the_button_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "--year", "2027"])
    assert result.exit_code == 0, result.output
    assert_macro_enabled(tmp_path / "roadmap_2027.xlsm")


# ------------------------------------------------------------------ in LibreOffice

def varied_plans() -> list[tuple[str, object]]:
    """The sample, and 20 generated plans of other shapes: chains and circles of
    dependencies, pinned, done and abandoned work, tight capacity, budget and WIP,
    commercial moments, French, a plan starting in April."""
    out = [("sample", xlplan.make_plan(Settings(year=2027, company="Atelier Durand")))]
    for seed in range(20):
        rnd = random.Random(seed)
        settings = Settings(
            year=2027, start_month=4 if seed % 5 == 3 else 1,
            language="fr" if seed % 4 == 1 else "en",
            hours_per_week=rnd.choice([4, 8, 15, 25]),
            annual_budget=rnd.choice([3000, 12000, 48000]),
            wip_limit=rnd.choice([2, 3, 6, 10]))
        plan = synthetic_plan(rnd.choice([12, 30, 60]), settings, seed=seed)
        moments = [m.name for m in plan.moments]
        ids = [a.id for a in plan.actions]
        for i, a in enumerate(plan.actions):
            roll = rnd.random()
            if roll < 0.1:
                a.status = "abandoned"
            if roll > 0.85 and moments:
                a.moment = rnd.choice(moments)
            if rnd.random() < 0.15 and i > 2:
                a.dependencies = ", ".join(rnd.sample(ids[:i], 2))
            if rnd.random() < 0.1:
                a.results, a.notes = f"result {i}", f"note {i}"
        if seed % 7 == 2:  # a circle, a dependency on itself and one on no action
            plan.actions[0].dependencies = plan.actions[1].id
            plan.actions[1].dependencies = plan.actions[0].id
            plan.actions[2].dependencies = f"{plan.actions[2].id}, Z99"
        if seed % 6 == 4:  # an action with no score yet
            plan.actions[3].impact = None
        out.append((f"varied{seed:02d}", plan))
    return out


def typed_workbook(path: Path) -> Path:
    """A plan edited the way people type: months with one action, ids "1.1" and "1.10",
    text that looks like a number, a date or a formula in results and notes, formulas
    and dates typed in results and spend, a month typed as a date in a date cell; then
    synced, as the manager's next `xlplan sync` would leave it."""
    settings = Settings(year=2027, hours_per_week=6, annual_budget=24000, wip_limit=1)
    plan = synthetic_plan(9, settings, seed=5)
    texts = ["1/2", "3-4", "12%", "01", "=not a formula", "TRUE", "  spaced  ", "1e3",
             "'quoted"]
    for i, a in enumerate(plan.actions):
        a.month = [1, 3, 3, 5, 5, 8, 10, 11, 12][i]
        a.status = "in_progress" if i in (2, 5) else a.status
        a.results, a.notes = texts[i], texts[-1 - i]
    plan.actions[0].id, plan.actions[1].id = "1.1", "1.10"
    plan.actions[4].dependencies = "1.10"
    plan.actions[2].spend = 75.0  # (a formula typed alone in an empty table column would
    # be filled down it by Excel, as the button must not do)
    write_plan(plan, path)
    # typed in (a model of) Excel, which saves each formula with its value
    from pyopenvba.apps.excel import ExcelApplication
    app = ExcelApplication.open(path, with_vba=False)
    cells = {}
    for ws in app.workbook.sheets_:
        view = app.sheet(ws.name)
        for r in range(9, 40):
            if view.value(f"A{r}") in ("1.10", plan.actions[3].id, plan.actions[6].id):
                cells[view.value(f"A{r}")] = (ws, r)

    def serial(day: dt.datetime) -> float:  # a date cell holds its serial number
        return float((day - dt.datetime(1899, 12, 30)).days)

    def typed(key, column, formula=None, date=None, fmt=None):
        ws, r = cells[key]
        target = ws.vba_get("Range", [f"{column}{r}"])
        if formula is not None:
            target.vba_set("Formula", formula)
        else:
            target.vba_set("NumberFormat", fmt)
            target.vba_set("Value", serial(date))
    typed("1.10", "H", formula="=2*21")                         # results: a formula
    typed("1.10", "I", formula="=150+50")                       # spend: a formula
    typed(plan.actions[3].id, "H", date=dt.datetime(2027, 4, 14), fmt="dd/mm/yyyy")
    typed(plan.actions[6].id, "J", date=dt.datetime(2027, 10, 2), fmt="yyyy-mm-dd")
    actions = app.workbook.sheets_[[w.name for w in app.workbook.sheets_].index("Actions")]
    view = app.sheet("Actions")
    for r in range(5, 40):
        if view.value(f"A{r}") == plan.actions[7].id:  # its month typed as a date
            cell = actions.vba_get("Range", [f"M{r}"])
            cell.vba_set("NumberFormat", "d mmm yyyy")
            cell.vba_set("Value", serial(dt.datetime(2027, 11, 5)))
    for ws in app.workbook.sheets_:
        ws.touched()
    app.save(path)
    xlplan.sync(path)
    return path


def button_workbooks(tmp_path: Path) -> tuple[Path, Path, dict[str, int]]:
    """The workbooks the button is clicked on (the varied plans and the typed one), in
    tmp_path/"in", and the same prioritized by xlplan in tmp_path/"py"; name -> how many
    actions prioritize moved in each."""
    given, by_python = tmp_path / "in", tmp_path / "py"
    for folder in (given, by_python):
        folder.mkdir()
    for name, plan in varied_plans():
        write_plan(plan, given / f"{name}.xlsm")
    typed_workbook(given / "typed.xlsm")
    moves = {}
    for path in sorted(given.glob("*.xlsm")):
        shutil.copy(path, by_python / path.name)
        moves[path.stem] = len(xlplan.prioritize(by_python / path.name, now=NOW).schedule.moves)
    # the comparison means something: most workbooks have actions to move
    assert sum(1 for n in moves.values() if n) >= 15, moves
    return given, by_python, moves


def stamp_cell(path: Path) -> tuple[str, int, int]:
    from xlplan.reading.document import open_document
    return open_document(path).named_cell(macros.STAMP_NAME)


@pytest.mark.engine
def test_the_button_clicked_in_libreoffice_does_what_prioritize_does(tmp_path, soffice):
    given, by_python, moves = button_workbooks(tmp_path)
    clicked = tmp_path / "lo"
    reports = engine.click_button(sorted(given.glob("*.xlsm")), clicked, now=NOW)
    assert len(reports) == len(moves)
    for report in reports:
        name = Path(report["file"]).stem
        assert report["error"] is None, report
        assert [b["script"] for b in report["buttons"]] == [
            "vnd.sun.star.script:VBAProject.xlplan.RecalculatePriorities"
            "?language=Basic&location=document"]
        out = clicked / f"{name}.xlsm"
        stamp = stamp_cell(out)
        assert isinstance(engine.value_at(engine.cached_values(out), stamp), dt.datetime)
        assert engine.sheet_differences(by_python / f"{name}.xlsm", out, {stamp}) == [], name
    assert_typed_cells_kept(clicked / "typed.xlsm")

    # a second click moves nothing: only the stamp changes. (LibreOffice 7.4 loses the
    # button's link to its macro when it saves a workbook; sync puts the button back.)
    once = clicked / "sample.xlsm"
    xlplan.sync(once)
    report, = engine.click_button([once], tmp_path / "again", now=NOW)
    assert report["error"] is None
    twice = tmp_path / "again" / "sample.xlsm"
    assert engine.sheet_differences(once, twice, {stamp_cell(twice)}) == []


def test_the_button_clicked_in_excel_s_model_does_what_prioritize_does(tmp_path):
    """The same comparison in pyOpenVBA's model of Excel, which parses text written
    through .Value as if typed, fills a lone formula down an empty table column and
    reads a date cell as a Date."""
    given, by_python, moves = button_workbooks(tmp_path)
    clicked = tmp_path / "excel"
    reports = excel_model.click_all(sorted(given.glob("*.xlsm")), clicked, NOW)
    assert len(reports) == len(moves)
    for report in reports:
        name = Path(report["file"]).stem
        assert report["error"] is None and report["dialogs"] == [], report
        assert report["macro"] == macros.MACRO
        out = clicked / f"{name}.xlsm"
        stamp = stamp_cell(out)
        assert engine.value_at(engine.cached_values(out), stamp) == NOW
        assert engine.sheet_differences(by_python / f"{name}.xlsm", out, {stamp}) == [], name
    assert_typed_cells_kept(clicked / "typed.xlsm")


def stopping_workbooks(folder: Path, names=("protected", "error")) -> dict[str, Path]:
    """Workbooks the button must refuse, edited in (a model of) Excel, which saves the
    values: a month sheet protected, an error value where Settings' hours are, and
    ("array") an array formula reaching into the last month table the button writes,
    which Excel finds only when it writes there, after the other months."""
    from pyopenvba.apps.excel import ExcelApplication
    folder.mkdir()
    out = {}
    for name in names:
        path = folder / f"{name}.xlsm"
        write_plan(xlplan.make_plan(Settings(year=2027, hours_per_week=6)), path)
        app = ExcelApplication.open(path, with_vba=False)
        sheets = {ws.name: ws for ws in app.workbook.sheets_}
        if name == "protected":  # the last month the button writes
            sheets["Dec"].vba_get("Protect")
        elif name == "array":  # notes of two rows and the cells beside the table
            sheets["Dec"].vba_get("Range", ["L10:M11"]).vba_set("FormulaArray", "=1+1")
        else:
            sheets["Settings"].vba_get("Range", ["B12"]).vba_set("Formula", "=NA()")
        for ws in app.workbook.sheets_:
            ws.touched()
        app.save(path)
        out[name] = path
    return out


STOPPED = {"protected": "The sheet Dec is protected. Unprotect it",
           "error": "Settings!B", "array": "You can't change part of an array"}


def test_the_button_changes_nothing_and_says_why_when_it_cannot_run_in_excel_s_model(
        tmp_path):
    files = stopping_workbooks(tmp_path / "in", ("protected", "error", "array"))
    # the array stops the click halfway: Jan to Nov were written, and are put back
    planned = tmp_path / "planned.xlsm"
    shutil.copy(files["array"], planned)
    moved = {p.before for p in xlplan.prioritize(planned, now=NOW).schedule.moves}
    assert moved - {12}, moved
    reports = excel_model.click_all(list(files.values()), tmp_path / "excel", NOW)
    for name, report in zip(files, reports):
        assert report["error"] is None, report
        (title, message), = [d[:2] for d in report["dialogs"]]
        assert message.startswith("Priorities not recalculated; nothing was changed."), message
        assert STOPPED[name] in message, message
        out = tmp_path / "excel" / files[name].name
        assert engine.sheet_differences(files[name], out) == [], name


@pytest.mark.engine
def test_the_button_changes_nothing_and_says_why_when_it_cannot_run_in_libreoffice(
        tmp_path, soffice):
    """LibreOffice lets a macro write on a protected sheet and reads an error value as
    a number: the macro asks the sheet and the cell's shown text, and refuses alike."""
    files = stopping_workbooks(tmp_path / "in")
    clicked = engine.click_button(list(files.values()), tmp_path / "lo")
    # what the click's message box says: the text Recalculate hands it
    told = engine.click_button(list(files.values()), tmp_path / "told",
                               sheet="macro:xlplan.Recalculate")
    for name, report, message in zip(files, clicked, told):
        assert report["error"] is None and message["error"] is None, (report, message)
        assert message["returned"].startswith(
            "Priorities not recalculated; nothing was changed."), message
        assert STOPPED[name] in message["returned"], message
        for folder in ("lo", "told"):
            out = tmp_path / folder / files[name].name
            assert engine.sheet_differences(files[name], out) == [], (name, folder)


def assert_typed_cells_kept(path: Path) -> None:
    """What people typed in the typed workbook is still there, as typed, read by
    openpyxl (the comparison above reads values with python-calamine)."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb.worksheets[7:19]:
        for row in ws.iter_rows(min_row=9, max_col=10):
            if row[0].value is not None:
                found[row[0].value] = row
    assert set(found) >= {"1.1", "1.10"}
    assert found["1.10"][0].data_type == "s"
    assert found["1.10"][7].value == "=2*21" and found["1.10"][8].value == "=150+50"
    texts = {row[7].value for row in found.values()} | {row[9].value for row in found.values()}
    assert {"1/2", "3-4", "12%", "01", "=not a formula", "TRUE", "1e3"} <= texts, texts
    dates = [row[c] for row in found.values() for c in (7, 9) if row[c].is_date]
    assert sorted(c.value for c in dates) == [dt.datetime(2027, 4, 14), dt.datetime(2027, 10, 2)]
    # no month table shows an action twice (a lone formula filled down its column)
    for ws in wb.worksheets[7:19]:
        titles = [row[1].value for row in ws.iter_rows(min_row=9, max_col=2)
                  if row[0].value is None and row[1].value not in (None, "")]
        assert titles == [], (ws.title, titles)


@pytest.mark.engine
def test_the_button_still_works_after_sync_and_prioritize_rewrote_the_file(tmp_path, soffice):
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    first, = engine.click_button([path], tmp_path / "lo1", now=NOW)
    assert first["error"] is None
    saved_by_libreoffice = tmp_path / "lo1" / "plan.xlsm"
    xlplan.sync(saved_by_libreoffice)
    assert_macro_enabled(saved_by_libreoffice)

    # a manager halves the hours and asks xlplan to re-plan; then a new action arrives
    wb = openpyxl.load_workbook(saved_by_libreoffice, keep_vba=True)
    wb["Settings"]["B12"] = 12
    wb.save(saved_by_libreoffice)
    xlplan.prioritize(saved_by_libreoffice, now=NOW)
    wb = openpyxl.load_workbook(saved_by_libreoffice, keep_vba=True)
    wb["Settings"]["B12"] = 6
    wb["Settings"]["B11"] = 20000
    wb.save(saved_by_libreoffice)
    xlplan.sync(saved_by_libreoffice)
    assert_macro_enabled(saved_by_libreoffice)

    expected = tmp_path / "expected.xlsm"
    shutil.copy(saved_by_libreoffice, expected)
    assert xlplan.prioritize(expected, now=NOW).schedule.moves
    second, = engine.click_button([saved_by_libreoffice], tmp_path / "lo2", now=NOW)
    assert second["error"] is None
    out = tmp_path / "lo2" / "plan.xlsm"
    assert engine.sheet_differences(expected, out, {stamp_cell(out)}) == []


# ------------------------------------------------------------------ the macro's text

def excel_recased(text: str) -> str:
    """The module as Excel's editor may store it after a save: every name spelled one
    way throughout (the last declared spelling wins project-wide: `value` after
    someone's `Dim value`), string literals and comments untouched."""
    spelling: dict[str, str] = {}

    def one_way(match: re.Match) -> str:
        word = match.group(0)
        key = word.lower()
        if key not in spelling:  # a spelling chosen once per name, not per place
            spelling[key] = key if len(spelling) % 3 == 0 else (
                key.upper() if len(spelling) % 3 == 1 else key.capitalize())
        return spelling[key]

    out = []
    for line in text.split("\r\n"):
        parts = re.findall(r'("(?:[^"]|"")*"?)|(\'.*)|([^"\']+)', line)
        out.append("".join(lit or com or re.sub(r"[A-Za-z_]\w*", one_way, code)
                           for lit, com, code in parts))
    return "\r\n".join(out)


def test_check_recognises_the_macro_after_excel_re_cased_it(tmp_path):
    from pyopenvba import ExcelFile
    path = xlplan.new(tmp_path / "plan.xlsm", Settings(year=2027))
    with ExcelFile(path) as f:
        module = f.vba_project().get_module("xlplan")
        recased = excel_recased(module.body)
        assert recased != module.body
        module.body = recased
        f.save()
    body = macros.modules_in(path)["xlplan"]
    assert body.replace("\r\n", "\n") != macros.source()  # re-cased, strings kept
    assert "Priorities not recalculated; nothing was changed." in body
    assert "S109" not in xlplan.check(path).codes()
    with ExcelFile(path) as f:  # a change of text inside a string is a change
        module = f.vba_project().get_module("xlplan")
        module.body = module.body.replace('"Priorities not recalculated', '"priorities not recalculated')
        f.save()
    assert "S109" in xlplan.check(path).codes()


def excel_members() -> set[str]:
    """Every member name of Excel's, VBA's and Office's object libraries, lower case
    (pyOpenVBA's inventory, generated from the type libraries)."""
    from pyopenvba.interpreter._inventory_data import _NAMES
    return {name for cls, names in _NAMES.items()
            if cls.startswith(("excel:", "vba:", "office:", "stdole:"))
            for name in names.split(",")}


def test_the_macro_s_names_cannot_be_re_cased():
    """Excel's editor keeps one spelling per name in a project: a variable `value`
    re-cases every `.Value`. The module spells each name one way, declares no name an
    Excel member has, and keeps everything but the button's macro private."""
    code = "\n".join(macros.code_lines(macros.source()))  # comments and strings kept
    source = re.sub(r'"(?:[^"]|"")*"', '""', macros.source())
    source = "\n".join(line.split("'")[0] for line in source.split("\n"))
    spellings: dict[str, set[str]] = {}
    for word in re.findall(r"\b[A-Za-z_]\w*\b", source):
        spellings.setdefault(word.lower(), set()).add(word)
    assert {k: v for k, v in spellings.items() if len(v) > 1} == {}
    declared = set(re.findall(
        r"\b(?:Dim|Const|ByVal|ByRef|Sub|Function)[ \t]+(\w+)|,[ \t]*(?:ByVal |ByRef )?(\w+)"
        r"(?:\(\))?[ \t]+As\b|\([ \t]*(?:ByVal |ByRef )?(\w+)(?:\(\))?[ \t]+As\b|"
        r"^Private[ \t]+(?!Sub|Function|Const)(\w+)", source, re.M))
    names = {n for group in declared for n in group if n}
    assert len(names) > 100
    assert sorted(n for n in names if n.lower() in excel_members()) == []
    public = re.findall(r"^Public\s+(?:Sub|Function)\s+(\w+)", source, re.M)
    assert public == ["RecalculatePriorities"]
    assert "public function" not in code
