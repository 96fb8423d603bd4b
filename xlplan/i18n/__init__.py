"""Labels for users, one table per language."""
from __future__ import annotations

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


def missing_keys() -> dict[str, set[str]]:
    """Keys a language lacks compared with English (a test keeps this empty)."""
    ref = set(en.LABELS)
    return {lang: ref - set(t) for lang, t in _TABLES.items() if ref - set(t)}
