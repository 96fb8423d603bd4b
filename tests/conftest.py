from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import engine  # noqa: E402

import xlplan  # noqa: E402


@pytest.fixture(scope="session")
def soffice():
    """LibreOffice must be there: the tests that need it fail rather than skip."""
    path = engine.soffice()
    if path is None:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install -y "
                    "libreoffice-calc-nogui python3-uno")
    return path


@pytest.fixture(scope="session")
def sample_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "roadmap_2027.xlsx"
    xlplan.new(path, xlplan.Settings(year=2027, company="Atelier Durand"))
    return path
