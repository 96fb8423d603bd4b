"""The domain model: a plain picture of a roadmap, independent of any file format."""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field

from ..errors import XlplanError

MATURITY_SPLITS = {
    # long-term / quick results / optimisation & contingency (article 1: 50/30/20 in
    # general; beginners 40 % foundations + 40 % fast acquisition; mature 60 % SEO+content)
    "beginner": (0.40, 0.40, 0.20),
    "intermediate": (0.50, 0.30, 0.20),
    "mature": (0.60, 0.20, 0.20),
}
BUCKETS = ("long_term", "quick_results", "optimisation")
STATUSES = ("not_started", "in_progress", "blocked", "done", "abandoned")
QUADRANTS = ("quick_win", "major_project", "fill_in", "drop")
KPI_GROUPS = ("acquisition", "conversion", "retention", "service")
ROLES = ("sponsor", "pilot", "owner")
LANGUAGES = ("en", "fr")
BUSINESS_MODELS = ("generic", "ecommerce", "b2b", "saas")


MAX_SETTING = 1e12  # beyond any budget, hours or weight a plan has


@dataclass
class Settings:
    year: int = field(default_factory=lambda: _dt.date.today().year)
    start_month: int = 1
    language: str = "en"
    company: str = "My company"
    currency: str = "€"
    maturity: str = "intermediate"
    business_model: str = "generic"
    annual_budget: float = 48000
    hours_per_week: float = 25
    wip_limit: int = 6
    weight_impact: float = 0.5
    weight_effort: float = 0.3
    weight_risk: float = 0.2
    dependency_penalty: float = 5
    # the articles' matrix: high impact from 4, high effort from 3 (of 5), so that a
    # plan holds a few quick wins, not a backlog of them
    impact_high: int = 4
    effort_high: int = 3
    channel_limit: float = 0.70
    innovation_reserve: float = 0.10
    ritual_weekday: int = 1  # Monday; WEEKDAY(…, 2) numbering
    budget_split: tuple[float, float, float] | None = None
    # the day the plan is read on: months before its month are closed; None reads the
    # plan as of before it starts (nothing closed)
    as_of: _dt.date | None = None

    def __post_init__(self):
        self.validate()
        if self.budget_split is None:
            self.budget_split = MATURITY_SPLITS[self.maturity]

    def validate(self) -> None:
        def bad(what, fix):
            raise XlplanError(what, fix=fix)
        for name in ("year", "start_month", "annual_budget", "hours_per_week", "wip_limit",
                     "weight_impact", "weight_effort", "weight_risk", "dependency_penalty",
                     "channel_limit", "innovation_reserve"):
            value = getattr(self, name)
            if isinstance(value, (int, float)) and not (math.isfinite(value)
                                                         and abs(value) <= MAX_SETTING):
                bad(f"{name.replace('_', ' ')} {value!r} is not a number a plan can use",
                    "type an ordinary number")
        if not 1900 < int(self.year) < 9999:
            bad(f"year {self.year} is not a plan year", "give a four-digit year such as 2027")
        if not 1 <= int(self.start_month) <= 12:
            bad(f"start month {self.start_month} is not a month", "give a number from 1 to 12")
        if self.language not in LANGUAGES:
            bad(f"language {self.language!r} is not supported", "use en or fr")
        if self.maturity not in MATURITY_SPLITS:
            bad(f"maturity {self.maturity!r} is unknown",
                "use beginner, intermediate or mature")
        if self.business_model not in BUSINESS_MODELS:
            bad(f"business model {self.business_model!r} is unknown",
                "use " + ", ".join(BUSINESS_MODELS))
        if self.annual_budget < 0:
            bad("the annual budget is negative", "give an amount of 0 or more")
        # 0 is a possible value that leaves nothing to plan: ``degenerate`` says so
        if not 0 <= self.hours_per_week <= 24 * 7:
            bad(f"{self.hours_per_week} hours per week is not possible",
                "give the internal hours available per week, e.g. 25")
        if not 1 <= self.ritual_weekday <= 7:
            bad("the ritual weekday must be 1 (Monday) to 7 (Sunday)", "fix it in the profile")

    def degenerate(self) -> list[DegenerateSetting]:
        """The settings that leave nothing to prioritise: the plan can be written and
        read with them, but no action can be scored or given a month."""
        found = []
        if self.weight_impact + self.weight_effort + self.weight_risk == 0:
            found.append(DegenerateSetting(
                "weight_impact", "the scoring weights add up to 0, so no action can be "
                "scored", "give impact, effort and risk weights that add up to more than "
                "0, e.g. 0.5, 0.3 and 0.2"))
        for attr, what, fix in (
                ("hours_per_week", "0 internal hours per week leave no capacity for any "
                 "action", "type the hours the team gives the roadmap each week, e.g. 25"),
                ("annual_budget", "an annual budget of 0 leaves no month for any action "
                 "that costs something", "type the year's digital budget"),
                ("wip_limit", f"a work-in-progress limit of {self.wip_limit} lets no "
                 "action be planned", "type how many actions may be under way at once, "
                 "e.g. 6")):
            if getattr(self, attr) <= 0:
                found.append(DegenerateSetting(attr, what, fix))
        return found

    @property
    def monthly_capacity(self) -> float:
        """Internal hours per month: hours per week over 52 weeks / 12."""
        return self.hours_per_week * 52 / 12

    def plan_month(self, index: int) -> tuple[int, int]:
        """(year, calendar month) of plan month 1..12."""
        m = self.start_month - 1 + index - 1
        return self.year + m // 12, m % 12 + 1

    @property
    def current_month(self) -> int:
        """The plan month of the as-of date, 1..12; 1 before the plan starts, 13 after
        it ends. Months before it are closed."""
        if self.as_of is None:
            return 1
        index = (self.as_of.year - self.year) * 12 + self.as_of.month - self.start_month + 1
        return min(13, max(1, index))

    def is_closed(self, month: int | None) -> bool:
        return bool(month) and month < self.current_month


