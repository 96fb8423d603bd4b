"""Formula expressions that know both their Excel text and their value.

Every formula xlplan writes is built from these nodes. ``xl()`` renders the text that
goes into the cell; ``ev(ctx)`` computes the value with Excel's semantics, which is
written as the cell's cached result. Because both come from the same tree, the text
and the cached value cannot drift apart; the LibreOffice tests check the semantics.

Only the functions every engine computes the same are available (IF, IFERROR, ROUND,
SUMIFS, COUNTIFS, INDEX/MATCH, DATE, WEEKDAY, ...): there is no node for volatile or
365-only functions, so they cannot be written by accident.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable

from .values import XLError, blank_to_zero, compare, is_blank, to_number, to_text

_SIMPLE_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def col_letter(col: int) -> str:
    """Zero-based column index to letters (0 -> A)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class Expr:
    """A node of a formula. Operators build bigger formulas."""

    precedence = 100  # atoms bind tightest

    def xl(self) -> str:
        raise NotImplementedError

    def ev(self, ctx: "EvalContext") -> Any:
        raise NotImplementedError

    # arithmetic and comparison build BinOp nodes
    def __add__(self, o): return BinOp("+", self, lift(o))
    def __radd__(self, o): return BinOp("+", lift(o), self)
    def __sub__(self, o): return BinOp("-", self, lift(o))
    def __rsub__(self, o): return BinOp("-", lift(o), self)
    def __mul__(self, o): return BinOp("*", self, lift(o))
    def __rmul__(self, o): return BinOp("*", lift(o), self)
    def __truediv__(self, o): return BinOp("/", self, lift(o))
    def __rtruediv__(self, o): return BinOp("/", lift(o), self)
    def __neg__(self): return BinOp("-", Const(0), self)

    def concat(self, o): return BinOp("&", self, lift(o))
    def eq(self, o): return BinOp("=", self, lift(o))
    def ne(self, o): return BinOp("<>", self, lift(o))
    def lt(self, o): return BinOp("<", self, lift(o))
    def le(self, o): return BinOp("<=", self, lift(o))
    def gt(self, o): return BinOp(">", self, lift(o))
    def ge(self, o): return BinOp(">=", self, lift(o))

    def formula(self) -> str:
        return "=" + self.xl()


def lift(v: Any) -> Expr:
    return v if isinstance(v, Expr) else Const(v)


class Const(Expr):
    def __init__(self, value: Any):
        if isinstance(value, _dt.date):
            raise TypeError("dates in formulas are built with DATE()")
        self.value = value

    def xl(self) -> str:
        v = self.value
        if isinstance(v, bool):
            return "TRUE" if v else "FALSE"
        if isinstance(v, str):
            return '"' + v.replace('"', '""') + '"'
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return repr(v) if isinstance(v, float) else str(v)

    def ev(self, ctx):
        return self.value


class Cell(Expr):
    """A reference to one cell. ``absolute`` refs survive sorting of the host table;
    same-row refs are relative so that a sorted row keeps pointing at itself."""

    def __init__(self, sheet: str, row: int, col: int, absolute: bool = True):
        self.sheet, self.row, self.col, self.absolute = sheet, row, col, absolute

    def a1(self) -> str:
        d = "$" if self.absolute else ""
        return f"{d}{col_letter(self.col)}{d}{self.row + 1}"

    def xl(self) -> str:
        return f"{quote_sheet(self.sheet)}!{self.a1()}"

    def ev(self, ctx):
        return ctx.value(self.sheet, self.row, self.col)


class Range(Expr):
    def __init__(self, sheet: str, r1: int, c1: int, r2: int, c2: int):
        self.sheet, self.r1, self.c1, self.r2, self.c2 = sheet, r1, c1, r2, c2

    def a1(self) -> str:
        return (f"${col_letter(self.c1)}${self.r1 + 1}:"
                f"${col_letter(self.c2)}${self.r2 + 1}")

    def xl(self) -> str:
        return f"{quote_sheet(self.sheet)}!{self.a1()}"

    def ev(self, ctx):
        return ctx.range_values(self)

    @property
    def size(self) -> int:
        return (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1)


class Name(Expr):
    """A workbook-level defined name. Names follow a renamed sheet, so formulas
    built on them keep working after a user renames a sheet."""

    def __init__(self, name: str):
        self.name = name

    def xl(self) -> str:
        return self.name

    def ev(self, ctx):
        return ctx.name_target(self.name).ev(ctx)


