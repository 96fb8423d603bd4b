"""Next year's plan from this year's (`xlplan rollover`): what carries over, what is
proposed. Pure functions of the model (and of the few figures only the workbook holds,
``YearFacts``); ``xlplan.nextyear.files`` reads and writes the workbooks.

The articles end the year with a complete review that feeds the year-2 roadmap: year 2
amplifies what worked. So: open actions, open risks, workstreams with work left,
settings, people, channels and weights carry over; done and abandoned actions go into
the record of the year, and a carried action's dependencies on them leave its
"Depends on" cell for its history (the record's carried table, and its reason until
the first prioritize): "A03 delivered in 2027". An action in progress at year end opens
the new year Not started, its history saying it was under way, so that the new year's
work-in-progress counts only work started in it; each KPI starts from its last actual, with a target proposed
from the year's trend; the budget proposal moves money toward the channels whose
results per euro were best (the articles' rule: a channel that gets results at half
the cost of another takes 30 % of that other's budget), within the channel-dependency
limit, judging long-term channels by their KPIs' trend (``channel_outcomes``).
"""
from __future__ import annotations

import copy
import dataclasses
import math
from dataclasses import dataclass, field

from ..i18n import Labels
from ..model import KPI, Action, Plan, Record, RecordBlock
from ..scheduling import rank_actions

SHIFT = 0.30       # share of a weaker channel's budget the articles move to the best one
WEAKER = 0.5       # "weaker": results per euro at most half the best channel's


@dataclass
class YearFacts:
    """What the year's workbook holds beyond the model: objective progress (computed
    there) and the results people typed per channel in the Budget sheet."""
    objective_progress: dict[str, float | None] = field(default_factory=dict)
    channel_results: dict[str, float] = field(default_factory=dict)


@dataclass
class KpiOutcome:
    kpi: KPI
    last: float | None
    reached: bool | None
    new_baseline: float | None
    proposal: float | None
    basis: str


@dataclass(frozen=True)
class KpiTrend:
    """How a KPI a channel's actions aim at moved over the year."""
    kpi: str
    slope: float  # change a month, least squares
    good: bool    # in the KPI's direction

    def as_text(self) -> str:
        return f"{self.kpi} {self.slope:+.3g} a month"


@dataclass
class ChannelOutcome:
    channel: str
    spent: float
    results: float | None
    per_euro: float | None
    share: float | None = None  # of the results typed for all channels
    long_term: bool = False     # most of its actions are in the long-term bucket
    trends: list[KpiTrend] = field(default_factory=list)
    proposal: str = ""

    @property
    def trend_text(self) -> str:
        return "; ".join(t.as_text() for t in self.trends)


@dataclass
class _Projection:
    """The results each channel would bring once the moves proposed so far are made,
    at the results per unit spent it had this year."""
    results: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.results.values())

    def share(self, channel: str) -> float:
        return self.results.get(channel, 0.0) / self.total

    def room(self, source: ChannelOutcome, to: ChannelOutcome, limit: float) -> float:
        """The largest amount moved from ``source`` to ``to`` that leaves ``to``'s
        share of the results within ``limit``: (R + m·p) / (T + m·(p − q)) ≤ limit."""
        if limit >= 1:
            return math.inf
        head = limit * self.total - self.results.get(to.channel, 0.0)
        return max(0.0, head / (to.per_euro * (1 - limit) + limit * source.per_euro))

    def move(self, source: ChannelOutcome, to: ChannelOutcome, amount: float) -> None:
        self.results[source.channel] -= amount * source.per_euro
        self.results[to.channel] = self.results.get(to.channel, 0.0) + amount * to.per_euro


@dataclass
class Rollover:
    plan: Plan                      # next year's
    carried: list[Action]           # as they are in the new plan
    dropped: list[Action]           # done and abandoned, recorded
    kpis: list[KpiOutcome]
    channels: list[ChannelOutcome]
    risks_carried: int = 0
    workstreams_closed: list[str] = field(default_factory=list)
    # what a carried action's cells no longer say, by action id: dependencies met or
    # gone with last year's actions, the status it had at year end
    history: dict[str, list[str]] = field(default_factory=dict)

    def as_text(self, verb: str = "carries over") -> str:
        new_year = self.plan.settings.year
        lines = [f"{new_year}: {verb} {len(self.carried)} open action(s), "
                 f"{self.risks_carried} open risk(s); records {len(self.dropped)} done or "
                 "abandoned action(s)"]
        lines += [f"  carried {a.id}: {a.title} (first planned {a.origin}, "
                  f"{a.carried} time(s))" + "".join(f"; {h}" for h in self.history.get(a.id, []))
                  for a in self.carried]
        lines += [f"  recorded {a.id}: {a.title} ({a.status})" for a in self.dropped]
        lines += [f"  workstream closed: {w}" for w in self.workstreams_closed]
        for k in self.kpis:
            lines.append(f"  KPI {k.kpi.name}: {k.basis}")
        lines += [f"  budget {c.channel}: {c.proposal}" for c in self.channels if c.proposal]
        return "\n".join(lines)


