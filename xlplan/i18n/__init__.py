"""Labels for users, one table per language."""
from __future__ import annotations

import datetime as _dt
import unicodedata

from . import en, fr

_TABLES = {"en": en.LABELS, "fr": fr.LABELS}


class Labels:
    """``labels["status.done"]`` in the workbook's language."""

    def __init__(self, lang: str):
        self.lang = lang
        self._table = _TABLES[lang]

    def __getitem__(self, key: str):
        return self._table[key]

    def items(self):
        return self._table.items()

    def label(self, prefix: str, code: str) -> str:
        """The label of a code; text read from a workbook that is no code stays as is."""
        return self._table.get(prefix + code, code)

    def status(self, code: str) -> str:
        return self.label("status.", code)

    def months(self) -> list[str]:
        return self._table["months"]

    def plan_months(self, settings) -> list[str]:
        """The labels of plan months 1..12, from the settings' start month."""
        months = self.months()
        return [months[settings.plan_month(i)[1] - 1] for i in range(1, 13)]


def _fold(text: str) -> str:
    """Compared as people type it: any case, no accents, no final dot, spaces trimmed."""
    plain = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).rstrip(".")


_MONTH_FORMS = {_fold(name): i + 1 for table in _TABLES.values()
                for key in ("months", "months_full") for i, name in enumerate(table[key])}
# the three-letter forms people type ("sep", "déc"), except "jui" (June or July?)
_SHORT: dict[str, set[int]] = {}
for _form, _month in _MONTH_FORMS.items():
    _SHORT.setdefault(_form[:3], set()).add(_month)
_MONTH_FORMS.update({form: months.pop() for form, months in _SHORT.items()
                     if len(months) == 1 and form not in _MONTH_FORMS})


def calendar_month(value) -> int | None:
    """The calendar month (1-12) a person meant by a month cell, in any of the forms
    they type: "Mar", "March", "mars", "MARS ", "3", 3, a date in that month, in either
    language; None when it is none of them."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.month
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and 1 <= value <= 12 else None
    key = _fold(str(value))
    if key.isdigit():
        return int(key) if 1 <= int(key) <= 12 else None
    return _MONTH_FORMS.get(key)


def missing_keys() -> dict[str, set[str]]:
    """Keys a language lacks compared with English (a test keeps this empty)."""
    ref = set(en.LABELS)
    return {lang: ref - set(t) for lang, t in _TABLES.items() if ref - set(t)}
