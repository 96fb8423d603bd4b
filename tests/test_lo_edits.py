"""Edits made in LibreOffice the way a person makes them (tests/lo_edit.py), then every
command on each edited file (.xlsx and .xlsm): what the person owns is conserved
(tests/conservation.py), or the command refuses and leaves the file byte-identical.

The corpus is built once per module, by one call to lo_edit.py (one LibreOffice for
the whole batch). For each edited file and command the test works on its own copy:

- check: never writes (the bytes stay), and reports a finding at every cell where
  sync loses, parks or relabels what was typed (or at the cell sync refuses on);
- sync, prioritize: nothing lost against the inventory taken before the command, and
  a second sync changes no byte; or XlplanError and the bytes unchanged;
- rollover: the file rolled over keeps its bytes, and next year's workbook carries
  every open action's values (by id) and the sheets people added.

Set LO_EDITS_REPORT=FILE to get one JSON line per outcome (for a results table).
"""
from __future__ import annotations

import ast
import datetime as dt
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import conservation
import engine
import xlplan
from xlplan.cli import main as cli

pytestmark = pytest.mark.engine

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LO_EDIT = HERE / "lo_edit.py"
NOW = dt.datetime(2027, 3, 1, 9, 30)
TODAY = NOW.date()
FORMATS = (".xlsx", ".xlsm")
# edits after which the writing commands must refuse (what they would rebuild is gone)
MUST_REFUSE = {"delete_actions_sheet": {"sync", "prioritize", "rollover"},
               "delete_settings_sheet": {"sync", "prioritize", "rollover"}}


def _edit_names() -> list[str]:
    """The edits lo_edit.py defines, read from its source (no uno needed to collect)."""
    tree = ast.parse(LO_EDIT.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "EDITS" for t in node.targets):
            gen = node.value.generators[0]
            return [e.id for e in gen.iter.elts]
    raise AssertionError("no EDITS in lo_edit.py")


EDITS = _edit_names()
CASES = [pytest.param(e, f, id=f"{e}{f}") for e in EDITS for f in FORMATS]


def _record(**fields) -> None:
    out = os.environ.get("LO_EDITS_REPORT")
    if out:
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(fields, default=str) + "\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, soffice):
    """Every edit applied to the b2b sample (.xlsx) and to the same plan made as .xlsm,
    by one run of lo_edit.py; (edit, format) -> its report."""
    python = engine.uno_python()
    if python is None:
        pytest.fail("no Python imports uno (LibreOffice's bridge): "
                    "apt-get install -y python3-uno")
    root = tmp_path_factory.mktemp("lo-edits")
    sources = root / "sources"
    sources.mkdir()
    xlsx = sources / "b2b.xlsx"
    shutil.copyfile(ROOT / "samples" / "b2b.xlsx", xlsx)
    xlsm = sources / "b2b.xlsm"
    made = CliRunner().invoke(cli, ["new", str(xlsm), "--profile",
                                    str(ROOT / "samples" / "b2b.toml"), "--year", "2027"])
    assert made.exit_code == 0, made.output
    start = time.perf_counter()
    proc = subprocess.run([python, str(LO_EDIT), str(xlsx), str(root / "edited"),
                           "--also", str(xlsm)],
                          capture_output=True, text=True, timeout=3600,
                          env={**os.environ, "SOFFICE": soffice})
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        pytest.fail(f"lo_edit.py failed: {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    reports = [json.loads(line) for line in proc.stdout.splitlines()
               if line.startswith("{")]
    _record(corpus_seconds=round(seconds, 1), files=len(reports))
    return {(r["edit"], Path(r["source"]).suffix): r for r in reports}


