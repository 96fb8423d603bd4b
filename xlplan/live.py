"""xlplan on the workbook open in Excel, through xlwings (``pip install xlplan[xlwings]``).

For Windows and macOS users who have Python beside Excel: the same ``sync`` and
``prioritize`` as the command line, run on the workbook that is open. The layer is thin
on purpose: it saves the workbook, closes it (Excel holds a lock on an open file, and
xlplan refuses to write a locked file), runs the core on the file, and opens the result
again in the same Excel. The backup is kept beside the file as with the command line.

    import xlplan.live
    xlplan.live.prioritize()          # the active workbook
    xlplan.live.sync(xw.books["roadmap_2027.xlsm"])
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .errors import XlplanError


def _active_book():
    try:
        import xlwings as xw
    except ImportError:  # pragma: no cover - depends on the user's machine
        raise XlplanError("xlwings is not installed",
                          fix="pip install 'xlplan[xlwings]'") from None
    return xw.books.active


def _round_trip(book: Any, run: Callable[[Path], Any]):
    """Save and close ``book``, run ``run`` on its file, open the result again."""
    book = book if book is not None else _active_book()
    path = Path(book.fullname)
    if not path.is_file():
        raise XlplanError(f"{book.name} has not been saved yet", where=book.name,
                          fix="save it as a .xlsm (or .xlsx) first, then run again")
    app = book.app
    book.save()
    book.close()
    try:
        return run(path)
    finally:
        # reopened even when the run refused the file: the user keeps their workbook
        app.books.open(str(path))


def prioritize(book: Any = None):
    """`xlplan prioritize` on a workbook open in Excel (default: the active one)."""
    from .repair import prioritize as run
    return _round_trip(book, run)


def sync(book: Any = None):
    """`xlplan sync` on a workbook open in Excel (default: the active one)."""
    from .repair import sync as run
    return _round_trip(book, run)
