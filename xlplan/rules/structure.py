"""Structure: the sheets, tables, headers, formulas and dropdowns xlplan owns."""
from __future__ import annotations

from ..workbook.book import Book
from . import rule
from .context import CheckContext

SYNC = "run xlplan sync FILE"


def _skeleton_tables(book: Book):
    for sheet in book.sheets:
        for t in sheet.tables:
            yield sheet, t


@rule("S101", "missing-sheet", "error", "A sheet xlplan needs is missing (deleted).",
      SYNC + " to recreate it; its former content comes back only from a backup (for "
      "Actions and Settings, which hold the plan, sync refuses: take them from a backup)")
def missing_sheet(ctx: CheckContext):
    present = ctx.doc.package.roles
    for sheet in ctx.skeleton.sheets:
        if sheet.role not in present:
            yield str(ctx.doc.path.name), f"the {sheet.name} sheet ({sheet.role}) is missing"


@rule("S102", "unknown-role", "warning",
      "A sheet carries an xlplan role this version does not know.",
      "upgrade xlplan, or delete the defined name xlplan_role_… of that sheet")
def unknown_role(ctx: CheckContext):
    known = {s.role for s in ctx.skeleton.sheets}
    for role, sheet in sorted(ctx.doc.package.roles.items()):
        if role not in known:
            yield sheet, f"sheet {sheet!r} has the unknown role {role!r}"


@rule("S103", "header-renamed", "error", "A table header was renamed or overwritten.",
      "type the header back as shown, or " + SYNC)
def header_renamed(ctx: CheckContext):
    for sheet, t in _skeleton_tables(ctx.skeleton):
        found = ctx.doc.table(t["name"])
        name = ctx.doc.sheet(sheet.role)
        if found is None or name is None or found.area[:2] != (t["first_row"], t["first_col"]):
            continue
        for i, header in enumerate(t["headers"]):
            r, c = t["first_row"], t["first_col"] + i
            value = ctx.doc.value(name, r, c)
            if str(value if value is not None else "").strip() != header:
                yield ctx.where(name, r, c), (f"header {value!r} should read {header!r}"
                                              if value is not None else
                                              f"header {header!r} is missing")


@rule("S104", "table-moved", "error",
      "A table is not where xlplan put it (moved, or converted to a plain range).",
      SYNC + " to put it back in place")
def table_moved(ctx: CheckContext):
    from ..reading.package import cell_ref
    for sheet, t in _skeleton_tables(ctx.skeleton):
        name = ctx.doc.sheet(sheet.role)
        if name is None:
            continue
        found = ctx.doc.table(t["name"])
        expected = cell_ref(t["first_row"], t["first_col"])
        if found is None:
            yield ctx.where(name, t["first_row"], t["first_col"]), \
                f"table {t['name']} is missing (it should start at {expected})"
        elif found.sheet != name or found.area[:2] != (t["first_row"], t["first_col"]):
            yield ctx.where(found.sheet, found.area[0], found.area[1]), \
                f"table {t['name']} starts here instead of {name}!{expected}"


def expected_formulas(ctx: CheckContext) -> list[tuple[str, int, int]]:
    """(sheet name, row, col) of every cell that must hold a formula."""
    if "formulas" not in ctx.memo:
        ctx.memo["formulas"] = _expected_formulas(ctx)
    return ctx.memo["formulas"]


def _expected_formulas(ctx: CheckContext) -> list[tuple[str, int, int]]:
    out = []
    areas = []
    for sheet, t in _skeleton_tables(ctx.skeleton):
        found = ctx.doc.table(t["name"])
        name = ctx.doc.sheet(sheet.role)
        moved = found is None or found.area[:2] != (t["first_row"], t["first_col"])
        if ctx.row_by_row(t["name"]) or moved:
            areas.append((sheet.name, t["first_row"], t["first_col"], t["last_row"],
                          t["last_col"], None))
        else:
            areas.append((sheet.name, t["first_row"], t["first_col"], t["last_row"],
                          t["last_col"], found.area[2]))
    for sheet in ctx.skeleton.sheets:
        name = ctx.doc.sheet(sheet.role)
        if name is None:
            continue
        mine = [a for a in areas if a[0] == sheet.name]
        for (r, c), (value, _) in sheet.cells.items():
            if not hasattr(value, "formula"):
                continue
            inside = next((a for a in mine if a[1] < r <= a[3] and a[2] <= c <= a[4]), None)
            if inside is not None and (inside[5] is None or r > inside[5]):
                continue
            out.append((name, r, c))
    # Actions and month tables: by row, from the plan
    t = ctx.read.tables.get("tblActions")
    if t is not None:
        scheduled = {r for r, a in ctx.read.action_rows if a.month is not None}
        for r in range(t.top + 1, t.last + 1):
            out.append((t.sheet, r, t.col("score")))
            out.append((t.sheet, r, t.col("quadrant")))
            if r in scheduled:
                out.append((t.sheet, r, t.col("status")))
    for e in ctx.read.month_entries:
        t = ctx.read.tables[f"tblMonth{e.month:02d}"]
        if e.id in ctx.action_ids:
            for key in ("title", "workstream", "channel", "bucket", "owner", "cost", "hours"):
                out.append((t.sheet, e.row, t.col(key)))
    return out


