"""The workbook's macro: the Recalculate priorities button.

The VBA source is the text file ``xlplan.bas`` beside this module. It is built into a
VBA project (``vbaProject.bin``) without Excel, by pyOpenVBA, and embedded by
XlsxWriter with a form button on the Actions sheet and on the Dashboard.
"""
from __future__ import annotations

import functools
import tempfile
import zipfile
from pathlib import Path

SOURCE = Path(__file__).with_name("xlplan.bas")
MODULE = "xlplan"
MACRO = f"{MODULE}.RecalculatePriorities"
# the cell the macro stamps with the time it ran (and xlplan prioritize with its own)
STAMP_NAME = "Act_Recalculated"


def enabled(path: Path) -> bool:
    """Whether a workbook at ``path`` carries the macro: the suffix decides, as it does
    for Excel (a .xlsm holds macros, a .xlsx cannot)."""
    return Path(path).suffix.lower() == ".xlsm"


def source() -> str:
    """The module's VBA text as it lives in the repository."""
    return SOURCE.read_text(encoding="ascii")


@functools.lru_cache(maxsize=8)
def vba_project(sheet_count: int) -> bytes:
    """A VBA project holding the module, with a document module for the workbook and
    for each of ``sheet_count`` sheets (Sheet1..SheetN, the code names XlsxWriter
    gives)."""
    import xlsxwriter
    from pyopenvba import ExcelFile

    with tempfile.TemporaryDirectory(prefix="xlplan-vba-") as folder:
        stage, out = Path(folder) / "stage.xlsm", Path(folder) / "out.xlsm"
        wb = xlsxwriter.Workbook(str(stage))
        for _ in range(sheet_count):
            wb.add_worksheet()
        wb.close()
        with ExcelFile(stage) as f:
            project = f.add_vba_project()
            project.add_module(MODULE, source().replace("\r\n", "\n").replace("\n", "\r\n"))
            f.save(out)
        with zipfile.ZipFile(out) as z:
            return z.read("xl/vbaProject.bin")


def modules_in(path: Path) -> dict[str, str]:
    """The VBA modules of a macro-enabled workbook, name -> code (read back by
    pyOpenVBA), empty when it has none."""
    from pyopenvba import ExcelFile
    with ExcelFile(Path(path)) as f:
        if not f.has_vba_project():
            return {}
        return {m.name: m.body for m in f.vba_project().modules}
