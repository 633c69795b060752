"""The standard's flat (spreadsheet) form: column titles ↔ paths in the JSON grant, both ways.

Every column title is the schema's `title` of each field along the path, joined with ":", as in the
standard's templates ("Recipient Org:Charity Number"). Titles are matched loosely (case, spaces, and
spaces around ":"), so "Grant Programme: Title" and "Last modified" as funders write them are read.
A column the standard does not define ("Primary ethnicity") is kept under its own title as an
additional field, which the standard allows, and written back under the same title.
Arrays of objects are flattened to their first item, as in the templates.
"""

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache

from .schema import grant_schema

DATE_TIME_SUFFIX = "T00:00:00+00:00"


def _dei_columns():
    """The DEI extension's spreadsheet columns the portal writes (360Giving DEI Extension guidance)."""
    found = [
        ("DEI Details:DEI Data Standard Version", ("deiDetails", "deiVersion"), "string"),
        ("DEI Details:Purposes", ("deiDetails", "purposes"), "string"),
    ]
    for area in ("project", "mission", "leadership"):
        prefix = f"DEI Details:{area.capitalize()}"
        found += [
            (f"{prefix}:Asked Status", ("deiDetails", area, "askedStatus"), "string"),
            (f"{prefix}:Reply Status", ("deiDetails", area, "replyStatus"), "string"),
            (f"{prefix}:Available Options", ("deiDetails", area, "availableOptions"), "list"),
            (f"{prefix}:Additional Details", ("deiDetails", area, "additionalDetails"), "string"),
            (f"{prefix}:DEI Response:Taxonomy Codes", ("deiDetails", area, "response", "taxonomyCodes"), "list"),
        ]
    return tuple(found)


DEI_COLUMNS = _dei_columns()


def _resolve(node: dict) -> dict:
    defs = grant_schema()["$defs"]
    while "$ref" in node and node["$ref"].startswith("#/$defs/"):
        node = defs[node["$ref"].rsplit("/", 1)[1]]
    return node


def _types(node: dict) -> set[str]:
    kind = node.get("type", "string")
    return set(kind) if isinstance(kind, list) else {kind}


def _is_date(node: dict) -> bool:
    return node.get("format") == "date-time" or any(o.get("format") == "date-time" for o in node.get("oneOf", []))


@cache
def columns() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(title, path, kind) of every field the standard defines, in the schema's order; kind is
    "string", "number", "integer", "date", "list" (a list of strings, ";"-separated in a cell)."""
    found = []

    def walk(node, path, titles):
        node = _resolve(node)
        if "array" in _types(node) and isinstance(node.get("items"), dict):
            item = _resolve(node["items"])
            if "properties" not in item:
                found.append((":".join(titles), path, "list"))
                return
            node = item
        if "properties" in node:
            for name, child in node["properties"].items():
                title = _resolve(child).get("title") or child.get("title") or name.capitalize()
                walk(child, (*path, name), [*titles, title])
            return
        types = _types(node)
        kind = (
            "date"
            if _is_date(node)
            else "number"
            if "number" in types
            else "integer"
            if "integer" in types
            else "string"
        )
        found.append((":".join(titles), path, kind))

    for name, child in grant_schema()["properties"].items():
        title = _resolve(child).get("title") or child.get("title") or name.capitalize()
        walk(child, (name,), [title])
    return tuple(found) + DEI_COLUMNS


def normalise_title(title: str) -> str:
    return re.sub(r"\s*:\s*", ":", " ".join(str(title).split())).casefold()


@cache
def _by_title() -> dict[str, tuple[tuple[str, ...], str]]:
    return {normalise_title(title): (path, kind) for title, path, kind in columns()}


@cache
def _by_path() -> dict[tuple[str, ...], tuple[str, str]]:
    return {path: (title, kind) for title, path, kind in columns()}


def column_for(title: str):
    """(path, kind) for a column title, or None for a column the standard does not define."""
    return _by_title().get(normalise_title(title))


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_value(value, kind: str):
    """A spreadsheet cell as the JSON value of its field; None for an empty cell. Text that does not
    fit the field's type is kept as text, for the checks to report."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip() == "":
        return None
    if kind == "date":
        if isinstance(value, datetime):
            # A date typed into a spreadsheet cell: written as the standard's date-time at midnight
            # UTC, the same text 360Giving's own converter (flattentool) gives it.
            if value.time() == time(0) and value.tzinfo is None:
                return value.strftime("%Y-%m-%d") + DATE_TIME_SUFFIX
            return value.isoformat()
        if isinstance(value, date):
            return value.isoformat()
        return _number_text(value)
    if kind in ("number", "integer"):
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, (int, Decimal)):
            return value
        if isinstance(value, float):
            return int(value) if value.is_integer() else Decimal(repr(value))
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            return str(value)
        if not number.is_finite():
            return str(value)
        return int(number) if number == number.to_integral_value() and "." not in str(value) else number
    if kind == "list":
        return [part.strip() for part in _number_text(value).split(";") if part.strip()]
    if isinstance(value, datetime):
        return value.isoformat()
    return _number_text(value)


def row_reader(titles: list[str]):
    """A function turning one spreadsheet row (cells in the order of `titles`) into a JSON grant;
    the columns are looked up once per file, not once per cell."""
    plan: list[tuple[int, tuple[str, ...], str, tuple[bool, ...]]] = []
    for index, title in enumerate(titles):
        if not title:
            continue
        found = column_for(title)
        if found is None:
            plan.append((index, (str(title).strip(),), "string", ()))
            continue
        path, kind = found
        arrays = tuple(_is_array(path[: depth + 1]) for depth in range(len(path) - 1))
        plan.append((index, path, kind, arrays))

    def read(row) -> dict:
        grant: dict = {}
        width = len(row)
        for index, path, kind, arrays in plan:
            raw = row[index] if index < width else None
            if raw is None or raw == "":
                continue
            value = cell_value(raw, kind)
            if value is None:
                continue
            node = grant
            for name, is_array in zip(path[:-1], arrays, strict=True):
                node = node.setdefault(name, [{}])[0] if is_array else node.setdefault(name, {})
            node.setdefault(path[-1], value)
        return grant

    return read


def unflatten(cells: list[tuple[str, object]]) -> dict:
    """One spreadsheet row, as (column title, cell) pairs, as a JSON grant."""
    return row_reader([title for title, _ in cells])([cell for _, cell in cells])


@cache
def _is_array(path: tuple[str, ...]) -> bool:
    """Whether the field at `path` is a list of objects (extension fields are plain objects)."""
    node = grant_schema()
    try:
        for name in path:
            node = _resolve(node)
            if "array" in _types(node) and isinstance(node.get("items"), dict):
                node = _resolve(node["items"])
            node = node["properties"][name]
    except KeyError:
        return False
    return "array" in _types(_resolve(node))


def flatten(grant: dict) -> dict[str, object]:
    """A JSON grant as {column title: cell text or number}: the standard's fields under their titles,
    any other field under its own name, first items of arrays only (as the templates)."""
    out: dict[str, object] = {}

    def walk(node, path):
        for name, value in node.items():
            here = (*path, name)
            if isinstance(value, list) and value and isinstance(value[0], dict):
                walk(value[0], here)
            elif isinstance(value, dict):
                walk(value, here)
            else:
                title = _by_path()[here][0] if here in _by_path() else ":".join(here)
                out[title] = ";".join(str(v) for v in value) if isinstance(value, list) else value

    walk(grant, ())
    return out


def title_order() -> dict[str, int]:
    return {title: n for n, (title, _, _) in enumerate(columns())}
