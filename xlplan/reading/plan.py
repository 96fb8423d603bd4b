"""From a workbook's cells to the domain model, tolerant of what people type.

A cell that does not hold what the model expects (text in a number column, a status
not in the list) is kept as typed, so that writing the plan back loses nothing; the
rules in ``xlplan.rules`` are what report it.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..errors import XlplanError
from ..formulas import from_serial, serial
from ..i18n import calendar_month
from ..model import (BUCKETS, KPI_GROUPS, ROLES, STATUSES, KPI, Action, AuditItem,
                     DiagnosticItem, Moment, Objective, Person, Plan, Risk, Settings,
                     Record, RecordBlock, Workstream)
from ..workbook.sheets import actions as actions_sheet
from ..workbook.sheets import diagnostic as diagnostic_sheet
from ..workbook.sheets import kpis as kpis_sheet
from ..workbook.sheets import months as months_sheet
from ..workbook.sheets import objectives as objectives_sheet
from ..workbook.sheets import record as record_sheet
from ..workbook.sheets import risks as risks_sheet
from ..workbook.sheets import settings as settings_sheet
from ..workbook.sheets import workstreams as workstreams_sheet
from ..macros import STAMP_NAME
from ..workbook.layout import header_key, keys_by_header
from .document import Document, clean


@dataclass
class TableRows:
    """A table as found in the file: its sheet, header row, data rows, and the column
    of each key, found by its header (in either language) wherever people moved it."""
    sheet: str
    top: int
    left: int
    keys: list[str]
    rows: list[tuple[int, dict]]  # (zero-based row, key -> value), blank rows left out
    last: int                     # last data row of the table's area
    cols: dict[str, int] = field(default_factory=dict)  # key -> column found
    # columns inside the table that are none of xlplan's (inserted by a person):
    # column -> header, and their non-blank cells as (row, column, value)
    extra_cols: dict[int, str] = field(default_factory=dict)
    extras: list[tuple[int, int, object]] = field(default_factory=list)

    def col(self, key: str) -> int:
        """The key's column; where xlplan would put it when the column is gone."""
        found = self.cols.get(key)
        return found if found is not None else self.left + self.keys.index(key)

    def moved(self) -> bool:
        """True when a column is not at its laid-out place (moved, inserted, deleted)."""
        return bool(self.extra_cols) or any(
            self.cols.get(k) != self.left + i for i, k in enumerate(self.keys))


@dataclass
class MonthEntry:
    month: int      # plan month index 1..12
    row: int
    id: str
    values: dict


@dataclass
class ReadPlan:
    """The plan, and where each piece of it sits in the file (for findings)."""
    plan: Plan
    tables: dict[str, TableRows] = field(default_factory=dict)
    action_rows: list[tuple[int, Action]] = field(default_factory=list)
    month_entries: list[MonthEntry] = field(default_factory=list)
    settings_raw: dict[str, object] = field(default_factory=dict)
    # the month row each action's status, results, spend and notes were read from
    entry_of: dict[int, MonthEntry] = field(default_factory=dict)  # id(action) -> entry


def read_table(doc: Document, role: str, name: str, top: int, keys: list[str],
               left: int = 0, present: tuple[str, ...] = ()) -> TableRows | None:
    """The table's rows that hold something in one of the ``present`` keys (all keys
    when not given: formula columns show values in rows nobody filled)."""
    sheet = doc.sheet(role)
    if sheet is None:
        return None
    table = doc.table(name)
    if table is not None and table.sheet == sheet:
        top, left, last, right = table.area
    else:  # the table was converted to a plain range: read to the end of the sheet
        last, right = len(doc.grid(sheet)) - 1, left + len(keys) - 1
    cols, extra_cols = _columns(doc, sheet, name, top, left, right, keys,
                                table.headers if table is not None else [])
    if name == "tblActions" or name.startswith("tblMonth"):
        # rows typed just below a table whose range was shrunk are still the plan's:
        # read on while their id cell holds one
        grid, c = doc.grid(sheet), cols.get("id")
        while c is not None and last + 1 < len(grid) \
                and doc.value(sheet, last + 1, c) is not None:
            last += 1
    width = right - left + 1
    picks = [(k, cols[k] - left) for k in keys if k in cols]
    rows, extras = [], []
    for r in range(top + 1, last + 1):
        values = doc.row_values(sheet, r, left, width)
        rec = dict.fromkeys(keys)
        for k, i in picks:
            rec[k] = values[i]
        if any(rec[k] is not None for k in (present or keys)):
            rows.append((r, rec))
        for c in extra_cols:
            if values[c - left] is not None:
                extras.append((r, c, values[c - left]))
    return TableRows(sheet, top, left, keys, rows, last, cols, extra_cols, extras)


