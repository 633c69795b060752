"""Each Code's whole text is on its page, as the source has it: compared paragraph by paragraph and
word by word with the source documents (normalised as tests/undertakings/source_text.py says),
nothing is missing and nothing is added; numbering is the source's, and the portal's own
references and notes are shown as the portal's."""

from pathlib import Path

import pytest
from django.urls import reverse

from undertakings.services import code_load

from . import source_text

pytestmark = pytest.mark.django_db

CODES = Path(__file__).resolve().parents[2] / "undertakings" / "codes"
SOURCES = {
    "northamptonshire-bme.yaml": source_text.northamptonshire_paragraphs,
    "plymouth-bme-draft.yaml": source_text.plymouth_paragraphs,
}


def page_of(client, filename):
    code = code_load(path=CODES / filename).code
    response = client.get(reverse("undertakings:code-detail", args=[code.slug, code.version]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("filename", SOURCES)
def test_the_page_has_the_whole_text_of_the_source_and_nothing_else(client, filename):
    source = SOURCES[filename]()
    portal = source_text.page_paragraphs(page_of(client, filename))

    result = source_text.compare(source, portal)

    print(filename, {k: len(v) if isinstance(v, list) else v for k, v in result.items()})
    assert result["missing"] == []
    assert result["added"] == []
    assert result["same_words_in_order"]


def test_both_paragraphs_the_plymouth_draft_numbers_4_7_are_shown_as_4_7_with_a_note(client):
    page = page_of(client, "plymouth-bme-draft.yaml")

    assert page.count('<strong class="app-code-number">4.7</strong>') == 2
    assert "4.7a" not in page
    assert page.count("The draft numbers two paragraphs 4.7.") == 2
    first, second = page.index("Encourage co-operation"), page.index("Respond to the needs of service users")
    assert first < page.index("This is the second of them") and first < second


def test_references_the_portal_adds_are_shown_as_the_portals_and_explained_once(client):
    page = page_of(client, "northamptonshire-bme.yaml")

    assert '<strong class="govuk-tag govuk-tag--grey">portal reference 3.1.1</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--grey">portal reference 9.5.2</strong>' in page
    assert page.count("Numbers such as 3.1 are the Code's own.") == 1
    # The Code's own paragraph numbers are shown as the Code's.
    assert '<strong class="app-code-number">3.1</strong>' in page


def test_titles_are_the_sources_and_section_10_can_be_read(client):
    page = page_of(client, "northamptonshire-bme.yaml")

    assert "(4.8)" not in page and "(6.4)" not in page
    assert "10. Scope and application of the Code" in page
    assert "there will be an annual meeting between the statutory sector" in page
    assert 'id="section-10"' in page and 'href="#section-10"' in page


def test_the_6_4_list_keeps_the_sentence_its_the_same_refers_to():
    from undertakings.models import Section

    code_load(path=CODES / "northamptonshire-bme.yaml")
    intro = Section.objects.get(code__slug="northamptonshire-bme", ref="6.4").intro

    assert intro.index("the Government’s aim to publish the share of funding") < intro.index("could do the same")


# --- Versions and what changed ------------------------------------------------------------------

CHANGES = CODES / "plymouth-bme-agreed-changes.yaml"
SOURCE_LINES = source_text.PLYMOUTH.read_text(encoding="utf-8").splitlines()


def test_plymouths_next_version_is_the_draft_with_the_13_agreed_changes_each_from_its_source_line():
    from undertakings.models import CodeChange, Undertaking

    code = code_load(path=CHANGES).code

    assert code.based_on.version == "0.9-draft" and code.status == "draft"
    changes = list(code.changes.all())
    assert len(changes) == 13
    for change in changes:
        for number in change.source_lines.split(", "):
            _, _, response = SOURCE_LINES[int(number) - 1].partition("\t")
            assert response.strip(), f"line {number} has no response"
            assert response.strip()[:20] in change.response, f"{change.refs}: line {number} is '{response[:40]}'"
    assert not Undertaking.objects.filter(code=code, ref="2.3").exists()
    assert Undertaking.objects.filter(code=code.based_on, ref="2.3").exists()
    assert Undertaking.objects.get(code=code, ref="3.7").text.startswith("Ensure that processes are transparent and")
    assert "against evidence-based need" in Undertaking.objects.get(code=code, ref="3.3").text
    # Where the source gives no new words, the text is as it was.
    assert (
        Undertaking.objects.get(code=code, ref="2.2").text
        == Undertaking.objects.get(code=code.based_on, ref="2.2").text
    )
    not_given = [c.refs for c in changes if c.wording == CodeChange.Wording.NOT_GIVEN]
    assert not_given == ["1", "2.2", "2.5", "2.5", "2.7", "2.7", "3.5", "4.1", "4.9"]


def test_loading_the_changes_again_changes_nothing():
    first = code_load(path=CHANGES).code
    assert code_load(path=CHANGES).outcome == "unchanged"
    assert first.changes.count() == 13


def test_the_changes_page_shows_draft_to_next_version_paragraph_by_paragraph(client):
    code = code_load(path=CHANGES).code

    page = client.get(reverse("undertakings:code-changes", args=[code.slug, code.version])).content.decode()

    assert "What changed from version 0.9-draft to version 1.0-revised-draft" in page
    assert "The 13 agreed changes" in page
    assert page.count("Agreed change, wording not given in the source") >= 9
    assert "<del>Recognise and support the independence of the BME led Third Sector" in page  # 2.3 removed
    assert "<del>open</del> <ins>transparent</ins>" in page  # 3.7 reworded
    assert "Source: line 53" in page and "Source: lines 11 and 195" in page


def test_the_next_version_notes_paragraphs_whose_agreed_wording_the_source_does_not_give(client):
    code = code_load(path=CHANGES).code

    page = client.get(reverse("undertakings:code-detail", args=[code.slug, code.version])).content.decode()

    assert "Agreed change, wording not given in the source: The wording of 2.2 is amended" in page
    assert "See what changed" in page


def test_the_list_of_codes_links_a_next_version_to_what_changed(client):
    code = code_load(path=CHANGES).code

    page = client.get(reverse("undertakings:code-list")).content.decode()

    assert "Made from 0.9-draft" in page
    assert reverse("undertakings:code-changes", args=[code.slug, code.version]) in page
