"""Opening an .xlsx file safely: what it is, whether xlplan made it, where its parts are.

Every refusal here is an ``XlplanError`` with exit code 2 ("file unusable"), raised
before anything large is read: sizes come from the zip directory and each sheet's
declared dimension, and XML with a document type declaration (the way entity bombs
are built) is refused without being parsed.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET

from ..errors import XlplanError
from ..formulas import col_letter
from ..workbook.book import ROLE_NAME_PREFIX, SCHEMA_VERSION
from ..workbook.files import require_regular_file

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_PART_BYTES = 256 * 2**20      # one XML part, uncompressed
MAX_TOTAL_BYTES = 1024 * 2**20    # the whole package, uncompressed
MAX_ROWS = 200_000                # per sheet: 20 times the largest plan xlplan is built for
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
_REL_ID = "{%s}id" % NS["r"]
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]+[0-9]+:)?([A-Z]+)([0-9]+)"')
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]+)$")


def unusable(path: Path, what: str, fix: str) -> XlplanError:
    return XlplanError(what, where=str(path), fix=fix, exit_code=2)


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_ref(row: int, col: int) -> str:
    """A1-style reference of a zero-based (row, col)."""
    return f"{col_letter(col)}{row + 1}"


def parse_cell(text: str) -> tuple[int, int]:
    m = _CELL.match(text)
    if not m:
        raise ValueError(text)
    return int(m.group(2)) - 1, col_index(m.group(1))


def parse_area(text: str) -> tuple[int, int, int, int]:
    """'B5:D9' or 'B5' -> zero-based (r1, c1, r2, c2)."""
    a, _, b = text.partition(":")
    r1, c1 = parse_cell(a)
    r2, c2 = parse_cell(b) if b else (r1, c1)
    return r1, c1, r2, c2


def split_reference(text: str) -> tuple[str, str] | None:
    """"'My sheet'!$A$1:$B$2" -> ("My sheet", "$A$1:$B$2"); None for #REF! and the like."""
    sheet, bang, area = text.rpartition("!")
    if not bang or "#REF" in text:
        return None
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, area


@dataclass
class Table:
    name: str
    sheet: str
    area: tuple[int, int, int, int]  # header row to last data row, zero-based
    headers: list[str]


@dataclass
class Package:
    """The parts of an xlplan workbook that reading needs, found without loading cells."""
    path: Path
    sheets: list[str]                         # in tab order
    parts: dict[str, str]                     # sheet name -> zip part name
    names: dict[str, str]                     # defined name -> reference text
    roles: dict[str, str]                     # role -> sheet name
    lost_roles: list[str]                     # roles whose sheet was deleted (#REF!)
    properties: dict[str, str]
    tables: dict[str, Table] = field(default_factory=dict)
    schema: int = SCHEMA_VERSION
    has_vba: bool = False
    drawings: set[str] = field(default_factory=set)  # sheets with charts, pictures, shapes
    max_rows: dict[str, int] = field(default_factory=dict)
    local_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, name)
    comments: dict[str, dict] = field(default_factory=dict)  # sheet -> (r, c) -> (text, by)

    def read(self, part: str) -> bytes:
        # one handle for the whole read: the zip directory is parsed once
        if getattr(self, "_zip", None) is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip.read(part)

    def sheet_xml(self, sheet: str) -> bytes:
        return self.read(self.parts[sheet])

    def role_of(self, sheet: str) -> str | None:
        for role, name in self.roles.items():
            if name == sheet:
                return role
        return None

    def reference(self, name: str) -> tuple[str, tuple[int, int, int, int]] | None:
        text = self.names.get(name)
        ref = split_reference(text) if text else None
        if ref is None or ref[0] not in self.parts:
            return None
        try:
            return ref[0], parse_area(ref[1])
        except ValueError:
            return None


def open_package(path: Path) -> Package:
    path = Path(path)
    require_regular_file(path)  # before any read: reading a named pipe would hang
    with open(path, "rb") as f:
        head = f.read(4096)
    _sniff(path, head)
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise unusable(path, "the file is damaged or incomplete (its zip structure cannot be "
                       "read)", "restore it from a backup (xlplan keeps one as .bak.xlsx)")
    with z:
        return _read_package(path, z)