def _columns(doc: Document, sheet: str, name: str, top: int, left: int, right: int,
             keys: list[str], table_headers: list[str]) -> tuple[dict[str, int], dict]:
    """Each key's column, by header; a column whose header was retyped keeps its key
    when it still stands at its laid-out place and no other column claims the key."""
    known = keys_by_header(name if not name.startswith("tblMonth") else "tblMonth01")
    cols: dict[str, int] = {}
    headers: dict[int, str] = {}
    for c in range(left, right + 1):
        cell = doc.value(sheet, top, c)
        i = c - left
        header = cell if cell is not None else (
            table_headers[i] if i < len(table_headers) else "")
        headers[c] = text(header)
        key = known.get(header_key(header)) if header is not None else None
        if key in keys and key not in cols:
            cols[key] = c
    taken = set(cols.values())
    for i, key in enumerate(keys):
        c = left + i
        if key not in cols and c <= right and c not in taken:
            cols[key] = c
            taken.add(c)
    extra = {c: h for c, h in headers.items() if c not in taken}
    return cols, extra


def _reverse(labels, prefix: str, codes) -> dict[str, str]:
    return {str(labels[prefix + c]).strip().lower(): c for c in codes}


def code_of(value, table: dict[str, str], default: str) -> str:
    """The code behind a label, matched like a dropdown (trimmed, any case); text that is
    no label is kept as typed."""
    if value is None:
        return default
    return table.get(str(value).strip().lower(), str(value))


def text(value) -> str:
    if value.__class__ is str:  # the common case first: this runs for every cell read
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if isinstance(value, str) else str(value)


