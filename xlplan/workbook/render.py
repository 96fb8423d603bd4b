"""The one writer: a laid-out ``Book`` to an .xlsx (or, with its macro, .xlsm) file, with
every cached value."""
from __future__ import annotations

import datetime as _dt
import io
import math
from pathlib import Path

import xlsxwriter

from .. import macros
from ..errors import XlplanError
from ..formulas import Expr, Range, XLError, col_letter
from .book import SCHEMA_VERSION, Book, PrintSetup, Sheet
from .styles import rag_formats


def _chart_ref(rng: Range) -> list:
    return [rng.sheet, rng.r1, rng.c1, rng.r2, rng.c2]


def compute_values(book: Book) -> dict:
    """The cached value of every formula cell, keyed by (sheet name, row, col)."""
    ctx = book.evaluator()
    return {(s.name, r, c): ctx.value(s.name, r, c) for s, r, c, _ in book.formula_cells()}


MAX_TEXT = 32_767  # characters a cell holds in Excel


def refuse_unstorable(book: Book) -> None:
    """Refuse, naming the cell, a value no spreadsheet file can hold as it is (rather
    than crash on it or store it cut)."""
    for sheet in book.sheets:
        for (r, c), (value, _) in sheet.cells.items():
            where = f"{sheet.name}!{col_letter(c)}{r + 1}"
            if isinstance(value, float) and not math.isfinite(value):
                raise XlplanError(f"the value {value} cannot be stored in a workbook",
                                  where=where, fix="type a number there")
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise XlplanError(f"the text is {len(value):,} characters long; a cell "
                                  f"holds at most {MAX_TEXT:,}", where=where,
                                  fix="shorten it, or keep the long text in a document "
                                  "and link to it")
            if isinstance(value, (_dt.date, _dt.datetime)) and not (
                    _dt.date(1900, 1, 1) <= (value if type(value) is _dt.date
                                             else value.date()) <= _dt.date(9999, 12, 31)):
                raise XlplanError(f"the date {value} is outside what a spreadsheet "
                                  "stores (1900 to 9999)", where=where, fix="type a date "
                                  "from 1900 on")


def render(book: Book, path: Path, created: _dt.datetime, strict: bool = True) -> None:
    """Write ``book`` to ``path`` (which should be a temporary name: see files.py).

    ``strict`` refuses a formula whose value is an error: a new workbook has none. A
    rewritten one may, when a person typed text where a number belongs; the error
    is then what every spreadsheet shows, and ``xlplan check`` reports the cause."""
    refuse_unstorable(book)
    values = compute_values(book)
    # built in memory, written with one plain write: a full disk is then an OSError
    # the caller reports, and no half-closed zip is left behind
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False,
                                      "strings_to_numbers": False,
                                      "strings_to_urls": False, "in_memory": True})
    # Fixed document dates keep the output byte-identical for the same input.
    wb.set_properties({"created": created, "author": "xlplan", "title": book.properties.get(
        "title", ""), "company": book.properties.get("company", "")})
    wb.set_custom_property("xlplan_schema", SCHEMA_VERSION)
    for key, value in sorted(book.properties.items()):
        if key.startswith("xlplan_"):
            wb.set_custom_property(key, value)
    if book.macros:
        project = macros.vba_project(len(book.sheets), tuple(book.vba_modules))
        wb.add_vba_project(io.BytesIO(project), is_stream=True)
    formats = {name: wb.add_format(props) for name, props in book.styles.items()}
    dated: dict = {}

    def date_format(style):
        """A date typed where the column's format is not one shows as a date still."""
        if style not in dated:
            props = dict(book.styles.get(style, {})) if style else {}
            if not any(ch in str(props.get("num_format", "")) for ch in "dy"):
                props["num_format"] = "yyyy-mm-dd"
                dated[style] = wb.add_format(props)
            else:
                dated[style] = formats[style]
        return dated[style]
    cond = {name: wb.add_format(props) for name, props in rag_formats().items()}
    header = formats["header"]  # wraps between words rather than being cut off

    for sheet in book.sheets:
        ws = wb.add_worksheet(sheet.name)
        if sheet.tab_color:
            ws.set_tab_color(sheet.tab_color)
        for col, width in sorted(sheet.widths.items()):
            ws.set_column(col, col, width)
        for row, height in sorted(row_heights(sheet, book.styles, values).items()):
            ws.set_row(row, height)
        for t in sheet.tables:
            ws.add_table(t["first_row"], t["first_col"], t["last_row"], t["last_col"], {
                "name": t["name"], "style": t["style"],
                "columns": [{"header": h, "header_format": header} for h in t["headers"]]})
        for (r, c), (value, style) in sorted(sheet.cells.items()):
            fmt = formats.get(style) if style else None
            if isinstance(value, Expr):
                cached = values[(sheet.name, r, c)]
                if isinstance(cached, float) and not math.isfinite(cached):
                    cached = XLError("#NUM!")  # what an engine shows for an overflow
                if strict and isinstance(cached, XLError):
                    raise AssertionError(f"{sheet.name}!{r + 1},{c + 1} computes {cached}")
                ws.write_formula(r, c, value.formula(), fmt, cached)
            elif value is None:
                ws.write_blank(r, c, None, fmt)
            elif isinstance(value, XLError):
                # a typed error value: XlsxWriter stores no error constant, so it is
                # kept as the formula that is nothing but that error (=#N/A)
                ws.write_formula(r, c, "=" + value, fmt, str(value))
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value, fmt)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, fmt)
            elif isinstance(value, (_dt.date, _dt.datetime)):
                ws.write_datetime(r, c, value, date_format(style))
            else:
                ws.write_string(r, c, str(value), fmt)
        for (r, c), (text, author) in sorted(sheet.comments.items()):
            ws.write_comment(r, c, text, {"author": author} if author else None)
        for (r1, c1, r2, c2), opts in sheet.validations:
            ws.data_validation(r1, c1, r2, c2, dict(opts))
        for (r1, c1, r2, c2), opts in sheet.cond_formats:
            opts = dict(opts)
            if isinstance(opts.get("format"), str):
                opts["format"] = cond[opts["format"]]
            ws.conditional_format(r1, c1, r2, c2, opts)
        for r1, c1, r2, c2, text, style in sheet.merges:
            ws.merge_range(r1, c1, r2, c2, text, formats.get(style))
        for (r, c), spec in sheet.charts:
            chart = wb.add_chart({"type": spec["type"], **(
                {"subtype": spec["subtype"]} if "subtype" in spec else {})})
            for s in spec["series"]:
                series = {k: (_chart_ref(v) if isinstance(v, Range) else v)
                          for k, v in s.items()}
                chart.add_series(series)
            chart.set_title({"name": spec["title"]})
            chart.set_legend({"position": spec.get("legend", "bottom")})
            for axis in ("x_axis", "y_axis"):
                if axis in spec:
                    getattr(chart, "set_" + axis)(spec[axis])
            chart.set_size({"width": spec.get("width", 560), "height": spec.get("height", 300)})
            ws.insert_chart(r, c, chart)
        if book.macros:
            for r, c, caption in sheet.buttons:
                ws.insert_button(r, c, {"macro": macros.MACRO, "caption": caption,
                                        "width": 200, "height": 36, "x_offset": 2,
                                        "y_offset": 2})
        if sheet.freeze:
            ws.freeze_panes(*sheet.freeze)
        _print_setup(ws, sheet, book)
        ws.hide_gridlines(2 if sheet.role in ("guide", "dashboard") else 1)

    for name, target in sorted(book.names.items()):
        wb.define_name(name, "=" + target.xl())
    wb.close()
    with open(path, "wb") as f:
        f.write(buffer.getbuffer())


