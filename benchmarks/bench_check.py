"""Time `xlplan check`, `xlplan sync`, `xlplan prioritize` and `xlplan rollover` at
1,000 / 10,000 actions next to their floors, in one run: bare python-calamine reading
the same file for check; that read plus bare XlsxWriter writing the same cells for
sync and prioritize; for rollover, the read plus bare XlsxWriter writing the new
year's cells.

    python benchmarks/bench_check.py [--sizes 1000,10000] [--repeat 3]

Goal: check within 2x its floor.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_new import bare_write, timed  # noqa: E402
from xlplan.content.synthetic import synthetic_plan  # noqa: E402
from xlplan.rules.check import check  # noqa: E402
from xlplan.scheduling import rank_actions  # noqa: E402
from xlplan import read, rollover  # noqa: E402
from xlplan.repair import prioritize, sync  # noqa: E402
from xlplan.workbook import build_book, write_plan  # noqa: E402
from xlplan.workbook.render import compute_values  # noqa: E402


def calamine_read(path: Path) -> None:
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    print(f"{'actions':>8} {'check s':>8} {'floor s':>8} {'ratio':>6} {'findings':>9} "
          f"{'sync s':>7} {'prior. s':>8} {'floor s':>8} {'rollover s':>10} {'floor s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in [int(x) for x in opts.sizes.split(",")]:
            plan = synthetic_plan(n)
            rank_actions(plan.actions, plan.settings)
            path = tmp / f"plan-{n}.xlsx"
            write_plan(plan, path)
            t_floor = timed(lambda: calamine_read(path), opts.repeat)
            findings = len(check(path).findings)
            t_check = timed(lambda: check(path), opts.repeat)
            work = tmp / f"sync-{n}.xlsx"

            def run_sync():
                shutil.copy(path, work)
                sync(work)
            t_sync = timed(run_sync, 1)

            def run_prioritize():
                shutil.copy(path, work)
                prioritize(work)
            t_prio = timed(run_prioritize, 1)
            book = build_book(plan)
            values = compute_values(book)
            t_write = timed(lambda: bare_write(book, values, tmp / "floor.xlsx"), 1)
            sync_floor = t_floor + t_write

            out = tmp / f"next-{n}.xlsx"
            t_roll = timed(lambda: rollover(path, out, force=True), 1)
            book = build_book(read(out))
            values = compute_values(book)
            roll_floor = t_floor + timed(lambda: bare_write(book, values, tmp / "f.xlsx"), 1)
            print(f"{n:>8} {t_check:>8.2f} {t_floor:>8.2f} {t_check / t_floor:>6.2f} "
                  f"{findings:>9} {t_sync:>7.2f} {t_prio:>8.2f} {sync_floor:>8.2f} "
                  f"{t_roll:>10.2f} {roll_floor:>8.2f}")


if __name__ == "__main__":
    main()