def last_actual(kpi: KPI) -> float | None:
    """The value of the last month with one."""
    values = [v for v in kpi.actuals if _number(v)]
    return values[-1] if values else None


def trend(kpi: KPI) -> float | None:
    """Least-squares change per month over the months with a value (two or more)."""
    points = [(i, v) for i, v in enumerate(kpi.actuals) if _number(v)]
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(i for i, _ in points) / n
    my = sum(v for _, v in points) / n
    sxx = sum((i - mx) ** 2 for i, _ in points)
    return sum((i - mx) * (v - my) for i, v in points) / sxx


def kpi_outcome(kpi: KPI) -> KpiOutcome:
    last = last_actual(kpi)
    target = kpi.target if _number(kpi.target) else None
    up = kpi.direction != "down"
    reached = None
    if last is not None and target is not None:
        reached = last >= target if up else last <= target
    if last is None:
        return KpiOutcome(kpi, None, None, kpi.baseline, None,
                          "no actual this year: baseline kept, set a target")
    slope = trend(kpi)
    if slope is not None and (slope > 0 if up else slope < 0):
        proposal = _rounded(last + 12 * slope)
        basis = (f"baseline {_g(last)} (last actual); proposed target {_g(proposal)}, "
                 f"the year's trend of {slope:+.3g} a month for 12 more months")
    else:
        proposal = None
        basis = (f"baseline {_g(last)} (last actual); no target proposed: the trend is "
                 "flat or goes the wrong way, set one")
    return KpiOutcome(kpi, last, reached, last, proposal, basis)


def channel_outcomes(plan: Plan, facts: YearFacts) -> list[ChannelOutcome]:
    """Each channel's year and the budget proposal it leads to. The articles' rule moves
    30 % of a channel's spend to one that gets results at twice its rate, with two
    limits they set themselves: no move makes a channel bring more than the
    channel-dependency limit of the results (risk 1: one channel carrying the business),
    and a long-term channel (SEO, content: organic effects accumulate) is judged by the
    trend of the KPIs its actions aim at, not by one year's cost per result."""
    s = plan.settings
    spent: dict[str, float] = {}
    for a in plan.actions:
        if a.channel and _number(a.spend):
            spent[a.channel] = spent.get(a.channel, 0.0) + a.spend
    kpis = {k.name: k for k in plan.kpis}
    out = []
    for ch in plan.channels:
        results = facts.channel_results.get(ch)
        results = results if _number(results) else None
        sp = spent.get(ch, 0.0)
        per_euro = results / sp if results and sp > 0 else None
        actions = [a for a in plan.actions if a.channel == ch]
        long_term = 2 * sum(a.bucket == "long_term" for a in actions) > len(actions)
        out.append(ChannelOutcome(ch, sp, results, per_euro, long_term=long_term,
                                  trends=_trends(actions, kpis)))
    typed = {c.channel: c.results for c in out if c.results and c.results > 0}
    projection = _Projection(dict(typed))
    for c in out:
        if c.channel in typed:
            c.share = projection.share(c.channel)
    limit = s.channel_limit
    proven = [c for c in out if c.per_euro]
    if len(proven) >= 2:
        by_rate = sorted(proven, key=lambda c: (-c.per_euro, c.channel))
        best = by_rate[0]
        for c in by_rate[1:]:
            if c.per_euro <= WEAKER * best.per_euro:
                c.proposal = _proposal(c, by_rate, projection, limit)
        best.proposal = (
            f"best results per unit spent, but it brings {best.share:.0%} of the results "
            f"(limit {limit:.0%}): diversify rather than invest more here"
            if best.share is not None and best.share >= limit - 0.005
            else "best results per unit spent: invest more here")
    for c in out:
        if c.spent > 0 and c.results is None:
            c.proposal = "results not recorded in Budget: performance not proven yet"
    return out


