"""Hostile inputs: files xlplan is given and cannot (fully) use.

Each case is a small function that writes one input at the path it is given (or puts
something else there: a named pipe, a link, a folder) and returns the FILE argument to
pass to the commands. Cases are grouped in four categories, plus two controls:

- ``zip``: the package itself (flags, CRCs, compression methods, truncation, missing
  or duplicate parts, declared sizes, other formats renamed);
- ``xml``: the parts' XML (not well-formed, wrong root or namespace, DOCTYPE, cell
  references, out-of-range indexes, numbers that are not numbers, encodings, size);
- ``data``: a valid workbook holding values the plan cannot use (settings, KPI actuals,
  costs, long text, dates, deleted sheets, broken roles, schema property);
- ``fs``: what sits at the path (a named pipe, a folder, a device, links, permissions,
  lock files).

Each case declares what every command must do with it:

- ``unusable``: exit 2, one sentence ``Error: ...`` on stderr, the input unchanged;
- ``awkward``: no traceback and no crash ("unexpectedly"), exit 0, 1 or 2 (2 with one
  sentence); the input unchanged unless a writing command (sync, prioritize) exited 0;
- ``works``: as awkward, but the command must succeed (exit 0 or 1).

``expect`` is one of these for every command, or a dict by command with ``"*"`` for
the others. ``fresh`` cases are made again for every command (they are not plain
files, so they cannot be copied).
"""
from __future__ import annotations

import functools
import io
import os
import re
import shutil
import socket
import struct
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "b2b.xlsx"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# command name -> the arguments after FILE (rollover's -o is added by the runner)
COMMANDS = {
    "check": ["check"],
    "sync": ["sync"],
    "sync --dry-run": ["sync", "--dry-run"],
    "prioritize": ["prioritize"],
    "prioritize --dry-run": ["prioritize", "--dry-run"],
    "rollover": ["rollover"],
}
WRITERS = {"sync", "prioritize"}   # the commands that may change FILE (on exit 0)
KINDS = ("unusable", "awkward", "works")



