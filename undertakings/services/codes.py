"""Loading a Code from its YAML file (`python manage.py load_code FILE`)."""

from dataclasses import asdict, dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from organisations.models import Compact

from ..code_changes import is_changes_file, read_changes_file
from ..code_files import CodeSpec, read_code_file
from ..models import Code, CodeBlock, CodeChange, CodeStatus, Section, Undertaking

CODE_FROZEN = (
    "{path}: version {version} of {slug} is {status} and is never edited in place. "
    'Give the changed Code a new version number (for example "{next_version}") and load it again.'
)
CODE_OF_ANOTHER_COMPACT = "{path}: version {version} of {slug} is already loaded for the {compact}, not for '{other}'."
UNDERTAKING_IN_USE = (
    "{path}: undertaking {ref} is no longer in the file but records refer to it, so it cannot be removed."
)


@dataclass(frozen=True)
class CodeLoadResult:
    code: Code
    outcome: str  # "created", "updated" or "unchanged"

    def __str__(self):
        return f"{self.code} {self.outcome} ({self.code.undertakings.count()} undertakings)"


def code_load(*, path: Path | str) -> CodeLoadResult:
    """Load or update one Code from its file; loading the same file again changes nothing.

    1. Read and check the whole file (CodeFileError, a ValidationError, lists every problem).
    2. Find the Compact by slug, creating it from the file's `compact:` block if it is new.
    3. A new slug + version is created. An existing one whose content is the same is left alone.
       An adopted or retired version is never edited in place (only adopted → retired is allowed);
       a draft or consultation version is brought in line with the file, matching by ref.
    """
    path = Path(path)
    if is_changes_file(path):
        return _load_next_version(path)
    spec = read_code_file(path)
    with transaction.atomic():
        compact, _ = Compact.objects.get_or_create(
            slug=spec.compact["slug"], defaults={"name": spec.compact["name"], "area": spec.compact["area"]}
        )
        code = Code.objects.select_for_update().filter(slug=spec.slug, version=spec.version).first()
        if code is None:
            code = Code(compact=compact, slug=spec.slug, version=spec.version)
            _apply(code, spec, path)
            return CodeLoadResult(code, "created")
        if code.compact_id != compact.pk:
            raise ValidationError(
                CODE_OF_ANOTHER_COMPACT.format(
                    path=path, version=spec.version, slug=spec.slug, compact=code.compact, other=compact.slug
                )
            )
        current = code_content(code)
        if current == spec.content():
            return CodeLoadResult(code, "unchanged")
        if code.is_frozen and not _only_retiring(current, spec) and not _only_transcription(current, spec):
            raise _frozen(code, path)
        _apply(code, spec, path)
        return CodeLoadResult(code, "updated")


def _frozen(code: Code, path: Path) -> ValidationError:
    """The refusal to change an adopted or retired version in place, naming the version to write instead."""
    return ValidationError(
        CODE_FROZEN.format(
            path=path,
            version=code.version,
            slug=code.slug,
            status=code.get_status_display().lower(),
            next_version=_next_version(code.version),
        )
    )


@transaction.atomic
def _load_next_version(path: Path) -> CodeLoadResult:
    """A version made from another by agreed changes (see undertakings/code_changes.py): the base
    version is loaded first (or found unchanged), then this one with its record of the changes."""
    base_path, spec, changes = read_changes_file(path)
    base = code_load(path=base_path).code
    code = Code.objects.select_for_update().filter(slug=spec.slug, version=spec.version).first()
    stored = [] if code is None else [_change_content(c) for c in code.changes.order_by("position")]
    wanted = [asdict(c) for c in changes]
    if code is not None and code.based_on_id == base.pk and stored == wanted and code_content(code) == spec.content():
        return CodeLoadResult(code, "unchanged")
    if code is not None and code.is_frozen:
        raise _frozen(code, path)
    outcome = "created" if code is None else "updated"
    code = code or Code(compact=base.compact, slug=spec.slug, version=spec.version)
    code.based_on = base
    _apply(code, spec, path)
    code.changes.all().delete()
    CodeChange.objects.bulk_create(CodeChange(code=code, position=i, **c) for i, c in enumerate(wanted))
    return CodeLoadResult(code, outcome)


def _change_content(change: CodeChange) -> dict:
    fields = ("refs", "action", "description", "wording", "comment", "response", "source_lines")
    return {name: getattr(change, name) for name in fields}