def _sniff(path: Path, head: bytes) -> None:
    if not head:
        raise unusable(path, "the file is empty (0 bytes)",
                       "restore it from a backup, or create a new one with xlplan new")
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in _ole_head(path):
            raise unusable(path, "the workbook is protected by a password",
                           "open it in Excel, remove the password (File > Info > Protect "
                           "Workbook), save, and run the command again")
        raise unusable(path, "this is an old Excel 97-2003 (.xls) file, not an .xlsx workbook",
                       "open it in Excel or LibreOffice and save it as .xlsx")
    if not head.startswith(ZIP_MAGIC):
        text = head.replace(b"\r", b"").replace(b"\n", b"").replace(b"\t", b"")
        if text and all(32 <= b < 127 or b >= 0x80 for b in text):
            raise unusable(path, "this is a text file (CSV?), not an Excel workbook",
                           "open it in Excel or LibreOffice and save it as .xlsx, or give "
                           "the workbook xlplan wrote")
        raise unusable(path, "this is not an Excel workbook",
                       "give the .xlsx file xlplan wrote")


def _ole_head(path: Path) -> bytes:
    # directory entries of a small OLE file sit early; 1 MiB is plenty and bounded
    with open(path, "rb") as f:
        return f.read(2**20)


def _xml(path: Path, z: zipfile.ZipFile, part: str):
    data = z.read(part)
    if _DOCTYPE.search(data[:65536]):
        raise unusable(path, f"part {part} declares XML entities (a document type), which "
                       "no spreadsheet writes and which can hide an XML bomb",
                       "do not use this file; restore the workbook from a backup")
    try:
        return SafeET.fromstring(data)
    except Exception:
        raise unusable(path, f"part {part} is not well-formed XML",
                       "restore the workbook from a backup") from None


def _read_package(path: Path, z: zipfile.ZipFile) -> Package:
    infos = {i.filename: i for i in z.infolist()}
    if "xl/workbook.xml" not in infos:
        if "content.xml" in infos:
            raise unusable(path, "this is an OpenDocument spreadsheet (.ods), not an .xlsx "
                           "workbook", "save it from LibreOffice as Excel 2007-365 (.xlsx)")
        raise unusable(path, "this zip file is not an Excel workbook (it has no "
                       "xl/workbook.xml)", "give the .xlsx file xlplan wrote")
    total = sum(i.file_size for i in infos.values())
    big = [i for i in infos.values() if i.file_size > MAX_PART_BYTES]
    if big or total > MAX_TOTAL_BYTES:
        raise unusable(path, f"the workbook unpacks to {total / 2**20:,.0f} MiB"
                       + (f" ({big[0].filename} alone is {big[0].file_size / 2**20:,.0f} MiB)"
                          if big else "") + ", far more than a roadmap needs",
                       "remove the oversized sheet or data, or restore a backup")
    for name, info in infos.items():
        if name.endswith((".xml", ".rels")):
            with z.open(info) as f:
                if _DOCTYPE.search(f.read(65536)):
                    raise unusable(path, f"part {name} declares XML entities (a document "
                                   "type), which no spreadsheet writes and which can hide "
                                   "an XML bomb", "do not use this file; restore the "
                                   "workbook from a backup")

    book = _xml(path, z, "xl/workbook.xml")
    rels = _relationships(path, z, "xl/workbook.xml")
    sheets, parts = [], {}
    for el in book.iterfind("m:sheets/m:sheet", NS):
        name, target = el.get("name"), rels.get(el.get(_REL_ID))
        if target and target in infos:
            sheets.append(name)
            parts[name] = target
    names, local_names = {}, {}
    tabs = [el.get("name") for el in book.iterfind("m:sheets/m:sheet", NS)]
    for el in book.iterfind("m:definedNames/m:definedName", NS):
        scope = el.get("localSheetId")
        if scope is None:
            names[el.get("name")] = (el.text or "").strip()
        elif scope.isdigit() and int(scope) < len(tabs):  # a name of one sheet only
            local_names[(tabs[int(scope)], el.get("name"))] = (el.text or "").strip()
    properties = {}
    if "docProps/custom.xml" in infos:
        for prop in _xml(path, z, "docProps/custom.xml").iterfind("cp:property", NS):
            value = next(iter(prop), None)
            properties[prop.get("name")] = (value.text or "") if value is not None else ""

    roles, lost = {}, []
    for name, text in names.items():
        if name.startswith(ROLE_NAME_PREFIX):
            role = name[len(ROLE_NAME_PREFIX):]
            ref = split_reference(text)
            if ref and ref[0] in parts:
                roles[role] = ref[0]
            else:
                lost.append(role)
    if "xlplan_schema" not in properties and not roles:
        raise unusable(path, "this workbook was not made by xlplan (it has none of xlplan's "
                       "sheet roles)", "give a workbook written by xlplan new, or create "
                       "one with xlplan new")
    try:
        schema = int(float(properties.get("xlplan_schema", SCHEMA_VERSION)))
    except ValueError:
        schema = SCHEMA_VERSION
    if schema > SCHEMA_VERSION:
        raise unusable(path, f"this workbook was written by a newer xlplan (schema {schema}; "
                       f"this xlplan reads schema {SCHEMA_VERSION} and older)",
                       "upgrade xlplan: pip install --upgrade xlplan")

    pkg = Package(path, sheets, parts, names, roles, lost, properties, schema=schema,
                  has_vba="xl/vbaProject.bin" in infos, local_names=local_names)
    for sheet, part in parts.items():
        _sheet_facts(path, z, pkg, sheet, part, infos)
    return pkg


