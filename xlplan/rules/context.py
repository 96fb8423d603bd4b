"""What every rule sees: the document, the plan read from it, and what xlplan expects."""
from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import replace
from functools import cached_property

from ..reading.document import Document
from ..reading.plan import ReadPlan, read_plan
from ..workbook.book import Book


class CheckContext:
    def __init__(self, doc: Document, today: _dt.date | None = None):
        self.doc = doc
        self.read: ReadPlan = read_plan(doc)
        self.plan = self.read.plan
        self.settings = self.plan.settings
        self.labels = doc.labels
        # the day the plan is read on: given, else the workbook's as-of date, else today
        self.today = today or self.settings.as_of or _dt.date.today()
        self.memo: dict = {}  # results several rules share, from the file alone

    def on(self, today: _dt.date) -> CheckContext:
        """The same workbook checked on another day, sharing what was read, laid out and
        memoised so far (the memo holds what the file alone decides): checking a file on
        many days costs one reading."""
        other = copy.copy(self)
        other.today = today
        return other

    def where(self, sheet: str, row: int, col: int | None = None) -> str:
        return self.doc.where(sheet, row, col)

    @cached_property
    def table_rows(self) -> dict[str, int]:
        return {name: t.area[2] - t.area[0] for name, t in self.doc.package.tables.items()}

    @staticmethod
    def row_by_row(name: str) -> bool:
        """The Actions and month tables, checked from the plan row by row."""
        return name == "tblActions" or name.startswith("tblMonth")

    @cached_property
    def skeleton(self) -> Book:
        """The workbook xlplan would lay out for this plan, without its actions (the
        Actions and month tables are checked row by row from the plan instead: laying
        out 10,000 actions would cost more than the whole check)."""
        from ..workbook.build import build_book
        plan = replace(self.plan, actions=[])
        return build_book(plan, {k: v for k, v in self.table_rows.items()
                                 if not self.row_by_row(k)})

    @cached_property
    def action_ids(self) -> set[str]:
        return {a.id for a in self.plan.actions if a.id}

    def cell(self, table: str, key: str, row: int) -> str | None:
        t = self.read.tables.get(table)
        return None if t is None else self.where(t.sheet, row, t.col(key))
