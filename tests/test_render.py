"""What a user sees: LibreOffice renders the Dashboard and a month sheet."""
from __future__ import annotations

import pytest

import engine

pytestmark = pytest.mark.engine


def test_dashboard_and_month_sheet_render(soffice, sample_xlsx, tmp_path):
    pdf = engine.render_pdf(sample_xlsx, tmp_path)
    pages = engine.pdf_pages_text(pdf)
    dash = engine.find_page(pages, "Actions in progress above the WIP limit")
    assert "Atelier Durand" in pages[dash - 1] and "Alert signals" in pages[dash - 1]
    month = engine.find_page(pages, "Rewrite product pages with storytelling", "Actual spend")
    assert "March 2027" in pages[month - 1]
    for page, name in ((dash, "dashboard"), (month, "month")):
        png = engine.page_png(pdf, page, tmp_path / name)
        assert png.stat().st_size > 10_000
