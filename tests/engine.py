"""Headless LibreOffice as the independent spreadsheet engine of the tests."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

# Recalculate on load ("always"): without it LibreOffice keeps our cached values and
# the comparison would prove nothing.
PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


# Calibri, the workbook's font, is not free: LibreOffice lays it out with Carlito, its
# metric twin, when Carlito is installed, and with a wider fallback when not, which
# would make every sheet print smaller and wrap sooner than for a user. The test extras
# ship Carlito (rinoh-typeface-carlito); each run points fontconfig at it.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{dir}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def font_env(profile: Path) -> dict[str, str]:
    """The environment that gives LibreOffice Carlito for Calibri."""
    spec = importlib.util.find_spec("rinoh_typeface_carlito")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the Carlito font is missing: pip install -e '.[test]'")
    conf = profile / "fonts.conf"
    conf.write_text(FONTS_CONF.format(dir=list(spec.submodule_search_locations)[0],
                                      cache=profile / "fontcache"))
    return {"FONTCONFIG_FILE": str(conf)}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(args: list[str], outdir: Path, timeout: int) -> None:
    with tempfile.TemporaryDirectory(prefix="xlplan-lo-") as prof:
        user = Path(prof) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(PROFILE_XCU)
        cmd = [soffice(), "--headless", "--norestore", "--nologo",
               f"-env:UserInstallation=file://{prof}", *args, "--outdir", str(outdir)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "HOME": prof, **font_env(Path(prof))})
        if proc.returncode != 0:
            raise RuntimeError(f"LibreOffice failed: {proc.stdout} {proc.stderr}")


def recalculate(path: Path, outdir: Path, timeout: int = 900) -> Path:
    """Open ``path`` in LibreOffice, recalculate everything, save as .xlsx in outdir."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(["--convert-to", "xlsx:Calc MS Excel 2007 XML", str(path)], outdir, timeout)
    out = outdir / (Path(path).stem + ".xlsx")
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {path}")
    return out


def convert(path: Path, outdir: Path, fmt: str, timeout: int = 600) -> Path:
    """Save ``path`` through LibreOffice in another format (e.g. "xls")."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(["--convert-to", fmt, str(path)], outdir, timeout)
    out = outdir / (Path(path).stem + "." + fmt)
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {path}")
    return out


def render_pdf(path: Path, outdir: Path, timeout: int = 600) -> Path:
    return render_pdfs([path], outdir, timeout)[0]


def render_pdfs(paths: list[Path], outdir: Path, timeout: int = 900) -> list[Path]:
    """Print every sheet of each workbook to a PDF, all in one LibreOffice run."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(["--convert-to", "pdf", *map(str, paths)], outdir, timeout)
    return [outdir / (Path(p).stem + ".pdf") for p in paths]


def uno_python() -> str | None:
    """A Python that imports LibreOffice's UNO bridge (Debian's python3-uno serves the
    system Python, not a virtual environment)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"],
                                        capture_output=True).returncode == 0:
            return candidate
    return None


def click_button(files: list[Path], outdir: Path, sheet: str = "Actions",
                 timeout: int = 1800, now=None) -> list[dict]:
    """Click the form button on ``sheet`` of each file in LibreOffice (tests/lo_button.py)
    and save the result in ``outdir``; one report per file. ``sheet`` "macro:M.NAME"
    runs that macro instead of a button's. ``now`` (a datetime) is when the clicks
    happen, for LibreOffice's clock."""
    import json
    python = uno_python()
    if python is None:
        raise RuntimeError("no Python imports uno: apt-get install -y python3-uno")
    script = Path(__file__).with_name("lo_button.py")
    proc = subprocess.run([python, str(script), sheet, str(outdir), *map(str, files)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "SOFFICE": soffice() or "soffice",
                               **({"LO_CLOCK": now.strftime("%Y-%m-%d %H:%M:%S")}
                                  if now else {})})
    if proc.returncode != 0:
        raise RuntimeError(f"clicking failed: {proc.stdout} {proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def sheet_differences(a: Path, b: Path, ignore: set[tuple[str, int, int]] = frozenset()
                      ) -> list[str]:
    """Cells whose values differ between two workbooks, every sheet, as Sheet!R1C1."""
    va, vb = cached_values(a), cached_values(b)
    out = [f"sheet {name} only in one" for name in set(va) ^ set(vb)]
    for name in sorted(set(va) & set(vb)):
        ga, gb = va[name], vb[name]
        for r in range(max(len(ga), len(gb))):
            width = max(len(ga[r]) if r < len(ga) else 0, len(gb[r]) if r < len(gb) else 0)
            for c in range(width):
                x, y = value_at(va, (name, r, c)), value_at(vb, (name, r, c))
                if (name, r, c) not in ignore and not same(x, y):
                    out.append(f"{name}!R{r + 1}C{c + 1}: {x!r} != {y!r}")
    return out


