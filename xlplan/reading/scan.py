"""What the cell values hide: which cells hold formulas, error values, dropdowns.

python-calamine reads cached values only and shows an error cell as an empty string,
so the sheet's XML is scanned for these. A regular expression pass over the raw part
keeps this close to the cost of unzipping it; attributes are matched wherever they
sit in the tag, as Excel, LibreOffice and openpyxl order them differently.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeET

from .package import NONFINITE_HINT, NS, parse_area

_FORMULA = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*>\s*<f[ >/]')
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*\bt="e"[^>]*>'
                    rb'(?:\s*<f[^>]*/>|\s*<f[^>]*>[^<]*</f>)?\s*<v>([^<]*)</v>')
_NUMBER = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"([^>]*)>'
                     rb'(?:\s*<f[^>]*/>|\s*<f[^>]*>[^<]*</f>)?\s*<v>([^<]*)</v>')
_TYPE = re.compile(rb'\bt="([^"]*)"')
_VALIDATIONS = re.compile(rb"<dataValidations\b.*?</dataValidations>", re.DOTALL)
_CONDITIONAL = re.compile(rb'<conditionalFormatting\b[^>]*\bsqref="([^"]+)"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


@dataclass
class Validation:
    kind: str                                   # list, whole, decimal, ...
    areas: list[tuple[int, int, int, int]]
    source: str = ""                            # formula1, e.g. List_Status

    def covers(self, row: int, col: int) -> bool:
        return any(r1 <= row <= r2 and c1 <= col <= c2 for r1, c1, r2, c2 in self.areas)


@dataclass
class SheetScan:
    formulas: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    validations: list[Validation] = field(default_factory=list)
    conditional: list[str] = field(default_factory=list)

    def validation_at(self, row: int, col: int) -> Validation | None:
        for v in self.validations:
            if v.covers(row, col):
                return v
        return None


def scan_sheet(xml: bytes) -> SheetScan:
    out = SheetScan()
    out.formulas = {(int(r) - 1, _col(c)) for c, r in _FORMULA.findall(xml)}
    if b't="e"' in xml:  # a plain search first: most sheets have no error value
        out.errors = {(int(r) - 1, _col(c)): v.decode() for c, r, v in _ERROR.findall(xml)}
    if NONFINITE_HINT.search(xml):
        # Excel cannot store inf, nan or 1e999 in a cell; it shows #NUM! for them, and so
        # does xlplan (Document.grid reads them as blank, like any error value)
        for c, r, attrs, v in _NUMBER.findall(xml):
            kind = _TYPE.search(attrs)
            if kind is None or kind.group(1) == b"n":
                try:
                    number = float(v)
                except ValueError:
                    continue
                if not math.isfinite(number):
                    out.errors[(int(r) - 1, _col(c))] = "#NUM!"
    block = _VALIDATIONS.search(xml)
    if block:
        root = SafeET.fromstring(block.group(0).replace(
            b"<dataValidations", b'<dataValidations xmlns="%s"' % NS["m"].encode(), 1)
            if b"xmlns=" not in block.group(0)[:200] else block.group(0))
        for el in root.iterfind("m:dataValidation", NS):
            areas = []
            for part in el.get("sqref", "").split():
                try:
                    areas.append(parse_area(part))
                except ValueError:
                    pass
            f1 = el.find("m:formula1", NS)
            out.validations.append(Validation(el.get("type", "any"), areas,
                                              (f1.text or "").strip() if f1 is not None else ""))
    out.conditional = [m.decode() for m in _CONDITIONAL.findall(xml)]
    return out
