"""Reading a Code's YAML file into a checked `CodeSpec`, with file:line:reason for every problem.

The file format (see undertakings/codes/*.yaml):

    compact: {slug: northamptonshire, name: Northamptonshire Compact, area: Northamptonshire}
    slug: northamptonshire-bme
    title: …   short_title: …   version: "1.0"   status: adopted   adopted_on: null   source: …   summary: …
    sections:
      - {ref: "3.1", title: Joint undertakings, kind: undertakings, intro: …, undertakings: [
          {ref: "3.1.1", party: joint, text: "…", assessable: true, guidance: "…", number: ""}]}
    document: […]   # the Code's whole text: see undertakings/code_document.py

Nothing is dropped or merged silently: unknown fields, repeated keys and repeated references are
errors, and so are refs written as numbers (YAML reads 3.10 as 3.1).
"""

import datetime
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

from .code_document import BlockSpec, read_document
from .models import CodeStatus, Party, Section

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CodeFileError(ValidationError):
    """A file that cannot be loaded; `problems` (and `messages`) are "file:line: reason" lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(problems)


# --- YAML with line numbers -------------------------------------------------------------------


class _Mapping(dict):
    line: int = 0
    key_lines: dict


class _Sequence(list):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers where each mapping, sequence and key starts, and refuses a key
    given twice in one mapping (plain YAML keeps the last one without a word)."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []


def _construct_mapping(loader: _LineLoader, node):
    data = _Mapping()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in data.key_lines:
            loader.duplicate_keys.append((line, f"'{key}' is given twice (first on line {data.key_lines[key]})"))
            continue
        data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_sequence(loader: _LineLoader, node):
    data = _Sequence()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


# --- What a valid file becomes ----------------------------------------------------------------


@dataclass(frozen=True)
class UndertakingSpec:
    ref: str
    party: str
    text: str
    assessable: bool
    guidance: str
    number: str = ""  # the Code's own number for it; blank: the Code gives none, `ref` is the portal's
    number_note: str = ""


@dataclass(frozen=True)
class SectionSpec:
    ref: str
    title: str
    kind: str
    intro: str
    undertakings: tuple[UndertakingSpec, ...]


@dataclass(frozen=True)
class CodeSpec:
    compact: dict
    slug: str
    title: str
    short_title: str
    version: str
    status: str
    adopted_on: datetime.date | None
    source: str
    summary: str
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)
    document: tuple[BlockSpec, ...] = field(default_factory=tuple)

    def content(self) -> dict:
        """Everything a Code row holds, compact aside: equal content means loading changes nothing."""
        data = asdict(self)
        del data["compact"]
        data["sections"] = [{**s, "undertakings": list(s["undertakings"])} for s in data["sections"]]
        data["document"] = list(data["document"])
        return data


# --- Checking --------------------------------------------------------------------------------

CODE_FIELDS = {
    "compact",
    "slug",
    "title",
    "short_title",
    "version",
    "status",
    "adopted_on",
    "source",
    "summary",
    "sections",
    "document",
}
COMPACT_FIELDS = {"slug", "name", "area"}
SECTION_FIELDS = {"ref", "title", "kind", "intro", "undertakings"}
UNDERTAKING_FIELDS = {"ref", "party", "text", "assessable", "guidance", "number", "number_note"}
MAX_LENGTHS = {"slug": 80, "version": 30, "title": 300, "short_title": 200, "ref": 20}


class _Checker:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []

    def problem(self, line: int, reason: str) -> None:
        self.problems.append(f"{self.path}:{line}: {reason}")

    def mapping(self, value, line: int, what: str, allowed: set[str], required: set[str]) -> bool:
        if not isinstance(value, _Mapping):  # every mapping _LineLoader reads is one
            self.problem(getattr(value, "line", line), f"{what} must be a mapping of fields")
            return False
        for key in value:
            if key not in allowed:
                self.problem(
                    value.key_lines.get(key, value.line),
                    f"unknown field '{key}' in {what} (allowed: {', '.join(sorted(allowed))})",
                )
        for key in sorted(required - set(value)):
            self.problem(value.line, f"{what} has no '{key}'")
        return True

    def text(self, data: _Mapping, key: str, what: str, *, required: bool = True) -> str:
        value = data.get(key)
        line = data.key_lines.get(key, data.line)
        if value is None:
            return ""  # a missing required field was reported by mapping()
        if not isinstance(value, str):
            hint = (
                f' (write it in quotes, e.g. "{value}": YAML reads an unquoted 3.10 as the number 3.1)'
                if isinstance(value, (int, float))
                else ""
            )
            self.problem(line, f"'{key}' of {what} must be text, not {type(value).__name__}{hint}")
            return ""
        value = value.strip()
        if required and not value:
            self.problem(line, f"'{key}' of {what} is empty")
        limit = MAX_LENGTHS.get(key)
        if limit and len(value) > limit:
            self.problem(line, f"'{key}' of {what} is longer than {limit} characters")
        return value

    def choice(self, data: _Mapping, key: str, what: str, choices: list[str]) -> str:
        value = self.text(data, key, what)
        if value and value not in choices:
            self.problem(
                data.key_lines.get(key, data.line),
                f"'{key}' of {what} must be one of {', '.join(choices)}, not '{value}'",
            )
        return value

    def slug(self, data: _Mapping, key: str, what: str) -> str:
        value = self.text(data, key, what)
        if value and not SLUG.match(value):
            self.problem(
                data.key_lines.get(key, data.line), f"'{key}' of {what} must be lower-case letters, digits and hyphens"
            )
        return value


def read_code_file(path: Path | str) -> CodeSpec:
    """Parse and check a Code file; raise CodeFileError listing every problem found."""
    path = Path(path)
    check = _Checker(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodeFileError([f"{path}:0: cannot read the file ({exc})"]) from exc
    loader = _LineLoader(raw)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise CodeFileError([f"{path}:{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})"]) from exc
    finally:
        loader.dispose()
    for line, reason in loader.duplicate_keys:
        check.problem(line, reason)
    if not check.mapping(
        data, 1, "the Code", CODE_FIELDS, CODE_FIELDS - {"source", "summary", "adopted_on", "document"}
    ):
        raise CodeFileError(check.problems)

    compact = _compact(check, data)
    head = {
        "slug": check.slug(data, "slug", "the Code"),
        "title": check.text(data, "title", "the Code"),
        "short_title": check.text(data, "short_title", "the Code"),
        "version": check.text(data, "version", "the Code"),
        "source": check.text(data, "source", "the Code", required=False),
        "summary": check.text(data, "summary", "the Code", required=False),
    }
    status = check.choice(data, "status", "the Code", CodeStatus.values)
    adopted_on = _adopted_on(check, data, status)
    sections = _sections(check, data)
    undertakings = {u.ref: u for s in sections for u in s.undertakings if u.ref}
    document = read_document(check, data, undertakings)
    if check.problems:
        raise CodeFileError(check.problems)
    return CodeSpec(compact=compact, status=status, adopted_on=adopted_on, sections=sections, document=document, **head)


def _compact(check: _Checker, data: _Mapping) -> dict:
    block = data.get("compact")
    if block is None or not check.mapping(
        block, data.key_lines.get("compact", 1), "the compact", COMPACT_FIELDS, COMPACT_FIELDS
    ):
        return {}
    return {
        "slug": check.slug(block, "slug", "the compact"),
        "name": check.text(block, "name", "the compact"),
        "area": check.text(block, "area", "the compact"),
    }


def _adopted_on(check: _Checker, data: _Mapping, status: str) -> datetime.date | None:
    value = data.get("adopted_on")
    line = data.key_lines.get("adopted_on", data.line)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            check.problem(line, f"'adopted_on' must be a date such as 2008-03-31 or null, not '{value}'")
            return None
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        check.problem(line, "'adopted_on' must be a date such as 2008-03-31 or null")
        return None
    if status in (CodeStatus.DRAFT, CodeStatus.CONSULTATION):
        check.problem(line, f"a Code with status '{status}' has not been adopted, so 'adopted_on' must be null")
    return value


def _sections(check: _Checker, data: _Mapping) -> tuple[SectionSpec, ...]:
    sections = data.get("sections")
    line = data.key_lines.get("sections", data.line)
    if sections is None:
        return ()
    if not isinstance(sections, list) or not sections:
        check.problem(line, "'sections' must be a list with at least one section")
        return ()
    seen_sections: dict[str, int] = {}
    seen_undertakings: dict[str, int] = {}
    built = []
    for section in sections:
        if not check.mapping(section, line, "a section", SECTION_FIELDS, SECTION_FIELDS - {"intro"}):
            continue
        ref = check.text(section, "ref", "a section")
        what = f"section {ref}" if ref else "a section"
        if ref in seen_sections:
            check.problem(
                section.key_lines["ref"], f"section ref {ref} is used twice (first on line {seen_sections[ref]})"
            )
        elif ref:
            seen_sections[ref] = section.key_lines["ref"]
        built.append(
            SectionSpec(
                ref=ref,
                title=check.text(section, "title", what),
                kind=check.choice(section, "kind", what, Section.Kind.values),
                intro=check.text(section, "intro", what, required=False),
                undertakings=_undertakings(check, section, what, seen_undertakings),
            )
        )
    return tuple(built)


def _undertakings(check: _Checker, section: _Mapping, what: str, seen: dict[str, int]) -> tuple[UndertakingSpec, ...]:
    items = section.get("undertakings")
    line = section.key_lines.get("undertakings", section.line)
    if items is None:
        return ()
    if not isinstance(items, list) or not items:
        check.problem(line, f"'undertakings' of {what} must be a list with at least one undertaking")
        return ()
    built = []
    for item in items:
        if not check.mapping(item, line, f"an undertaking in {what}", UNDERTAKING_FIELDS, {"ref", "party", "text"}):
            continue
        ref = check.text(item, "ref", f"an undertaking in {what}")
        label = f"undertaking {ref}" if ref else f"an undertaking in {what}"
        if ref in seen:
            check.problem(item.key_lines["ref"], f"undertaking ref {ref} is used twice (first on line {seen[ref]})")
        elif ref:
            seen[ref] = item.key_lines["ref"]
        assessable = item.get("assessable", True)
        if not isinstance(assessable, bool):
            check.problem(item.key_lines.get("assessable", item.line), f"'assessable' of {label} must be true or false")
        built.append(
            UndertakingSpec(
                ref=ref,
                party=check.choice(item, "party", label, Party.values),
                text=check.text(item, "text", label),
                assessable=assessable is True,
                guidance=check.text(item, "guidance", label, required=False),
                number=check.text(item, "number", label, required=False),
                number_note=check.text(item, "number_note", label, required=False),
            )
        )
    return tuple(built)