def _print_setup(ws, sheet: Sheet, book: Book) -> None:
    """A4, one page wide (and one tall when asked), the header rows on every page, only
    what is used (or what ``sheet.printing`` ends the area at)."""
    p: PrintSetup = sheet.printing
    ws.set_paper(9)
    if p.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_margins(left=0.3, right=0.3, top=0.7, bottom=0.6)
    ws.fit_to_pages(1, 1 if p.one_page else 0)
    if p.repeat_rows:
        ws.repeat_rows(*p.repeat_rows)
    if p.last_row is not None or p.last_col is not None:
        cells = list(sheet.cells) or [(0, 0)]
        ws.print_area(0, 0, max(r for r, _ in cells) if p.last_row is None else p.last_row,
                      max(c for _, c in cells) if p.last_col is None else p.last_col)
    ws.set_start_page(1)  # each sheet's pages count from 1, printed alone or all together
    if book.page_header:
        ws.set_header(book.page_header, {"margin": 0.3})
    if book.page_footer:
        ws.set_footer(book.page_footer, {"margin": 0.3})


# points a line of wrapped text takes, by font size, and the characters of that size
# that fill one unit of column width (Excel's unit is a digit of the default font)
LINE_POINTS = 1.3
CHARS_PER_UNIT = 1.25


def row_heights(sheet: Sheet, styles: dict, values: dict) -> dict[int, float]:
    """The height of each row whose wrapped text needs more than one line, so that it
    shows whole without running under the next row. Widths of merged cells add up."""
    spans = {(r1, c1): sum(sheet.widths.get(c, 8.43) for c in range(c1, c2 + 1))
             for r1, c1, r2, c2, _, _ in sheet.merges if r1 == r2}
    texts = {(r, c): (v, style) for (r, c), (v, style) in sheet.cells.items()}
    for r1, c1, _, _, text, style in sheet.merges:
        texts[(r1, c1)] = (text, style)
    for t in sheet.tables:
        for i, h in enumerate(t["headers"]):
            texts[(t["first_row"], t["first_col"] + i)] = (h, "header")
    heights: dict[int, float] = {}
    for (r, c), (value, style) in texts.items():
        props = styles.get(style or "", {})
        if not props.get("text_wrap"):
            continue
        if isinstance(value, Expr):
            value = values.get((sheet.name, r, c))
        if not isinstance(value, str) or not value:
            continue
        width = spans.get((r, c), sheet.widths.get(c, 8.43))
        size = props.get("font_size", 11)
        lines = wrapped_lines(value, max(1, int(width * CHARS_PER_UNIT * 10 / size) - 1))
        if lines > 1:
            heights[r] = max(heights.get(r, 0), round(lines * size * LINE_POINTS + 3, 1))
    return heights


def wrapped_lines(text: str, per_line: int) -> int:
    """Lines ``text`` takes when wrapped between words at ``per_line`` characters."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= per_line or used == 0:
                used = need
                while used > per_line:  # a word longer than the line breaks inside
                    lines += 1
                    used -= per_line
            else:
                lines += 1
                used = len(word)
    return lines
