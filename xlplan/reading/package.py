"""Opening an .xlsx file safely: what it is, whether xlplan made it, where its parts are.

Every refusal here is an ``XlplanError`` with exit code 2 ("file unusable"), raised
before anything large is read: sizes come from the zip directory and each sheet's
declared dimension, and XML with a document type declaration (the way entity bombs
are built) is refused without being parsed.
"""
from __future__ import annotations

import math
import posixpath
import re
import zipfile
import zlib
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
MAX_COLUMNS = 16_384              # XFD, Excel's last column
MAX_CELLS = 8_000_000             # per sheet: rows x columns of the block its cells span
XML_HEAD = 65536                  # the prolog (declaration, comments, DOCTYPE) must fit in it
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
_REL_ID = "{%s}id" % NS["r"]
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]+[0-9]+:)?([A-Z]+)([0-9]+)"')
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
# a cell's own reference (r="B5"; a row's r="5" has no letters), in either case, as
# python-calamine reads both: those from column AA or row 10,000 on, and any
_FAR_REF = re.compile(rb'r="([A-Za-z]{2,}[0-9]+|[A-Za-z]+[0-9]{5,})"')
_ANY_REF = re.compile(rb'\sr="[A-Za-z]+([0-9]+)"')
_LETTERS = re.compile(rb"[A-Za-z]+")
_DIGITS = re.compile(rb"[0-9]+")
# a value no cell can hold: inf, nan, or beyond 1.8e308 (the exponent or the digits say
# when it may be; scan.py decides cell by cell)
NONFINITE_HINT = re.compile(rb"<v>\s*[-+]?(?:[iInN]|[0-9.]*[eE]\+?0*[1-9][0-9]{2}|[0-9]{309})")
_UNIQUE_COUNT = re.compile(rb'\buniqueCount="([0-9]+)"')
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]+)$")


def unusable(path: Path, what: str, fix: str) -> XlplanError:
    return XlplanError(what, where=str(path), fix=fix, exit_code=2)


_RESTORE = "restore the workbook from a backup"


def _read_part(path: Path, z: zipfile.ZipFile, part: str, size: int | None = None) -> bytes:
    """A part's bytes (the first ``size`` of them), or the sentence saying why the zip
    cannot give them: missing, encrypted, packed with a method Excel does not use,
    failing its checksum, cut short."""
    try:
        if size is None:
            return z.read(part)
        with z.open(part) as f:
            return f.read(size)
    except KeyError:
        raise unusable(path, f"part {part} is missing from the workbook", _RESTORE) from None
    except RuntimeError:  # zipfile's "File ... is encrypted, password required"
        raise unusable(path, f"part {part} is encrypted inside the zip, which no spreadsheet "
                       "does", _RESTORE) from None
    except NotImplementedError:  # a compression method zipfile does not unpack
        raise unusable(path, f"part {part} is packed with a compression method Excel does "
                       "not use", _RESTORE) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise unusable(path, f"the file is damaged or incomplete (part {part} cannot be "
                       f"unpacked: {exc})", _RESTORE) from None


