"""Generated plans of any size, for tests and benchmarks."""
from __future__ import annotations

import random

from ..model import BUCKETS, Action, Settings
from .sample import sample_plan


def synthetic_plan(n_actions: int, settings: Settings | None = None, seed: int = 7):
    """The sample plan with ``n_actions`` generated actions in place of its own."""
    settings = settings or Settings(year=2027)
    plan = sample_plan(settings)
    rnd = random.Random(seed)
    ws = [w.name for w in plan.workstreams]
    people = [p.name for p in plan.people]
    actions = []
    for i in range(1, n_actions + 1):
        aid = f"A{i:05d}"
        deps = ""
        if i > 10 and rnd.random() < 0.2:
            deps = ",".join(f"A{rnd.randrange(1, i):05d}" for _ in range(rnd.randint(1, 2)))
        actions.append(Action(
            aid, f"Generated action {i}", rnd.choice(ws), rnd.choice(plan.channels),
            rnd.choice(people), rnd.randint(1, 5), rnd.randint(1, 5), deps,
            rnd.randint(1, 5), rnd.choice([0, 200, 500, 1000, 2500]),
            rnd.choice([2, 4, 8, 16]), rnd.choice(BUCKETS),
            rnd.choice([None, *range(1, 13)]),
            pinned=rnd.random() < 0.05,
            status=rnd.choice(["not_started"] * 4 + ["in_progress", "done", "blocked"]),
            spend=rnd.choice([None, None, 100.0, 350.5])))
    plan.actions = actions
    return plan