class Kept(Expr):
    """A formula a person wrote, kept as its text with the value it last showed.

    xlplan never builds these; it carries them over when it rewrites a workbook."""

    def __init__(self, text: str, cached: Any = None):
        self.text, self.cached = text.lstrip("="), cached

    def xl(self) -> str:
        return self.text

    def ev(self, ctx):
        return "" if self.cached is None else self.cached


_BIN_PRECEDENCE = {"=": 1, "<>": 1, "<": 1, "<=": 1, ">": 1, ">=": 1,
                   "&": 2, "+": 3, "-": 3, "*": 4, "/": 4}


class BinOp(Expr):
    def __init__(self, op: str, left: Expr, right: Expr):
        self.op, self.left, self.right = op, left, right
        self.precedence = _BIN_PRECEDENCE[op]

    def xl(self) -> str:
        left = self.left.xl()
        right = self.right.xl()
        if self.left.precedence < self.precedence:
            left = f"({left})"
        # left-associative: an equal-precedence right operand needs brackets
        if self.right.precedence <= self.precedence:
            right = f"({right})"
        return f"{left}{self.op}{right}"

    def ev(self, ctx):
        a, b = self.left.ev(ctx), self.right.ev(ctx)
        for v in (a, b):
            if isinstance(v, XLError):
                return v
        if self.op == "&":
            return to_text(a) + to_text(b)
        if self.op in ("=", "<>", "<", "<=", ">", ">="):
            c = compare(a, b)
            return {"=": c == 0, "<>": c != 0, "<": c < 0, "<=": c <= 0,
                    ">": c > 0, ">=": c >= 0}[self.op]
        x, y = to_number(a), to_number(b)
        if isinstance(x, XLError):
            return x
        if isinstance(y, XLError):
            return y
        if self.op == "/" and y == 0:
            return XLError.DIV0
        try:
            if self.op == "+":
                result = x + y
            elif self.op == "-":
                result = x - y
            elif self.op == "*":
                result = x * y
            else:
                result = x / y
        except OverflowError:
            return XLError.NUM
        # a spreadsheet's numbers are doubles: beyond them is #NUM!
        return result if abs(result) <= _LARGEST else XLError.NUM


_LARGEST = 1.7976931348623157e308


class Fn(Expr):
    """A call of one of the allowed functions."""

    def __init__(self, name: str, *args: Any):
        if name not in FUNCTIONS:
            raise ValueError(f"{name} is not a function every engine computes alike")
        self.name = name
        self.args = [lift(a) for a in args]

    def xl(self) -> str:
        return f"{self.name}({','.join(a.xl() for a in self.args)})"

    def ev(self, ctx):
        return FUNCTIONS[self.name](ctx, *self.args)


# ---------------------------------------------------------------- functions

def _strict(fn: Callable) -> Callable:
    """Evaluate all arguments first and propagate the first error."""
    def run(ctx, *args):
        vals = [a.ev(ctx) for a in args]
        for v in vals:
            if isinstance(v, XLError):
                return v
        return fn(*vals)
    return run


def _if(ctx, cond, then, other=None):
    c = cond.ev(ctx)
    if isinstance(c, XLError):
        return c
    c = to_number(c)
    if isinstance(c, XLError):
        return c
    if c:
        return then.ev(ctx)
    return False if other is None else other.ev(ctx)


def _iferror(ctx, value, fallback):
    v = value.ev(ctx)
    return fallback.ev(ctx) if isinstance(v, XLError) else v


def _round(x, digits):
    x, digits = to_number(x), to_number(digits)
    for v in (x, digits):
        if isinstance(v, XLError):
            return v
    if not math.isfinite(x) or not math.isfinite(digits):
        return XLError.NUM
    q = Decimal(1).scaleb(-int(digits))
    try:
        return float(Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP))
    except InvalidOperation:  # more digits than a float holds: nothing to round
        return float(x)


def _flat_numbers(vals):
    """Numbers among range values and scalars, as SUM/MIN/MAX see them."""
    out = []
    for v in vals:
        if isinstance(v, list):
            out.extend(x for x in v if isinstance(x, (int, float)) and not isinstance(x, bool))
        elif isinstance(v, XLError):
            return v
        else:
            n = to_number(v)
            if isinstance(n, XLError):
                return n
            out.append(n)
    for x in out:
        if isinstance(x, XLError):
            return x
    return out


