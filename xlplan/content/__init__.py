"""Built-in content: the articles' plan as suggestions, per business model and language."""
from .sample import blank_plan, sample_plan

__all__ = ["blank_plan", "sample_plan"]
