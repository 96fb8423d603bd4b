"""What a person owns in a workbook, and what a command lost of it.

``inventory(path)`` reads a workbook with openpyxl — a reader independent of xlplan's
(python-calamine plus its own XML scan) — and lists the person-owned items:

(a) the rows of the Actions table (``tblActions``, kind "actions") and of the month
    tables (``tblMonth01``..``tblMonth12``, kind "month"): every non-empty cell that is
    not a formula — and every formula a person typed into one of their input cells
    (the light yellow fill: "=NA()" as results), which must still be a formula — keyed
    by the row's action id (its "Id" column) and the column's HEADER, never by
    position. A month row keeps its key whichever month sheet it is
    on (an action re-planned moves to another month sheet; Actions rows may be
    re-ordered). Rows without an id are keyed by their ``Sheet!row``. A header a person
    typed for a column they inserted in one of these tables is an item too.
(b) every other person-owned cell, keyed by (sheet, coordinate): a constant must be
    at the same place after, equal and of the same type; a formula must still be a
    formula there (its text may change, as a renamed sheet rewrites it).
(c) cell comments, (sheet, cell) -> text; on a row of the two kinds of tables a
    comment follows its row (keyed like (a)).
(d) defined names a fresh ``xlplan new`` workbook does not have (a person's), and
    sheet-scoped names, -> their text.
(e) the sheet names.
(f) the charts and pictures on the sheets people added (README: sheets xlplan does
    not own are the person's), keyed by sheet and order.

Which cells are the person's: on a sheet that is not xlplan's (no ``xlplan_role_*``
name points at it) every cell. On xlplan's sheets, outside the two kinds of tables,
xlplan writes its labels and formulas in its own formats (Calibri 10, 12 or 16, or a
fill) and the cells people type in with a light yellow fill (#FFF8E1); a cell in the
input fill, or in the workbook's default format (what typing into an unused cell
gives), is the person's; a cell in one of xlplan's other formats is xlplan's (a label
it writes again where it belongs) and not listed. The header rows of all tables are
xlplan's. (A person typing over one of xlplan's labels is therefore not seen here.)

``lost(before, after)`` lists, as readable lines, every item of ``before`` that is not
conserved in ``after``: not at its place (or at the place the plan moved it to) with
the same type and value, and not kept on the "Parked" sheet. ``diff`` gives the same
with what happened to each item (lost, parked, relabelled, moved), for the test that
`xlplan check` reports every such cell.

Parked: the sheet that the defined name ``xlplan_role_parked`` points at holds a table
``tblParked`` with the columns From (``Sheet!A1``), Column, Id, Value, Why. An item
missing from its place counts as conserved (status "parked") when a Parked row has its
place as From and an equal Value. Items already on the Parked sheet are items too:
each Parked row must still be there after (keyed by its From and Value).

The exceptions to "same value at the same place" — keep this list short:

1. Actions' "Rank" and "Why here" columns are written by xlplan as constants (the
   rank of open actions, the scheduler's reason): not compared.
2. The "Last recalculated" stamp (the cell named ``Act_Recalculated``) is xlplan's: it
   is in one of xlplan's formats, so it is not listed at all.
3. Under prioritize (``moved_ok=True``) Actions' "Month" of an action may change:
   the scheduler re-plans (reported as "moved", not lost); the action's month row
   moves with it, which (a)'s keys follow anyway.
4. A list cell (Actions' Month, Status, Budget bucket, Pinned; a month row's Status)
   typed in another form of one of the list's labels ("march", "mars", 3, " done ")
   may come back as the list's own label ("Mar", "Done"): README promises it. It is
   "relabelled", not lost, and `xlplan check` must report it at its cell.
5. An action's Status, Id and the columns the month row mirrors (Action, Owner, …,
   Planned cost/hours ↔ Cost/Hours) count as kept when the action's row in the other
   kind of table holds the same value: a Status typed in Actions while the action had
   no month lives on its month row once it has one, an action typed straight onto a
   month sheet joins Actions, an action that leaves its month keeps its Status in
   Actions.
6. Two month rows of one action (a copied row): each distinct value must be found on
   a row of that action; an exact copy that xlplan merges into one row loses nothing.
7. A row of the Actions table without an id (an action being typed) may move, as
   Actions rows may be re-ordered and blank rows are closed up: it is kept when some
   row without an id of the Actions table after holds all its values.

For rollover, ``lost_in_rollover(before, new)`` checks next year's workbook: every
open action (status not Done/Abandoned) is in the new Actions table, by id, with the
same value under every header but the ones rollover resets (Month, Pinned, Status,
Rank, Why here, First planned, Years carried); the sheets people added are there with
their cells (README: "Sheets and VBA modules people added are carried as they are").
The old file is only read: the test checks its bytes.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.formula import ArrayFormula

INPUT_FILL = "FFF8E1"
XLPLAN_FONT_SIZES = {10.0, 12.0, 16.0}
ROLE_PREFIX = "xlplan_role_"
MONTH_TABLE = re.compile(r"^tblMonth(0[1-9]|1[0-2])$")
ID_HEADERS = {"id"}
# exception 1: columns xlplan writes as constants
XLPLAN_CONSTANT_HEADERS = {"rank", "rang", "why here", "pourquoi ici"}
MONTH_HEADERS = {"month", "mois"}
LIST_HEADERS = {"status", "statut", "budget bucket", "enveloppe", "pinned", "figée",
                *MONTH_HEADERS}
# exception 5: a month row's header -> the Actions header holding the same thing
MIRRORED = {"id": "id", "status": "status", "statut": "statut", "action": "action",
            "workstream": "workstream", "chantier": "chantier", "channel": "channel",
            "canal": "canal", "budget bucket": "budget bucket", "enveloppe": "enveloppe",
            "owner": "owner", "responsable": "responsable", "planned cost": "cost",
            "coût prévu": "coût", "planned hours": "hours", "heures prévues": "heures"}
# what rollover resets on a carried action
ROLLOVER_RESETS = {"month", "mois", "pinned", "figée", "status", "statut", "rank", "rang",
                   "why here", "pourquoi ici", "first planned", "prévue d'abord",
                   "years carried", "années reportées"}
CLOSED_STATUSES = {"done", "abandoned", "terminé", "abandonné"}
_MONTHS = {}
for _i, _names in enumerate([
        ("jan", "january", "janv", "janvier"), ("feb", "february", "févr", "fevr",
                                                "février", "fevrier"),
        ("mar", "march", "mars"), ("apr", "april", "avr", "avril"), ("may", "mai"),
        ("jun", "june", "juin"), ("jul", "july", "juil", "juillet"),
        ("aug", "august", "août", "aout"), ("sep", "sept", "september", "septembre"),
        ("oct", "october", "octobre"), ("nov", "november", "novembre"),
        ("dec", "december", "déc", "décembre", "decembre")], start=1):
    for _n in _names:
        _MONTHS[_n] = _i


@dataclass(frozen=True)
class Item:
    """One person-owned value: where it was, what it was, and a label for messages."""
    where: str      # Sheet!A1 (quoted like Excel when needed)
    kind: str       # s text, n number, b boolean, d date, e error, f formula
    value: object
    label: str = ""  # "Results of A07", "comment", …

    def shown(self) -> str:
        v = self.value
        if self.kind == "s" and len(v) > 40:
            v = v[:37] + "..."
        text = f"formula {v}" if self.kind == "f" else repr(v)
        return f"{self.where} {text}" + (f" ({self.label})" if self.label else "")


@dataclass(frozen=True)
class Diff:
    status: str     # lost, parked, relabelled, moved
    item: Item
    line: str


# ---------------------------------------------------------------- reading

def quote(sheet: str) -> str:
    return sheet if re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", sheet) \
        else "'" + sheet.replace("'", "''") + "'"


def where(sheet: str, coord: str) -> str:
    return f"{quote(sheet)}!{coord}"


def _place(text: str) -> tuple[str, str]:
    """(sheet, A1) of ``Sheet!A1`` / ``'My sheet'!$B$3``."""
    sheet, _, coord = str(text).rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, coord.replace("$", "").upper()


def header_key(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def typed(cell) -> tuple[str, object] | None:
    """(kind, value) of a cell, None when empty."""
    v = cell.value
    if v is None:
        return None
    if isinstance(v, ArrayFormula):
        return "f", v.text
    if cell.data_type == "f" or (isinstance(v, str) and v.startswith("=")
                                 and cell.data_type != "s"):
        return "f", str(v)
    if cell.data_type == "e":
        return "e", str(v)
    if isinstance(v, bool):
        return "b", v
    if isinstance(v, (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
        return "d", v
    if isinstance(v, (int, float)):
        return "n", v
    if v == "":
        return None
    return "s", str(v)


def same(a: tuple[str, object], b: tuple[str, object]) -> bool:
    """Equal and of the same type (1 and 1.0 are the same number)."""
    if a[0] != b[0]:
        return False
    if a[0] == "n":
        x, y = a[1], b[1]
        return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    if a[0] == "f":  # a formula is compared as a formula (its text may be rewritten)
        return True
    return a[1] == b[1]


def _input_fill(cell) -> bool:
    fill = cell.fill
    rgb = str(fill.fgColor.rgb) if fill is not None and fill.fill_type else ""
    return rgb.upper().endswith(INPUT_FILL)


def _person_format(cell) -> bool:
    """Whether a cell on one of xlplan's sheets is in a person's format: the input
    fill, or the workbook's default format (no fill, not one of xlplan's font sizes)."""
    fill = cell.fill
    if _input_fill(cell):
        return True
    if fill is not None and fill.fill_type:
        return False
    size = cell.font.sz if cell.font is not None else None
    return size is None or float(size) not in XLPLAN_FONT_SIZES


@functools.lru_cache(maxsize=None)
def xlplan_names_and_headers() -> tuple[frozenset, frozenset]:
    """The defined names and the Actions/month table headers of fresh ``xlplan new``
    workbooks (English and French): what xlplan itself writes."""
    import xlplan
    names, headers = set(), set()
    with tempfile.TemporaryDirectory(prefix="xlplan-fresh-") as tmp:
        for lang in ("en", "fr"):
            path = xlplan.new(Path(tmp) / f"fresh-{lang}.xlsx",
                              xlplan.Settings(year=2027, language=lang))
            wb = openpyxl.load_workbook(path)
            names |= set(wb.defined_names)
            for ws in wb.worksheets:
                for tname in list(ws.tables):
                    if tname == "tblActions" or MONTH_TABLE.match(tname):
                        table = ws.tables[tname]
                        headers |= {header_key(c.name) for c in table.tableColumns}
            wb.close()
    return frozenset(names), frozenset(headers)


def _load(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


def _roles(wb) -> dict[str, str]:
    """role -> sheet name, from the ``xlplan_role_*`` names."""
    out = {}
    for name, dn in wb.defined_names.items():
        if name.startswith(ROLE_PREFIX) and dn.attr_text:
            out[name[len(ROLE_PREFIX):]] = _place(dn.attr_text)[0]
    return out


def inventory(path) -> dict:
    """The person-owned items of the workbook at ``path`` (see the module's text)."""
    path = Path(path)
    wb = _load(path)
    known_names, known_headers = xlplan_names_and_headers()
    roles = _roles(wb)
    xlplan_sheets = set(roles.values())
    parked_sheet = roles.get("parked")
    inv = {"path": str(path), "rows": {}, "cells": {}, "comments": {}, "names": {},
           "sheets": list(wb.sheetnames), "foreign": [], "parked": [], "headers": {},
           "status": {}, "drawings": {}}
    for ws in wb.worksheets:
        ours = ws.title in xlplan_sheets
        if not ours:
            inv["foreign"].append(ws.title)
            for i, chart in enumerate(ws._charts):
                inv["drawings"][(ws.title, "chart", i)] = Item(
                    f"{where(ws.title, _anchor(chart))}", "s", type(chart).__name__,
                    "chart")
            for i, image in enumerate(ws._images):
                inv["drawings"][(ws.title, "picture", i)] = Item(
                    f"{where(ws.title, _anchor(image))}", "s", "picture", "picture")
        skip = set()      # (row, col) handled as table items or headers
        table_rows = {}   # row -> (kind, id or None, {col: header})
        for tname in list(ws.tables):
            table = ws.tables[tname]
            c1, r1, c2, r2 = range_boundaries(table.ref)
            header_rows = table.headerRowCount if table.headerRowCount is not None else 1
            headers = {}
            for i, col in enumerate(range(c1, c2 + 1)):
                h = ws.cell(r1, col).value if header_rows else None
                if h is None and i < len(table.tableColumns):
                    h = table.tableColumns[i].name
                headers[col] = str(h) if h is not None else ""
            if header_rows:
                skip |= {(r1, col) for col in range(c1, c2 + 1)}
            kind = "actions" if tname == "tblActions" else \
                "month" if MONTH_TABLE.match(tname) else None
            if kind is None or not ours:
                continue
            for col, h in headers.items():
                if header_rows and header_key(h) not in known_headers and \
                        ws.cell(r1, col).value is not None:
                    inv["headers"][(kind, header_key(h))] = Item(
                        where(ws.title, ws.cell(r1, col).coordinate), "s", h,
                        f"header of a column inserted in {tname}")
            id_col = next((c for c, h in headers.items() if header_key(h) in ID_HEADERS),
                          None)
            for r in range(r1 + header_rows, r2 + 1):
                rid = ws.cell(r, id_col).value if id_col is not None else None
                rid = str(rid).strip() if rid is not None and str(rid).strip() else None
                table_rows[r] = (kind, rid, headers)
                for col, h in headers.items():
                    skip.add((r, col))
                    tv = typed(ws.cell(r, col))
                    if tv is None or (tv[0] == "f" and not _input_fill(ws.cell(r, col))):
                        continue  # xlplan's formula columns
                    key = (kind, rid, header_key(h)) if rid else \
                        (kind, None, f"{ws.title}!{r}", header_key(h))
                    label = f"{h} of {rid}" if rid else f"{h}, {ws.title} row {r}, no id"
                    inv["rows"].setdefault(key, []).append(
                        Item(where(ws.title, ws.cell(r, col).coordinate), *tv, label))
        if ws.title == parked_sheet:
            inv["parked"] += _parked_rows(ws)
        for row in ws.iter_rows():
            for c in row:
                if c.comment is not None and c.comment.text:
                    text = c.comment.text
                    found = table_rows.get(c.row)
                    if found is not None and found[1] and (c.row, c.column) in skip:
                        kind, rid, headers = found
                        key = ("comment", kind, rid, header_key(headers.get(c.column)))
                    else:
                        key = ("comment", ws.title, c.coordinate)
                    inv["comments"][key] = Item(where(ws.title, c.coordinate), "s", text,
                                                "comment")
                if (c.row, c.column) in skip or ws.title == parked_sheet:
                    continue
                tv = typed(c)
                if tv is None or (ours and not _person_format(c)):
                    continue
                inv["cells"][(ws.title, c.coordinate)] = Item(
                    where(ws.title, c.coordinate), *tv)
        for name, dn in getattr(ws, "defined_names", {}).items():
            if not name.startswith("_xlnm"):
                inv["names"][(ws.title, name)] = dn.attr_text
    for name, dn in wb.defined_names.items():
        if name in known_names or name.startswith((ROLE_PREFIX, "_xlnm")):
            continue
        inv["names"][name] = dn.attr_text
    # each action's status (its month row's, else the one typed in Actions), for rollover
    for key, items in inv["rows"].items():
        if len(key) == 3 and key[2] in ("status", "statut"):
            if key[0] == "month" or key[1] not in inv["status"]:
                inv["status"][key[1]] = items[0].value
    wb.close()
    return inv


def _anchor(obj) -> str:
    """The top-left cell a chart or picture is anchored at."""
    try:
        marker = obj.anchor._from
        return f"{get_column_letter(marker.col + 1)}{marker.row + 1}"
    except AttributeError:
        return str(getattr(obj, "anchor", "A1"))


def _parked_rows(ws) -> list[Item]:
    """The rows of the Parked table as items: where = its From, value = its Value."""
    out = []
    for tname in list(ws.tables):
        table = ws.tables[tname]
        c1, r1, c2, r2 = range_boundaries(table.ref)
        heads = {header_key(ws.cell(r1, c).value): c for c in range(c1, c2 + 1)}
        # English headers, else the laid-out order From, Column, Id, Value, Why
        c_from = heads.get("from", c1)
        c_value = heads.get("value", c1 + 3)
        c_col, c_id = heads.get("column", c1 + 1), heads.get("id", c1 + 2)
        for r in range(r1 + 1, r2 + 1):
            src = ws.cell(r, c_from).value
            tv = typed(ws.cell(r, c_value))
            if src is None or tv is None:
                continue
            sheet, coord = _place(src)
            label = " ".join(str(ws.cell(r, c).value) for c in (c_col, c_id)
                             if ws.cell(r, c).value is not None)
            out.append(Item(where(sheet, coord), *tv, f"parked: {label}".strip()))
    return out


# ---------------------------------------------------------------- comparing

def _month_number(v) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)) and float(v).is_integer() and 1 <= v <= 12:
        return int(v)
    if isinstance(v, str):
        t = header_key(v).rstrip(".")
        if t.isdigit() and 1 <= int(t) <= 12:
            return int(t)
        return _MONTHS.get(t)
    return None


