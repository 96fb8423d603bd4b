"""The columns of every table xlplan lays out: each column's key and its header in
each language.

The sheet builders declare the tables (``Book.table``); this module reads that
declaration back from a blank layout, once per language, so that reading a workbook
finds each column by what it is — its header, in either language — rather than by
where it stood when xlplan wrote it.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import LANGUAGES, Plan, Settings


@lru_cache(maxsize=None)
def table_columns(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Table name -> ((key, header), …) in the order xlplan lays the columns out."""
    from .build import build_book
    book = build_book(Plan(settings=Settings(year=2027, language=language)))
    return {t["name"]: tuple(zip(t["keys"], t["headers"]))
            for sheet in book.sheets for t in sheet.tables}


def header_key(header: str) -> str:
    """How headers are compared: trimmed, any case, inner spaces collapsed."""
    return " ".join(str(header).split()).casefold()


@lru_cache(maxsize=None)
def keys_by_header(table: str) -> dict[str, str]:
    """Header (as compared, any language) -> column key, for one table."""
    out: dict[str, str] = {}
    for language in LANGUAGES:
        for key, header in table_columns(language).get(table, ()):
            out.setdefault(header_key(header), key)
    return out


@lru_cache(maxsize=None)
def chart_counts(language: str) -> dict[str, int]:
    """Role -> the number of charts xlplan draws on that sheet."""
    from .build import build_book
    book = build_book(Plan(settings=Settings(year=2027, language=language)))
    return {sheet.role: len(sheet.charts) for sheet in book.sheets if sheet.charts}
