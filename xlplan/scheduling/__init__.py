"""Scoring and ranking of actions (the scheduler joins them here)."""
from .ranking import rank_actions, score_of

__all__ = ["rank_actions", "score_of"]
