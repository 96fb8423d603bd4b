"""What a user sees and prints: LibreOffice prints every sheet of the English and the
French sample, a blank workbook and a filled, prioritized one to PDF, and the pages are
read back. Each printed page's header names its sheet (the header is "company, sheet,
plan"), so a whole-workbook PDF splits into the pages of each sheet."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import engine
import xlplan
from xlplan.content.synthetic import synthetic_plan
from xlplan.i18n import Labels
from xlplan.workbook import build_book, write_plan

pytestmark = pytest.mark.engine

WORKBOOKS = ("sample_en", "sample_fr", "blank", "filled")
# 10-point text printed at 80 % or more of its size
MIN_ACTIONS_POINTS = 8.0


@dataclass
class Printout:
    book: object  # the Book xlplan lays out for the file, to know its sheets and tables
    pdf: Path
    pages: list[str]  # text of each page
    sizes: list[list[float]]  # font size of every run of text, page by page

    def sheet_pages(self) -> dict[str, list[int]]:
        """Sheet name -> its pages (0-based), from each page's header line."""
        out: dict[str, list[int]] = {}
        for i, text in enumerate(self.pages):
            first = next((line for line in text.splitlines() if line.strip()), "")
            parts = re.split(r"\s{2,}", first.strip())
            assert len(parts) == 3, f"page {i + 1} has no header: {first!r}"
            out.setdefault(parts[1], []).append(i)
        return out

    def text_of(self, pages: list[int]) -> str:
        return "\n".join(self.pages[i] for i in pages)


@pytest.fixture(scope="module")
def printed(soffice, tmp_path_factory) -> dict[str, Printout]:
    folder = tmp_path_factory.mktemp("print")
    paths = {name: folder / f"{name}.xlsx" for name in WORKBOOKS}
    company = "Atelier Durand"
    xlplan.new(paths["sample_en"], xlplan.Settings(year=2027, company=company))
    xlplan.new(paths["sample_fr"], xlplan.Settings(year=2027, company=company,
                                                   language="fr"))
    xlplan.new(paths["blank"], xlplan.Settings(year=2027), blank=True)
    # 80 actions with statuses and spend, given their months by prioritize
    write_plan(synthetic_plan(80, xlplan.Settings(year=2027, company=company)),
               paths["filled"])
    xlplan.prioritize(paths["filled"])
    pdfs = engine.render_pdfs(list(paths.values()), folder / "pdf")
    # the text (-layout) is still split at form feeds: one entry per page, last empty
    return {name: Printout(build_book(xlplan.read(path)), pdf,
                           engine.pdf_pages_text(pdf)[:-1], engine.pdf_font_sizes(pdf))
            for (name, path), pdf in zip(paths.items(), pdfs)}


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_sheet_prints_in_order_with_no_empty_page(printed, name):
    out = printed[name]
    by_sheet = out.sheet_pages()
    assert list(by_sheet) == [s.name for s in out.book.sheets]
    for sheet, pages in by_sheet.items():
        assert pages == list(range(pages[0], pages[-1] + 1)), sheet
    for i, text in enumerate(out.pages):
        body = [line for line in text.splitlines() if line.strip()][1:-1]  # less header, footer
        assert body, f"page {i + 1} is empty"


@pytest.mark.parametrize("name", WORKBOOKS)
def test_dashboard_and_month_sheets_print_on_one_page_settings_on_two(printed, name):
    out = printed[name]
    by_sheet = out.sheet_pages()
    count = {s.role: len(by_sheet[s.name]) for s in out.book.sheets}
    assert count["dashboard"] == 1
    assert {count[f"month{i:02d}"] for i in range(1, 13)} == {1}
    assert count["settings"] <= 2


@pytest.mark.parametrize("name", WORKBOOKS)
def test_nothing_prints_as_hashes_and_no_header_is_cut(printed, name):
    """No "###" (a number too wide for its cell) anywhere; every word of every printed
    table header, and of the Budget's headers, is printed whole on its sheet's pages."""
    out = printed[name]
    assert not any("###" in text for text in out.pages)
    by_sheet = out.sheet_pages()
    L = Labels(out.book.properties["xlplan_language"])
    headers = {s.name: [h for t in s.tables for c, h in enumerate(t["headers"], t["first_col"])
                        if s.printing.last_col is None or c <= s.printing.last_col]
               for s in out.book.sheets}
    headers[out.book.sheet("budget").name] += [
        L["budget." + k] for k in ("amount", "planned", "actual", "variance", "cumulative",
                                   "results", "results_share", "cost_per_result")]
    for sheet, labels in headers.items():
        words = set(out.text_of(by_sheet[sheet]).split())
        for label in labels:
            missing = [w for w in label.split() if w not in words]
            assert not missing, f"{sheet}: header {label!r} prints without {missing}"


