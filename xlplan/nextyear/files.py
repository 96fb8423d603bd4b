"""`xlplan rollover FILE`: read this year's workbook, write next year's beside it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..conservation import refuse_unplaced
from ..errors import XlplanError
from ..model import Plan
from ..reading.document import Document, open_document
from ..reading.plan import read_plan
from ..repair import PersonFormulas, carry_foreign_sheets, carry_vba, keep_carried_as_typed
from ..workbook import build_book, write_book
from ..workbook.files import locked, refuse_if_open
from . import Rollover, YearFacts, roll


@dataclass
class RolloverReport:
    source: Path
    output: Path
    result: Rollover
    written: bool = False
    notes: list[str] = field(default_factory=list)

    def as_text(self) -> str:
        verb = "carries over" if self.written else "would carry over"
        head = (f"{self.output.name}" + (" written" if self.written else " (dry run)")
                + f" from {self.source.name}")
        return "\n".join([head, self.result.as_text(verb)]
                         + [f"  {note}" for note in self.notes])


def default_output(source: Path, year: int) -> Path:
    return source.with_name(f"roadmap_{year}{source.suffix.lower()}")


def year_facts(doc: Document, plan: Plan) -> YearFacts:
    """Objective progress (a formula's value) and the results typed per channel."""
    facts = YearFacts()
    found = doc.package.reference("Obj_Progress")
    if found is not None:
        sheet, (r1, c, r2, _) = found
        for obj, r in zip(plan.objectives, range(r1, r2 + 1)):
            v = doc.value(sheet, r, c)
            facts.objective_progress[obj.id] = v if isinstance(v, (int, float)) else None
    found = doc.package.reference("Bud_ResultsShare")  # results are the column before
    if found is not None:
        sheet, (r1, c, r2, _) = found
        for r in range(r1, r2 + 1):
            channel, results = doc.value(sheet, r, 0), doc.value(sheet, r, c - 1)
            if channel and isinstance(results, (int, float)) and not isinstance(results, bool):
                facts.channel_results[str(channel).strip()] = results
    return facts


def rollover(path, output=None, *, force: bool = False, dry_run: bool = False
             ) -> RolloverReport:
    """Write the workbook of the plan year after ``path``'s (``path`` is only read)."""
    source = Path(path)
    doc = open_document(source)
    refuse_if_open(source)  # what Excel holds unsaved would be missed
    read = read_plan(doc)
    plan = read.plan
    refuse_unplaced(doc, read)  # the same cells a sync would refuse: fix them first
    result = roll(plan, year_facts(doc, plan))
    out = Path(output) if output else default_output(source, result.plan.settings.year)
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise XlplanError(f"{out.name} does not end in .xlsm or .xlsx", where=str(out),
                          fix="name the output something.xlsm (with the button) or .xlsx")
    if out.resolve() == source.resolve():
        raise XlplanError(f"{out.name} is the workbook being rolled over", where=str(out),
                          fix="give the new year's workbook another name")
    report = RolloverReport(source, out, result)
    if dry_run:
        return report
    book = build_book(result.plan)
    formulas = PersonFormulas(doc)
    keep_carried_as_typed(doc, read, result.plan, book, formulas)
    # sheets and VBA modules people added go on into the new year
    carry_foreign_sheets(doc, book, formulas, report)
    carry_vba(doc, book, report)
    with locked(out):
        # not strict, as for sync: a carried value typed as text where a number belongs
        write_book(book, out, result.plan.settings.year, overwrite=force, strict=False)
    report.written = True
    return report