def _trends(actions: list[Action], kpis: dict[str, KPI]) -> list[KpiTrend]:
    out = []
    for name in dict.fromkeys(a.kpi for a in actions if a.kpi in kpis):
        slope = trend(kpis[name])
        if slope is not None:
            good = slope > 0 if kpis[name].direction != "down" else slope < 0
            out.append(KpiTrend(name, slope, good))
    return out


def _proposal(c: ChannelOutcome, by_rate: list[ChannelOutcome], projection: _Projection,
              limit: float) -> str:
    """The proposal for weaker channel ``c``, the move made in ``projection``."""
    rate = f"{c.per_euro:.4g} results per unit spent against {by_rate[0].per_euro:.4g}"
    if c.long_term:
        if c.trends and all(t.good for t in c.trends):
            return (f"keep its budget: a long-term channel, judged by its trend "
                    f"({c.trend_text}), not by {rate}; organic results build up")
        if not c.trends:
            return (f"keep its budget for now: a long-term channel is judged by the trend "
                    f"of its KPIs, and they have no monthly actuals ({rate})")
    wanted = round(SHIFT * c.spent, 2)
    for to in by_rate:
        if to.per_euro < c.per_euro / WEAKER:
            break
        before = projection.share(to.channel)
        move = math.floor(min(wanted, projection.room(c, to, limit)))
        if move <= 0:
            continue
        projection.move(c, to, move)
        capped = (f", capped so that {to.channel} stays within the {limit:.0%} limit"
                  if move < wanted else "")
        return (f"proposal: move {move:,.0f} ({move / c.spent:.0%} of its {c.spent:,.0f}"
                f"{capped}) to {to.channel}: {c.per_euro:.4g} results per unit spent "
                f"against {to.per_euro:.4g}; {to.channel}'s share of the results "
                f"{before:.0%} → {projection.share(to.channel):.0%}")
    shares = ", ".join(f"{to.channel} {projection.share(to.channel):.0%}" for to in by_rate
                       if to.per_euro >= c.per_euro / WEAKER)
    return (f"no move: {rate}, but every channel twice as good is at the "
            f"{limit:.0%} dependency limit ({shares} of the results)")


def roll(plan: Plan, facts: YearFacts | None = None) -> Rollover:
    """Next year's plan from ``plan`` (which is not changed)."""
    facts = facts or YearFacts()
    s = plan.settings
    L = Labels(s.language)
    months = L.plan_months(s)
    new_settings = dataclasses.replace(s, year=s.year + 1)
    still_open = {a.id for a in plan.actions if a.is_open}
    closed = {a.id: a.status for a in plan.actions
              if a.id and not a.is_open and a.id not in still_open}
    carried, dropped, history = [], [], {}
    for a in plan.actions:
        if not a.is_open:
            dropped.append(a)
            continue
        b = copy.copy(a)
        if not b.origin:
            if a.month:
                year, _ = s.plan_month(a.month)
                b.origin = f"{months[a.month - 1]} {year}"
            else:
                b.origin = str(s.year)
        b.carried = a.carried + 1
        b.month, b.pinned, b.rank, b.late_since = None, False, None, ""
        b.results, b.spend, b.notes = "", None, ""
        notes = _carry_history(b, closed, s.year, L)
        b.reason = "; ".join([f"carried over from {s.year} (first planned {b.origin})"]
                             + notes)
        if notes:
            history[b.id] = notes
        carried.append(b)

    open_streams = {a.workstream for a in carried}
    streams = [dataclasses.replace(w, start=1, end=12) for w in plan.workstreams
               if w.name in open_streams]
    closed_streams = [w.name for w in plan.workstreams if w.name not in open_streams]
    outcomes = [kpi_outcome(k) for k in plan.kpis]
    kpis = [dataclasses.replace(k, baseline=o.new_baseline, target=None, actuals=[None] * 12)
            for k, o in zip(plan.kpis, outcomes)]
    risks = [copy.copy(r) for r in plan.risks if r.status != "closed"]
    channels = channel_outcomes(plan, facts)

    new = Plan(new_settings, people=list(plan.people), channels=list(plan.channels),
               moments=list(plan.moments), workstreams=streams, actions=carried, kpis=kpis,
               objectives=list(plan.objectives), risks=risks,
               diagnostic=list(plan.diagnostic), audit=list(plan.audit))
    rank_actions(new.actions, new.settings)
    result = Rollover(new, carried, dropped, outcomes, channels, len(risks), closed_streams,
                      history)
    new.record = record_of(plan, facts, result, L)
    return result