def relabelled(header: str, before: Item, after: Item) -> bool:
    """Exception 4: the same list label in another form."""
    if header not in LIST_HEADERS or after.kind != "s":
        return False
    if header in MONTH_HEADERS:
        m = _month_number(before.value)
        return m is not None and m == _month_number(after.value)
    return before.kind == "s" and header_key(before.value) == header_key(after.value)


def _parked_index(after: dict) -> set:
    return {(_place(i.where), i.kind, _norm(i)) for i in after["parked"]}


def _norm(item: Item):
    if item.kind == "n":
        return round(float(item.value), 9)
    return item.value


def _is_parked(item: Item, parked: set) -> bool:
    return (_place(item.where), item.kind, _norm(item)) in parked


def _tv(item: Item) -> tuple[str, object]:
    return item.kind, item.value


def _unnumbered(inv: dict) -> dict[str, dict[str, Item]]:
    """Rows of the Actions table without an id: "Sheet!row" -> header -> item."""
    rows: dict[str, dict[str, Item]] = {}
    for key, items in inv["rows"].items():
        if len(key) == 4 and key[0] == "actions":
            rows.setdefault(key[2], {})[key[3]] = items[0]
    return rows


def _unnumbered_rows_kept(before: dict, after: dict) -> set[str]:
    """Exception 7: the id-less Actions rows of ``before`` found whole in ``after``."""
    now = list(_unnumbered(after).values())
    kept = set()
    for row, cells in _unnumbered(before).items():
        for i, other in enumerate(now):
            if all(h in other and same(_tv(item), _tv(other[h]))
                   for h, item in cells.items()):
                kept.add(row)
                del now[i]
                break
    return kept


