"""Profiles: the settings of `xlplan new` in a TOML file."""
from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from .errors import XlplanError
from .model import Settings, plan_start

FIELDS = {f.name: f for f in dataclasses.fields(Settings) if f.name != "budget_split"}

EXAMPLE = """\
# xlplan profile: the settings of `xlplan new --profile this-file.toml`.
# Every key is optional; command-line options override the file.

company = "Atelier Durand"      # shown on the Guide and the Dashboard
year = 2027                      # plan year
start_month = 1                  # 1 = January; month sheets are ordered from it
language = "en"                  # en or fr
currency = "€"
maturity = "intermediate"        # beginner, intermediate or mature: sets the budget split
business_model = "generic"       # generic, ecommerce, b2b or saas: objectives and KPIs
annual_budget = 48000            # annual digital budget
hours_per_week = 25              # internal hours available per week
wip_limit = 6                    # actions in progress at once before the alert

[scoring]
weight_impact = 0.5
weight_effort = 0.3
weight_risk = 0.2
dependency_penalty = 5           # points off per dependency
impact_high = 3                  # impact from which an action is "high impact"
effort_high = 4                  # effort from which an action is "high effort"

[thresholds]
channel_limit = 0.70             # alert when one channel brings more than this share
innovation_reserve = 0.10        # the articles advise 10 to 15 %
"""


def load_profile(path: Path) -> dict:
    """The settings a profile file gives, flattened, checked by name and type."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise XlplanError(f"profile {path} not found", fix="check the path, or write an "
                          "example with `xlplan profile`", exit_code=2) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise XlplanError(f"profile {path} is not valid TOML ({exc})",
                          fix="compare it with `xlplan profile`", exit_code=2) from None
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    for key, value in flat.items():
        if key not in FIELDS:
            raise XlplanError(f"profile {path}: unknown setting {key!r}",
                              fix="known settings are " + ", ".join(sorted(FIELDS)),
                              exit_code=2)
        expected = FIELDS[key].type
        ok = {"int": isinstance(value, int) and not isinstance(value, bool),
              "float": isinstance(value, (int, float)) and not isinstance(value, bool),
              "str": isinstance(value, str)}.get(str(expected), True)
        if not ok:
            raise XlplanError(f"profile {path}: {key} = {value!r} should be a {expected}",
                              fix="correct the value", exit_code=2)
    return flat


def settings_from(profile: dict | None = None, today: _dt.date | None = None, **options
                  ) -> Settings:
    """Settings from a profile, overridden by options that are not None. Without a year,
    the plan is the one begun on ``today`` (``xlplan.model.plan_start``)."""
    values = dict(profile or {})
    values.update({k: v for k, v in options.items() if v is not None})
    if "year" not in values:
        values["year"], values["start_month"] = plan_start(today or _dt.date.today(),
                                                           values.get("start_month"))
    return Settings(**values)
