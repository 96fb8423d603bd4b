"""Write docs/rules.md: python -m xlplan.rules [PATH]"""
import sys
from pathlib import Path

from . import catalogue_markdown

target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules.md")
target.write_text(catalogue_markdown(), encoding="utf-8")
print(f"Wrote {target}.")
