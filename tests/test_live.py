"""The xlwings layer, with a stand-in for Excel's book and app objects (the layer only
uses fullname, name, save, close, app.books.open): the workbook is closed while the
core rewrites it, and opened again after, even when the core refuses the file."""
from __future__ import annotations

import datetime as dt

import pytest

import xlplan
from xlplan.workbook.files import backups
import xlplan.live
from xlplan.errors import XlplanError


class FakeApp:
    def __init__(self):
        self.opened = []
        self.books = self

    def open(self, path):
        self.opened.append(path)


class FakeBook:
    """What Excel does with an open workbook that matters here: a lock file while open."""

    def __init__(self, path, app):
        self.fullname, self.name, self.app = str(path), path.name, app
        self.lock = path.with_name("~$" + path.name)
        self.lock.write_text("")
        self.calls = []

    def save(self):
        self.calls.append("save")

    def close(self):
        self.calls.append("close")
        self.lock.unlink()


def test_prioritize_runs_on_the_closed_file_and_opens_it_again(tmp_path):
    # last year's plan: the open workbook is planned as of today (Excel's clock), when
    # every month of it is closed, so its actions move
    year = dt.date.today().year - 1
    path = xlplan.new(tmp_path / "plan.xlsm", xlplan.Settings(year=year))
    app = FakeApp()
    book = FakeBook(path, app)
    report = xlplan.live.prioritize(book)
    assert book.calls == ["save", "close"] and app.opened == [str(path)]
    assert report.written and report.schedule.moves
    assert xlplan.read(path).recalculated == dt.date.today()
    assert len(backups(path)) == 1


def test_a_refused_file_is_opened_again_untouched(tmp_path):
    path = tmp_path / "notes.xlsm"
    path.write_text("not a workbook")
    app = FakeApp()
    with pytest.raises(XlplanError):
        xlplan.live.sync(FakeBook(path, app))
    assert app.opened == [str(path)] and path.read_text() == "not a workbook"


def test_an_unsaved_workbook_is_refused(tmp_path):
    book = FakeBook(tmp_path / "Book1", FakeApp())
    book.fullname = "Book1"
    with pytest.raises(XlplanError, match="has not been saved yet"):
        xlplan.live.prioritize(book)
    assert book.calls == []
