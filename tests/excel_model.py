"""Click the Recalculate priorities button in pyOpenVBA's model of Excel.

``ExcelApplication`` opens a workbook, runs its VBA in an interpreter that follows
Excel's documented semantics (a lone formula written into an empty table column fills
the column, text written through ``.Value`` is parsed as if typed, a date cell reads as
a Date, a protected sheet refuses writes) and saves the result. The LibreOffice click
(tests/lo_button.py) shows what LibreOffice does; this shows what Excel would.

Each file runs in its own process (two at a time: the interpreter is pure Python).
"""
from __future__ import annotations

import datetime as dt
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def click(path: Path, outdir: Path, now: dt.datetime, macro: str = "") -> dict:
    """Run the macro of the workbook's Actions button (or ``macro``), save in outdir.
    The report: {"file", "macro", "dialogs" (title, prompt) of each message box,
    "error" (what escaped the macro), "saved"}."""
    from pyopenvba.apps.excel import ExcelApplication
    from xlplan import macros

    path, outdir = Path(path), Path(outdir)
    report = {"file": str(path), "macro": macro, "dialogs": [], "error": None, "saved": None}
    try:
        if not macro:
            buttons = macros.buttons_in(path).get("Actions", [])
            macro = buttons[0].split("!", 1)[-1] if buttons else ""
            report["macro"] = macro
        app = ExcelApplication.open(path)
        app.freeze_clock(now)
        app.answer_dialogs(*([1] * 10))  # OK to every message box
        try:
            app.run(macro)
        except Exception as exc:  # reported to the test, which fails on it
            report["error"] = f"{type(exc).__name__}: {exc}"
        report["dialogs"] = [(d[2], d[1]) for d in app.dialogs]  # (kind, prompt, title, ..)
        # Excel's calculation after the macro (the macro calls Application.Calculate,
        # and putting calculation back to automatic recalculates) works out every
        # formula whose inputs changed, through chains of them; the model's manual-mode
        # Calculate can miss a formula that reads one written in manual mode, so every
        # formula is worked out again. And Excel saves every sheet with those values,
        # where the model saves only the sheets a macro wrote to.
        book = app.workbook
        for sheet in book.sheets_:
            for cell in sheet.cells_.values():
                if cell.formula:
                    cell.stale = True
            sheet.touched()
        book.calculator.calculate_all()
        out = outdir / path.name
        app.save(out)
        report["saved"] = str(out)
    except Exception:
        report["error"] = traceback.format_exc()
    return report


def click_all(files: list[Path], outdir: Path, now: dt.datetime | list[dt.datetime],
              macro: str = "", workers: int = 2) -> list[dict]:
    """``click`` each file, ``workers`` at a time, at ``now`` (one time for all, or one
    per file); reports in the order of files."""
    Path(outdir).mkdir(parents=True, exist_ok=True)
    times = now if isinstance(now, list) else [now] * len(files)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(click, files, [outdir] * len(files), times,
                             [macro] * len(files)))
