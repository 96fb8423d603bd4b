"""Excel's value semantics: blanks, coercion, comparison, error values."""
from __future__ import annotations

from typing import Any


class XLError(str):
    """An error value such as ``#DIV/0!``; a str so it can be written as one."""


XLError.DIV0 = XLError("#DIV/0!")
XLError.NA = XLError("#N/A")
XLError.REF = XLError("#REF!")
XLError.VALUE = XLError("#VALUE!")
XLError.NUM = XLError("#NUM!")
ERROR_STRINGS = frozenset({"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!",
                           "#NULL!", "Err:502", "Err:504", "Err:508", "Err:522"})


def is_blank(v: Any) -> bool:
    return v is None or v == ""


def blank_to_zero(v: Any) -> Any:
    return 0 if v is None else v


def to_number(v: Any):
    """A value as arithmetic sees it: blank is 0, TRUE is 1, text is #VALUE!."""
    if v is None:
        return 0
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, XLError):
        return v
    if isinstance(v, str):
        if v == "":
            return XLError.VALUE
        try:
            return float(v)
        except ValueError:
            return XLError.VALUE
    raise TypeError(f"unexpected cell value {v!r}")


def to_text(v: Any) -> str:
    """A value as ``&`` sees it: numbers in General format, TRUE as TRUE."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return f"{v:.15g}"
    return str(v)


def _rank(v: Any) -> int:
    # Excel orders numbers < text < logicals when comparing mixed types
    if isinstance(v, bool):
        return 2
    if isinstance(v, str):
        return 1
    return 0


def compare(a: Any, b: Any) -> int:
    """-1, 0 or 1 as Excel's comparison operators order two values."""
    if a is None:
        a = "" if isinstance(b, str) else (False if isinstance(b, bool) else 0)
    if b is None:
        b = "" if isinstance(a, str) else (False if isinstance(a, bool) else 0)
    ra, rb = _rank(a), _rank(b)
    if ra != rb:
        return -1 if ra < rb else 1
    if ra == 1:
        a, b = a.lower(), b.lower()
    return (a > b) - (a < b)