def code_content(code: Code) -> dict:
    """A stored Code in the shape of `CodeSpec.content()`, to tell whether a file changes anything."""
    undertakings_by_section: dict[int, list] = {}
    for u in code.undertakings.order_by("position"):
        undertakings_by_section.setdefault(u.section_id, []).append(
            {
                "ref": u.ref,
                "party": u.party,
                "text": u.text,
                "assessable": u.assessable,
                "guidance": u.guidance,
                "number": u.number,
                "number_note": u.number_note,
            }
        )
    return {
        "slug": code.slug,
        "title": code.title,
        "short_title": code.short_title,
        "version": code.version,
        "status": code.status,
        "adopted_on": code.adopted_on,
        "source": code.source,
        "summary": code.summary,
        "sections": [
            {
                "ref": s.ref,
                "title": s.title,
                "kind": s.kind,
                "intro": s.intro,
                "undertakings": undertakings_by_section.get(s.pk, []),
            }
            for s in code.sections.order_by("position")
        ],
        "document": [
            {
                "kind": b.kind,
                "text": b.text,
                "level": b.level,
                "number": b.number,
                "page": b.page,
                "note": b.note,
                "undertaking": b.undertaking.ref if b.undertaking is not None else "",
            }
            for b in code.blocks.select_related("undertaking").order_by("position")
        ],
    }


def _only_retiring(current: dict, spec: CodeSpec) -> bool:
    return (
        current["status"] == CodeStatus.ADOPTED
        and spec.status == CodeStatus.RETIRED
        and {**current, "status": CodeStatus.RETIRED} == spec.content()
    )


def _substance(content: dict) -> dict:
    """What an adopted Code promises: its undertakings and how they are assessed. The rest (the
    text around them, section titles and intros, the Code's own numbers and the portal's notes) is
    the portal's transcription of the document, which may be corrected to match the source."""
    return {
        **{k: v for k, v in content.items() if k not in ("sections", "document")},
        "sections": [
            {
                "ref": s["ref"],
                "kind": s["kind"],
                "undertakings": [
                    {k: u[k] for k in ("ref", "party", "text", "assessable", "guidance")} for u in s["undertakings"]
                ],
            }
            for s in content["sections"]
        ],
    }


def _only_transcription(current: dict, spec: CodeSpec) -> bool:
    return _substance(current) == _substance(spec.content())


def _next_version(version: str) -> str:
    head, _, last = version.rpartition(".")
    return f"{head}.{int(last) + 1}" if head and last.isdigit() else f"{version}.1"


def _apply(code: Code, spec: CodeSpec, path) -> None:
    for name in ("title", "short_title", "status", "adopted_on", "source", "summary"):
        setattr(code, name, getattr(spec, name))
    code.save()
    sections = {s.ref: s for s in code.sections.all()}
    undertakings = {u.ref: u for u in code.undertakings.all()}
    position = 0
    for section_position, section_spec in enumerate(spec.sections):
        section = sections.pop(section_spec.ref, None) or Section(code=code, ref=section_spec.ref)
        section.title, section.kind, section.intro = section_spec.title, section_spec.kind, section_spec.intro
        section.position = section_position
        section.save()
        for item in section_spec.undertakings:
            undertaking = undertakings.pop(item.ref, None) or Undertaking(code=code, ref=item.ref)
            undertaking.section = section
            undertaking.party, undertaking.text = item.party, item.text
            undertaking.assessable, undertaking.guidance = item.assessable, item.guidance
            undertaking.number, undertaking.number_note = item.number, item.number_note
            undertaking.position = position
            undertaking.save()
            position += 1
    for undertaking in undertakings.values():
        try:
            undertaking.delete()
        except ProtectedError as exc:
            raise ValidationError(UNDERTAKING_IN_USE.format(path=path, ref=undertaking.ref)) from exc
    for section in sections.values():
        section.delete()
    _apply_document(code, spec)


def _apply_document(code: Code, spec: CodeSpec) -> None:
    # Blocks carry no identity anything else points at, so they are simply rewritten.
    code.blocks.all().delete()
    by_ref = {u.ref: u for u in code.undertakings.all()}
    CodeBlock.objects.bulk_create(
        CodeBlock(
            code=code,
            position=position,
            kind=block.kind,
            level=block.level,
            number=block.number,
            page=block.page,
            text=block.text,
            note=block.note,
            undertaking=by_ref.get(block.undertaking),
        )
        for position, block in enumerate(spec.document)
    )