def _agg(fn):
    def run(ctx, *args):
        vals = [a.ev(ctx) for a in args]
        for v in vals:
            if isinstance(v, list):
                for x in v:
                    if isinstance(x, XLError):
                        return x
        nums = _flat_numbers(vals)
        if isinstance(nums, XLError):
            return nums
        return fn(nums)
    return run


_CRIT = re.compile(r"^(<=|>=|<>|<|>|=)?(.*)$", re.S)


def criterion(crit: Any) -> Callable[[Any], bool]:
    """A matcher for a SUMIFS/COUNTIFS criterion, as Excel reads it."""
    if isinstance(crit, bool):
        return lambda v: v is crit
    if isinstance(crit, (int, float)):
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v == crit
    op, rest = _CRIT.match(to_text(crit)).groups()
    op = op or "="
    try:
        num = float(rest)
    except ValueError:
        num = None
    if num is not None:
        test = {"=": lambda c: c == 0, "<>": lambda c: c != 0, "<": lambda c: c < 0,
                "<=": lambda c: c <= 0, ">": lambda c: c > 0, ">=": lambda c: c >= 0}[op]
        if op == "<>":
            return lambda v: not (isinstance(v, (int, float)) and not isinstance(v, bool) and v == num)
        return lambda v: (isinstance(v, (int, float)) and not isinstance(v, bool)
                          and test((v > num) - (v < num)))
    if rest == "":
        if op == "=":
            return is_blank
        if op == "<>":
            return lambda v: not is_blank(v)
    low = rest.lower()
    if op == "=":
        return lambda v: isinstance(v, str) and v.lower() == low
    if op == "<>":
        return lambda v: not (isinstance(v, str) and v.lower() == low)
    test = {"<": lambda a: a < low, "<=": lambda a: a <= low,
            ">": lambda a: a > low, ">=": lambda a: a >= low}[op]
    return lambda v: isinstance(v, str) and test(v.lower())


def _ifs_mask(ctx, pairs):
    mask = None
    for rng, crit in zip(pairs[::2], pairs[1::2]):
        vals = rng.ev(ctx)
        c = crit.ev(ctx)
        if isinstance(c, XLError):
            return c
        match = criterion(c)
        m = [match(v) for v in vals]
        mask = m if mask is None else [a and b for a, b in zip(mask, m)]
    return mask


def _sumifs(ctx, sum_range, *pairs):
    mask = _ifs_mask(ctx, pairs)
    if isinstance(mask, XLError):
        return mask
    total = 0
    for keep, v in zip(mask, sum_range.ev(ctx)):
        if keep:
            if isinstance(v, XLError):
                return v
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                total += v
    return total


def _countifs(ctx, *pairs):
    mask = _ifs_mask(ctx, pairs)
    return mask if isinstance(mask, XLError) else sum(mask)


def _index(ctx, rng, row, col=None):
    vals = rng.ev(ctx)
    r = to_number(row.ev(ctx))
    if isinstance(r, XLError):
        return r
    width = rng.c2 - rng.c1 + 1 if isinstance(rng, Range) else 1
    c = 1 if col is None else to_number(col.ev(ctx))
    if isinstance(rng, Range) and width > 1 and rng.r1 == rng.r2 and col is None:
        r, c = 1, r  # INDEX(row_range, n)
    r, c = int(r), int(c)
    idx = (r - 1) * width + (c - 1)
    if r < 1 or c < 1 or c > width or idx >= len(vals):
        return XLError.REF
    v = vals[idx]
    return 0 if v is None else v


def _match(ctx, value, rng, kind):
    if to_number(kind.ev(ctx)) != 0:
        raise ValueError("only exact MATCH (type 0) is used")
    target = value.ev(ctx)
    if isinstance(target, XLError):
        return target
    for i, v in enumerate(rng.ev(ctx), start=1):
        if not is_blank(v) and compare(v, target) == 0:
            return i
    return XLError.NA


def _date(y, m, d):
    """DATE as Excel computes it: years 0-1899 count from 1900, months and days roll
    over; a date outside 1900-9999 is #NUM!."""
    args = [to_number(v) for v in (y, m, d)]
    for v in args:
        if isinstance(v, XLError):
            return v
    if not all(math.isfinite(v) and abs(v) < 1e9 for v in args):
        return XLError.NUM
    y, m, d = (int(v) for v in args)
    if 0 <= y < 1900:
        y += 1900
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    try:
        return serial(_dt.date(y, m, 1)) + d - 1
    except (ValueError, OverflowError):
        return XLError.NUM