def _sheet_parts() -> dict[str, str]:
    """Sheet name -> part of the sample, from its workbook and relationships."""
    with zipfile.ZipFile(SAMPLE) as z:
        book, rels = z.read("xl/workbook.xml"), z.read("xl/_rels/workbook.xml.rels")
    targets = dict(re.findall(rb'<Relationship Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    return {name.decode(): "xl/" + targets[rid].decode()
            for name, rid in re.findall(rb'<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"',
                                        book)}


_PARTS = _sheet_parts()
SETTINGS, KPIS, ACTIONS = _PARTS["Settings"], _PARTS["KPIs"], _PARTS["Actions"]
JAN, RISKS = _PARTS["Jan"], _PARTS["Risks"]
BOOK = "xl/workbook.xml"
BOOK_RELS = "xl/_rels/workbook.xml.rels"
SST = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
CUSTOM = "docProps/custom.xml"
TYPES = "[Content_Types].xml"
SETTINGS_RELS = SETTINGS.replace("worksheets/", "worksheets/_rels/") + ".rels"
TABLE1 = "xl/tables/table1.xml"          # on Settings, through SETTINGS_RELS
DRAWING = "xl/drawings/drawing1.xml"
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass
class Case:
    name: str
    category: str
    make: Callable[[Path], Path | None]
    expect: str | dict = "unusable"
    fresh: bool = False
    suffix: str = ".xlsx"

    def expectation(self, command: str) -> str:
        if isinstance(self.expect, str):
            return self.expect
        return self.expect.get(command, self.expect["*"])

    def build(self, folder: Path) -> Path:
        """Write the input into ``folder``; the FILE argument to give the commands."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.name}{self.suffix}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # zipfile warns about duplicate names
            out = self.make(path)
        return path if out is None else out


CASES: dict[str, Case] = {}


def add(name: str, category: str, make, expect="unusable", **kw) -> None:
    assert name not in CASES, name
    for kind in ([expect] if isinstance(expect, str) else expect.values()):
        assert kind in KINDS, (name, kind)
    CASES[name] = Case(name, category, make, expect, **kw)


# ---------------------------------------------------------------------------------
# the base workbooks and ways to rewrite them

@functools.lru_cache(maxsize=None)
def sample_parts() -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(SAMPLE) as z:
        return tuple((i.filename, z.read(i)) for i in z.infolist())


@functools.lru_cache(maxsize=None)
def xlsm_bytes() -> bytes:
    """A macro-enabled workbook, as ``xlplan new x.xlsm --year 2027`` writes it."""
    import xlplan
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.xlsm"
        xlplan.new(path, xlplan.Settings(year=2027))
        return path.read_bytes()


def part(name: str) -> bytes:
    return dict(sample_parts())[name]


def zip_bytes(parts, compression=zipfile.ZIP_DEFLATED, comment=b"") -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", compression) as z:
            for name, data in parts:
                info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                info.compress_type = compression
                z.writestr(info, data)
            z.comment = comment
    return buf.getvalue()


def rewritten(replace: dict | None = None, drop=(), add_parts=(), base=None, **kw) -> bytes:
    """The sample (or ``base`` parts) with some parts replaced, dropped or added."""
    replace = replace or {}
    parts = [(n, replace.get(n, d)) for n, d in (base or sample_parts()) if n not in drop]
    return zip_bytes(parts + list(add_parts), **kw)


def edit(part_name: str, fn: Callable[[bytes], bytes]):
    """A maker: the sample with one part passed through ``fn``."""
    def make(path: Path):
        path.write_bytes(rewritten({part_name: fn(part(part_name))}))
    return make


def sub(old: bytes, new: bytes, count: int = 1):
    """A part edit replacing ``old`` (which must be there) by ``new``."""
    def fn(data: bytes) -> bytes:
        assert old in data, old[:80]
        return data.replace(old, new, count)
    return fn


def regex(pattern: bytes, new: bytes, count: int = 1):
    def fn(data: bytes) -> bytes:
        out, n = re.subn(pattern, new, data, count=count, flags=re.S)
        assert n, pattern
        return out
    return fn


def set_cell(ref: str, value=None, kind: str = "n", style: bool = True):
    """A sheet edit putting ``value`` into cell ``ref`` (which the sample has):
    kind "n" a <v> as given, "str" inline text, "s" a shared-string index, "raw" the
    element's inner XML as given, "empty" no value."""
    def fn(xml: bytes) -> bytes:
        pat = re.compile(rb'<c r="%s"([^>]*?)(?:/>|>.*?</c>)' % ref.encode(), re.S)
        m = pat.search(xml)
        assert m, ref
        s = re.search(rb'\bs="\d+"', m.group(1))
        attrs = b' r="%s"' % ref.encode() + (b" " + s.group(0) if s and style else b"")
        if kind == "n":
            cell = b"<c%s><v>%s</v></c>" % (attrs, _b(value))
        elif kind == "str":
            cell = b'<c%s t="inlineStr"><is><t>%s</t></is></c>' % (attrs, _esc(value))
        elif kind == "s":
            cell = b'<c%s t="s"><v>%s</v></c>' % (attrs, _b(value))
        elif kind == "raw":
            cell = b"<c%s%s</c>" % (attrs, _b(value))
        else:
            cell = b"<c%s/>" % attrs
        return xml[:m.start()] + cell + xml[m.end():]
    return fn


def _b(v) -> bytes:
    return v if isinstance(v, bytes) else str(v).encode()


def _esc(v) -> bytes:
    return _b(v).replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")


def chain(*fns):
    def fn(data):
        for f in fns:
            data = f(data)
        return data
    return fn


def write(data: bytes | Callable[[], bytes]):
    def make(path: Path):
        path.write_bytes(data() if callable(data) else data)
    return make


# raw zip surgery: offsets of an entry's local header and central directory record

def _entries(data: bytes) -> dict[str, tuple[int, int]]:
    eocd = data.rfind(b"PK\x05\x06")
    count, = struct.unpack("<H", data[eocd + 10:eocd + 12])
    pos, = struct.unpack("<I", data[eocd + 16:eocd + 20])
    out = {}
    for _ in range(count):
        assert data[pos:pos + 4] == b"PK\x01\x02"
        nlen, xlen, clen = struct.unpack("<HHH", data[pos + 28:pos + 34])
        local, = struct.unpack("<I", data[pos + 42:pos + 46])
        out[data[pos + 46:pos + 46 + nlen].decode("cp437")] = (local, pos)
        pos += 46 + nlen + xlen + clen
    return out


def _data_span(data: bytes, local: int) -> tuple[int, int]:
    nlen, xlen = struct.unpack("<HH", data[local + 26:local + 30])
    csize, = struct.unpack("<I", data[local + 18:local + 22])
    start = local + 30 + nlen + xlen
    return start, start + csize


def patched(names, local: dict[int, Callable[[bytes], bytes]] | None = None,
            central: dict[int, Callable[[bytes], bytes]] | None = None, base=None):
    """A maker: the sample's bytes with fields of some entries changed. ``local`` and
    ``central`` map a field's offset in the header to a function of its bytes (field
    widths: the patch keeps the length of what it is given, 2 or 4 bytes)."""
    widths = {6: 2, 8: 2, 10: 2, 14: 4, 16: 4, 18: 4, 20: 4, 22: 4, 24: 4}

    def make(path: Path):
        data = bytearray(base() if base else SAMPLE.read_bytes())
        entries = _entries(bytes(data))
        for name in (entries if names == "*" else names):
            lo, ce = entries[name]
            for table, at in ((local or {}, lo), (central or {}, ce)):
                for off, fn in table.items():
                    w = widths[off]
                    data[at + off:at + off + w] = fn(bytes(data[at + off:at + off + w]))
        path.write_bytes(bytes(data))
    return make


def u16(v):
    return lambda old: struct.pack("<H", v)


def u32(v):
    return lambda old: struct.pack("<I", v)


def or16(bit):
    return lambda old: struct.pack("<H", struct.unpack("<H", old)[0] | bit)


def xor32(mask):
    return lambda old: struct.pack("<I", struct.unpack("<I", old)[0] ^ mask)


def truncated_at(where: Callable[[bytes, dict], int]):
    def make(path: Path):
        data = SAMPLE.read_bytes()
        path.write_bytes(data[:where(data, _entries(data))])
    return make


def corrupt_data(name: str):
    """Flip bytes in the middle of an entry's compressed data."""
    def make(path: Path):
        data = bytearray(SAMPLE.read_bytes())
        start, end = _data_span(bytes(data), _entries(bytes(data))[name][0])
        mid = (start + end) // 2
        for i in range(mid, min(mid + 24, end)):
            data[i] ^= 0x5A
        path.write_bytes(bytes(data))
    return make


# ---------------------------------------------------------------------------------
# controls: the harness must see these work

add("control-sample", "control", write(lambda: SAMPLE.read_bytes()), "works")
add("control-xlsm", "control", write(xlsm_bytes), "works", suffix=".xlsm")

# ---------------------------------------------------------------------------------
# zip level

ENCRYPTED = 0x1
for label, name in [("workbook", BOOK), ("actions-sheet", ACTIONS), ("shared-strings", SST)]:
    add(f"zip-encrypted-flag-{label}", "zip",
        patched([name], local={6: or16(ENCRYPTED)}, central={8: or16(ENCRYPTED)}))
add("zip-encrypted-flag-all", "zip",
    patched("*", local={6: or16(ENCRYPTED)}, central={8: or16(ENCRYPTED)}))
add("zip-encrypted-flag-central-only", "zip", patched([BOOK], central={8: or16(ENCRYPTED)}))

for label, name in [("workbook", BOOK), ("settings-sheet", SETTINGS), ("styles", STYLES),
                    ("table", TABLE1)]:
    add(f"zip-bad-crc-{label}", "zip",
        patched([name], local={14: xor32(0xDEADBEEF)}, central={16: xor32(0xDEADBEEF)}))
for label, name in [("workbook", BOOK), ("actions-sheet", ACTIONS)]:
    add(f"zip-corrupt-deflate-{label}", "zip", corrupt_data(name))

for label, name, method in [("workbook", BOOK, 99), ("actions-sheet", ACTIONS, 99),
                            ("styles", STYLES, 6)]:
    add(f"zip-method-{method}-{label}", "zip",
        patched([name], local={8: u16(method)}, central={10: u16(method)}))
# methods Python reads but Excel does not
add("zip-method-lzma-all", "zip",
    write(lambda: rewritten(compression=zipfile.ZIP_LZMA)), "awkward")

add("zip-truncated-eocd", "zip", truncated_at(lambda d, e: len(d) - 10))
add("zip-truncated-central-dir-half", "zip",
    truncated_at(lambda d, e: (min(c for _, c in e.values()) + len(d)) // 2))
add("zip-truncated-at-central-dir", "zip",
    truncated_at(lambda d, e: min(c for _, c in e.values())))
add("zip-truncated-local-header", "zip", truncated_at(lambda d, e: e[ACTIONS][0] + 12))
add("zip-truncated-mid-entry", "zip",
    truncated_at(lambda d, e: sum(_data_span(d, e[ACTIONS][0])) // 2))
add("zip-truncated-30-bytes", "zip", truncated_at(lambda d, e: 30))


def _eocd_patch(offset: int, value: bytes):
    def make(path: Path):
        data = bytearray(SAMPLE.read_bytes())
        eocd = data.rfind(b"PK\x05\x06")
        data[eocd + offset:eocd + offset + len(value)] = value
        path.write_bytes(bytes(data))
    return make


add("zip-eocd-offset-past-end", "zip", _eocd_patch(16, struct.pack("<I", 0x7FFFFFF0)))
add("zip-eocd-offset-wrong", "zip", _eocd_patch(16, struct.pack("<I", 100)))
add("zip-eocd-count-65535", "zip", _eocd_patch(8, struct.pack("<HH", 0xFFFF, 0xFFFF)))

add("zip-duplicate-workbook", "zip", write(lambda: rewritten(add_parts=[(BOOK, re.sub(
    rb'<sheet name="Actions"[^>]*/>', b"", part(BOOK)))])))
add("zip-duplicate-actions-sheet", "zip",
    write(lambda: rewritten(add_parts=[(ACTIONS, b"not xml at all")])))
add("zip-duplicate-shared-strings", "zip",
    write(lambda: rewritten(add_parts=[(SST, part(SST).replace(b"<t>", b"<t>X", 50))])))

for label, name, kind in [("content-types", TYPES, "awkward"),
                          ("book-rels", BOOK_RELS, "unusable"),
                          ("workbook", BOOK, "unusable"),
                          ("actions-sheet", ACTIONS, "awkward"),
                          ("month-sheet", JAN, "awkward"),
                          ("shared-strings", SST, "unusable"),
                          ("styles", STYLES, "awkward"),
                          ("table", TABLE1, "awkward"),
                          ("custom-props", CUSTOM, "awkward"),
                          ("sheet-rels", SETTINGS_RELS, "awkward")]:
    add(f"zip-missing-{label}", "zip", write(lambda n=name: rewritten(drop=[n])), kind)

add("zip-size-huge-workbook", "zip", patched([BOOK], local={22: u32(0xFFFFFFF0)},
                                             central={24: u32(0xFFFFFFF0)}))
add("zip-size-huge-sheet", "zip", patched([JAN], local={22: u32(0x7FFFFFFF)},
                                          central={24: u32(0x7FFFFFFF)}))
add("zip-size-small-actions", "zip", patched([ACTIONS], local={22: u32(10)},
                                             central={24: u32(10)}))
add("zip-size-zero-workbook", "zip", patched([BOOK], local={22: u32(0)}, central={24: u32(0)}))
# the data is intact and ends where deflate says: readable, or refused in one sentence
add("zip-compressed-size-huge", "zip", patched([SETTINGS], local={18: u32(0x7FFFFFF0)},
                                               central={20: u32(0x7FFFFFF0)}), "awkward")

add("zip-entry-dotdot", "zip",
    write(lambda: rewritten(add_parts=[("../../evil.xml", b"<x/>")])), "awkward")
add("zip-rels-target-dotdot", "zip", edit(BOOK_RELS, sub(
    b'Target="%s"' % SETTINGS[3:].encode(), b'Target="../../../../../etc/passwd"')), "awkward")
add("zip-zip-in-zip", "zip",
    write(lambda: zip_bytes([("b2b.xlsx", SAMPLE.read_bytes())], zipfile.ZIP_STORED)))
add("zip-xlsm-named-xlsx", "zip", write(xlsm_bytes), "awkward")
add("zip-xlsx-named-xlsm", "zip", write(lambda: SAMPLE.read_bytes()), "awkward", suffix=".xlsm")

_DOCX_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
               b'openxmlformats.org/package/2006/content-types"><Override PartName="/word/'
               b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
               b'wordprocessingml.document.main+xml"/></Types>')
add("zip-docx-renamed", "zip", write(lambda: zip_bytes([
    (TYPES, _DOCX_TYPES), ("word/document.xml", b'<w:document xmlns:w="http://schemas.'
     b'openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')])))
add("zip-pptx-renamed", "zip", write(lambda: zip_bytes([
    (TYPES, _DOCX_TYPES.replace(b"word/document", b"ppt/presentation")),
    ("ppt/presentation.xml", b"<p:presentation xmlns:p='urn:p'/>")])))
add("zip-ods-renamed", "zip", write(lambda: zip_bytes([
    ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
    ("content.xml", b"<office:document-content xmlns:office='urn:oasis:names:tc:"
     b"opendocument:xmlns:office:1.0'/>")], zipfile.ZIP_STORED)))
add("zip-plain-archive", "zip",
    write(lambda: zip_bytes([("readme.txt", b"hello"), ("data/a.csv", b"a,b\n1,2\n")])))
add("zip-empty-archive", "zip", write(lambda: zip_bytes([])))
add("zip-garbage-prepended", "zip", write(lambda: b"MZ" + b"\0" * 8190 + SAMPLE.read_bytes()))
add("zip-garbage-appended", "zip",
    write(lambda: SAMPLE.read_bytes() + bytes(range(256)) * 2048), "awkward")
def _zip64(path: Path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sample_parts():
            with z.open(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), "w",
                        force_zip64=True) as f:
                f.write(data)
    path.write_bytes(buf.getvalue())


add("zip-zip64-valid", "zip", _zip64, "works")

# xlsm-specific: the VBA part

@functools.lru_cache(maxsize=None)
def _xlsm_parts():
    with zipfile.ZipFile(io.BytesIO(xlsm_bytes())) as z:
        return tuple((i.filename, z.read(i)) for i in z.infolist())


add("zip-xlsm-vba-garbage", "zip", write(lambda: rewritten(
    {"xl/vbaProject.bin": b"\0garbage" * 100}, base=_xlsm_parts())), "awkward", suffix=".xlsm")
add("zip-xlsm-vba-encrypted-flag", "zip", patched(
    ["xl/vbaProject.bin"], local={6: or16(ENCRYPTED)}, central={8: or16(ENCRYPTED)},
    base=xlsm_bytes), "awkward", suffix=".xlsm")

# ---------------------------------------------------------------------------------
# XML level


def half(data: bytes) -> bytes:
    return data[:len(data) // 2]


for label, name, kind in [("workbook", BOOK, "unusable"), ("book-rels", BOOK_RELS, "unusable"),
                          ("content-types", TYPES, "awkward"),
                          ("settings-sheet", SETTINGS, "unusable"),
                          ("actions-sheet", ACTIONS, "unusable"),
                          ("month-sheet", JAN, "unusable"),
                          ("shared-strings", SST, "unusable"), ("styles", STYLES, "awkward"),
                          ("custom-props", CUSTOM, "unusable"), ("table", TABLE1, "awkward"),
                          ("sheet-rels", SETTINGS_RELS, "awkward"),
                          ("drawing", DRAWING, "awkward")]:
    add(f"xml-not-well-formed-{label}", "xml", edit(name, half), kind)

add("xml-wrong-root-workbook", "xml",
    edit(BOOK, chain(sub(b"<workbook ", b"<notebook "), sub(b"</workbook>", b"</notebook>"))))
add("xml-wrong-root-actions-sheet", "xml", edit(ACTIONS, chain(
    sub(b"<worksheet ", b"<chartsheet "), sub(b"</worksheet>", b"</chartsheet>"))), "awkward")
add("xml-wrong-root-shared-strings", "xml",
    edit(SST, chain(sub(b"<sst ", b"<strings "), sub(b"</sst>", b"</strings>"))), "awkward")
add("xml-wrong-ns-workbook", "xml", edit(BOOK, sub(b'xmlns="' + MAIN_NS, b'xmlns="urn:bogus')))
add("xml-strict-ooxml-workbook", "xml", edit(BOOK, sub(
    b'xmlns="' + MAIN_NS, b'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main')))
add("xml-wrong-ns-book-rels", "xml", edit(BOOK_RELS, sub(
    b"http://schemas.openxmlformats.org/package/2006/relationships", b"urn:bogus")))

_DTD = b'<!DOCTYPE x [<!ENTITY e "e">]>'
for label, name in [("workbook", BOOK), ("actions-sheet", ACTIONS), ("book-rels", BOOK_RELS),
                    ("content-types", TYPES), ("styles", STYLES)]:
    add(f"xml-doctype-{label}", "xml", edit(name, regex(rb"(<\?xml[^>]*\?>)", rb"\1" + _DTD)))
add("xml-doctype-after-64k-comment", "xml", edit(ACTIONS, regex(
    rb"(<\?xml[^>]*\?>)", rb"\1<!--" + b"x" * 70000 + b"-->" + _DTD)))
add("xml-doctype-utf16-sheet", "xml", edit(ACTIONS, lambda d: (
    d.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').replace(b"?>", b"?>" + _DTD, 1)
    .decode("utf-8").encode("utf-16"))))
add("xml-doctype-utf16-workbook", "xml", edit(BOOK, lambda d: (
    d.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').replace(b"?>", b"?>" + _DTD, 1)
    .decode("utf-8").encode("utf-16"))))

for label, ref in [("A0", "A0"), ("ZZZZ1", "ZZZZ1"), ("empty", ""), ("lowercase", "b5"),
                   ("XFE1", "XFE1"), ("row-2e9", "A2000000000")]:
    add(f"xml-cell-ref-{label}", "xml",
        edit(ACTIONS, sub(b'<c r="B5" ', b'<c r="%s" ' % ref.encode())), "awkward")
add("xml-cell-ref-lowercase-far-row", "xml",
    edit(ACTIONS, sub(b'<c r="B5" ', b'<c r="b5000000" ')), "awkward")
add("xml-cell-far-row", "xml", edit(ACTIONS, sub(
    b"</sheetData>", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')),
    "awkward")
add("xml-cell-far-column", "xml", edit(ACTIONS, regex(
    rb'(<row r="5"[^>]*>.*?)</row>', rb'\1<c r="XFD5"><v>1</v></c></row>')), "awkward")
add("xml-sst-index-out-of-range", "xml", edit(ACTIONS, set_cell("B5", 999999, "s")), "awkward")
add("xml-sst-unique-count-huge", "xml", edit(SST, regex(
    rb'uniqueCount="\d+"', b'uniqueCount="4000000000"')), "awkward")
for label, v in [("inf", "inf"), ("1e999", "1e999"), ("abc", "abc")]:
    add(f"xml-number-{label}-in-cost", "xml", edit(ACTIONS, set_cell("J5", v)), "awkward")
add("xml-bool-2-in-cost", "xml", edit(ACTIONS, set_cell("J5", b' t="b"><v>2</v>', "raw")),
    "awkward")
add("xml-date-garbage-in-review", "xml",
    edit(RISKS, set_cell("I4", b' t="d"><v>not-a-date</v>', "raw")), "awkward")
add("xml-error-value-bogus", "xml", edit(ACTIONS, set_cell("J5", b' t="e"><v>#BOGUS!</v>', "raw")),
    "awkward")
add("xml-style-index-out-of-range", "xml",
    edit(ACTIONS, regex(rb'<c r="B5" s="[0-9]+"', b'<c r="B5" s="99999"')), "awkward")
add("xml-table-ref-not-range", "xml",
    edit(TABLE1, regex(rb' ref="[^"]*"', b' ref="banana"')), "awkward")
add("xml-table-ref-whole-sheet", "xml",
    edit(TABLE1, regex(rb' ref="[^"]*"', b' ref="A1:XFD1048576"')), "awkward")
add("xml-table-no-name", "xml",
    edit(TABLE1, regex(rb' name="tblPlanMonths" displayName="[^"]*"', b"")), "awkward")
add("xml-defined-name-garbage", "xml", edit(BOOK, regex(
    rb'(<definedName name="Set_Budget">)[^<]*', rb"\1@@@!!!(((")), "awkward")
add("xml-defined-name-no-name", "xml",
    edit(BOOK, sub(b'<definedName name="Set_Budget">', b"<definedName>")), "awkward")
add("xml-defined-name-whole-column", "xml", edit(BOOK, regex(
    rb'(<definedName name="Act_Id">)[^<]*', rb"\1'Actions'!$A$1:$XFD$1048576")), "awkward")
add("xml-sheet-name-missing", "xml", edit(BOOK, sub(b'<sheet name="Settings" ', b"<sheet ")))
add("xml-sheet-name-empty", "xml",
    edit(BOOK, sub(b'<sheet name="Settings" ', b'<sheet name="" ')))
add("xml-sheet-names-duplicate", "xml",
    edit(BOOK, sub(b'<sheet name="Feb" ', b'<sheet name="Jan" ')))
add("xml-sheet-rid-nowhere", "xml", edit(BOOK, regex(
    rb'(<sheet name="Jan" sheetId="[0-9]+") r:id="[^"]*"', rb'\1 r:id="rId999"')), "awkward")
add("xml-sheet-rid-absent", "xml", edit(BOOK, regex(
    rb'(<sheet name="Jan" sheetId="[0-9]+") r:id="[^"]*"', rb"\1")), "awkward")
add("xml-rel-target-nowhere", "xml", edit(BOOK_RELS, sub(
    b'Target="%s"' % JAN[3:].encode(), b'Target="worksheets/nope.xml"')), "awkward")
add("xml-rel-no-id", "xml", edit(BOOK_RELS, regex(
    rb'Id="[^"]*"( [^>]*Target="%s")' % JAN[3:].encode(), rb"\1")), "awkward")
add("xml-sheet-rel-table-nowhere", "xml", edit(SETTINGS_RELS, sub(
    b'Target="../tables/table1.xml"', b'Target="../tables/nope.xml"')), "awkward")
add("xml-bom-workbook", "xml", edit(BOOK, lambda d: b"\xef\xbb\xbf" + d), "awkward")
add("xml-latin1-declared-utf8-bytes", "xml",
    edit(SST, sub(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')), "awkward")
add("xml-utf16-workbook", "xml", edit(BOOK, lambda d: d.replace(
    b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8").encode("utf-16")), "awkward")
add("xml-utf16-shared-strings", "xml", edit(SST, lambda d: d.replace(
    b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8").encode("utf-16")), "awkward")
add("xml-utf16-declared-utf8-bytes", "xml",
    edit(BOOK, sub(b'encoding="UTF-8"', b'encoding="UTF-16"')), "awkward")
add("xml-unknown-encoding-workbook", "xml",
    edit(BOOK, sub(b'encoding="UTF-8"', b'encoding="x-bogus-9"')), "awkward")
add("xml-control-char-shared-string", "xml",
    edit(SST, sub(b"<t>", b"<t>\x01\x02", 1)), "awkward")
add("xml-huge-attribute", "xml", edit(ACTIONS, sub(
    b'<c r="B5" ', b'<c r="B5" x="' + b"A" * (8 * 2**20) + b'" ')), "awkward")
add("xml-deep-nesting-workbook", "xml",
    edit(BOOK, sub(b"</workbook>", b"<extLst>" + b"<x>" * 200000 + b"</x>" * 200000
                   + b"</extLst></workbook>")), "awkward")
add("xml-deep-nesting-shared-string", "xml", edit(SST, sub(
    b"<si><t>", b"<si>" + b"<r>" * 100000 + b"</r>" * 100000 + b"<t>")), "awkward")

# ---------------------------------------------------------------------------------
# sheet / data level: valid zip and XML, values the plan cannot use

_SETTING_CELLS = {"year": "B5", "start-month": "B6", "budget": "B11", "hours": "B12",
                  "wip": "B14", "weight-impact": "B22"}
# each bad value on two settings (every setting gets two): a run stays short
_BAD_SETTINGS = [("year", "inf"), ("hours", "inf"), ("budget", "nan"), ("weight-impact", "nan"),
                 ("start-month", "-1"), ("wip", "-1"), ("year", "1e308"), ("budget", "1e308"),
                 ("year", "abc"), ("start-month", "abc"), ("year", ""), ("hours", ""),
                 ("wip", "nan"), ("weight-impact", "1e308"), ("start-month", "13")]


def _value_edit(ref: str, v: str):
    if v == "":
        return set_cell(ref, kind="empty")
    if v == "abc":
        return set_cell(ref, "abc", "str")
    return set_cell(ref, v)


for setting, v in _BAD_SETTINGS:
    add(f"data-{setting}-{v or 'empty'}", "data",
        edit(SETTINGS, _value_edit(_SETTING_CELLS[setting], v)), "awkward")
add("data-weights-all-zero", "data", edit(SETTINGS, chain(
    set_cell("B22", 0), set_cell("B23", 0), set_cell("B24", 0))), "awkward")

add("data-kpi-actual-1e308", "data", edit(KPIS, set_cell("H6", "1e308")), "awkward")
add("data-kpi-actual-neg-1e308", "data", edit(KPIS, set_cell("H6", "-1e308")), "awkward")
add("data-cost-1e308", "data", edit(ACTIONS, set_cell("J5", "1e308")), "awkward")
add("data-action-hours-inf", "data", edit(ACTIONS, set_cell("K5", "inf")), "awkward")
add("data-month-spend-nan", "data", edit(JAN, set_cell("I9", "nan")), "awkward")
add("data-title-40000-chars", "data", edit(ACTIONS, set_cell("B5", "x" * 40000, "str")), "awkward")
add("data-dependency-cycle", "data", edit(ACTIONS, set_cell("H5", "A02", "str")), "awkward")
add("data-review-date-9999", "data", edit(RISKS, set_cell("I4", 2958465)), "awkward")
add("data-review-date-before-1900", "data", edit(RISKS, set_cell("I4", -30)), "awkward")


def _without_sheet(sheet: str, ref_names: bool):
    """The sheet removed from workbook.xml (its part stays); with ``ref_names`` its
    defined names become #REF!, as Excel leaves them."""
    def fn(book: bytes) -> bytes:
        book, n = re.subn(rb'<sheet name="%s" [^>]*/>' % sheet.encode(), b"", book)
        assert n == 1
        if ref_names:
            book = book.replace(b"'%s'!" % sheet.encode(), b"#REF!")
        return book
    return fn


add("data-actions-sheet-deleted", "data", edit(BOOK, _without_sheet("Actions", False)),
    "awkward")
add("data-settings-sheet-deleted-ref-names", "data", edit(BOOK, _without_sheet("Settings", True)),
    "awkward")
add("data-role-names-all-ref", "data", edit(BOOK, regex(
    rb"(<definedName name=\"xlplan_role_\w+\">)[^<]*", rb"\1#REF!$A$1", count=0)), "awkward")
for v in ["abc", "-1", "999", "1e999"]:
    add(f"data-schema-{v or 'empty'}", "data", edit(CUSTOM, sub(
        b"<vt:i4>1</vt:i4>", b"<vt:lpwstr>%s</vt:lpwstr>" % v.encode())),
        "unusable" if v == "999" else "awkward")

# ---------------------------------------------------------------------------------
# file-system level

WRITER_REFUSES = {"sync": "unusable", "prioritize": "unusable", "*": "works"}


def _fs(name, make, expect="unusable", **kw):
    add(f"fs-{name}", "fs", make, expect, fresh=True, **kw)


def _copy_sample(path: Path) -> None:
    shutil.copyfile(SAMPLE, path)


def _fifo(path):
    os.mkfifo(path)


def _socket(path):
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
    finally:
        s.close()


def _link(target):
    def make(path):
        path.symlink_to(target(path) if callable(target) else target)
    return make


def _symlink_valid(path):
    _copy_sample(path.with_name("real.xlsx"))
    path.symlink_to("real.xlsx")


def _mode(mode):
    def make(path):
        _copy_sample(path)
        path.chmod(mode)
    return make


def _readonly_folder(path):
    folder = path.parent / "locked"
    folder.mkdir()
    _copy_sample(folder / path.name)
    folder.chmod(0o555)
    return folder / path.name


def _lock(prefix, suffix=""):
    def make(path):
        _copy_sample(path)
        path.with_name(prefix + path.name + suffix).write_bytes(b"")
    return make


def _backups_is_a_file(path):
    _copy_sample(path)
    (path.parent / "xlplan-backups").write_text("not a folder")


def _sparse(path):
    with open(path, "wb") as f:
        f.truncate(4 * 2**30)


def _newline_name(path):
    bad = path.with_name("bad\nname.xlsx")
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    return bad


_fs("named-pipe", _fifo)
_fs("socket", _socket)
_fs("directory", lambda p: p.mkdir())
_fs("dev-null", lambda p: Path("/dev/null"))
_fs("dev-zero", lambda p: Path("/dev/zero"))
_fs("symlink-to-dev-null", _link("/dev/null"))
_fs("symlink-to-fifo", lambda p: (_fifo(p.with_name("pipe")), p.symlink_to("pipe"))[-1])
_fs("symlink-dangling", _link("nowhere.xlsx"))
_fs("symlink-loop", _link(lambda p: p.name))
_fs("symlink-to-valid-workbook", _symlink_valid, "works")
_fs("does-not-exist", lambda p: None)
_fs("folder-does-not-exist", lambda p: p.parent / "nope" / p.name)
# pathlib drops a trailing slash: the file itself may be read
_fs("trailing-slash", lambda p: (_copy_sample(p), Path(str(p) + "/"))[-1], "awkward")
_fs("empty-argument", lambda p: Path(""))
_fs("newline-in-name", _newline_name)
_fs("sparse-4gib", _sparse)
# root reads a mode-000 file anyway: then only the writers refuse (it looks read-only)
_fs("no-read-permission", _mode(0o000), WRITER_REFUSES if IS_ROOT else "unusable")
_fs("read-only-file", _mode(0o444), WRITER_REFUSES)
# root writes in a read-only folder anyway: then the writers may work or refuse
_fs("read-only-folder", _readonly_folder,
    {"sync": "awkward" if IS_ROOT else "unusable",
     "prioritize": "awkward" if IS_ROOT else "unusable", "*": "works"})
# a file open in Excel: the writers refuse; rollover only reads it, and may refuse too
OPEN_ELSEWHERE = {**WRITER_REFUSES, "rollover": "awkward"}
_fs("excel-lock-file", _lock("~$"), OPEN_ELSEWHERE)
_fs("libreoffice-lock-file", _lock(".~lock.", "#"), OPEN_ELSEWHERE)
_fs("backups-folder-is-a-file", _backups_is_a_file, {"sync": "awkward", "prioritize": "awkward",
                                                     "*": "works"})


def categories() -> dict[str, int]:
    out: dict[str, int] = {}
    for c in CASES.values():
        out[c.category] = out.get(c.category, 0) + 1
    return out


def build_corpus(root: Path) -> list[dict]:
    """Every case, once per command, in ``root/<case>/<command>/``; the calls to run."""
    calls = []
    for case in CASES.values():
        base = None
        for command, args in COMMANDS.items():
            folder = root / case.name / command.replace(" --", "-")
            if case.fresh or base is None:
                file = case.build(folder)
                if not case.fresh:
                    base = file
            else:
                folder.mkdir(parents=True)
                file = folder / base.name
                shutil.copyfile(base, file)
            out = root / case.name / (command.replace(" --", "-") + "-out")
            out.mkdir()
            extra = ["-o", str(out / ("out" + (".xlsm" if file.suffix == ".xlsm" else ".xlsx")))] \
                if command == "rollover" else []
            calls.append({"case": case.name, "command": command,
                          "args": [args[0], str(file), *args[1:], *extra],
                          "file": str(file), "folder": str(folder), "out": str(out)})
    return calls


def restore_permissions(root: Path) -> None:
    """Make the corpus removable again (folders made read-only by a case)."""
    for dirpath, dirnames, _ in os.walk(root):
        for d in dirnames:
            p = Path(dirpath) / d
            if not p.is_symlink():
                p.chmod(0o755)
