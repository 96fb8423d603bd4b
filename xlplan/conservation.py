"""What a rewrite could not put back, found before anything is written.

`xlplan sync`, `prioritize` and `rollover` lay the Actions and month tables out again
from the plan. A value typed where the plan has no place for it — a month row without
an action id, a second copy of an action's month row that says something else, a
column inserted inside one of those tables, a month nobody can read — would vanish in
that rebuild. Rather than guess, the writing commands refuse and name each such cell
(xlplan check reports the same cells, rule D213), and the file stays as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import XlplanError
from .reading.document import Document
from .reading.plan import ReadPlan, text

# what owners type on a month row; the other columns are xlplan's formulas
MONTH_INPUTS = ("status", "results", "spend", "notes")
# the sheets without which a rebuild would be an empty plan, not a repair
ESSENTIAL = ("settings", "actions")


@dataclass(frozen=True)
class Unplaced:
    where: str       # Sheet!A1
    what: str        # what is there and why it has no place
    fix: str


def unplaced(doc: Document, read: ReadPlan) -> list[Unplaced]:
    """Every typed value a rebuild of the Actions and month tables would lose."""
    out: list[Unplaced] = []
    actions = {a.id: a for _, a in read.action_rows if a.id}
    t = read.tables.get("tblActions")
    if t is not None:
        out += _extra_columns(doc, t, "Actions")
        typed_months = {row: rec["month"] for row, rec in t.rows}
        for r, a in read.action_rows:
            if not a.id and a.month is not None:
                out.append(Unplaced(doc.where(t.sheet, r, t.col("id")),
                                    f"{a.title or 'this action'!r} is planned but has no id, "
                                    "so its month row cannot be kept with it",
                                    "type its id (the one its month row shows, or a new one)"))
            typed = typed_months.get(r)
            if a.month is None and typed is not None:
                out.append(Unplaced(doc.where(t.sheet, r, t.col("month")),
                                    f"{typed!r} is not a month",
                                    "type a month from the list (Jan … Dec), or clear it"))
    by_id: dict[str, list] = {}
    for e in read.month_entries:
        mt = read.tables[f"tblMonth{e.month:02d}"]
        typed = {k: e.values[k] for k in MONTH_INPUTS if e.values.get(k) is not None}
        if typed.get("status") is not None and \
                text(typed["status"]) == doc.labels.status("not_started"):
            del typed["status"]  # the status xlplan writes on every new month row
        if not e.id:
            for k, v in typed.items():
                out.append(Unplaced(doc.where(mt.sheet, e.row, mt.col(k)),
                                    f"{v!r} is typed on a row without an action id",
                                    "type the action's id in its Id cell, or move the text "
                                    "to the row of its action"))
            continue
        if e.id not in actions and e.values.get("title") is None and typed:
            k = next(iter(typed))
            out.append(Unplaced(doc.where(mt.sheet, e.row, mt.col(k)),
                                f"{e.id} is not in Actions, and {typed[k]!r} typed for it "
                                "has no action to go with",
                                f"add {e.id} to Actions, or correct the id"))
        by_id.setdefault(e.id, []).append((e, mt, typed))
    for aid, entries in by_id.items():
        a = actions.get(aid)
        if a is not None and a.month is None:
            recorded = [(e, mt, k) for e, mt, typed in entries for k in typed
                        if k != "status"]
            if recorded:
                e, mt, k = recorded[0]
                out.append(Unplaced(doc.where(mt.sheet, e.row, mt.col(k)),
                                    f"{aid} has no month in Actions, so its {k} "
                                    f"{e.values[k]!r} would have no month row",
                                    f"give {aid} a month again, or clear what is typed "
                                    "on its month row"))
        if len(entries) > 1:
            kept = next((x for x in entries if a is not None and x[0].month == a.month),
                        entries[0])
            for e, mt, typed in entries:
                if e is kept[0]:
                    continue
                for k, v in typed.items():
                    if not _same(v, kept[0].values.get(k)):
                        out.append(Unplaced(doc.where(mt.sheet, e.row, mt.col(k)),
                                            f"{aid} is also on {kept[1].sheet} and this "
                                            f"copy's {k} {v!r} differs from it",
                                            "keep one row per action: copy what matters "
                                            "to the row of its planned month and delete "
                                            "the other"))
    for name, other in read.tables.items():
        if name != "tblActions":
            out += _extra_columns(doc, other, other.sheet)
    out += _drawings(doc)
    return out


def _drawings(doc: Document) -> list[Unplaced]:
    """Charts, pictures and shapes people added: the writer xlplan rewrites a workbook
    with cannot carry them. xlplan's own charts sit on the Dashboard (and the Roadmap);
    on those two sheets only what lies beyond xlplan's own count is people's."""
    from .workbook.layout import chart_counts
    ours = chart_counts(doc.language)
    out = []
    for sheet, anchors in doc.package.drawings.items():
        role = doc.package.role_of(sheet)
        extra = anchors[ours.get(role, 0):] if role in ours else anchors
        for row, col, kind in extra:
            out.append(Unplaced(doc.where(sheet, row, col),
                                f"a {kind} people added here cannot be carried over when "
                                "xlplan rewrites the workbook",
                                f"move the {kind} to a workbook of its own (or delete it), "
                                "then run the command again; its sheet's cells are kept"))
    return out


def _same(a, b) -> bool:
    return text(a) == text(b)


def _extra_columns(doc: Document, t, label: str) -> list[Unplaced]:
    return [Unplaced(doc.where(t.sheet, r, c),
                     f"{v!r} is in column {t.extra_cols[c] or '(no header)'!r}, which "
                     f"xlplan does not know inside a table of {label}",
                     "move that column to the right of the table (outside it), or delete it")
            for r, c, v in t.extras]


def refuse_missing_sheets(doc: Document) -> None:
    """Refuse to lay a plan out again when the sheets holding it are gone."""
    for role in ESSENTIAL:
        if doc.sheet(role) is None:
            raise XlplanError(
                f"the {doc.labels['sheet.' + role]} sheet is missing: rewriting the "
                "workbook would start its plan from nothing", where=str(doc.path),
                fix="undo the deletion, or take the sheet from a backup in "
                "xlplan-backups/, then run the command again")


def refuse_unplaced(doc: Document, read: ReadPlan) -> None:
    """Refuse a rewrite that would lose a typed value (or rebuild an empty plan)."""
    refuse_missing_sheets(doc)
    found = unplaced(doc, read)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more: xlplan check lists them)" if len(found) > 1 \
            else ""
        raise XlplanError(f"{first.what}{more}; nothing was written", where=first.where,
                          fix=first.fix)
