"""Writing the workbook: layout (build), cells and formulas (book), the file (render)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .. import macros
from ..model import Plan
from .build import build_book
from .files import write_atomically
from .render import render


def write_plan(plan: Plan, path: Path, *, overwrite: bool = False) -> Path | None:
    """Write ``plan`` as a workbook at ``path`` (with the macro and its buttons when
    ``path`` ends in .xlsm); return the backup made, if any."""
    book = build_book(plan)
    book.macros = macros.enabled(path)
    created = _dt.datetime(plan.settings.year, 1, 1)
    return write_atomically(Path(path), lambda tmp: render(book, tmp, created),
                            overwrite=overwrite)


__all__ = ["build_book", "render", "write_plan"]
