"""The one exception type for errors a user can cause, and the report of the others."""
from __future__ import annotations

import datetime as _dt
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path


class XlplanError(Exception):
    """What went wrong, where (a file, or Sheet!Cell) and how to fix it.

    The CLI exits with ``exit_code``: 2, "the command refused and changed nothing", for
    every such error (exit 1 is kept for `xlplan check` finding errors in a workbook).
    """

    def __init__(self, what: str, where: str | None = None, fix: str | None = None,
                 exit_code: int = 2):
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


def write_crash_report(exc: BaseException, command: str) -> Path | None:
    """Write what a maintainer needs about an unexpected error to a file the user can
    send; None when even that cannot be written."""
    from . import __version__
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(tempfile.gettempdir()) / f"xlplan-crash-{stamp}-{os.getpid()}.txt"
    text = "\n".join([
        f"xlplan {__version__} crashed on {_dt.datetime.now().isoformat(timespec='seconds')}",
        f"command: xlplan {command}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    ])
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return path
