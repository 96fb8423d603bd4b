"""Time `xlplan new` at 100 / 1,000 / 10,000 actions next to its floors, in one run.

    python benchmarks/bench_new.py [--sizes 100,1000,10000] [--no-recalc]

Floors: bare XlsxWriter writing the same cells (values and formula text with the
same cached values, no layout or evaluation), and bare `python -c pass` for start-up.
Goals: new within 1.5x its floor, --help under 150 ms, recalculation linear in size.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from xlplan.content.synthetic import synthetic_plan  # noqa: E402
from xlplan.scheduling import rank_actions  # noqa: E402
from xlplan.workbook import build_book, render  # noqa: E402
from xlplan.workbook.render import compute_values  # noqa: E402
from xlplan.formulas import Expr  # noqa: E402


def timed(fn, repeat=1):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bare_write(book, values, path):
    """The floor: the same cells written with XlsxWriter, nothing else."""
    wb = xlsxwriter.Workbook(str(path))
    for sheet in book.sheets:
        ws = wb.add_worksheet(sheet.name)
        for (r, c), (v, _) in sheet.cells.items():
            if isinstance(v, Expr):
                ws.write_formula(r, c, v.formula(), None, values[(sheet.name, r, c)])
            elif v is not None:
                ws.write(r, c, v)
    wb.close()


def command_ms(args, repeat=7):
    return 1000 * statistics.median(
        timed(lambda: subprocess.run(args, check=True, capture_output=True))
        for _ in range(repeat))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--no-recalc", action="store_true")
    opts = ap.parse_args()
    xlplan_bin = Path(sys.executable).with_name("xlplan")
    print(f"start-up: xlplan --help {command_ms([str(xlplan_bin), '--help']):.0f} ms; "
          f"floor python -c pass {command_ms([sys.executable, '-c', 'pass']):.0f} ms "
          f"(goal < 150 ms)")
    print(f"{'actions':>8} {'new s':>8} {'floor s':>8} {'ratio':>6} {'formulas':>9} "
          f"{'LO recalc s':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in [int(x) for x in opts.sizes.split(",")]:
            plan = synthetic_plan(n)
            rank_actions(plan.actions, plan.settings)
            out = tmp / f"new-{n}.xlsx"

            def run_new():
                render(build_book(plan), out, dt.datetime(2027, 1, 1))
            t_new = timed(run_new)
            book = build_book(plan)
            values = compute_values(book)
            t_floor = timed(lambda: bare_write(book, values, tmp / f"floor-{n}.xlsx"))
            recalc = ""
            if not opts.no_recalc:
                import engine
                recalc = f"{timed(lambda: engine.recalculate(out, tmp / 'lo')):.1f}"
            print(f"{n:>8} {t_new:>8.2f} {t_floor:>8.2f} {t_new / t_floor:>6.2f} "
                  f"{len(values):>9} {recalc:>11}")


if __name__ == "__main__":
    main()
