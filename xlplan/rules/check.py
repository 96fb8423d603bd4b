"""Running the catalogue over a workbook, and the report `xlplan check` prints."""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import Finding, all_rules
from .context import CheckContext


@dataclass
class CheckReport:
    path: Path
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def at(self, code: str) -> list[str]:
        """Where the findings of one rule are (for tests and scripts)."""
        return [f.where for f in self.findings if f.code == code]

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0

    def summary(self) -> str:
        if not self.findings:
            return f"{self.path.name}: no findings"
        return f"{self.path.name}: {self.errors} error(s), {self.warnings} warning(s)"

    def as_text(self) -> str:
        rules = {r.code: r for r in all_rules()}
        lines = []
        for category in ("structure", "data", "method"):
            group = [f for f in self.findings if rules[f.code].category == category]
            if not group:
                continue
            lines.append(f"{category} ({len(group)})")
            for f in group:
                lines.append(f"  {f.severity:<7} {f.code} {f.where}: {f.message}. "
                             f"Fix: {f.fix}.")
        lines.append(self.summary())
        return "\n".join(lines)

    def as_json(self) -> str:
        return json.dumps({"file": str(self.path), "errors": self.errors,
                           "warnings": self.warnings,
                           "findings": [f.as_dict() for f in self.findings]},
                          ensure_ascii=False, indent=2)


def run_rules(ctx: CheckContext, codes: set[str] | None = None) -> list[Finding]:
    findings = []
    for r in all_rules():
        if codes is not None and r.code not in codes:
            continue
        for where, message in r.run(ctx):
            findings.append(Finding(r.code, r.severity, where, message, r.fix))
    return findings


def check(path, today: _dt.date | None = None) -> CheckReport:
    """Check the workbook at ``path`` against every rule; never writes."""
    from ..reading.document import open_document
    doc = open_document(Path(path))
    return CheckReport(Path(path), run_rules(CheckContext(doc, today)))