def _carry_history(b: Action, closed: dict[str, str], year: int, L: Labels) -> list[str]:
    """Take out of carried action ``b`` what only held in the year ending, and say so:
    dependencies on actions done or abandoned that year (they are not carried, so the
    ids would name no action; done work is a dependency met), and the In progress
    status (the new year's work-in-progress limit is about work started in it)."""
    notes, kept = [], []
    for d in b.dependency_ids:
        if closed.get(d) == "done":
            notes.append(L["history.dependency_met"].format(id=d, year=year))
        elif closed.get(d) == "abandoned":
            notes.append(L["history.dependency_abandoned"].format(id=d, year=year))
        else:
            kept.append(d)
    if len(kept) < len(b.dependency_ids):
        b.dependencies = ", ".join(kept)
    if b.status == "in_progress":
        b.status = "not_started"
        notes.append(L["history.was_in_progress"].format(status=L.status("in_progress")))
    return notes


def record_of(plan: Plan, facts: YearFacts, result: Rollover, L: Labels) -> Record:
    """The record of ``plan``'s year, as the new workbook keeps it."""
    s = plan.settings
    months = L.plan_months(s)
    yes, no = L["yes"], L["no"]
    blocks = []

    def block(key, columns, rows):
        blocks.append(RecordBlock(key, columns, rows))

    block("objectives", ["objective", "kpi", "progress", "reached"], [
        [o.objective, o.kpi, facts.objective_progress.get(o.id),
         _yes_no(facts.objective_progress.get(o.id), yes, no)]
        for o in plan.objectives])
    block("kpis", ["kpi", "unit", "baseline", "target", "last", "reached", "new_baseline",
                   "proposal", "basis"], [
        [k.kpi.name, k.kpi.unit, k.kpi.baseline, k.kpi.target, k.last,
         "" if k.reached is None else (yes if k.reached else no), k.new_baseline, k.proposal,
         k.basis] for k in result.kpis])
    done = [a for a in plan.actions if a.status == "done"]
    block("by_month", ["month", "planned", "delivered", "cost", "spent"], [
        [months[m - 1],
         sum(1 for a in plan.actions if a.month == m),
         sum(1 for a in done if a.month == m),
         sum(_n(a.cost) for a in plan.actions if a.month == m),
         sum(_n(a.spend) for a in plan.actions if a.month == m)] for m in range(1, 13)])
    block("by_workstream", ["workstream", "planned", "delivered", "status"], [
        [w.name, sum(1 for a in plan.actions if a.workstream == w.name),
         sum(1 for a in done if a.workstream == w.name),
         L["record.closed"] if w.name in result.workstreams_closed else L["record.open"]]
        for w in plan.workstreams])
    block("channels", ["channel", "spent", "results", "per_euro", "share", "trend",
                       "proposal"], [
        [c.channel, c.spent, c.results, c.per_euro, c.share, c.trend_text, c.proposal]
        for c in result.channels])
    block("done", ["id", "action", "workstream", "month", "results"], [
        [a.id, a.title, a.workstream, months[a.month - 1] if a.month else "", a.results]
        for a in done])
    block("abandoned", ["id", "action", "workstream", "month", "notes"], [
        [a.id, a.title, a.workstream, months[a.month - 1] if a.month else "", a.notes]
        for a in plan.actions if a.status == "abandoned"])
    block("carried", ["id", "action", "origin", "times", "history"], [
        [a.id, a.title, a.origin, a.carried, "; ".join(result.history.get(a.id, []))]
        for a in result.carried])
    block("questions", ["question", "answer"], [
        [L[f"review.q{i}"], ""] for i in range(1, 6)])
    return Record(s.year, blocks)


def _yes_no(progress, yes, no):
    return "" if not _number(progress) else (yes if progress >= 1 else no)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _n(v) -> float:
    return v if _number(v) else 0


def _rounded(x: float) -> float:
    """To three significant figures: a target people can read."""
    if x == 0:
        return 0.0
    digits = 2 - int(math.floor(math.log10(abs(x))))
    return round(x, digits) if digits > 0 else float(round(x, digits))


def _g(x) -> str:
    return f"{x:,.6g}" if _number(x) else ""
