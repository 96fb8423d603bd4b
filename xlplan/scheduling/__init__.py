"""Scoring, ranking and scheduling of actions."""
from .ranking import rank_actions, score_of
from .scheduler import Placement, Schedule, apply, schedule

__all__ = ["rank_actions", "score_of", "schedule", "apply", "Schedule", "Placement"]
