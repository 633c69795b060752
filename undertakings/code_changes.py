"""A Code's next version as the changes agreed to a version already on file (a YAML beside it).

    based_on: plymouth-bme-draft.yaml     # the file of the version the changes are made to
    version: 1.0-revised-draft            # the new version; status, short_title, source, summary
    status: draft                         #   as in a Code file (the rest is the base's)
    changes:
      - refs: ["2.3"]
        action: deleted                   # deleted | reworded | added
        description: Paragraph 2.3 is deleted …
        comment: "Is this in the core Compact?"     # the consultation comment, quoted
        response: "Yes this is covered …"            # the working group's response, quoted
        source_lines: [53]                # lines of the source document they stand on
        delete: "2.3"                     # only where the source says so
        replace: [{ref: "3.7", old: "are open and", new: "are transparent and"}]  # only the source's words

A change with no `delete`/`replace` is recorded as agreed with its wording not given in the source:
the text stays as it was and the paragraphs it names carry a note saying so. Nothing is written
that the source does not give.
"""

from dataclasses import dataclass, replace
from pathlib import Path

from .code_document import BlockSpec
from .code_files import CodeFileError, CodeSpec, _Checker, _LineLoader, read_code_file
from .models import CodeChange, CodeStatus

CHANGES_FIELDS = {"based_on", "version", "status", "short_title", "source", "summary", "changes"}
CHANGE_FIELDS = {"refs", "action", "description", "comment", "response", "source_lines", "delete", "replace", "wording"}
NOT_GIVEN_NOTE = "Agreed change, wording not given in the source: {description}"


@dataclass(frozen=True)
class ChangeSpec:
    refs: str
    action: str
    description: str
    wording: str
    comment: str
    response: str
    source_lines: str


def is_changes_file(path: Path) -> bool:
    return path.name.endswith("-changes.yaml")


def read_changes_file(path: Path) -> tuple[str, CodeSpec, tuple[ChangeSpec, ...]]:
    """The base file's path, and the new version's CodeSpec and agreed changes; CodeFileError lists
    every problem (file:line: reason)."""
    check = _Checker(path)
    loader = _LineLoader(path.read_text(encoding="utf-8"))
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if not check.mapping(data, 1, "the changes", CHANGES_FIELDS, {"based_on", "version", "status", "changes"}):
        raise CodeFileError(check.problems)
    base_path = path.parent / check.text(data, "based_on", "the changes")
    base = read_code_file(base_path)
    undertakings = {u.ref: u for s in base.sections for u in s.undertakings}
    texts = {ref: u.text for ref, u in undertakings.items()}
    deleted: set[str] = set()
    notes: dict[str, list[str]] = {}
    changes = []
    for item in data.get("changes") or []:
        if not check.mapping(
            item, data.line, "a change", CHANGE_FIELDS, {"refs", "action", "description", "response", "source_lines"}
        ):
            continue
        refs = [str(r) for r in item.get("refs") or []]
        for ref in refs:
            if ref not in undertakings and ref not in {s.ref for s in base.sections}:
                check.problem(item.key_lines["refs"], f"no paragraph {ref} in {base_path.name}")
        edits = 0
        if item.get("delete"):
            deleted.add(str(item["delete"]))
            edits += 1
        for edit in item.get("replace") or []:
            ref, old, new = str(edit.get("ref")), edit.get("old", ""), edit.get("new", "")
            if texts.get(ref, "").count(old) != 1:
                check.problem(item.key_lines["replace"], f"'{old}' is not found exactly once in {ref}")
                continue
            texts[ref] = texts[ref].replace(old, new)
            edits += 1
        wording = item.get("wording") or (CodeChange.Wording.GIVEN if edits else CodeChange.Wording.NOT_GIVEN)
        description = check.text(item, "description", "a change")
        if wording != CodeChange.Wording.GIVEN:
            for ref in refs:
                notes.setdefault(ref, []).append(NOT_GIVEN_NOTE.format(description=description))
        changes.append(
            ChangeSpec(
                refs=", ".join(refs),
                action=check.choice(item, "action", "a change", CodeChange.Action.values),
                description=description,
                wording=wording,
                comment=check.text(item, "comment", "a change", required=False),
                response=check.text(item, "response", "a change"),
                source_lines=", ".join(str(n) for n in item.get("source_lines") or []),
            )
        )
    status = check.choice(data, "status", "the changes", CodeStatus.values)
    if check.problems:
        raise CodeFileError(check.problems)
    sections = tuple(
        replace(
            s,
            undertakings=tuple(replace(u, text=texts[u.ref]) for u in s.undertakings if u.ref not in deleted),
        )
        for s in base.sections
    )
    document = tuple(_block(b, texts, notes) for b in base.document if b.undertaking not in deleted)
    section_notes = [n for s in base.sections for n in notes.get(s.ref, [])]
    if section_notes:  # a change to a whole section (e.g. a definition to add) notes its heading
        document = _note_section_headings(document, base, notes)
    spec = replace(
        base,
        version=check.text(data, "version", "the changes"),
        status=status,
        adopted_on=None,
        short_title=data.get("short_title") or base.short_title,
        source=data.get("source") or base.source,
        summary=data.get("summary") or base.summary,
        sections=sections,
        document=document,
    )
    return str(base_path), spec, tuple(changes)


def _block(block: BlockSpec, texts: dict, notes: dict) -> BlockSpec:
    if not block.undertaking:
        return block
    extra = notes.get(block.undertaking, [])
    note = "\n".join([block.note, *extra]) if block.note else "\n".join(extra)
    return replace(block, text=texts[block.undertaking], note=note)


def _note_section_headings(document, base: CodeSpec, notes: dict):
    out = []
    for block in document:
        number = block.text.split(".")[0] if block.kind == "heading" else ""
        if number in notes and any(s.ref == number for s in base.sections):
            block = replace(block, note="\n".join([*filter(None, [block.note]), *notes[number]]))
        out.append(block)
    return tuple(out)
