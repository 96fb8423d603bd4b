"""Writing the workbook: layout (build), cells and formulas (book), the file (render)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .. import macros
from ..model import Plan
from .book import Book
from .build import build_book
from .files import write_atomically
from .render import render


def write_plan(plan: Plan, path: Path, *, overwrite: bool = False) -> Path | None:
    """Write ``plan`` as a workbook at ``path``; return the backup made, if any."""
    return write_book(build_book(plan), path, plan.settings.year, overwrite=overwrite)


def write_book(book: Book, path: Path, year: int, *, overwrite: bool,
               strict: bool = True) -> Path | None:
    """Write ``book`` at ``path`` once, safely (see files.py), with the macro and its
    buttons when ``path`` ends in .xlsm, dated 1 January of ``year`` so the same book
    gives the same bytes; return the backup made, if any."""
    book.macros = macros.enabled(path)
    created = _dt.datetime(year, 1, 1)
    return write_atomically(Path(path), lambda tmp: render(book, tmp, created, strict),
                            overwrite=overwrite)


__all__ = ["build_book", "render", "write_book", "write_plan"]