def formula_cells(path: Path) -> dict[tuple[str, int, int], str]:
    """(sheet, row, col) -> formula text of every formula cell, zero-based."""
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    out[(ws.title, c.row - 1, c.column - 1)] = c.value
    wb.close()
    return out


def cached_values(path: Path) -> dict[str, list[list]]:
    """Every sheet's cached values as python-calamine reads them."""
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in wb.sheet_names}


def error_cells(path: Path) -> list[str]:
    """Cells holding an error value, as Sheet!A1 (calamine hides them, openpyxl not)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    bad = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "e" or (isinstance(c.value, str) and c.value.startswith("#")
                                          and c.value.endswith(("!", "?", "A"))):
                    bad.append(f"{ws.title}!{c.coordinate}={c.value}")
    wb.close()
    return bad


def value_at(values: dict, key: tuple[str, int, int]):
    sheet, r, c = key
    grid = values[sheet]
    if r >= len(grid) or c >= len(grid[r]):
        return ""
    return grid[r][c]


def same(a, b, tol: float = 1e-9) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(a - b) <= tol * max(1.0, abs(a), abs(b))
    return a == b


def mismatches(ours: Path, engine: Path) -> list[str]:
    """Formula cells whose cached value differs from the engine's recalculation."""
    formulas = formula_cells(ours)
    mine, theirs = cached_values(ours), cached_values(engine)
    out = []
    for key, text in sorted(formulas.items()):
        a, b = value_at(mine, key), value_at(theirs, key)
        if not same(a, b):
            sheet, r, c = key
            out.append(f"{sheet}!R{r + 1}C{c + 1} {text}: cached {a!r}, engine {b!r}")
    return out


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def page_png(pdf: Path, page: int, out_stem: Path, dpi: int = 70) -> Path:
    """Page ``page`` (1-based) of ``pdf`` as a PNG (poppler's pdftoppm)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out_stem)], check=True)
    return out_stem.with_suffix(".png")


def find_page(pages: list[str], *needles: str) -> int:
    """The first page (1-based) holding every needle."""
    for i, text in enumerate(pages, start=1):
        if all(n in text for n in needles):
            return i
    raise AssertionError(f"no page holds {needles}")


def pdf_font_sizes(pdf: Path) -> list[list[float]]:
    """The size, in points as printed, of every run of text on each page of a PDF
    written by LibreOffice: the operand of each ``Tf`` in the page's content stream
    (LibreOffice scales a fitted sheet by scaling the font sizes it writes, not by a
    transformation matrix, so these are the sizes a reader sees on paper)."""
    import re
    import zlib
    data = Path(pdf).read_bytes()
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(
        rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    kids = re.search(rb"/Type\s*/Pages.*?/Kids\s*\[([^\]]*)\]", data, re.S)
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]
    if any(b"/Type/Pages" in objects[p].replace(b" ", b"") for p in pages):
        raise RuntimeError("a nested page tree: read it with a PDF library")
    out = []
    for page in pages:
        sizes: list[float] = []
        for ref in re.findall(rb"(\d+) 0 R", re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)",
                                                        objects[page]).group(1)):
            body = objects[int(ref)]
            stream = re.search(rb"stream\r?\n(.*)endstream", body, re.S).group(1)
            text = zlib.decompress(stream) if b"FlateDecode" in body else stream
            sizes += [float(v) for v in re.findall(rb"/F\d+\s+([\d.]+)\s+Tf", text)]
        out.append(sizes)
    return out
