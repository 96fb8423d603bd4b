"""Regenerate the files shipped with the repository from the code:
``python -m xlplan.template`` writes roadmap_template.xlsx and samples/*.xlsx."""
from __future__ import annotations

from pathlib import Path

import xlplan
from xlplan.profile import load_profile, settings_from

ROOT = Path(__file__).resolve().parent.parent


def shipped_files(root: Path = ROOT) -> dict[Path, tuple]:
    """Each shipped workbook and the (settings, blank) it is made from."""
    files = {root / "roadmap_template.xlsx": (xlplan.template_settings(), True)}
    for profile in sorted((root / "samples").glob("*.toml")):
        files[profile.with_suffix(".xlsx")] = (settings_from(load_profile(profile)), False)
    return files


def regenerate(root: Path = ROOT) -> list[Path]:
    written = []
    for path, (settings, blank) in shipped_files(root).items():
        tmp = path.with_name(".new-" + path.name)
        xlplan.new(tmp, settings, blank=blank, force=True)
        tmp.replace(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in regenerate():
        print(f"Wrote {path.relative_to(ROOT)}")
