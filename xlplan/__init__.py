"""xlplan: the Excel workbook a small company runs its 12-month digital roadmap in."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .errors import XlplanError
from .model import Plan, Settings

__version__ = "0.1.0"


def template_settings() -> Settings:
    """The settings of the blank English template shipped as roadmap_template.xlsx."""
    return Settings(year=2027, company="My company")


def default_output(settings: Settings, macros: bool = True) -> Path:
    return Path(f"roadmap_{settings.year}.{'xlsm' if macros else 'xlsx'}")


def make_plan(settings: Settings, *, blank: bool = False, today: _dt.date | None = None
              ) -> Plan:
    """The plan `xlplan new` writes on ``today`` (default: the plan's first day, so that
    the same settings give the same plan whatever the clock says): the articles'
    sample, or a blank skeleton. No risk review falls before ``today``, so none is
    overdue on day one."""
    from .content import blank_plan, sample_plan
    from .model import first_review_month
    from .scheduling import rank_actions
    plan = blank_plan(settings) if blank else sample_plan(settings)
    first = first_review_month(settings, today or _dt.date(*settings.plan_month(1), 1))
    for risk in plan.risks:
        risk.review_month = max(risk.review_month, first)
    rank_actions(plan.actions, settings)
    return plan


def new(output: str | Path | None = None, settings: Settings | None = None, *,
        blank: bool = False, force: bool = False, macros: bool = True,
        today: _dt.date | None = None) -> Path:
    """Write a ready-to-use roadmap workbook on ``today`` and return its path.

    Without ``settings``, the plan is the one begun on ``today`` (default: the clock's
    day; see ``xlplan.profile.settings_from``). The workbook is macro-enabled (.xlsm, with the
    Recalculate priorities button) unless ``macros`` is False or ``output`` ends in
    .xlsx."""
    from .profile import settings_from
    from .workbook import write_plan
    from .workbook.files import locked
    settings = settings or settings_from(today=today)
    path = Path(output) if output else default_output(settings, macros)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise XlplanError(f"{path.name} does not end in .xlsm or .xlsx", fix="name the output "
                          "something.xlsm (with the button) or something.xlsx (without)")
    if suffix == ".xlsm" and not macros:
        raise XlplanError(f"{path.name} is a macro-enabled name but macros are turned off",
                          fix="name the output something.xlsx, or leave macros on")
    with locked(path):
        write_plan(make_plan(settings, blank=blank, today=today), path, overwrite=force)
    return path


def check(path: str | Path, today: _dt.date | None = None):
    """Check a workbook against the rule catalogue; returns a ``CheckReport``."""
    from .rules.check import check as run
    return run(path, today)


def read(path: str | Path) -> Plan:
    """The plan held in a workbook xlplan wrote (and people have edited since)."""
    from .reading.document import open_document
    from .reading.plan import read_plan
    return read_plan(open_document(Path(path))).plan


def sync(path: str | Path, *, dry_run: bool = False):
    """Repair what xlplan owns in a workbook; returns a ``SyncReport``."""
    from .repair import sync as run
    return run(path, dry_run=dry_run)


def prioritize(path: str | Path, *, dry_run: bool = False, now: _dt.datetime | None = None,
               today: _dt.date | None = None):
    """Rank and schedule a workbook's actions as of ``today`` (default: the day of
    ``now``, or the wall clock's); returns a ``PrioritizeReport``."""
    from .repair import prioritize as run
    return run(path, dry_run=dry_run, now=now, today=today)


def rollover(path: str | Path, output: str | Path | None = None, *, force: bool = False,
             dry_run: bool = False):
    """Write next year's workbook from ``path``'s; returns a ``RolloverReport``."""
    from .nextyear.files import rollover as run
    return run(path, output, force=force, dry_run=dry_run)


__all__ = ["XlplanError", "Plan", "Settings", "new", "make_plan", "template_settings",
           "check", "read", "sync", "prioritize", "rollover", "__version__"]
