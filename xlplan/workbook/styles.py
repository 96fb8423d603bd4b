"""Cell styles by name; sheet builders refer to these names only."""
from __future__ import annotations

INPUT_FILL = "#FFF8E1"
FORMULA_FILL = "#EEF2F7"
GREEN, AMBER, RED = "#C6EFCE", "#FFEB9C", "#FFC7CE"
GREEN_TEXT, AMBER_TEXT, RED_TEXT = "#006100", "#9C5700", "#9C0006"
ACCENT = "#1F4E79"


# the header row of every table: bold, wrapped between words when the column is narrow
HEADER = {"font_name": "Calibri", "font_size": 10, "bold": True, "text_wrap": True,
          "valign": "bottom"}
# month names in date formats follow the workbook's language, not the machine's
# locale (a language tag in the format code, read by Excel and LibreOffice alike)
DATE_LOCALE = {"en": "[$-409]", "fr": "[$-40C]"}


def date_format(code: str, language: str) -> str:
    return DATE_LOCALE[language] + code


def styles(currency: str, language: str) -> dict[str, dict]:
    def dated(code):
        return date_format(code, language)
    money = f'#,##0 "{currency}";-#,##0 "{currency}"'
    base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
    inp = {**base, "bg_color": INPUT_FILL, "border": 1, "border_color": "#D9D9D9"}
    out = {**base, "bg_color": FORMULA_FILL, "border": 1, "border_color": "#D9D9D9"}
    return {
        "header": dict(HEADER),
        "title": {**base, "bold": True, "font_size": 16, "font_color": ACCENT},
        "subtitle": {**base, "bold": True, "font_size": 12, "font_color": ACCENT},
        "note": {**base, "italic": True, "font_color": "#595959"},
        "text": {**base, "text_wrap": True},
        "label": {**base, "bold": True},
        "input": {**inp, "text_wrap": True},
        "input_int": {**inp, "num_format": "0", "align": "center"},
        "input_num": {**inp, "num_format": "#,##0.##"},
        "input_money": {**inp, "num_format": money},
        "input_pct": {**inp, "num_format": "0%"},
        "input_pct1": {**inp, "num_format": "0.0%"},
        "input_date": {**inp, "num_format": dated("d mmm yyyy")},
        "input_kpi": {**inp, "num_format": "#,##0.###"},
        "calc": {**out},
        "calc_wrap": {**out, "text_wrap": True},
        "calc_int": {**out, "num_format": "0", "align": "center"},
        "calc_num": {**out, "num_format": "#,##0.0"},
        "calc_money": {**out, "num_format": money},
        "calc_pct": {**out, "num_format": "0%"},
        "calc_date": {**out, "num_format": dated("d mmm yyyy")},
        "calc_time": {**out, "num_format": dated("d mmm yyyy hh:mm")},
        "calc_month": {**out, "num_format": dated("mmm yyyy"), "bold": True},
        "calc_kpi": {**out, "num_format": "#,##0.###"},
        "calc_bold_money": {**out, "num_format": money, "bold": True},
        "legend_input": {**inp},
        "legend_formula": {**out},
        "legend_green": {**base, "bg_color": GREEN, "font_color": GREEN_TEXT},
        "legend_amber": {**base, "bg_color": AMBER, "font_color": AMBER_TEXT},
        "legend_red": {**base, "bg_color": RED, "font_color": RED_TEXT},
    }


def rag_formats() -> dict[str, dict]:
    return {"green": {"bg_color": GREEN, "font_color": GREEN_TEXT},
            "amber": {"bg_color": AMBER, "font_color": AMBER_TEXT},
            "red": {"bg_color": RED, "font_color": RED_TEXT},
            "bar": {"bg_color": "#5B9BD5", "font_color": "#FFFFFF"},
            "grey": {"font_color": "#808080"}}