def _weekday(s, kind=1):
    day = from_serial(to_number(s)).isoweekday()  # Monday=1 .. Sunday=7
    if int(kind) == 2:
        return day
    return day % 7 + 1  # type 1: Sunday=1


def _mod(a, b):
    a, b = to_number(a), to_number(b)
    if b == 0:
        return XLError.DIV0
    return a - b * (a // b)


def _and(ctx, *args):
    vals = [to_number(a.ev(ctx)) for a in args]
    for v in vals:
        if isinstance(v, XLError):
            return v
    return all(vals)


def _or(ctx, *args):
    vals = [to_number(a.ev(ctx)) for a in args]
    for v in vals:
        if isinstance(v, XLError):
            return v
    return any(vals)


def _counta(ctx, *args):
    n = 0
    for a in args:
        v = a.ev(ctx)
        n += sum(1 for x in v if not is_blank(x)) if isinstance(v, list) else 1
    return n


FUNCTIONS: dict[str, Callable] = {
    "IF": _if,
    "IFERROR": _iferror,
    "AND": _and,
    "OR": _or,
    "NOT": _strict(lambda x: not to_number(x)),
    "ROUND": _strict(_round),
    "ABS": _strict(lambda x: abs(to_number(x))),
    "SUM": _agg(sum),
    "MIN": _agg(lambda xs: min(xs) if xs else 0),
    "MAX": _agg(lambda xs: max(xs) if xs else 0),
    "SUMIFS": _sumifs,
    "COUNTIFS": _countifs,
    "COUNTA": _counta,
    "INDEX": _index,
    "MATCH": _match,
    "DATE": _strict(_date),
    "WEEKDAY": _strict(_weekday),
    "MONTH": _strict(lambda s: from_serial(to_number(s)).month),
    "YEAR": _strict(lambda s: from_serial(to_number(s)).year),
    "MOD": _strict(_mod),
    "LEN": _strict(lambda s: len(to_text(s))),
    "SUBSTITUTE": _strict(lambda s, a, b: to_text(s).replace(to_text(a), to_text(b))),
    "TRIM": _strict(lambda s: " ".join(to_text(s).split())),
}

_EPOCH = _dt.date(1899, 12, 30)


def serial(d: _dt.date) -> int:
    """Excel's 1900-system serial number of a date (valid after 1900-03-01)."""
    return (d - _EPOCH).days


def from_serial(n: float) -> _dt.date:
    return _EPOCH + _dt.timedelta(days=int(n))


class EvalContext:
    """Values of a workbook's cells, computed on demand and remembered."""

    def __init__(self, lookup_cell: Callable[[str, int, int], Any],
                 names: dict[str, Expr]):
        self._lookup = lookup_cell
        self._names = names
        self._memo: dict[tuple, Any] = {}
        self._ranges: dict[tuple, list] = {}
        self._active: set[tuple] = set()

    def value(self, sheet: str, row: int, col: int) -> Any:
        key = (sheet, row, col)
        if key in self._memo:
            return self._memo[key]
        content = self._lookup(sheet, row, col)
        if isinstance(content, Expr):
            if key in self._active:
                raise ValueError(f"circular reference at {sheet}!{col_letter(col)}{row + 1}")
            self._active.add(key)
            result = content.ev(self)
            self._active.discard(key)
            if result is None:  # a formula pointing at a blank shows 0
                result = 0
        elif isinstance(content, _dt.date):  # a typed date is its serial number
            result = serial(content if type(content) is _dt.date else content.date())
            if isinstance(content, _dt.datetime):
                result += (content - _dt.datetime.combine(content.date(),
                                                          _dt.time())).total_seconds() / 86400
        else:
            result = content
        self._memo[key] = result
        return result

    def range_values(self, rng: Range) -> list:
        key = (rng.sheet, rng.r1, rng.c1, rng.r2, rng.c2)
        vals = self._ranges.get(key)
        if vals is None:
            vals = [self.value(rng.sheet, r, c)
                    for r in range(rng.r1, rng.r2 + 1)
                    for c in range(rng.c1, rng.c2 + 1)]
            self._ranges[key] = vals
        return vals

    def name_target(self, name: str) -> Expr:
        try:
            return self._names[name]
        except KeyError:
            raise ValueError(f"undefined name {name}") from None


__all__ = ["Expr", "Const", "Cell", "Range", "Name", "Fn", "EvalContext", "serial",
           "from_serial", "col_letter", "quote_sheet", "criterion", "blank_to_zero"]