class Outcomes:
    """Each command's outcome on each edited file, computed once (the check test
    reuses sync's)."""

    def __init__(self, corpus, factory):
        self.corpus, self.factory = corpus, factory
        self.cache: dict = {}
        self.before: dict = {}

    def saved(self, edit: str, fmt: str) -> Path:
        report = self.corpus.get((edit, fmt))
        assert report is not None, f"lo_edit.py made nothing for {edit}{fmt}"
        assert report["error"] is None and report["saved"], \
            f"LibreOffice could not make {edit}{fmt}: {report['error']}\n" \
            f"{report.get('traceback', '')}"
        return Path(report["saved"])

    def copy(self, edit: str, fmt: str, command: str) -> Path:
        folder = self.factory.mktemp(f"{edit}-{fmt[1:]}-{command}")
        path = folder / f"roadmap_2027{fmt}"
        shutil.copyfile(self.saved(edit, fmt), path)
        return path

    def inventory(self, edit: str, fmt: str) -> dict:
        if (edit, fmt) not in self.before:
            self.before[(edit, fmt)] = conservation.inventory(self.saved(edit, fmt))
        return self.before[(edit, fmt)]

    def get(self, edit: str, fmt: str, command: str) -> dict:
        key = (edit, fmt, command)
        if key not in self.cache:
            self.cache[key] = getattr(self, "_" + command)(edit, fmt)
            shown = {k: v for k, v in self.cache[key].items()
                     if k in ("outcome", "lost", "error", "diffs", "unreported",
                              "second_sync_changed", "findings", "seconds")}
            _record(edit=edit, fmt=fmt, command=command, **shown)
        return self.cache[key]

    def _check(self, edit, fmt):
        path = self.copy(edit, fmt, "check")
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            report = xlplan.check(path, today=TODAY)
        except xlplan.XlplanError as exc:
            return {"outcome": "refused", "error": str(exc), "where": exc.where,
                    "unchanged": path.read_bytes() == data, "wheres": set(),
                    "seconds": time.perf_counter() - start}
        wheres = {f.where for f in report.findings}
        return {"outcome": "reported", "unchanged": path.read_bytes() == data,
                "wheres": wheres, "findings": [f"{f.code} {f.where}" for f in report.findings],
                "seconds": time.perf_counter() - start}

    def _writer(self, edit, fmt, command):
        path = self.copy(edit, fmt, command)
        before = self.inventory(edit, fmt)
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            if command == "sync":
                xlplan.sync(path)
            else:
                xlplan.prioritize(path, now=NOW)
        except xlplan.XlplanError as exc:
            return {"outcome": "refused", "error": str(exc), "where": exc.where,
                    "unchanged": path.read_bytes() == data,
                    "seconds": time.perf_counter() - start}
        seconds = time.perf_counter() - start
        after = conservation.inventory(path)
        diffs = conservation.diff(before, after, moved_ok=command == "prioritize")
        once = path.read_bytes()
        try:
            xlplan.sync(path)
            second = path.read_bytes() != once
        except xlplan.XlplanError as exc:
            second = f"the second sync refused: {exc}"
        lost = [d.line for d in diffs if d.status == "lost"]
        return {"outcome": "LOST" if lost else "conserved", "lost": lost,
                "diffs": [f"{d.status}: {d.line}" for d in diffs if d.status != "lost"],
                "diff_objects": diffs, "second_sync_changed": second,
                "seconds": seconds}

    def _sync(self, edit, fmt):
        return self._writer(edit, fmt, "sync")

    def _prioritize(self, edit, fmt):
        return self._writer(edit, fmt, "prioritize")

    def _rollover(self, edit, fmt):
        path = self.copy(edit, fmt, "rollover")
        out = path.with_name(f"roadmap_2028{fmt}")
        before = self.inventory(edit, fmt)
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            xlplan.rollover(path, out)
        except xlplan.XlplanError as exc:
            return {"outcome": "refused", "error": str(exc), "where": exc.where,
                    "unchanged": path.read_bytes() == data, "written": out.exists(),
                    "seconds": time.perf_counter() - start}
        seconds = time.perf_counter() - start
        lost = conservation.lost_in_rollover(before, conservation.inventory(out))
        return {"outcome": "LOST" if lost else "conserved", "lost": lost,
                "unchanged": path.read_bytes() == data, "seconds": seconds}


@pytest.fixture(scope="module")
def outcomes(corpus, tmp_path_factory):
    return Outcomes(corpus, tmp_path_factory)


def _lines(items: list[str]) -> str:
    return "\n  " + "\n  ".join(items)


def _refused_ok(edit, fmt, command, result) -> None:
    assert result["unchanged"], \
        f"{edit}{fmt}: {command} refused ({result['error']}) but changed the file"


def _set(sheet, ref, value):
    def mutate(wb):
        wb[sheet][ref].value = value
    return mutate


def _date_to_number(sheet, ref):
    def mutate(wb):
        wb[sheet][ref].value = 46479
        wb[sheet][ref].number_format = "General"
    return mutate


def _drop_comment(sheet, ref):
    def mutate(wb):
        wb[sheet][ref].comment = None
    return mutate


def _drop_name(name):
    def mutate(wb):
        del wb.defined_names[name]
    return mutate


def _drop_sheet(name):
    def mutate(wb):
        wb.remove(wb[name])
    return mutate


