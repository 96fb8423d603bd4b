"""The workbook's macro: the Recalculate priorities button.

The VBA source is the text file ``xlplan.bas`` beside this module. It is built into a
VBA project (``vbaProject.bin``) without Excel, by pyOpenVBA, and embedded by
XlsxWriter with a form button on the Actions sheet and on the Dashboard.
"""
from __future__ import annotations

import functools
import tempfile
import zipfile
from pathlib import Path

SOURCE = Path(__file__).with_name("xlplan.bas")
MODULE = "xlplan"
MACRO = f"{MODULE}.RecalculatePriorities"
# the cell the macro stamps with the time it ran (and xlplan prioritize with its own)
STAMP_NAME = "Act_Recalculated"


def enabled(path: Path) -> bool:
    """Whether a workbook at ``path`` carries the macro: the suffix decides, as it does
    for Excel (a .xlsm holds macros, a .xlsx cannot)."""
    return Path(path).suffix.lower() == ".xlsm"


def source() -> str:
    """The module's VBA text as it lives in the repository."""
    return SOURCE.read_text(encoding="ascii")


@functools.lru_cache(maxsize=8)
def vba_project(sheet_count: int, others: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A VBA project holding the module, with a document module for the workbook and
    for each of ``sheet_count`` sheets (Sheet1..SheetN, the code names XlsxWriter
    gives), and the standard modules ``others`` ((name, code), people's own)."""
    import xlsxwriter
    from pyopenvba import ExcelFile

    with tempfile.TemporaryDirectory(prefix="xlplan-vba-") as folder:
        stage, out = Path(folder) / "stage.xlsm", Path(folder) / "out.xlsm"
        wb = xlsxwriter.Workbook(str(stage))
        for _ in range(sheet_count):
            wb.add_worksheet()
        wb.close()
        with ExcelFile(stage) as f:
            project = f.add_vba_project()
            for name, code in ((MODULE, source()), *others):
                project.add_module(name, code.replace("\r\n", "\n").replace("\n", "\r\n"))
            # the template's document modules carry compiled code in front of their
            # source; rewriting them puts each at offset 0, source only
            for module in project.modules:
                module.dirty = True
            f.save(out)
        with zipfile.ZipFile(out) as z:
            return _without_cache(z.read("xl/vbaProject.bin"))


# [MS-OVBA] 2.3.4.1: a project with no compiled cache has Version 0xFFFF and nothing
# after the header; Office compiles such a project from its source on open, and
# LibreOffice's own exporter writes exactly these seven bytes
NO_CACHE = b"\xcc\x61\xff\xff\x00\x00\x00"


def _without_cache(project: bytes) -> bytes:
    from pyopenvba.cfb import CFB
    cfb = CFB.from_bytes(project)
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", NO_CACHE)
    return cfb.to_bytes()


_TOKENS = None


def code_lines(text: str) -> list[str]:
    """VBA text as its meaning reads: lines without trailing spaces, blank lines and
    the Attribute lines VBA keeps in its header left out, and identifiers and keywords
    in lower case. VBA is case-insensitive, and Excel's editor re-cases a name
    everywhere in a project to its last declared spelling (``value`` after someone's
    ``Dim Value``); string literals and comments keep their case."""
    import re
    global _TOKENS
    if _TOKENS is None:
        # a string literal ("" inside is a quote), a comment (' or Rem to the end of
        # the line), or anything else up to the next of those
        _TOKENS = re.compile(r'("(?:[^"]|"")*"?)|(\'.*|\bRem\b.*)|([^"\']+?(?=["\']|\bRem\b|$))',
                             re.IGNORECASE)
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip() or line.startswith("Attribute VB_"):
            continue
        parts = []
        for literal, comment, code in _TOKENS.findall(line.rstrip()):
            parts.append(literal or comment or code.lower())
        out.append("".join(parts))
    return out


class UnreadableVBA(Exception):
    """The workbook's VBA project cannot be read (damaged, or not a VBA project)."""


def _project_modules(path: Path) -> list | None:
    """The modules of the workbook's VBA project; None when it has none. A workbook
    that holds macros under an .xlsx name (a renamed .xlsm) is read all the same."""
    from pyopenvba import ExcelFile
    from pyopenvba.exceptions import PyOpenVBAError
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="xlplan-vba-") as folder:
        if path.suffix.lower() != ".xlsm":  # pyOpenVBA goes by the extension
            copy = Path(folder) / "book.xlsm"
            copy.write_bytes(path.read_bytes())
            path = copy
        try:
            with ExcelFile(path) as f:
                if not f.has_vba_project():
                    return None
                return list(f.vba_project().modules)
        except (PyOpenVBAError, ValueError, KeyError, IndexError, EOFError) as exc:
            raise UnreadableVBA(str(exc)) from None


def people_modules(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The VBA people added to a workbook: standard modules other than xlplan's, as
    (name, code) to carry over, and the names of what cannot be carried (class modules,
    forms, code in a sheet's or the workbook's own module). Raises UnreadableVBA."""
    from pyopenvba import VBAModuleKind
    kept, lost = [], []
    for m in _project_modules(path) or []:
        if m.name.casefold() == MODULE.casefold():
            continue
        if m.kind == VBAModuleKind.standard:
            kept.append((m.name, m.body))
        elif m.body.strip():
            lost.append(m.name)
    return kept, lost


def buttons_in(path: Path) -> dict[str, list[str]]:
    """Sheet name -> the macros its form buttons run (read from the VML drawings)."""
    import re
    with zipfile.ZipFile(Path(path)) as z:
        names = z.namelist()
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        target = {}
        for rel in re.findall(r"<Relationship\b[^>]*>", rels):
            rid, part = re.search(r'Id="([^"]+)"', rel), re.search(r'Target="([^"]+)"', rel)
            if rid and part:
                target[rid.group(1)] = part.group(1).lstrip("/").removeprefix("xl/")
        out: dict[str, list[str]] = {}
        for sheet in re.findall(r"<sheet\b[^>]*>", book):
            name, rid = re.search(r'name="([^"]*)"', sheet), re.search(r'r:id="([^"]+)"', sheet)
            if not (name and rid and rid.group(1) in target):
                continue
            part = "xl/" + target[rid.group(1)]
            rel_part = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            if part not in names or rel_part not in names:
                continue
            # the sheet's legacy drawing (the VML that holds form controls), by its id
            legacy = re.search(r'<legacyDrawing\b[^>]*r:id="([^"]+)"',
                               z.read(part).decode("utf-8", "replace"))
            if legacy is None:
                continue
            for rel in re.findall(r"<Relationship\b[^>]*>",
                                  z.read(rel_part).decode("utf-8", "replace")):
                vml = re.search(r'Target="[^"]*?(vmlDrawing\d+\.vml)"', rel)
                if vml and f'Id="{legacy.group(1)}"' in rel and \
                        "xl/drawings/" + vml.group(1) in names:
                    text = z.read("xl/drawings/" + vml.group(1)).decode("utf-8", "replace")
                    out.setdefault(_unescape(name.group(1)), []).extend(
                        re.findall(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", text))
        return out


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def modules_in(path: Path) -> dict[str, str]:
    """The VBA modules of a macro-enabled workbook, name -> code (read back by
    pyOpenVBA), empty when it has none. Raises UnreadableVBA."""
    return {m.name: m.body for m in _project_modules(path) or []}