def diff(before: dict, after: dict, *, moved_ok: bool = False) -> list[Diff]:
    """What happened to each item of ``before`` that is not conserved as it was in
    ``after`` (lost, parked, relabelled, moved)."""
    out: list[Diff] = []
    parked = _parked_index(after)

    def gone(item: Item, why: str) -> None:
        if _is_parked(item, parked):
            out.append(Diff("parked", item, f"{item.shown()}: parked"))
        else:
            out.append(Diff("lost", item, f"{item.shown()}: {why}"))

    # (a) table rows
    rows_after = after["rows"]
    moved_rows = _unnumbered_rows_kept(before, after)
    for key, items in before["rows"].items():
        kind, header = key[0], key[-1]
        if len(key) == 4 and key[2] in moved_rows:
            continue  # exception 7
        if header in XLPLAN_CONSTANT_HEADERS:
            continue  # exception 1
        candidates = list(rows_after.get(key, []))
        if len(key) == 3:  # exception 5: the other kind of table's row of the action
            other = "actions" if kind == "month" else "month"
            if kind == "month" and header in MIRRORED:
                candidates += rows_after.get((other, key[1], MIRRORED[header]), [])
            if kind == "actions" and header in ("status", "statut", "id"):
                candidates += rows_after.get((other, key[1], header), [])
        seen = set()
        for item in items:
            k = (item.kind, _norm(item))
            if k in seen:
                continue  # exception 6: an exact copy
            seen.add(k)
            if any(same(_tv(item), _tv(c)) for c in candidates):
                continue
            match = next((c for c in candidates if relabelled(header, item, c)), None)
            if match is not None:
                out.append(Diff("relabelled", item,
                                f"{item.shown()}: written as {match.value!r} at "
                                f"{match.where}"))
                continue
            if moved_ok and kind == "actions" and header in MONTH_HEADERS:
                now = candidates[0].value if candidates else None
                out.append(Diff("moved", item, f"{item.shown()}: re-planned, now {now!r}"))
                continue
            now = [c for c in rows_after.get(key, [])]
            gone(item, "now " + ", ".join(f"{c.value!r} at {c.where}" for c in now)
                 if now else "missing")
    for key, item in before["headers"].items():
        if key not in after["headers"]:
            gone(item, "missing")
    # (b) other cells
    for key, item in before["cells"].items():
        now = after["cells"].get(key)
        if now is not None and same(_tv(item), _tv(now)):
            continue
        if now is None:
            gone(item, "missing")
        elif item.kind == "f":
            gone(item, f"now a constant {now.value!r}")
        else:
            gone(item, f"now {'a formula ' + str(now.value) if now.kind == 'f' else repr(now.value)}"
                 + ("" if now.kind == item.kind else f" (was {_kind(item.kind)}, "
                    f"now {_kind(now.kind)})"))
    # Parked rows stay
    have = _parked_index(after)
    for item in before["parked"]:
        if not _is_parked(item, have):
            out.append(Diff("lost", item, f"Parked row {item.shown()}: missing"))
    # (c) comments
    for key, item in before["comments"].items():
        now = after["comments"].get(key)
        if now is None:
            gone(item, "missing")
        elif now.value != item.value:
            gone(item, f"now {now.value!r} at {now.where}")
    # (d) names
    for name, text in before["names"].items():
        now = after["names"].get(name)
        label = f"{name[0]}!{name[1]}" if isinstance(name, tuple) else name
        item = Item(f"name {label}", "s", text)
        if now is None:
            out.append(Diff("lost", item, f"defined name {label} = {text}: missing"))
        elif _name_text(now) != _name_text(text):
            out.append(Diff("lost", item, f"defined name {label} = {text}: now {now}"))
    # (f) charts and pictures on the sheets people added
    for key, item in before["drawings"].items():
        if key not in after["drawings"]:
            out.append(Diff("lost", item, f"{key[1]} {item.value} on {item.where}: missing"))
    # (e) sheets
    for name in before["sheets"]:
        if name not in after["sheets"]:
            out.append(Diff("lost", Item(f"sheet {name}", "s", name),
                            f"sheet {name!r}: missing"))
    return out


