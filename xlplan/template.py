"""Regenerate roadmap_template.xlsx: ``python -m xlplan.template [OUTPUT]``."""
from __future__ import annotations

import sys

import xlplan

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "roadmap_template.xlsx"
    xlplan.new(out, xlplan.template_settings(), blank=True, force=True)
    print(f"Wrote {out}")