def _relationships(path: Path, z: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, base = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    try:
        z.getinfo(rels_part)
    except KeyError:
        return {}
    out = {}
    for el in _xml(path, z, rels_part).iterfind("rel:Relationship", NS):
        target = el.get("Target", "")
        if el.get("TargetMode") == "External":
            continue
        full = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        out[el.get("Id")] = full
        out["type:" + el.get("Id")] = el.get("Type", "")
    return out


def _sheet_facts(path, z, pkg: Package, sheet: str, part: str, infos) -> None:
    with z.open(part) as f:
        head = f.read(8192)
    # a row takes at least ~20 bytes of XML, so the part's size bounds the rows it
    # holds; the declared dimension can be far larger (LibreOffice declares the whole
    # sheet, A1:L1048576, once a row has been deleted) and only counts when smaller
    rows = infos[part].file_size // 20
    m = _DIMENSION.search(head)
    if m:
        rows = min(rows, int(m.group(3)))
    pkg.max_rows[sheet] = rows
    if rows > MAX_ROWS:
        raise unusable(pkg.path, f"sheet {sheet!r} has {rows:,} rows; xlplan reads sheets of "
                       f"up to {MAX_ROWS:,} rows", "move that data to a separate workbook, "
                       "or delete the empty rows below it, and save")
    rels = _relationships(path, z, part)
    for rid, target in rels.items():
        if rid.startswith("type:"):
            continue
        kind = rels["type:" + rid].rsplit("/", 1)[-1]
        if kind == "table":
            el = _xml(path, z, target)
            try:
                area = parse_area(el.get("ref", ""))
            except ValueError:
                continue
            headers = [c.get("name", "") for c in el.iterfind("m:tableColumns/m:tableColumn",
                                                              NS)]
            pkg.tables[el.get("name")] = Table(el.get("name"), sheet, area, headers)
        elif kind == "comments":
            pkg.comments[sheet] = _comments(path, z, target)
        elif kind == "drawing":
            pkg.drawings.add(sheet)


def _comments(path: Path, z: zipfile.ZipFile, part: str) -> dict[tuple[int, int], tuple]:
    """A sheet's cell comments: (row, col) -> (text, author)."""
    root = _xml(path, z, part)
    authors = [a.text or "" for a in root.iterfind("m:authors/m:author", NS)]
    out = {}
    for el in root.iterfind("m:commentList/m:comment", NS):
        try:
            r, c = parse_cell(el.get("ref", ""))
        except ValueError:
            continue
        text = "".join(t.text or "" for t in el.iter("{%s}t" % NS["m"]))
        author = el.get("authorId", "")
        out[(r, c)] = (text, authors[int(author)] if author.isdigit()
                       and int(author) < len(authors) else "")
    return out
