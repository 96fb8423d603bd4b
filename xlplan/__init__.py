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


def default_output(settings: Settings) -> Path:
    return Path(f"roadmap_{settings.year}.xlsx")


def make_plan(settings: Settings, *, blank: bool = False) -> Plan:
    """The plan `xlplan new` writes: the articles' sample, or a blank skeleton."""
    from .content import blank_plan, sample_plan
    from .scheduling import rank_actions
    plan = blank_plan(settings) if blank else sample_plan(settings)
    rank_actions(plan.actions, settings)
    return plan


def new(output: str | Path | None = None, settings: Settings | None = None, *,
        blank: bool = False, force: bool = False) -> Path:
    """Write a ready-to-use roadmap workbook and return its path."""
    from .workbook import write_plan
    settings = settings or Settings(year=_dt.date.today().year)
    path = Path(output) if output else default_output(settings)
    if path.suffix.lower() != ".xlsx":
        raise XlplanError(f"{path.name} does not end in .xlsx", fix="name the output "
                          "something.xlsx")
    write_plan(make_plan(settings, blank=blank), path, overwrite=force)
    return path


__all__ = ["XlplanError", "Plan", "Settings", "new", "make_plan", "template_settings", "__version__"]
