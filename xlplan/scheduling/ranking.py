"""The rank of open actions: by score, best first, ties broken by id."""
from __future__ import annotations

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
