"""The rank of open actions: by score, best first, ties broken by id."""
from __future__ import annotations

import functools

from ..formulas import Const, domain
from ..model import Action, Settings


def score_of(action: Action, settings: Settings) -> float | None:
    """The action's score, computed by the same definition as the sheet's formula."""
    value = domain.evaluate(domain.score(
        Const("" if action.impact is None else action.impact),
        Const("" if action.effort is None else action.effort),
        Const("" if action.risk is None else action.risk),
        Const(action.dependencies or ""),
        Const(settings.weight_impact), Const(settings.weight_effort),
        Const(settings.weight_risk), Const(settings.dependency_penalty)))
    # text typed as a score makes the sheet show an error: such an action is not ranked
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def quadrant_of(action: Action, settings: Settings) -> str:
    """quick_win, major_project, fill_in or drop, by the sheet's own formula; "" when
    impact or effort is not a number."""
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool)
               for v in (action.impact, action.effort)):
        return ""
    return _quadrant(action.impact, action.effort, settings.impact_high, settings.effort_high)


@functools.lru_cache(maxsize=None)
def _quadrant(impact, effort, impact_high, effort_high) -> str:
    codes = {k: k for k in ("quick_win", "major_project", "fill_in", "drop")}
    return domain.evaluate(domain.quadrant(impact, effort, codes, impact_high, effort_high))


def rank_actions(actions: list[Action], settings: Settings) -> None:
    """Set ``rank`` on every open, scored action (1 = do first); others get none."""
    scored = []
    for a in actions:
        a.rank = None
        s = score_of(a, settings)
        if a.is_open and s is not None:
            scored.append((-s, a.id, a))
    for i, (_, _, a) in enumerate(sorted(scored, key=lambda t: (t[0], t[1])), start=1):
        a.rank = i
