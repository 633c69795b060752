"""Reading the first (or "grants") sheet of an XLSX workbook fast, row by row.

openpyxl, even read-only, builds a cell object per cell: a 100,000-row spreadsheet of 16 columns
takes most of a minute. This reads the sheet's XML with the C parser and gives rows of plain values
the way openpyxl's `iter_rows(values_only=True)` does (shared and inline strings, numbers as int or
float, booleans, and numbers in a date format as datetimes), which a test checks on a real file.
"""

import io
import re
import zipfile
from datetime import datetime, timedelta
from xml.etree.ElementTree import iterparse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Built-in number formats that are dates or times (ECMA-376 §18.8.30).
DATE_FORMAT_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_DATE_CHARS = re.compile(r"[dmyhs]", re.I)
_COLUMN = re.compile(r"[A-Z]+")
CellValue = str | bool | int | float | datetime | None


def _is_date_format(code: str) -> bool:
    return bool(_DATE_CHARS.search(_QUOTED.sub("", code)))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{NS}t"))


def _column(ref: str) -> int:
    number = 0
    match = _COLUMN.match(ref)
    if match is None:  # a malformed file: refused with the file's other defects (sources.py)
        raise ValueError(f"'{ref}' is not a cell reference")
    for char in match.group():
        number = number * 26 + ord(char) - 64
    return number - 1


def _sheet_path(book: zipfile.ZipFile) -> tuple[str, bool]:
    from xml.etree.ElementTree import fromstring

    workbook = fromstring(book.read("xl/workbook.xml"))
    date1904 = any(p.get("date1904") in ("1", "true") for p in workbook.iter(f"{NS}workbookPr"))
    sheets = [(s.get("name", ""), s.get(f"{REL_NS}id")) for s in workbook.iter(f"{NS}sheet")]
    name, rel = next(((n, r) for n, r in sheets if n.strip().casefold() == "grants"), sheets[0])
    rels = fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target", "") for r in rels if r.get("Id") == rel)
    target = target.lstrip("/")
    return (target if target.startswith("xl/") else f"xl/{target}"), date1904


def _date_styles(book: zipfile.ZipFile) -> list[bool]:
    from xml.etree.ElementTree import fromstring

    if "xl/styles.xml" not in book.namelist():
        return []
    styles = fromstring(book.read("xl/styles.xml"))
    custom = {int(f.get("numFmtId", "")): f.get("formatCode", "") for f in styles.iter(f"{NS}numFmt")}
    cell_xfs = styles.find(f"{NS}cellXfs")
    result = []
    for xf in cell_xfs if cell_xfs is not None else []:
        number_format = int(xf.get("numFmtId", "0"))
        result.append(
            number_format in DATE_FORMAT_IDS or (number_format in custom and _is_date_format(custom[number_format]))
        )
    return result


def rows(content: bytes):
    """Each row of the sheet as a list of values (None for an empty cell), in order."""
    book = zipfile.ZipFile(io.BytesIO(content))
    sheet, date1904 = _sheet_path(book)
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        with book.open("xl/sharedStrings.xml") as handle:
            for _, element in iterparse(handle):
                if element.tag == f"{NS}si":
                    shared.append(_text(element))
                    element.clear()
    dates = _date_styles(book)
    epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    expected = 1
    with book.open(sheet) as handle:
        for _, element in iterparse(handle):
            if element.tag != f"{NS}row":
                continue
            number = int(element.get("r") or expected)
            while expected < number:  # rows with nothing in them are left out of the XML
                yield []
                expected += 1
            values: list[CellValue] = []
            for cell in element.iter(f"{NS}c"):
                ref = cell.get("r")
                index = _column(ref) if ref else len(values)
                values.extend([None] * (index - len(values)))
                kind = cell.get("t", "n")
                raw = cell.find(f"{NS}v")
                text = raw.text if raw is not None else None
                value: CellValue
                if kind == "s":
                    value = shared[int(text)] if text is not None else None
                elif kind == "inlineStr":
                    value = _text(cell)
                elif kind in ("str", "e"):
                    value = text
                elif kind == "b":
                    value = text == "1" if text is not None else None
                elif text is None:
                    value = None
                else:
                    is_integer = not any(c in text for c in ".eE")
                    value = int(text) if is_integer else float(text)
                    style = int(cell.get("s", "0"))
                    if style < len(dates) and dates[style]:
                        value = epoch + timedelta(days=float(text))
                        value = value.replace(microsecond=0) if value.microsecond < 1000 else value
                values.append(value)
            element.clear()
            expected = number + 1
            yield values
