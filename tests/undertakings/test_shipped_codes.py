"""The two shipped Codes: every numbered undertaking of each source document is present once, with
its own wording (checked against lists written by hand from the sources, not from the loader), and
loading either file again changes nothing."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from undertakings.models import Code, CodeStatus, Undertaking
from undertakings.services import code_load

pytestmark = pytest.mark.django_db

CODES = Path(__file__).resolve().parents[2] / "undertakings" / "codes"
SHIPPED = [
    # file, hand-written checklist module, status the issue asks for
    ("northamptonshire-bme.yaml", "tests.undertakings.source_checklist_northamptonshire", CodeStatus.ADOPTED),
    ("plymouth-bme-draft.yaml", "tests.undertakings.source_checklist_plymouth", CodeStatus.CONSULTATION),
]


def words(text: str) -> str:
    """Lower case, one space between words, plain quotes: so a line break or a curly apostrophe in
    the transcription does not count as a different wording."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.parametrize("filename, checklist, status", SHIPPED)
def test_every_numbered_undertaking_of_the_source_is_present_once(filename, checklist, status):
    expected = importlib.import_module(checklist).EXPECTED
    code = code_load(path=CODES / filename).code
    assert code.status == status

    for section_ref, (party, openings) in expected.items():
        found = list(Undertaking.objects.filter(code=code, section__ref=section_ref).order_by("position"))
        assert len(found) == len(openings), f"§{section_ref}: {len(found)} undertakings, the source has {len(openings)}"
        for undertaking, opening in zip(found, openings, strict=False):
            assert words(undertaking.text).startswith(words(opening)), f"{undertaking.ref} does not start '{opening}'"
            assert undertaking.assessable, f"{undertaking.ref} is a numbered undertaking but not assessed"
        if party != "mixed":
            assert {u.party for u in found} == {party}, f"§{section_ref} should be given by {party}"

    # Nothing is assessed that the source does not number as an undertaking, and no wording twice.
    assessed = Undertaking.objects.filter(code=code, assessable=True)
    assert set(assessed.values_list("section__ref", flat=True)) == set(expected)
    assert assessed.count() == sum(len(openings) for _, openings in expected.values())
    texts = [words(t) for t in Undertaking.objects.filter(code=code).values_list("text", flat=True)]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("filename", [f for f, _, _ in SHIPPED])
def test_loading_a_shipped_code_twice_changes_nothing(filename):
    code_load(path=CODES / filename)
    before = _everything()

    result = code_load(path=CODES / filename)

    assert result.outcome == "unchanged"
    assert _everything() == before
    assert Code.objects.filter(slug=result.code.slug).count() == 1


def _everything() -> dict:
    # Every row of every undertakings model, history included.
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_app_config("undertakings").get_models()
    }
