"""The one exception type for errors a user can cause."""
from __future__ import annotations


class XlplanError(Exception):
    """What went wrong, where (a file, or Sheet!Cell) and how to fix it.

    ``exit_code`` follows the CLI's convention: 1 for a refused operation, 2 for an
    unusable input.
    """

    def __init__(self, what: str, where: str | None = None, fix: str | None = None,
                 exit_code: int = 1):
        self.what, self.where, self.fix, self.exit_code = what, where, fix, exit_code
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.what
        if self.where:
            text = f"{self.where}: {text}"
        if self.fix:
            text = f"{text}. {self.fix[0].upper()}{self.fix[1:]}."
        return text