def _missing_formulas(ctx: CheckContext) -> tuple[list, list]:
    """Expected formula cells holding a typed value, and those left blank."""
    if "missing" in ctx.memo:
        return ctx.memo["missing"]
    overwritten, deleted = [], []
    by_sheet: dict[str, list] = {}
    for name, r, c in expected_formulas(ctx):
        by_sheet.setdefault(name, []).append((r, c))
    for name, cells in by_sheet.items():
        scan = ctx.doc.scan(name)
        formulas, errors = scan.formulas, scan.errors
        for r, c in cells:
            if (r, c) in formulas or (r, c) in errors:
                continue
            value = ctx.doc.value(name, r, c)
            (deleted if value is None else overwritten).append((name, r, c, value))
    ctx.memo["missing"] = overwritten, deleted
    return overwritten, deleted


@rule("S105", "formula-overwritten", "error",
      "A formula xlplan owns was overwritten by a typed value.",
      SYNC + " to restore the formula (the typed value is reported, not kept)")
def formula_overwritten(ctx: CheckContext):
    for name, r, c, value in _missing_formulas(ctx)[0]:
        yield ctx.where(name, r, c), f"the typed value {value!r} replaces a formula"


@rule("S106", "formula-deleted", "error", "A formula xlplan owns was deleted.",
      SYNC + " to restore it")
def formula_deleted(ctx: CheckContext):
    for name, r, c, _ in _missing_formulas(ctx)[1]:
        yield ctx.where(name, r, c), "the formula of this cell was deleted"


@rule("S107", "error-value", "error",
      "A cell shows an error value (#REF!, #NAME?, #DIV/0!, #VALUE!, …).",
      "look at what the cell refers to (a deleted row or sheet gives #REF!, text in a "
      "number gives #VALUE!); fix the input, or " + SYNC)
def error_value(ctx: CheckContext):
    for sheet in ctx.doc.package.sheets:
        if ctx.doc.package.role_of(sheet) is None:
            continue
        for (r, c), err in sorted(ctx.doc.scan(sheet).errors.items()):
            yield ctx.where(sheet, r, c), f"the cell shows {err}"


@rule("S109", "button-broken", "warning",
      "A macro-enabled workbook lacks the macro or a Recalculate priorities button, or "
      "holds a macro this version of xlplan did not write.",
      SYNC + " to write the macro and the buttons again")
def button_broken(ctx: CheckContext):
    from .. import macros
    path = ctx.doc.path
    if not macros.enabled(path):
        return
    if not ctx.doc.package.has_vba:
        yield path.name, "the workbook holds no macro: the button cannot run"
        return
    try:
        code = macros.modules_in(path).get(macros.MODULE)
    except macros.UnreadableVBA:
        yield path.name, "the workbook's macro project is damaged and cannot be read"
        return
    if code is None:
        yield path.name, f"the macro module {macros.MODULE!r} is missing"
    elif macros.code_lines(code) != macros.code_lines(macros.source()):
        yield path.name, f"the macro module {macros.MODULE!r} differs from this version's"
    buttons = macros.buttons_in(path)
    for role in ("actions", "dashboard"):
        sheet = ctx.doc.sheet(role)
        if sheet is not None and not any(m.endswith(macros.MACRO) for m in buttons.get(sheet, [])):
            yield ctx.where(sheet, 0, 0), "the Recalculate priorities button is missing"


@rule("S108", "dropdown-removed", "error", "A dropdown list xlplan set up was removed.",
      SYNC + " to restore it")
def dropdown_removed(ctx: CheckContext):
    for sheet in ctx.skeleton.sheets:
        name = ctx.doc.sheet(sheet.role)
        if name is None:
            continue
        scan = ctx.doc.scan(name)
        for (r1, c1, r2, c2), opts in sheet.validations:
            if opts.get("validate") != "list":
                continue
            found = scan.validation_at(r1, c1)
            if found is None or found.kind != "list":
                source = opts["source"]
                source = source if isinstance(source, str) else ", ".join(map(str, source))
                yield ctx.where(name, r1, c1), f"the dropdown ({source.lstrip('=')}) is gone"

