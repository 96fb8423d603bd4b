"""Time the Recalculate priorities button clicked in headless LibreOffice, next to its
floor and to `xlplan prioritize` on the same workbook, in one run.

    python benchmarks/bench_button.py [--sizes 1000] [--repeat 3]

The floor is a bare macro that reads the same ranges as arrays (the Actions table and
the twelve month tables) and writes back the columns the button writes, nothing else.
Times are the macro's own run, from the click to its return, without LibreOffice's
start-up, load and save. Needs LibreOffice and python3-uno (see README).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_new import timed  # noqa: E402
import engine  # noqa: E402
from xlplan import macros  # noqa: E402
from xlplan.content.synthetic import synthetic_plan  # noqa: E402
from xlplan.model import Settings  # noqa: E402
from xlplan.repair import prioritize  # noqa: E402
from xlplan.workbook import write_plan  # noqa: E402

FLOOR = '''
Public Sub Floor()
    Dim actions As Range, tbl As Range, m As Long, k As Long, data As Variant, cols As Variant
    Set actions = ActionsArea()
    data = actions.Value
    cols = Array(C_MONTH, C_STATUS, C_RANK, C_REASON)
    For k = 0 To 3
        data = actions.Columns(cols(k)).Formula
        actions.Columns(cols(k)).Formula = data
    Next k
    For m = 1 To 12
        Set tbl = MonthArea(m)
        data = tbl.Formula
        tbl.Formula = data
    Next m
End Sub
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    source = macros.source()
    macros.source = lambda: source + FLOOR  # the floor macro beside the button's
    print(f"{'actions':>8} {'button':>9} {'floor':>8} {'ratio':>6} {'prioritize':>11}")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            plan = synthetic_plan(n, Settings(year=2027, hours_per_week=40,
                                              annual_budget=200_000, wip_limit=40))
            files = []
            for i in range(args.repeat):
                files.append(folder / f"plan{i}.xlsm")
                write_plan(plan, files[-1])
            runs = {}
            for what in ("Actions", f"macro:{macros.MODULE}.Floor"):
                reports = engine.click_button(files, folder / "out", what)
                bad = [r for r in reports if r["error"]]
                if bad:
                    raise SystemExit(f"{what} failed: {bad[0]}")
                runs[what] = min(r["seconds"] for r in reports)
            click, floor = runs["Actions"], runs[f"macro:{macros.MODULE}.Floor"]
            python = timed(lambda: prioritize(files[0]), args.repeat)
            print(f"{n:>8} {click:>8.2f}s {floor:>7.2f}s {click / floor:>6.1f} "
                  f"{python:>10.2f}s")


if __name__ == "__main__":
    main()
