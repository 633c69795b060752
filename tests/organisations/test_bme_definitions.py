"""Each Compact's own BME-led definition (undertakings/codes/*-definition.yaml): loading, the rule itself
in Python and SQL, and the eligibility checker, the API and the directory answering under it."""

from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.bme_definitions import bme_definitions_load, current_definition
from organisations.bme_led import BmeRule, Outcome, Undisclosed, assess_board
from organisations.models import BoardType, Organisation
from tests import factories as f
from tests.openapi_support import assert_matches

pytestmark = pytest.mark.django_db

ELIGIBILITY_API = reverse("organisations:api-eligibility")
ORGANISATIONS_API = reverse("organisations:api-organisations")


@pytest.fixture
def compacts():
    northants_area = f.LocalAuthorityAreaFactory(code="E06000062", name="West Northamptonshire")
    plymouth_area = f.LocalAuthorityAreaFactory(code="E06000026", name="Plymouth")
    northants = f.CompactFactory(name="Northamptonshire Compact", slug="northamptonshire", areas=[northants_area])
    plymouth = f.CompactFactory(name="Plymouth Compact", slug="plymouth", areas=[plymouth_area])
    bme_definitions_load()
    return northants, plymouth, northants_area, plymouth_area


@pytest.fixture
def document(client):
    return client.get(reverse("api-openapi")).json()


def test_each_compact_gets_its_own_definition_from_the_file_beside_its_code(compacts):
    northants, plymouth, *_ = compacts
    plymouth_rule = current_definition(plymouth).rule
    northants_definition = current_definition(northants)
    assert (plymouth_rule.threshold, plymouth_rule.strictly_more) == (Fraction(3, 4), False)
    assert not plymouth_rule.serving_organisations_count
    assert (northants_definition.rule.threshold, northants_definition.rule.strictly_more) == (Fraction(1, 2), True)
    assert northants_definition.rule.serving_organisations_count  # §6.10.5
    assert northants_definition.is_portal_reading and not current_definition(plymouth).is_portal_reading
    # Each Code's own clause references; Plymouth's draft has no comply-or-explain clause.
    assert northants_definition.clause("comply_or_explain") == "10.2"
    assert current_definition(plymouth).clause("comply_or_explain") is None
    assert current_definition(plymouth).clause("bme_led_definition") == "1.3"


def test_loading_twice_changes_nothing(compacts):
    northants, *_ = compacts
    first = current_definition(northants).pk
    bme_definitions_load()
    assert current_definition(northants).pk == first
    assert northants.bme_definitions.count() == 1


@pytest.mark.parametrize(
    "members, bme, undisclosed, plymouth, northants",
    [
        (8, 4, 0, Outcome.NOT_BME_LED, Outcome.NOT_BME_LED),  # exactly half is not "more than half"
        (8, 5, 0, Outcome.NOT_BME_LED, Outcome.BME_LED),
        (8, 6, 0, Outcome.BME_LED, Outcome.BME_LED),
        (8, 4, 2, Outcome.UNDETERMINED, Outcome.UNDETERMINED),
    ],
)
def test_the_same_board_is_judged_by_each_compacts_rule_in_python_and_sql(
    compacts, members, bme, undisclosed, plymouth, northants
):
    northants_compact, plymouth_compact, *_ = compacts
    today = timezone.localdate()
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, members=members, bme_members=bme, undisclosed_members=undisclosed)
    for compact, expected in ((plymouth_compact, plymouth), (northants_compact, northants)):
        rule = current_definition(compact).rule
        assert (
            assess_board(members=members, bme_members=bme, undisclosed_members=undisclosed, definition=rule).outcome
            == expected
        )
        annotated = Organisation.objects.with_bme_led_status(today, rule).get(pk=group.pk)
        assert annotated.bme_led_outcome == expected


def test_a_rule_counting_undisclosed_members_as_not_bme_never_leaves_a_board_undetermined(db):
    rule = BmeRule(threshold=Fraction(3, 4), undisclosed=Undisclosed.NOT_BME)
    assert assess_board(members=4, bme_members=2, undisclosed_members=2, definition=rule).outcome == Outcome.NOT_BME_LED
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, members=4, bme_members=2, undisclosed_members=2)
    annotated = Organisation.objects.with_bme_led_status(timezone.localdate(), rule).get(pk=group.pk)
    assert annotated.bme_led_outcome == Outcome.NOT_BME_LED


def test_a_board_the_rule_does_not_count_gives_no_status(db):
    rule = BmeRule(threshold=Fraction(3, 4), boards=(BoardType.BOARD_OF_TRUSTEES,))
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, board_type=BoardType.MANAGEMENT_COMMITTEE, members=4, bme_members=4)
    annotated = Organisation.objects.with_bme_led_status(timezone.localdate(), rule).get(pk=group.pk)
    assert annotated.bme_led_outcome == Outcome.NO_CURRENT_DECLARATION


