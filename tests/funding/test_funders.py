"""funding/selectors/funders.py: one `?funder=` rule on every page, download and API that takes it. A
funder is a public body with standing (and a signatory of the Compact when one is chosen); anything else
is refused with the same message everywhere, never silently left out of the filter."""

import datetime

import pytest
from django.urls import reverse

from funding.selectors import resolve_funder
from funding.selectors.funders import FUNDER_NOT_IN_COMPACT, NO_SUCH_FUNDER
from tests import factories as f

from .factories import AwardFactory, FundingProgrammeFactory

pytestmark = pytest.mark.django_db

JSON_APIS = ["funding:grants-api", "funding:monitoring-api"]
PAGES = ["funding:award-list", "funding:monitoring", "funding:programme-list"]
DOWNLOADS = ["funding:award-csv", "funding:award-xlsx", "funding:monitoring-csv"]


@pytest.fixture
def refused(world):
    """Identifiers the rule refuses, each with awards and a programme that a careless filter would show."""
    unverified = f.PublicBodyFactory(name="Unverified Borough Council", verified=False)
    for organisation in (unverified, world.group):
        AwardFactory(funder=organisation, award_date=datetime.date(2025, 6, 1))
        FundingProgrammeFactory(funder=organisation)
    return {
        "an unverified public body": unverified.org_id,
        "a voluntary organisation": world.group.org_id,
        "an identifier nobody has": "GB-NOPE-1",
    }


CASES = ["an unverified public body", "a voluntary organisation", "an identifier nobody has"]


@pytest.mark.parametrize("case", CASES)
def test_the_selector_refuses_all_but_a_public_body_with_standing(world, refused, case):
    assert resolve_funder(refused[case]) == (None, NO_SUCH_FUNDER.format(value=refused[case]))
    assert resolve_funder(world.council.org_id) == (world.council, None)
    assert resolve_funder("") == (None, None)


def test_with_a_compact_the_funder_must_have_signed_it(world):
    assert resolve_funder(world.council.org_id, world.compact) == (world.council, None)
    message = FUNDER_NOT_IN_COMPACT.format(funder="Southshire Council", compact="Northshire Compact")
    assert resolve_funder(world.other_council.org_id, world.compact) == (None, message)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", JSON_APIS)
def test_the_apis_refuse_with_400_under_funder(client, refused, name, case):
    response = client.get(reverse(name), {"funder": refused[case], "year": "2025"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"funder": [NO_SUCH_FUNDER.format(value=refused[case])]}}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", PAGES)
def test_the_pages_show_the_same_message_as_a_form_error(client, refused, name, case):
    response = client.get(reverse(name), {"funder": refused[case], "show": "all"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and NO_SUCH_FUNDER.format(value=refused[case]) in page


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", DOWNLOADS)
def test_the_downloads_refuse_rather_than_hand_back_every_funders_awards(client, refused, name, case):
    response = client.get(reverse(name), {"funder": refused[case]})
    assert response.status_code == 400
    assert response.content.decode() == NO_SUCH_FUNDER.format(value=refused[case])


def test_a_funder_outside_the_chosen_compact_is_refused_by_the_apis_and_the_page(world, client):
    query = {"funder": world.other_council.org_id, "compact": world.compact.slug}
    message = FUNDER_NOT_IN_COMPACT.format(funder="Southshire Council", compact="Northshire Compact")
    for name in JSON_APIS:
        assert client.get(reverse(name), query).json() == {"errors": {"funder": [message]}}
    assert message in client.get(reverse("funding:monitoring"), query).content.decode()


def test_a_public_body_with_standing_filters_every_place(world, client, refused):
    AwardFactory(funder=world.council, title="Council grant", award_date=datetime.date(2025, 6, 1))
    FundingProgrammeFactory(funder=world.council, title="Council programme")
    query = {"funder": world.council.org_id, "year": "2025", "show": "all"}
    grants = client.get(reverse("funding:grants-api"), query).json()["grants"]
    assert [g["title"] for g in grants] == ["Council grant"]
    assert client.get(reverse("funding:monitoring-api"), query).json()["funder"] == world.council.org_id
    awards = client.get(reverse("funding:award-list"), query).content.decode()
    assert "Council grant" in awards and "There is a problem" not in awards
    programmes = client.get(reverse("funding:programme-list"), query).content.decode()
    assert "Council programme" in programmes and "Programmes run by Northshire Council" in programmes
    assert all(client.get(reverse(name), query).status_code == 200 for name in DOWNLOADS)


@pytest.mark.parametrize("name, select_id", [("funding:award-list", "id_funder"), ("funding:monitoring", "funder")])
def test_the_error_summary_links_to_the_funder_select_which_describes_the_error(client, world, name, select_id):
    page = client.get(reverse(name), {"funder": "GB-NOPE-1"}).content.decode()
    assert f'<a href="#{select_id}">{NO_SUCH_FUNDER.format(value="GB-NOPE-1")}</a>' in page
    assert f'id="{select_id}" name="funder" aria-describedby="{select_id}-error"' in page