def _check_prolog(path: Path, part: str, head: bytes, whole: bool) -> None:
    """Refuse a part whose start declares a document type or entities (the way XML bombs
    are built), or whose prolog, where such a declaration sits, runs past the bytes
    looked at. ``whole``: ``head`` is the whole part."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:2] in (b"<\0", b"\0<"):
        enc = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else \
            ("utf-16-le" if head[:1] == b"<" else "utf-16-be")
        head = head.decode(enc, errors="replace").encode("utf-8")
    if _DOCTYPE.search(head):
        raise unusable(path, f"part {part} declares XML entities (a document type), which "
                       "no spreadsheet writes and which can hide an XML bomb",
                       "do not use this file; restore the workbook from a backup")
    # the first element ends the prolog; comments before it may be long
    if not whole and _ELEMENT.search(_COMMENT.sub(b"", head)) is None:
        raise unusable(path, f"part {part} holds no element in its first {XML_HEAD // 1024} "
                       "KiB (only comments or declarations), which no spreadsheet writes",
                       "do not use this file; restore the workbook from a backup")


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
    # sheet -> its charts, pictures and shapes, as (row, col, kind) of their anchor cell
    drawings: dict[str, list] = field(default_factory=dict)
    max_rows: dict[str, int] = field(default_factory=dict)
    local_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, name)
    comments: dict[str, dict] = field(default_factory=dict)  # sheet -> (r, c) -> (text, by)
    nonfinite: set[str] = field(default_factory=set)  # sheets holding inf, nan or 1e999

    def read(self, part: str) -> bytes:
        # one handle for the whole read: the zip directory is parsed once
        if getattr(self, "_zip", None) is None:
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError, ValueError):
                raise unusable(self.path, "the file is damaged or incomplete (its zip "
                               "structure cannot be read)", "restore it from a backup") from None
        return _read_part(self.path, self._zip, part)

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


def _xml(path: Path, z: zipfile.ZipFile, part: str, root: str | None = None):
    """A part parsed, refusing entities; ``root``: the tag its root element must have."""
    data = _read_part(path, z, part)
    _check_prolog(path, part, data[:XML_HEAD], len(data) <= XML_HEAD)
    try:
        el = SafeET.fromstring(data)
    except Exception:
        raise unusable(path, f"part {part} is not well-formed XML",
                       "restore the workbook from a backup") from None
    if root is not None and el.tag != root:
        if el.tag == "{%s}workbook" % STRICT_NS:
            raise unusable(path, "the workbook is saved as Strict Open XML, which xlplan does "
                           "not read", "open it in Excel and save it as Excel Workbook "
                           "(.xlsx), not Strict Open XML Spreadsheet")
        raise unusable(path, f"part {part} is not what a workbook holds there (its root "
                       f"element is {_shown_tag(el.tag)}, not {_shown_tag(root)})", _RESTORE)
    return el


def _shown_tag(tag: str) -> str:
    ns, _, name = tag[1:].rpartition("}")
    return f"<{name}> of namespace {ns}" if ns else f"<{tag}>"


def _read_package(path: Path, z: zipfile.ZipFile) -> Package:
    infos = {i.filename: i for i in z.infolist()}
    if len(infos) < len(z.infolist()):
        seen = set()
        twice = next(i.filename for i in z.infolist()
                     if i.filename in seen or seen.add(i.filename))
        raise unusable(path, f"the zip holds two parts named {twice}, which no spreadsheet "
                       "writes (the file is damaged or was tampered with)", _RESTORE)
    for info in infos.values():
        if info.flag_bits & 0x1:
            raise unusable(path, f"part {info.filename} is encrypted inside the zip, which no "
                           "spreadsheet does", _RESTORE)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unusable(path, f"part {info.filename} is packed with a compression method "
                           "Excel does not use", "open the file in Excel or LibreOffice and "
                           "save it again, or restore a backup")
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
            _check_prolog(path, name, _read_part(path, z, name, XML_HEAD),
                          info.file_size <= XML_HEAD)

    book = _xml(path, z, "xl/workbook.xml", root="{%s}workbook" % NS["m"])
    rels = _relationships(path, z, "xl/workbook.xml")
    tabs = [el.get("name") for el in book.iterfind("m:sheets/m:sheet", NS)]
    named = set()
    for n, tab in enumerate(tabs, 1):
        if not tab:
            raise unusable(path, f"sheet number {n} in xl/workbook.xml has no name, which "
                           "Excel does not allow", _RESTORE)
        if tab.lower() in named:  # Excel compares sheet names ignoring case
            raise unusable(path, f"two sheets are named {tab!r}, which Excel does not allow",
                           _RESTORE)
        named.add(tab.lower())
    if "xl/sharedStrings.xml" in infos:
        _shared_strings_fit(path, z, infos["xl/sharedStrings.xml"])
    sheets, parts = [], {}
    for el in book.iterfind("m:sheets/m:sheet", NS):
        name, target = el.get("name"), rels.get(el.get(_REL_ID))
        if target and target in infos:
            sheets.append(name)
            parts[name] = target
    names, local_names = {}, {}
    for el in book.iterfind("m:definedNames/m:definedName", NS):
        scope = el.get("localSheetId")
        if not el.get("name"):  # a name without a name: nothing can refer to it
            continue
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
        version = float(properties.get("xlplan_schema", SCHEMA_VERSION))
    except ValueError:
        version = float(SCHEMA_VERSION)
    if version > SCHEMA_VERSION:  # a larger number, up to infinity, is a newer xlplan
        schema = f"{version:g}" if math.isfinite(version) else \
            properties["xlplan_schema"].strip()
        raise unusable(path, f"this workbook was written by a newer xlplan (schema {schema}; "
                       f"this xlplan reads schema {SCHEMA_VERSION} and older)",
                       "upgrade xlplan: pip install --upgrade xlplan")
    schema = int(version) if math.isfinite(version) else SCHEMA_VERSION

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
    root = _xml(path, z, rels_part, root="{%s}Relationships" % NS["rel"])
    for el in root.iterfind("rel:Relationship", NS):
        target = el.get("Target", "")
        if el.get("TargetMode") == "External" or not el.get("Id") or not target:
            continue
        full = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        out[el.get("Id")] = full
        out["type:" + el.get("Id")] = el.get("Type", "")
    return out


def _sheet_facts(path, z, pkg: Package, sheet: str, part: str, infos) -> None:
    head = _read_part(path, z, part, 8192)
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
    xml = _read_part(path, z, part)
    _cells_fit(path, sheet, xml)
    if NONFINITE_HINT.search(xml):
        pkg.nonfinite.add(sheet)
    del xml
    rels = _relationships(path, z, part)
    for rid, target in rels.items():
        if rid.startswith("type:"):
            continue
        kind = rels["type:" + rid].rsplit("/", 1)[-1]
        if kind == "table":
            el = _xml(path, z, target, root="{%s}table" % NS["m"])
            try:
                area = parse_area(el.get("ref", ""))
            except ValueError:
                continue
            if not el.get("name"):  # no name: no formula or defined name can use it
                continue
            if area[2] - area[0] + 1 > MAX_ROWS:
                raise unusable(path, f"table {el.get('name')} on sheet {sheet!r} covers "
                               f"{area[2] - area[0] + 1:,} rows; xlplan reads tables of up "
                               f"to {MAX_ROWS:,} rows", "resize the table to its rows "
                               "(Table Design > Resize Table) and save, or restore a backup")
            headers = [c.get("name", "") for c in el.iterfind("m:tableColumns/m:tableColumn",
                                                              NS)]
            pkg.tables[el.get("name")] = Table(el.get("name"), sheet, area, headers)
        elif kind == "comments":
            pkg.comments[sheet] = _comments(path, z, target)
        elif kind == "drawing":
            pkg.drawings[sheet] = _anchors(path, z, target)


_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"


def _anchors(path: Path, z: zipfile.ZipFile, part: str) -> list[tuple[int, int, str]]:
    """The charts, pictures and shapes of a drawing part: (row, col, kind) of the cell
    each is anchored at."""
    out = []
    root = _xml(path, z, part)
    for anchor in root:
        start = anchor.find("{%s}from" % _XDR)
        if start is None:
            continue
        try:
            row = int(start.findtext("{%s}row" % _XDR, "0"))
            col = int(start.findtext("{%s}col" % _XDR, "0"))
        except ValueError:
            continue
        kinds = {el.tag.rsplit("}", 1)[-1] for el in anchor}
        kind = ("chart" if "graphicFrame" in kinds else "picture" if "pic" in kinds
                else "shape")
        out.append((row, col, kind))
    return out


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


def _cells_fit(path: Path, sheet: str, xml: bytes) -> None:
    """Refuse a sheet whose cells span more than a roadmap's block: its values are read
    as one rectangle from A1 to its last cell, so a single cell at XFD1048576 would ask
    for seventeen billion.

    Only references from column AA or row 10,000 on are looked at one by one (a roadmap
    has few); the others lie within A1:Z9999. When that bound is too loose to decide,
    every reference is counted."""
    far = [m.group(1).upper() for m in _FAR_REF.finditer(xml)
           if xml[m.start() - 1:m.start()].isspace()]
    rows = max((int(_LETTERS.sub(b"", ref)) for ref in far), default=0)
    cols = max((col_index(_DIGITS.sub(b"", ref).decode()) + 1 for ref in far), default=0)
    if cols > MAX_COLUMNS:
        ref = max(far, key=lambda ref: col_index(_DIGITS.sub(b"", ref).decode()))
        raise unusable(path, f"sheet {sheet!r} has a cell at {ref.decode()}, beyond Excel's "
                       "last column (XFD)", _RESTORE)
    if rows > MAX_ROWS:
        raise unusable(path, f"sheet {sheet!r} has {rows:,} rows; xlplan reads sheets of up "
                       f"to {MAX_ROWS:,} rows", "move that data to a separate workbook, or "
                       "delete the rows below the plan, and save")
    # cells without a reference follow the one before them in their row
    cols += xml.count(b"<c>") + xml.count(b"<c/>")
    cols, rows = max(cols, 26), max(rows, 9999)
    if rows * cols > MAX_CELLS:
        rows = max((int(r) for r in set(_ANY_REF.findall(xml))), default=0)
        if rows * cols > MAX_CELLS:
            raise unusable(path, f"sheet {sheet!r} spans A1:{col_letter(cols - 1)}{rows} "
                           f"({rows * cols:,} cells); xlplan reads sheets of up to "
                           f"{MAX_CELLS:,} cells", "delete what lies far to the right of or "
                           "below the plan, and save")


def _shared_strings_fit(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a string table announcing more strings than its bytes can hold (a string
    takes at least ``<si/>``): readers reserve room for the announced number."""
    m = _UNIQUE_COUNT.search(_read_part(path, z, info.filename, 4096))
    if m and int(m.group(1)) > info.file_size // 5 + 1:
        raise unusable(path, f"part {info.filename} announces {int(m.group(1)):,} strings in "
                       f"{info.file_size:,} bytes", _RESTORE)