def number(value, default=None):
    """A number stays a number, and a date is the number it is to a spreadsheet (its
    serial); blank gives ``default``; anything else is kept as typed. (The file keeps
    the date as typed: see ``repair.keep_as_typed``.)"""
    if value is None:
        return default
    if isinstance(value, _dt.date):
        whole = serial(value if type(value) is _dt.date else value.date())
        if isinstance(value, _dt.datetime):
            return whole + (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        return whole
    return value


def month_index(value, settings: Settings) -> int | None:
    """Plan month (1..12) of what a person typed in a month cell ('Mar', 'March', 'mars',
    3, a date…); None when blank or not a month (the rules report it)."""
    cal = calendar_month(value)
    return None if cal is None else (cal - settings.start_month) % 12 + 1


def _settings(doc: Document, out: ReadPlan) -> Settings:
    defaults = Settings(year=2027)
    values = {}
    for block in (settings_sheet.GENERAL, settings_sheet.SCORING):
        for _, name, attr, _ in block:
            if not isinstance(attr, str):
                continue
            raw = doc.named_value(name)
            out.settings_raw[attr] = raw
            want = type(getattr(defaults, attr))
            if raw is None:
                continue
            if attr == "as_of":
                day = _as_date(raw)
                if day is not None:
                    values[attr] = day
                continue
            try:
                values[attr] = want(raw) if want is not str else str(raw).strip()
                if want is int and float(raw) != int(float(raw)):
                    raise ValueError
            except (TypeError, ValueError):
                continue
    for _, name, attr, _ in settings_sheet.THRESHOLDS:
        out.settings_raw[name] = doc.named_value(name)
        if isinstance(attr, str) and isinstance(out.settings_raw[name], (int, float)):
            values[attr] = float(out.settings_raw[name])
    values["language"] = doc.language
    # keep what is valid (each setting is checked on its own); the rules report the cell
    # that is not
    s = Settings(**{k: v for k, v in values.items() if _valid_setting(k, v)})
    split = _budget_split(doc)
    if split is not None:
        s.budget_split = split
    return s


def _as_date(value) -> _dt.date | None:
    """A date cell's value (a date, or the serial number an engine saved) as a date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 61 <= value < 2958466:
        return from_serial(value)
    return None


def _valid_setting(attr: str, value) -> bool:
    try:
        Settings(**{"year": 2027, attr: value})
    except XlplanError:
        return False
    return True


def _budget_split(doc: Document):
    cell = doc.package.reference("Bud_Shares")
    if cell is None:
        return None
    sheet, (r1, c, r2, _) = cell
    shares = [doc.value(sheet, r, c) for r in range(r1, r2 + 1)]
    if len(shares) == len(BUCKETS) and all(isinstance(v, (int, float)) for v in shares):
        return tuple(float(v) for v in shares)
    return None


def read_plan(doc: Document) -> ReadPlan:
    L = doc.labels
    out = ReadPlan(Plan(settings=Settings(year=2027)))
    s = _settings(doc, out)
    plan = out.plan
    plan.settings = s
    months = L.months()

    def table(role, name, top, keys, left=0, present=()):
        t = read_table(doc, role, name, top, keys, left, present)
        if t is not None:
            out.tables[name] = t
        return t.rows if t is not None else []

    roles = _reverse(L, "role.", ROLES)
    for _, rec in table("settings", "tblPeople", 3, ["name", "role"], 7):
        plan.people.append(Person(text(rec["name"]), code_of(rec["role"], roles, "owner")))
    for _, rec in table("settings", "tblChannels", 3, ["channel"], 10):
        plan.channels.append(text(rec["channel"]))
    for _, rec in table("settings", "tblMoments", 3, ["moment", "month"], 12):
        plan.moments.append(Moment(text(rec["moment"]), calendar_month(rec["month"]) or 1))

    for _, rec in table("workstreams", "tblWorkstreams", 3, workstreams_sheet.KEYS,
                          present=tuple(workstreams_sheet.KEYS[:9])):
        plan.workstreams.append(Workstream(
            text(rec["id"]), text(rec["name"]), text(rec["owner"]), text(rec["scope"]),
            text(rec["deliverables"]), text(rec["success"]),
            month_index(rec["start"], s) or 1, month_index(rec["end"], s) or 12,
            number(rec["budget"], 0)))

    groups = _reverse(L, "group.", KPI_GROUPS)
    directions = _reverse(L, "direction.", ("up", "down"))
    for _, rec in table("kpis", "tblKPIs", kpis_sheet.TABLE_TOP, kpis_sheet.KEYS,
                          present=tuple(kpis_sheet.KEYS[:19])):
        plan.kpis.append(KPI(text(rec["id"]), text(rec["name"]),
                             code_of(rec["group"], groups, "acquisition"), text(rec["unit"]),
                             code_of(rec["direction"], directions, "up"),
                             number(rec["baseline"]), number(rec["target"]),
                             [number(rec[k]) for k in kpis_sheet.MONTH_KEYS]))

    for _, rec in table("objectives", "tblObjectives", 3, objectives_sheet.KEYS,
                          present=tuple(objectives_sheet.KEYS[:5])):
        plan.objectives.append(Objective(text(rec["id"]), text(rec["objective"]),
                                         text(rec["kr"]), text(rec["quarter"]),
                                         text(rec["kpi"])))

    axes = _reverse(L, "axis.", ("business", "acquisition", "conversion", "data"))
    diag = table("diagnostic", "tblDiagnostic", 2, diagnostic_sheet.KEYS)
    for _, rec in diag:
        plan.diagnostic.append(DiagnosticItem(code_of(rec["axis"], axes, "business"),
                                              text(rec["metric"]), text(rec["example"]),
                                              number(rec["baseline"]), text(rec["unit"])))
    areas = _reverse(L, "area.", ("technical", "competition", "journeys", "resources"))
    diag_table = out.tables.get("tblDiagnostic")
    audit_top = (diag_table.last + 3) if diag_table else 0
    for _, rec in table("diagnostic", "tblAudit", audit_top, diagnostic_sheet.AUDIT_KEYS):
        plan.audit.append(AuditItem(code_of(rec["area"], areas, "technical"),
                                    text(rec["item"])))

    debts = _reverse(L, "debt.", settings_sheet.DEBTS)
    risk_status = _reverse(L, "risk.", ("open", "closed"))
    for _, rec in table("risks", "tblRisks", 2, risks_sheet.KEYS,
                          present=("id", "risk", "mitigation", "owner")):
        review = rec["review"]
        review_month = 12
        if isinstance(review, (_dt.date, _dt.datetime)):
            review_month = min(12, max(1, (review.year - s.year) * 12 + review.month
                                       - s.start_month + 1))
        plan.risks.append(Risk(text(rec["id"]), text(rec["risk"]),
                               code_of(rec["category"], debts, "channel"),
                               number(rec["probability"]), number(rec["impact"]),
                               text(rec["mitigation"]), text(rec["owner"]), review_month,
                               code_of(rec["status"], risk_status, "open")))

    _actions(doc, out, months)
    for i in range(1, 13):
        sheet = doc.sheet(f"month{i:02d}")
        if sheet is not None:
            plan.month_focus[i - 1] = text(doc.value(sheet, 1, 1))
    # the button's stamp: a time, or the message it left when it could not run
    plan.recalculated = clean(doc.named_value(STAMP_NAME) or "")
    plan.record = _record(doc, s.year - 1)
    return out


def _record(doc: Document, year: int) -> Record | None:
    """The record of last year, read back table by table: a title, a header row, rows
    down to a blank row."""
    sheet = doc.sheet("record")
    if sheet is None:
        return None
    L = doc.labels
    titles = {str(L["record." + k]).lower(): k for k in record_sheet.BLOCKS}
    heads = {str(v).lower(): k.removeprefix("record.") for k, v in L.items()
             if k.startswith("record.")}
    grid = doc.grid(sheet)
    record = Record(year)
    r = record_sheet.TOP
    while r < len(grid):
        key = titles.get(text(doc.value(sheet, r, 0)).lower())
        if key is None:
            r += 1
            continue
        width = len(grid[r + 1]) if r + 1 < len(grid) else 0
        columns = [heads.get(text(v).lower(), "") for v in grid[r + 1][:width]] \
            if r + 1 < len(grid) else []
        while columns and not columns[-1]:
            columns.pop()
        block = RecordBlock(key, columns)
        r += 2
        while r < len(grid) and any(v != "" for v in grid[r]):
            block.rows.append([clean(v) for v in doc.row_values(sheet, r, 0, len(columns))])
            r += 1
        record.blocks.append(block)
    return record


# what a person types about an action on the Actions sheet (the rest is computed)
INPUT_KEYS = ("id", "title", "workstream", "channel", "owner", "impact", "effort",
              "dependencies", "risk", "cost", "hours", "bucket", "month", "moment", "kpi")


def _actions(doc: Document, out: ReadPlan, months: list[str]) -> None:
    L, plan, s = doc.labels, out.plan, out.plan.settings
    statuses = _reverse(L, "status.", STATUSES)
    buckets = _reverse(L, "bucket.", BUCKETS)
    yes = str(L["yes"]).lower()

    # month sheets first: they hold what owners type (status, results, spend, notes)
    found: dict[str, list[MonthEntry]] = {}
    for i in range(1, 13):
        t = read_table(doc, f"month{i:02d}", f"tblMonth{i:02d}", months_sheet.TABLE_TOP,
                       months_sheet.KEYS)
        if t is None:
            continue
        out.tables[f"tblMonth{i:02d}"] = t
        for r, rec in t.rows:
            entry = MonthEntry(i, r, text(rec["id"]), rec)
            out.month_entries.append(entry)
            if entry.id:
                found.setdefault(entry.id, []).append(entry)

    t = read_table(doc, "actions", "tblActions", actions_sheet.TABLE_TOP, actions_sheet.KEYS,
                   present=INPUT_KEYS)
    rows = t.rows if t is not None else []
    if t is not None:
        out.tables["tblActions"] = t
    for r, rec in rows:
        a = Action(text(rec["id"]), text(rec["title"]), text(rec["workstream"]),
                   text(rec["channel"]), text(rec["owner"]), number(rec["impact"]),
                   number(rec["effort"]), text(rec["dependencies"]), number(rec["risk"]),
                   number(rec["cost"], 0), number(rec["hours"], 0),
                   code_of(rec["bucket"], buckets, "long_term"),
                   month_index(rec["month"], s),
                   pinned=text(rec["pinned"]).lower() == yes,
                   status=code_of(rec["status"], statuses, ""),
                   moment=text(rec["moment"]), kpi=text(rec["kpi"]),
                   rank=rec["rank"] if isinstance(rec["rank"], int) else None,
                   reason=text(rec["reason"]), origin=text(rec["origin"]),
                   late_since=text(rec["late_since"]),
                   carried=rec["carried"] if isinstance(rec["carried"], int) else 0)
        entries = found.get(a.id, [])
        entry = next((e for e in entries if e.month == a.month), entries[0] if entries else None)
        if entry is not None:
            out.entry_of[id(a)] = entry
            v = entry.values
            if a.month is not None:
                a.status = code_of(v["status"], statuses, "")
            a.results, a.notes = text(v["results"]), text(v["notes"])
            a.spend = number(v["spend"])
        plan.actions.append(a)
        out.action_rows.append((r, a))
    # an action typed straight onto a month sheet joins the plan in that month
    known = {a.id for a in plan.actions}
    for e in out.month_entries:
        if e.id and e.id not in known and e.values.get("title") is not None:
            v = e.values
            a = Action(e.id, text(v["title"]), text(v["workstream"]), text(v["channel"]),
                       text(v["owner"]), cost=number(v["cost"], 0),
                       hours=number(v["hours"], 0),
                       bucket=code_of(v["bucket"], buckets, "long_term"), month=e.month,
                       status=code_of(v["status"], statuses, ""),
                       results=text(v["results"]), spend=number(v["spend"]),
                       notes=text(v["notes"]))
            out.entry_of[id(a)] = e
            plan.actions.append(a)
            known.add(a.id)