def _kind(k: str) -> str:
    return {"s": "text", "n": "a number", "b": "a boolean", "d": "a date",
            "e": "an error value", "f": "a formula"}[k]


def _name_text(text) -> str:
    return str(text or "").lstrip("=").replace("$", "")


def lost(before: dict, after: dict, *, moved_ok: bool = False) -> list[str]:
    """Each item of ``before`` not conserved in ``after``, as a readable line."""
    return [d.line for d in diff(before, after, moved_ok=moved_ok) if d.status == "lost"]


def lost_in_rollover(before: dict, new: dict) -> list[str]:
    """What next year's workbook ``new`` lacks of ``before``: the open actions' values
    (by id and header, but the ones rollover resets) and the sheets people added."""
    out = []
    open_ids = {k[1] for k in before["rows"] if len(k) == 3 and k[0] == "actions"
                and header_key(before["status"].get(k[1])) not in CLOSED_STATUSES}
    closed = {aid for aid, status in before["status"].items()
              if header_key(status) in CLOSED_STATUSES}
    # an action typed only on a month sheet joins the plan too
    open_ids |= {k[1] for k in before["rows"] if len(k) == 3 and k[0] == "month"
                 and k[2] == "action"
                 and header_key(before["status"].get(k[1])) not in CLOSED_STATUSES}
    for key, items in before["rows"].items():
        if len(key) != 3 or key[1] not in open_ids:
            continue
        kind, aid, header = key
        if kind == "month":
            if header not in MIRRORED or header in ROLLOVER_RESETS or \
                    ("actions", aid, "id") in before["rows"]:
                continue  # results, spend, notes belong to the year that ends
            header = MIRRORED[header]
        if header in ROLLOVER_RESETS:
            continue
        candidates = new["rows"].get(("actions", aid, header), [])
        for item in items:
            if any(same(_tv(item), _tv(c)) or relabelled(header, item, c)
                   for c in candidates):
                continue
            if header in DEPENDS_HEADERS and _dependencies_met(item, candidates, closed,
                                                               new, aid):
                continue
            now = ", ".join(f"{c.value!r} at {c.where}" for c in candidates)
            out.append(f"{item.shown()}: {'now ' + now if now else 'not carried'}")
    for key, item in before["drawings"].items():
        if key not in new["drawings"]:
            out.append(f"{key[1]} {item.value} on {item.where}: not carried")
    for name in before["foreign"]:
        if name not in new["sheets"]:
            out.append(f"sheet {name!r} (a sheet people added): not carried")
            continue
        for (sheet, coord), item in before["cells"].items():
            if sheet != name:
                continue
            now = new["cells"].get((sheet, coord))
            if now is None or not same(_tv(item), _tv(now)):
                out.append(f"{item.shown()}: {'now ' + repr(now.value) if now else 'missing'}")
    return out