@dataclass(frozen=True)
class DegenerateSetting:
    """A setting with which no action can be prioritised: which, what and how to fix."""
    setting: str  # the Settings field (the first weight, for the weights)
    what: str
    fix: str


def plan_start(today: _dt.date, start_month: int | None = None) -> tuple[int, int]:
    """(year, first month) of the plan begun on ``today`` when its year is not given: the
    first plan whose first month is not over, so that nothing in a new workbook is late
    or overdue on the day it is written. Without a start month it starts this month, or
    next January from October on (the articles' last quarter prepares year 2)."""
    if start_month is None:
        return (today.year + 1, 1) if today.month >= 10 else (today.year, today.month)
    return (today.year if start_month >= today.month else today.year + 1), start_month


@dataclass
class Person:
    name: str
    role: str  # sponsor / pilot / owner


@dataclass
class Moment:
    """A key commercial moment (sales, trade fair, launch)."""
    name: str
    month: int  # calendar month


@dataclass
class Workstream:
    id: str
    name: str
    owner: str
    scope: str = ""
    deliverables: str = ""
    success: str = ""
    start: int = 1  # plan month index
    end: int = 12
    budget: float = 0


@dataclass
class Action:
    id: str
    title: str
    workstream: str = ""
    channel: str = ""
    owner: str = ""
    impact: int | None = None
    effort: int | None = None
    dependencies: str = ""
    risk: int | None = None
    cost: float = 0
    hours: float = 0
    bucket: str = "long_term"
    month: int | None = None  # plan month index 1..12; None = not scheduled
    pinned: bool = False
    status: str = "not_started"
    moment: str = ""
    kpi: str = ""
    results: str = ""
    spend: float | None = None
    notes: str = ""
    rank: int | None = None
    reason: str = ""
    # history across plan years (xlplan rollover): where it was first planned, e.g.
    # "Mar 2027", and how many times it has been carried into a new year
    origin: str = ""
    carried: int = 0
    # the closed month an open action was planned in when it became late ("Mar"); it
    # stays late, wherever it is re-planned, until it is done or abandoned
    late_since: str = ""

    @property
    def is_open(self) -> bool:
        return self.status not in ("done", "abandoned")

    @property
    def dependency_ids(self) -> list[str]:
        return dependency_ids(self.dependencies)


def dependency_ids(text) -> list[str]:
    """The ids of a 'Depends on' cell: "A01, A04" -> ["A01", "A04"]."""
    return [d.strip() for d in str(text or "").split(",") if d.strip()]


@dataclass
class KPI:
    id: str
    name: str
    group: str
    unit: str  # "%", "#", "h", "s", "€", "/5"
    direction: str  # "up" or "down"
    baseline: float | None = None
    target: float | None = None
    actuals: list = field(default_factory=lambda: [None] * 12)


@dataclass
class Objective:
    id: str
    objective: str
    key_result: str
    quarter: str
    kpi: str


REVIEW_DAY = 15  # a risk's review falls mid-month: the monthly review's week


@dataclass
class Risk:
    id: str
    title: str
    category: str
    probability: int
    impact: int
    mitigation: str
    owner: str
    review_month: int  # plan month index of the next review
    status: str = "open"

    def review_date(self, settings: Settings) -> _dt.date:
        y, m = settings.plan_month(self.review_month)
        return _dt.date(y, m, REVIEW_DAY)


def first_review_month(settings: Settings, today: _dt.date) -> int:
    """The first plan month whose review day is not before ``today`` (12 when the plan
    is over)."""
    return next((i for i in range(1, 13)
                 if _dt.date(*settings.plan_month(i), REVIEW_DAY) >= today), 12)


@dataclass
class DiagnosticItem:
    axis: str  # business / acquisition / conversion / data
    metric: str
    example: str = ""
    baseline: float | None = None
    unit: str = ""


@dataclass
class AuditItem:
    area: str  # technical / competition / journeys / resources
    item: str


@dataclass
class Plan:
    settings: Settings
    people: list[Person] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    workstreams: list[Workstream] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    kpis: list[KPI] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    diagnostic: list[DiagnosticItem] = field(default_factory=list)
    audit: list[AuditItem] = field(default_factory=list)
    month_focus: list[str] = field(default_factory=lambda: [""] * 12)
    # when the priorities were last recalculated (the button or xlplan prioritize)
    recalculated: _dt.datetime | None = None
    # the record of the year before, written by xlplan rollover
    record: Record | None = None

    @property
    def late(self) -> list[Action]:
        """Open actions planned in a closed month (before the as-of date's)."""
        return [a for a in self.actions if a.is_open and self.settings.is_closed(a.month)]


@dataclass
class RecordBlock:
    """One table of the record of a past year: a key naming it (its title is the
    label "record.<key>"), its columns' keys (headed "record.<column>") and rows of plain
    values."""
    key: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass
class Record:
    """What a plan year delivered, kept in the next year's workbook."""
    year: int
    blocks: list[RecordBlock] = field(default_factory=list)

    def block(self, key: str) -> RecordBlock | None:
        return next((b for b in self.blocks if b.key == key), None)
