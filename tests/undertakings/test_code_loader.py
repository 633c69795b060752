"""Loading Codes from YAML: strict checking with file:line:reason, idempotent loads, and adopted
versions never edited in place."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from organisations.models import Compact
from undertakings.code_files import CodeFileError, read_code_file
from undertakings.models import Code, CodeStatus, Party, Section, Undertaking
from undertakings.services import CODE_FROZEN, UNDERTAKING_IN_USE, code_load

from .factories import ComplianceEntryFactory

CODES = Path(__file__).parent / "codes"
SMALL = CODES / "small-adopted.yaml"
DRAFT = CODES / "small-draft.yaml"

pytestmark = pytest.mark.django_db


def write(tmp_path, text: str, name="code.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text.lstrip("\n"), encoding="utf-8")
    return path


MINIMAL = """
compact: {slug: testshire, name: Testshire Compact, area: Testshire}
slug: mini
title: Mini Code
short_title: Mini
version: "1.0"
status: draft
sections:
  - ref: "1"
    title: One
    kind: undertakings
    undertakings:
      - {ref: "1.1", party: joint, text: "do one thing"}
"""


def problems_of(path) -> list[str]:
    with pytest.raises(CodeFileError) as caught:
        read_code_file(path)
    return caught.value.messages


def test_loading_a_code_creates_its_compact_sections_and_undertakings_in_order():
    result = code_load(path=SMALL)

    assert result.outcome == "created"
    code = result.code
    assert code.compact == Compact.objects.get(slug="testshire")
    assert code.compact.name == "Testshire Compact"
    assert (code.status, str(code.adopted_on), code.version) == ("adopted", "2008-03-31", "1.0")
    assert [s.ref for s in code.sections.order_by("position")] == ["3.1", "3.2", "3.3", "4.8"]
    assert list(code.undertakings.order_by("position").values_list("ref", "party")) == [
        ("3.1.1", "joint"),
        ("3.1.2", "joint"),
        ("3.2.1", "public"),
        ("3.2.2", "public"),
        ("3.3.1", "voluntary"),
        ("4.8.1", "joint"),
        ("4.8.2", "public"),
    ]
    assert Undertaking.objects.get(ref="3.2.2").assessable is False
    assert Undertaking.objects.get(ref="3.1.2").assessable is True  # the default
    assert Section.objects.get(ref="4.8").kind == Section.Kind.IN_PRACTICE


def test_loading_the_same_file_twice_changes_nothing():
    first = code_load(path=SMALL)
    before = list(Undertaking.objects.order_by("pk").values())
    history = first.code.history.count()

    second = code_load(path=SMALL)

    assert second.outcome == "unchanged"
    assert second.code.pk == first.code.pk
    assert list(Undertaking.objects.order_by("pk").values()) == before
    assert second.code.history.count() == history


def test_an_existing_compact_is_used_and_not_renamed():
    Compact.objects.create(slug="testshire", name="Testshire and District Compact", area="Testshire")
    code = code_load(path=SMALL).code
    assert code.compact.name == "Testshire and District Compact"
    assert Compact.objects.filter(slug="testshire").count() == 1


def test_a_changed_adopted_version_is_refused_with_a_clear_message(tmp_path):
    code_load(path=SMALL)
    changed = write(tmp_path, SMALL.read_text().replace("value the work of the BME sector;", "value the BME sector;"))

    with pytest.raises(ValidationError) as caught:
        code_load(path=changed)

    assert caught.value.messages == [
        CODE_FROZEN.format(path=changed, version="1.0", slug="testshire-bme", status="adopted", next_version="1.1")
    ]
    assert Undertaking.objects.get(ref="3.2.1").text == "value the work of the BME sector;"


def test_a_changed_adopted_code_loads_as_a_new_version_beside_the_old_one(tmp_path):
    code_load(path=SMALL)
    changed = write(
        tmp_path,
        SMALL.read_text()
        .replace('version: "1.0"', 'version: "1.1"')
        .replace("value the work", "value highly the work"),
    )
    result = code_load(path=changed)
    assert result.outcome == "created"
    assert list(Code.objects.filter(slug="testshire-bme").order_by("version").values_list("version", flat=True)) == [
        "1.0",
        "1.1",
    ]
    assert Undertaking.objects.get(code__version="1.0", ref="3.2.1").text == "value the work of the BME sector;"


def test_an_adopted_version_may_be_retired_without_other_changes(tmp_path):
    code_load(path=SMALL)
    retired = write(tmp_path, SMALL.read_text().replace("status: adopted", "status: retired"))
    assert code_load(path=retired).outcome == "updated"
    assert Code.objects.get(slug="testshire-bme").status == CodeStatus.RETIRED


def test_a_draft_is_updated_in_place_matching_undertakings_by_ref(tmp_path):
    original = code_load(path=DRAFT).code
    kept = Undertaking.objects.get(code=original, ref="2.1")
    changed = write(
        tmp_path,
        DRAFT.read_text()
        .replace("Provide and attend cultural awareness training.", "Provide and attend race relations training.")
        .replace("status: consultation", "status: adopted"),
    )

    result = code_load(path=changed)

    assert result.outcome == "updated"
    assert result.code.pk == original.pk and result.code.status == CodeStatus.ADOPTED
    assert Undertaking.objects.get(code=original, ref="2.1").pk == kept.pk
    assert Undertaking.objects.get(code=original, ref="2.2").text == "Provide and attend race relations training."


def test_an_undertaking_removed_from_a_draft_is_deleted(tmp_path):
    code_load(path=DRAFT)
    text = DRAFT.read_text()
    shorter = text[: text.index('      - ref: "2.2"')]
    code_load(path=write(tmp_path, shorter))
    assert list(Undertaking.objects.filter(code__slug="testshire-faith").values_list("ref", flat=True)) == ["2.1"]


def test_an_undertaking_that_records_refer_to_is_not_removed(tmp_path):
    code = code_load(path=DRAFT).code
    ComplianceEntryFactory(
        undertaking=code.undertakings.get(ref="2.2"),
        compliance_return__code=code,
        compliance_return__period__compact=code.compact,
    )
    text = DRAFT.read_text()
    shorter = write(tmp_path, text[: text.index('      - ref: "2.2"')])

    with pytest.raises(ValidationError) as caught:
        code_load(path=shorter)

    assert caught.value.messages == [UNDERTAKING_IN_USE.format(path=shorter, ref="2.2")]
    assert Undertaking.objects.filter(code__slug="testshire-faith").count() == 2


def test_two_undertakings_with_the_same_ref_are_an_error_with_both_lines(tmp_path):
    path = write(tmp_path, MINIMAL + '      - {ref: "1.1", party: public, text: "do it again"}\n')
    assert problems_of(path) == [f"{path}:13: undertaking ref 1.1 is used twice (first on line 12)"]
    assert not Code.objects.exists()


def test_the_same_ref_in_two_sections_is_also_an_error(tmp_path):
    path = write(
        tmp_path,
        MINIMAL
        + '  - ref: "2"\n    title: Two\n    kind: undertakings\n    undertakings:\n      - {ref: "1.1", party: joint, text: "x"}\n',
    )
    assert problems_of(path) == [f"{path}:17: undertaking ref 1.1 is used twice (first on line 12)"]


def test_a_repeated_section_ref_is_an_error(tmp_path):
    path = write(
        tmp_path,
        MINIMAL
        + '  - ref: "1"\n    title: Again\n    kind: undertakings\n    undertakings:\n      - {ref: "1.2", party: joint, text: "x"}\n',
    )
    assert problems_of(path) == [f"{path}:13: section ref 1 is used twice (first on line 8)"]


def test_a_key_given_twice_in_one_mapping_is_an_error_not_silently_the_last(tmp_path):
    path = write(tmp_path, MINIMAL.replace("title: Mini Code\n", "title: Mini Code\ntitle: Other\n"))
    assert problems_of(path) == [f"{path}:4: 'title' is given twice (first on line 3)"]


def test_a_ref_written_as_a_number_is_refused_because_yaml_would_read_3_10_as_3_1(tmp_path):
    path = write(tmp_path, MINIMAL.replace('{ref: "1.1"', "{ref: 1.10"))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:12: 'ref' of an undertaking in section 1 must be text, not float")
    assert "write it in quotes" in problem


@pytest.mark.parametrize(
    "change, line, reason",
    [
        (
            ("party: joint", "party: everyone"),
            12,
            "'party' of undertaking 1.1 must be one of joint, public, voluntary, not 'everyone'",
        ),
        (
            ("status: draft", "status: agreed"),
            6,
            "'status' of the Code must be one of draft, consultation, adopted, retired, not 'agreed'",
        ),
        (
            ("kind: undertakings", "kind: promises"),
            10,
            "'kind' of section 1 must be one of undertakings, in_practice, not 'promises'",
        ),
        (('text: "do one thing"', 'text: ""'), 12, "'text' of undertaking 1.1 is empty"),
        (
            ('text: "do one thing"', 'text: "x", colour: red'),
            12,
            "unknown field 'colour' in an undertaking in section 1 (allowed: assessable, guidance, number, number_note, party, ref, text)",
        ),
        (("slug: mini", "slug: Mini Code"), 2, "'slug' of the Code must be lower-case letters, digits and hyphens"),
        (
            ("status: draft", "status: draft\nadopted_on: 2020-01-01"),
            7,
            "a Code with status 'draft' has not been adopted, so 'adopted_on' must be null",
        ),
        (
            ("status: draft", "status: adopted\nadopted_on: last year"),
            7,
            "'adopted_on' must be a date such as 2008-03-31 or null, not 'last year'",
        ),
        (
            ('text: "do one thing"', 'text: "x", assessable: "yes"'),
            12,
            "'assessable' of undertaking 1.1 must be true or false",
        ),
        (('version: "1.0"', "version: 1.0"), 5, "'version' of the Code must be text, not float"),
    ],
)
def test_malformed_fields_are_reported_with_file_line_and_reason(tmp_path, change, line, reason):
    path = write(tmp_path, MINIMAL.replace(*change))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:{line}: {reason}")


def test_a_missing_field_is_reported_on_the_line_of_its_mapping(tmp_path):
    path = write(
        tmp_path,
        MINIMAL.replace('{ref: "1.1", party: joint, text: "do one thing"}', '{ref: "1.1", text: "do one thing"}'),
    )
    assert problems_of(path) == [f"{path}:12: an undertaking in section 1 has no 'party'"]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    path = write(tmp_path, MINIMAL.replace("party: joint", "party: x").replace("kind: undertakings", "kind: y"))
    assert len(problems_of(path)) == 2


def test_invalid_yaml_gives_the_line_of_the_syntax_error(tmp_path):
    path = write(tmp_path, MINIMAL.replace("title: One", "title: [One"))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:")
    assert "not valid YAML" in problem


def test_a_missing_file_is_reported_not_crashed_on(tmp_path):
    (problem,) = problems_of(tmp_path / "nowhere.yaml")
    assert problem.startswith(f"{tmp_path / 'nowhere.yaml'}:0: cannot read the file")


def test_the_command_loads_files_and_reports_each(tmp_path):
    out = StringIO()
    call_command("load_code", str(SMALL), str(DRAFT), stdout=out)
    assert "created" in out.getvalue()
    out = StringIO()
    call_command("load_code", str(SMALL), stdout=out)
    assert "unchanged" in out.getvalue()


def test_the_command_prints_every_problem_and_fails(tmp_path):
    bad = write(tmp_path, MINIMAL.replace("party: joint", "party: x"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_code", str(bad), stderr=err)
    assert f"{bad}:12: 'party' of undertaking 1.1" in err.getvalue()
    assert not Code.objects.exists()


def test_a_copy_of_a_shipped_file_with_only_comments_changed_is_unchanged(tmp_path):
    code_load(path=SMALL)
    copy = tmp_path / "copy.yaml"
    shutil.copy(SMALL, copy)
    copy.write_text("# a new comment\n" + copy.read_text())
    assert code_load(path=copy).outcome == "unchanged"
    assert Party.JOINT in Undertaking.objects.values_list("party", flat=True)


def test_an_adopted_codes_transcription_may_be_corrected_in_place_but_not_its_undertakings(tmp_path):
    code_load(path=SMALL)
    corrected = write(
        tmp_path,
        SMALL.read_text().replace("title: Tackling racism in practice", "title: Tackling racism")
        + 'document:\n  - {heading: "3. Framework"}\n'
        + "".join(f'  - {{undertaking: "{ref}"}}\n' for ref in ["3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1"])
        + '  - {paragraph: "This can be achieved if:", number: "4.8"}\n'
        + '  - {undertaking: "4.8.1"}\n  - {undertaking: "4.8.2"}\n',
    )

    assert code_load(path=corrected).outcome == "updated"
    code = Code.objects.get(slug="testshire-bme")
    assert code.sections.get(ref="4.8").title == "Tackling racism"
    assert list(code.blocks.values_list("number", flat=True))[-3:] == ["4.8", "", ""]
    assert code.blocks.get(undertaking__ref="3.2.1").text == "value the work of the BME sector;"


def test_a_document_must_place_every_undertaking_once(tmp_path):
    path = write(tmp_path, MINIMAL + 'document:\n  - {heading: "One"}\n  - {undertaking: "9.9"}\n')
    problems = problems_of(path)
    assert any("no undertaking 9.9 in this file" in p for p in problems)
    assert any("undertaking 1.1 does not stand anywhere in the document" in p for p in problems)
