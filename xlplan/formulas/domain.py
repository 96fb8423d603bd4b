"""The method's formulas, each defined once over expressions.

Called with cell references they give the workbook's formulas; called with constants
and evaluated they give the same numbers in Python (used to rank, schedule and check),
so the sheet and the library cannot disagree.
"""
from __future__ import annotations

from .expr import Const, Expr, Fn, Name, lift

# names of the Settings cells these formulas read
W_IMPACT, W_EFFORT, W_RISK = Name("Set_WImpact"), Name("Set_WEffort"), Name("Set_WRisk")
DEP_PENALTY = Name("Set_DepPenalty")
IMPACT_HIGH, EFFORT_HIGH = Name("Set_ImpactHigh"), Name("Set_EffortHigh")


def dependency_count(deps: Expr) -> Expr:
    """Number of ids in a comma-separated list ("A01, A04" -> 2)."""
    text = Fn("TRIM", deps)
    return Fn("IF", text.eq(""), 0,
              Fn("LEN", text) - Fn("LEN", Fn("SUBSTITUTE", text, ",", "")) + 1)


def score(impact, effort, risk, deps, w_impact=W_IMPACT, w_effort=W_EFFORT,
          w_risk=W_RISK, penalty=DEP_PENALTY) -> Expr:
    """0-100: high impact, low effort and low risk score high; each dependency costs
    ``penalty`` points. Blank while impact, effort or risk is missing, and while the
    weights add up to 0 (nothing to weigh by: `xlplan check` says so, rather than every
    engine showing #DIV/0!)."""
    impact, effort, risk = lift(impact), lift(effort), lift(risk)
    weighted = (w_impact * impact + w_effort * (Const(6) - effort)
                + w_risk * (Const(6) - risk))
    weights = lift(w_impact) + w_effort + w_risk
    value = Const(20) * weighted / weights - lift(penalty) * dependency_count(lift(deps))
    return Fn("IF", Fn("OR", impact.eq(""), effort.eq(""), risk.eq(""), weights.eq(0)), "",
              Fn("ROUND", value, 1))


def quadrant(impact, effort, labels: dict[str, str], impact_high=IMPACT_HIGH,
             effort_high=EFFORT_HIGH) -> Expr:
    """The impact/effort matrix: quick win, major project, fill-in, drop."""
    impact, effort = lift(impact), lift(effort)
    return Fn("IF", Fn("OR", impact.eq(""), effort.eq("")), "",
              Fn("IF", impact.ge(impact_high),
                 Fn("IF", effort.ge(effort_high), labels["major_project"], labels["quick_win"]),
                 Fn("IF", effort.ge(effort_high), labels["drop"], labels["fill_in"])))


def last_actual(actuals: list[Expr]) -> Expr:
    """The latest month's value that has been typed, or blank."""
    expr: Expr = Const("")
    for cell in actuals:
        expr = Fn("IF", cell.ne(""), cell, expr)
    return expr


def months_reported(actuals: list[Expr]) -> Expr:
    """The plan month (1-12) of the latest typed value, 0 when none."""
    expr: Expr = Const(0)
    for i, cell in enumerate(actuals, start=1):
        expr = Fn("IF", cell.ne(""), i, expr)
    return expr


def kpi_progress(last, baseline, target) -> Expr:
    """Share of the way from baseline to target (works for up and down KPIs)."""
    last, baseline, target = lift(last), lift(baseline), lift(target)
    return Fn("IF", Fn("OR", last.eq(""), baseline.eq(""), target.eq(""),
                       target.eq(baseline)), "",
              Fn("ROUND", (last - baseline) / (target - baseline), 4))


def kpi_status(progress, months, labels: dict[str, str]) -> Expr:
    """Green when progress keeps pace with the year (90 % of the elapsed share),
    amber from 60 %, red below; no data while nothing is reported."""
    progress, months = lift(progress), lift(months)
    expected = months / 12
    return Fn("IF", progress.eq(""), labels["none"],
              Fn("IF", progress.ge(Const(0.9) * expected), labels["green"],
                 Fn("IF", progress.ge(Const(0.6) * expected), labels["amber"],
                    labels["red"])))


def evaluate(expr: Expr):
    """The value of an expression made of constants only."""
    return expr.ev(None)


CURRENT_MONTH = Name("Set_CurrentMonth")


def late(month, status, late_since, label: str, finished: tuple[str, str]) -> Expr:
    """``label`` for an action that is not done or abandoned (``finished``'s two labels)
    and is planned in a closed month (before the as-of date's) or was re-planned out of
    one (``late_since`` names that month), else blank."""
    month, status, late_since = lift(month), lift(status), lift(late_since)
    index = Fn("IFERROR", Fn("MATCH", month, Name("List_Months"), 0), 13)
    return Fn("IF", Fn("OR", status.eq(finished[0]), status.eq(finished[1])), "",
              Fn("IF", Fn("OR", late_since.ne(""), index.lt(CURRENT_MONTH)), label, ""))