@pytest.mark.parametrize("name", WORKBOOKS)
def test_sheets_print_one_page_wide(printed, name):
    """A sheet wider than its page would print its right-hand columns on pages of their
    own; here every page of a sheet whose header row repeats holds that whole row."""
    out = printed[name]
    by_sheet = out.sheet_pages()
    for sheet in out.book.sheets:
        if not sheet.printing.repeat_rows:
            continue
        row, last = sheet.printing.repeat_rows[1], sheet.printing.last_col
        labels = [h for t in sheet.tables if t["first_row"] == row
                  for c, h in enumerate(t["headers"], t["first_col"])
                  if last is None or c <= last]
        labels = labels or [v for (r, _), (v, _) in sorted(sheet.cells.items())
                            if r == row and isinstance(v, str)]
        first_label, last_label = labels[0], labels[-1]
        for page in by_sheet[sheet.name]:
            words = out.pages[page].split()
            assert first_label.split()[0] in words and last_label.split()[-1] in words, \
                f"{sheet.name}, page {page + 1}: {first_label!r} … {last_label!r}"


@pytest.mark.parametrize("name", WORKBOOKS)
def test_actions_print_readable_over_as_many_pages_as_needed(printed, name):
    """LibreOffice fits a sheet to the page by scaling the size of every font it writes,
    so the ``Tf`` sizes of the PDF are the sizes on paper (tests/engine.py)."""
    out = printed[name]
    actions = out.book.sheet("actions")
    pages = out.sheet_pages()[actions.name]
    smallest = min(size for page in pages for size in out.sizes[page])
    assert smallest >= MIN_ACTIONS_POINTS, f"{name}: Actions text prints at {smallest} pt"
    if name == "filled":
        assert len(pages) > 1
        assert "A00080" in out.text_of(pages)


def test_month_titles_and_dates_follow_the_language(printed):
    en, fr = printed["sample_en"], printed["sample_fr"]
    en_pages, fr_pages = en.sheet_pages(), fr.sheet_pages()
    september = en.book.sheet("month09").name
    assert "September 2027" in en.text_of(en_pages[september])
    assert "septembre 2027" in fr.text_of(fr_pages[fr.book.sheet("month09").name])
    # dates written with a number format: months in the workbook's language
    settings = fr.text_of(fr_pages[fr.book.sheet("settings").name])
    assert "sept. 2027" in settings and "Sep 2027" not in settings
    assert "Sep 2027" in en.text_of(en_pages[en.book.sheet("settings").name])


def test_pictures_of_the_dashboard_and_a_month_sheet(printed, tmp_path):
    out = printed["sample_en"]
    by_sheet = out.sheet_pages()
    for role in ("dashboard", "month03"):
        page = by_sheet[out.book.sheet(role).name][0]
        png = engine.page_png(out.pdf, page + 1, tmp_path / role)
        assert png.stat().st_size > 10_000


@pytest.mark.parametrize("name", ("sample_en", "sample_fr"))
def test_the_printed_guide_teaches_the_routine_without_a_command_line(printed, name):
    out = printed[name]
    L = Labels(out.book.properties["xlplan_language"])
    guide = " ".join(out.text_of(out.sheet_pages()[out.book.sheet("guide").name]).split())
    for key in ("guide.weekly.when", "guide.monthly.when", "guide.quarterly.when",
                "guide.button", "guide.unblock.when", "guide.nomacros.when"):
        assert L[key] in guide
    assert ("Unblock" if L.lang == "en" else "Débloquer") in guide
    assert L["button.recalculate"] in guide
    months = [s.name for s in out.book.sheets if s.role.startswith("month")]
    assert f"{months[0]} … {months[-1]}" in guide
    for sheet in out.book.sheets:
        if not sheet.role.startswith("month") and sheet.role != "guide":
            assert sheet.name in guide
    assert not re.search(r"\bxlplan [a-z]|\bpip\b|\bpython\b|terminal", guide, re.I)
