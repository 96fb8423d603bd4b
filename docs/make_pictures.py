"""Render the README's pictures of the sample workbook through LibreOffice.

    python docs/make_pictures.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import engine  # noqa: E402

import xlplan  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    book = tmp / "roadmap_2027.xlsx"
    xlplan.new(book, xlplan.Settings(year=2027, company="Atelier Durand"))
    pdf = engine.render_pdf(book, tmp)
    pages = engine.pdf_pages_text(pdf)
    for name, needles in (("dashboard", ("Actions in progress above the WIP limit",)),
                          ("month", ("March 2027", "Actual spend"))):
        page = engine.find_page(pages, *needles)
        out = engine.page_png(pdf, page, ROOT / "docs" / "img" / name, dpi=80)
        print(f"Wrote {out.relative_to(ROOT)}")