def test_the_api_says_which_compacts_rule_answered(compacts, client, document):
    counts = {"members": 8, "bme_members": 5, "undisclosed_members": 0}
    plymouth = client.get(ELIGIBILITY_API, {**counts, "compact": "plymouth"}).json()
    northants = client.get(ELIGIBILITY_API, {**counts, "compact": "northamptonshire"})
    assert plymouth["outcome"] == "not_bme_led" and plymouth["compact"] == "plymouth"
    assert plymouth["rule"]["label"] == "Plymouth Compact BME-led definition 1.0"
    assert northants.json()["outcome"] == "bme_led"
    assert northants.json()["rule"]["portal_reading"] is True
    assert_matches(document, "/api/v1/eligibility", northants)


def test_an_unknown_compact_is_a_clear_400_in_the_api(compacts, client):
    response = client.get(
        ELIGIBILITY_API, {"members": 4, "bme_members": 3, "undisclosed_members": 0, "compact": "nowhere"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"compact": ["There is no Compact “nowhere”. Use one of: northamptonshire, plymouth"]}
    }
    response = client.get(ORGANISATIONS_API, {"compact": "nowhere"})
    assert response.status_code == 400
    assert "There is no Compact “nowhere”" in response.json()["errors"]["compact"][0]


def test_the_checker_names_the_rule_and_tells_a_group_not_bme_led_the_code_still_covers_it(compacts, client):
    from tests.organisations.test_eligibility import answer_all

    # The Compact is chosen on the start page and travels with the answers (kept out of addresses).
    client.get(reverse("organisations:eligibility"), {"compact": "northamptonshire"})
    answer_all(client, 8, 4, 0)
    text = client.get(reverse("organisations:eligibility-result")).content.decode()
    assert "This board is not BME-led" in text
    assert "Northamptonshire Compact BME-led definition, version 1.0" in text
    assert "the portal&#x27;s reading of the Northamptonshire Compact&#x27;s Code" in text.replace("'", "&#x27;")
    assert "still covers groups that serve BME communities" in text
    assert "refugee and faith groups" in text


def test_the_checker_start_page_explains_an_unknown_compact(compacts, client):
    page = client.get(reverse("organisations:eligibility"), {"compact": "nowhere"})
    assert page.status_code == 400
    assert "There is no Compact “nowhere”. Use one of: northamptonshire, plymouth" in page.content.decode()


def test_the_directory_and_open_data_filter_by_compact(compacts, client):
    _, _, northants_area, plymouth_area = compacts
    f.OrganisationFactory(name="Chinese Community Centre", slug="ccc-northants", areas=[northants_area])
    f.OrganisationFactory(name="Chinese Community Centre", slug="ccc-plymouth", areas=[plymouth_area])
    f.OrganisationFactory(name="Old Record", areas=[])
    page = client.get(reverse("organisations:directory"), {"compact": "plymouth"}).content.decode()
    assert "ccc-plymouth" in page and "ccc-northants" not in page and "Old Record" not in page
    everything = client.get(reverse("organisations:directory")).content.decode()
    assert "Area not recorded" in everything
    rows = client.get(ORGANISATIONS_API, {"compact": "plymouth"}).json()
    assert [r["url"].rsplit("/", 2)[-2] for r in rows["results"]] == ["ccc-plymouth"]
    assert rows["results"][0]["areas"] == [{"code": "E06000026", "name": "Plymouth"}]
    assert rows["rule"]["label"] == "Plymouth Compact BME-led definition 1.0"
    error = client.get(reverse("organisations:directory"), {"compact": "nowhere"}).content.decode()
    assert "There is no Compact “nowhere”" in error


def test_an_organisations_page_shows_its_areas_and_its_compacts_rule(compacts, client):
    _, _, northants_area, _ = compacts
    group = f.OrganisationFactory(name="Forum", slug="forum", areas=[northants_area])
    f.BoardDeclarationFactory(organisation=group, members=8, bme_members=5)
    unrecorded = f.OrganisationFactory(name="Old Record", slug="old-record", areas=[])
    page = client.get(reverse("organisations:profile", args=["forum"])).content.decode()
    assert "West Northamptonshire" in page
    assert "Northamptonshire Compact BME-led definition (version 1.0)" in page
    assert "BME-led" in page and "5 of 8" not in page  # counts stay hidden from the public
    other = client.get(reverse("organisations:profile", args=[unrecorded.slug])).content.decode()
    assert "Area not recorded" in other and "portal&#x27;s default rule" in other.replace("'", "&#x27;")
