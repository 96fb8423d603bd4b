"""The formula writer: every formula in the workbook is built here or from these nodes."""
from .expr import (Cell, Const, EvalContext, Expr, Fn, Kept, Name, Range, col_letter,
                   from_serial, quote_sheet, serial)
from .values import ERROR_STRINGS, XLError

__all__ = ["Cell", "Const", "EvalContext", "Expr", "Fn", "Kept", "Name", "Range", "col_letter",
           "from_serial", "quote_sheet", "serial", "ERROR_STRINGS", "XLError"]