# the checker itself: each mutation of an edited file (made with openpyxl after the
# fact) is a loss it must name
MUTATIONS = {
    "result-retyped": ("baseline", _set("Mar", "H9", "13 leads"),
                       "Mar!H9 '12 leads' (Results of A07): now '13 leads'"),
    "spend-as-text": ("baseline", _set("Jan", "I9", "350"),
                      "Jan!I9 350 (Actual spend of A01): now '350'"),
    "note-cleared": ("baseline", _set("Mar", "J9", None),
                     "Mar!J9 'CPL 75' (Notes of A07): missing"),
    "title-cleared": ("baseline", _set("Actions", "B6", None), "Actions!B6"),
    "free-cell-cleared": ("baseline", _set("Actions", "Y2", None), "Actions!Y2"),
    "formula-now-constant": ("baseline", _set("My notes", "C4", 1500),
                             "'My notes'!C4 formula =SUM(C2:C3): now a constant 1500"),
    "date-now-number": ("baseline", _date_to_number("My notes", "B7"),
                        "'My notes'!B7 datetime.datetime(2027, 4, 2, 0, 0): now 46479"),
    "results-formula-now-constant": ("error_values_in_results", _set("Mar", "H9", "x"),
                                     "Mar!H9 formula =NA()"),
    "sheet-removed": ("baseline", _drop_sheet("My notes"), "sheet 'My notes': missing"),
    "comment-removed": ("comments", _drop_comment("Actions", "B5"),
                        "Actions!B5 'Check the scope with Hugo' (comment): missing"),
    "name-removed": ("defined_names", _drop_name("VAT"), "defined name VAT = 0.2"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_the_checker_names_a_loss(outcomes, tmp_path, name):
    import openpyxl
    edit, mutate, expected = MUTATIONS[name]
    path = tmp_path / "mutated.xlsx"
    shutil.copyfile(outcomes.saved(edit, ".xlsx"), path)
    before = conservation.inventory(path)
    wb = openpyxl.load_workbook(path)
    mutate(wb)
    wb.save(path)
    found = conservation.lost(before, conservation.inventory(path))
    assert any(expected in line for line in found), \
        f"{name}: the checker does not report {expected!r}; it reports:" + _lines(found)


@pytest.mark.parametrize("edit,fmt", CASES)
def test_libreoffice_made_the_edit(outcomes, edit, fmt):
    outcomes.saved(edit, fmt)


@pytest.mark.parametrize("edit,fmt", CASES)
def test_check_never_writes(outcomes, edit, fmt):
    result = outcomes.get(edit, fmt, "check")
    assert result["unchanged"], f"{edit}{fmt}: check changed the file"


@pytest.mark.parametrize("edit,fmt", CASES)
@pytest.mark.parametrize("command", ["sync", "prioritize"])
def test_writing_command_conserves_or_refuses(outcomes, edit, fmt, command):
    result = outcomes.get(edit, fmt, command)
    if command in MUST_REFUSE.get(edit, ()):
        assert result["outcome"] == "refused", \
            f"{edit}{fmt}: {command} must refuse, it wrote the file"
    if result["outcome"] == "refused":
        _refused_ok(edit, fmt, command, result)
        return
    assert not result["lost"], \
        f"{edit}{fmt}: {command} lost {len(result['lost'])} item(s):" + _lines(result["lost"])
    assert result["second_sync_changed"] is False, \
        f"{edit}{fmt}: a sync after {command} changed the file: " \
        f"{result['second_sync_changed']}"


@pytest.mark.parametrize("edit,fmt", CASES)
def test_rollover_keeps_the_file_and_carries_open_actions(outcomes, edit, fmt):
    result = outcomes.get(edit, fmt, "rollover")
    if "rollover" in MUST_REFUSE.get(edit, ()):
        assert result["outcome"] == "refused", f"{edit}{fmt}: rollover must refuse"
    assert result["unchanged"], f"{edit}{fmt}: rollover changed the file it read"
    if result["outcome"] == "refused":
        assert not result["written"], f"{edit}{fmt}: rollover refused but wrote the output"
        return
    assert not result["lost"], \
        f"{edit}{fmt}: rollover lost {len(result['lost'])} item(s):" + _lines(result["lost"])


@pytest.mark.parametrize("edit,fmt", CASES)
def test_check_reports_every_cell_sync_would_not_keep_as_typed(outcomes, edit, fmt):
    checked = outcomes.get(edit, fmt, "check")
    synced = outcomes.get(edit, fmt, "sync")
    if synced["outcome"] == "refused":
        where = synced["where"]
        if where and "!" in where:  # a cell: check must name it too
            assert checked["outcome"] == "refused" or where in checked["wheres"], \
                f"{edit}{fmt}: sync refused at {where} ({synced['error']}); check " \
                f"reports nothing there:" + _lines(checked.get("findings", []))
        return
    cells = conservation.cells_of([d for d in synced["diff_objects"] if d.status != "moved"])
    unreported = [c for c in cells if c not in checked["wheres"]]
    synced["unreported"] = unreported
    _record(edit=edit, fmt=fmt, command="check-vs-sync", unreported=unreported,
            cells=cells)
    detail = [d.line for d in synced["diff_objects"] if d.item.where in unreported]
    assert not unreported, \
        f"{edit}{fmt}: sync lost, parked or relabelled these cells and check reports " \
        f"nothing at them:" + _lines(detail)