DEPENDS_HEADERS = {"depends on", "dépend de"}
REASON_HEADERS = ("why here", "pourquoi ici")


def _ids(value) -> list[str]:
    return [d.strip() for d in str(value or "").split(",") if d.strip()]


def _dependencies_met(item: Item, candidates: list[Item], closed: set, new: dict,
                      aid: str) -> bool:
    """Rollover takes the ids of actions done or abandoned in the year that ends out of
    a carried action's Depends on (README, rollover) and says so in its Why here: the
    ids left are the others, in their order, and each id taken out is named there."""
    typed_ids = _ids(item.value)
    left = [d for d in typed_ids if d not in closed]
    now = _ids(candidates[0].value) if candidates else []
    if now != left or len(left) == len(typed_ids):
        return False
    reasons = [str(c.value) for h in REASON_HEADERS
               for c in new["rows"].get(("actions", aid, h), [])]
    return all(any(d in r for r in reasons) for d in typed_ids if d in closed)


def cells_of(diffs: list[Diff]) -> list[str]:
    """The ``Sheet!A1`` places of diffs about cells (not names or sheets)."""
    return sorted({d.item.where for d in diffs if "!" in d.item.where
                   and not d.item.where.startswith(("name ", "sheet "))})


__all__ = ["Item", "Diff", "inventory", "diff", "lost", "lost_in_rollover", "cells_of"]
