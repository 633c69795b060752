"""Reading a published file, one grant at a time, whatever its format.

JSON packages, CSV and XLSX spreadsheets all come out as the same thing: a JSON grant (spreadsheet
rows through `flat.unflatten`, with the standard's column titles), with where it is in the file.
One reader for all formats means one set of checks. Grants are yielded one by one, so a file of
100,000 grants never sits in memory as 100,000 objects.
"""

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from . import xlsx
from .flat import row_reader

FILE_NOT_UTF8 = "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."
FILE_NOT_JSON = "The file is not valid JSON: {error}."
FILE_NO_GRANTS = "The file has no grants: a 360Giving JSON file is an object with a “grants” list."
FILE_NOT_XLSX = "The file is not an Excel workbook (.xlsx) that can be read: {error}."
FILE_EMPTY = "The file has no grants in it."


class FileProblem(Exception):
    """The file as a whole cannot be read; nothing in it is imported."""


@dataclass
class RawGrant:
    where: str  # "Line 4" (spreadsheet row) or "Grant number 4"
    position: str  # the same, lower case, to point at the first of two duplicates
    document: object  # the JSON grant (a dict, unless the file put something else in the list)


def kind_of(name: str, head: bytes) -> str:
    lower = name.lower()
    if lower.endswith(".xlsx") or head[:4] == b"PK\x03\x04":
        return "xlsx"
    if lower.endswith(".json") or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        return "json"
    return "csv"


def _rows_to_grants(rows: Iterator[list], line_of) -> Iterator[RawGrant]:
    header = next(rows, None)
    if not header or not any(cell not in (None, "") for cell in header):
        raise FileProblem(FILE_EMPTY)
    read = row_reader(["" if cell is None else str(cell) for cell in header])
    for row in rows:
        grant = read(row)
        if not grant:
            continue  # an empty row
        line = line_of()
        yield RawGrant(where=f"Line {line}", position=f"line {line}", document=grant)


def header_of(name: str, open_binary) -> list[str] | None:
    """The column titles of a spreadsheet (None for JSON), to name missing required columns."""
    with open_binary() as handle:
        kind = kind_of(name, handle.read(8))
    if kind == "json":
        return None
    with open_binary() as handle:
        rows = _csv_rows(handle) if kind == "csv" else _xlsx_rows(handle)
        first = next(rows[0], None)
    return ["" if cell is None else str(cell) for cell in first or []]


def _csv_rows(handle):
    text = codecs.getreader("utf-8-sig")(handle, errors="strict")
    reader = csv.reader(text)
    state = {"line": 1, "next": 1}

    def rows():
        try:
            for row in reader:
                state["line"], state["next"] = state["next"], reader.line_num + 1
                yield row
        except UnicodeDecodeError:
            raise FileProblem(FILE_NOT_UTF8) from None

    return rows(), lambda: state["line"]


def _xlsx_rows(handle):
    # The standard's templates call the sheet "grants"; a funder's file often has one sheet only.
    content = handle.read()
    try:
        sheet_rows = xlsx.rows(content)
        first = next(sheet_rows, None)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, StopIteration) as exc:
        raise FileProblem(FILE_NOT_XLSX.format(error=exc)) from None
    state = {"line": 0}

    def rows():
        if first is None:
            return
        state["line"] = 1
        yield first
        try:
            for number, row in enumerate(sheet_rows, start=2):
                state["line"] = number
                yield row
        except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
            raise FileProblem(FILE_NOT_XLSX.format(error=exc)) from None

    return rows(), lambda: state["line"]


def _json_grants(handle) -> Iterator[RawGrant]:
    """The grants of a JSON package one by one: the package's other keys are skipped whole, the
    "grants" list is decoded an item at a time."""
    try:
        text = handle.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(FILE_NOT_UTF8) from None
    decoder = json.JSONDecoder(parse_float=Decimal)
    ws = " \t\r\n"
    pos = len(text) - len(text.lstrip(ws))

    def expect(char):
        nonlocal pos
        while pos < len(text) and text[pos] in ws:
            pos += 1
        if text[pos : pos + 1] != char:
            raise FileProblem(FILE_NOT_JSON.format(error=f"expected “{char}” at character {pos}"))
        pos += 1

    def peek():
        nonlocal pos
        while pos < len(text) and text[pos] in ws:
            pos += 1
        return text[pos : pos + 1]

    def value():
        nonlocal pos
        peek()  # raw_decode does not skip white space itself
        try:
            result, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise FileProblem(FILE_NOT_JSON.format(error=exc)) from None
        return result

    if peek() != "{":
        raise FileProblem(FILE_NO_GRANTS)
    expect("{")
    found = False
    while peek() not in ("}", ""):
        key = value()
        expect(":")
        if key == "grants" and peek() == "[":
            found = True
            expect("[")
            number = 0
            while peek() not in ("]", ""):
                number += 1
                document = value()
                identifier = str(document.get("id") or "").strip() if isinstance(document, dict) else ""
                where = f"Grant {identifier}" if identifier else f"Grant number {number} (no identifier)"
                yield RawGrant(where=where, position=f"grant number {number}", document=document)
                if peek() == ",":
                    expect(",")
            expect("]")
        else:
            value()
        if peek() == ",":
            expect(",")
    expect("}")
    if not found:
        raise FileProblem(FILE_NO_GRANTS)


def iter_grants(name: str, open_binary) -> Iterator[RawGrant]:
    """Every grant of the file. `open_binary()` opens the file afresh (the import reads it twice)."""
    with open_binary() as handle:
        kind = kind_of(name, handle.read(8))
    with open_binary() as handle:
        if kind == "json":
            yield from _json_grants(handle)
            return
        rows, line_of = _csv_rows(handle) if kind == "csv" else _xlsx_rows(handle)
        yield from _rows_to_grants(rows, line_of)


def opener(content: bytes | None = None, path=None):
    """A function that opens the bytes or the file at `path` afresh each time it is called."""
    if path is not None:
        return lambda: open(path, "rb")
    if content is None:
        raise TypeError("opener() needs the content or a path")
    return lambda: io.BytesIO(content)
