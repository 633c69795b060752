"""Local authority areas: which organisations a Compact counts (OrganisationQuerySet.in_compact)."""

import datetime

import pytest

from organisations.models import AREA_NOT_RECORDED, Organisation
from organisations.selectors.review import bme_led_summary
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_compacts():
    north = f.LocalAuthorityAreaFactory(code="E06999101", name="North Shire")
    west = f.LocalAuthorityAreaFactory(code="E06999102", name="West Shire")
    sea = f.LocalAuthorityAreaFactory(code="E06999103", name="Seaport")
    shire = f.CompactFactory(name="Shire Compact", areas=[north, west])
    seaport = f.CompactFactory(name="Seaport Compact", areas=[sea])
    return shire, seaport, north, west, sea


def test_a_compact_counts_organisations_in_any_of_its_areas_once(two_compacts):
    shire, seaport, north, west, sea = two_compacts
    both = f.OrganisationFactory(name="Countywide Forum", areas=[north, west])
    seaside = f.OrganisationFactory(name="Seaport Forum", areas=[sea])
    assert list(Organisation.objects.in_compact(shire)) == [both]
    assert list(Organisation.objects.in_compact(seaport)) == [seaside]


def test_national_and_unrecorded_organisations_count_in_no_compact(two_compacts):
    shire, seaport, north, *_ = two_compacts
    national = f.OrganisationFactory(name="National Network", areas=[], works_nationally=True)
    unknown = f.OrganisationFactory(name="Old Record", areas=[])
    national_and_local = f.OrganisationFactory(name="National With Branch", areas=[north], works_nationally=True)
    assert list(Organisation.objects.in_compact(shire)) == [national_and_local]
    assert not Organisation.objects.in_compact(seaport).exists()
    assert unknown.areas_display == AREA_NOT_RECORDED
    assert national.areas_display == "National"
    assert national_and_local.areas_display == "North Shire, National"
    assert list(Organisation.objects.without_area()) == [unknown]


def test_bme_led_summary_names_only_the_compacts_own_organisations(two_compacts):
    shire, seaport, north, _, sea = two_compacts
    groups = {}
    for compact, area in ((shire, north), (seaport, sea)):
        # Look-alikes: the same name in each Compact, told apart only by area.
        groups[compact] = f.OrganisationFactory(name="Chinese Community Centre", slug=f"ccc-{area.pk}", areas=[area])
        f.BoardDeclarationFactory(organisation=groups[compact], members=4, bme_members=4)
    today = datetime.date.today()
    for compact in (shire, seaport):
        summary = bme_led_summary(compact=compact, on_date=today)
        assert summary["voluntary_organisations"]["total"] == 1
        assert [o["org_id"] for o in summary["bme_led_organisations"]] == [groups[compact].org_id]


def test_a_group_records_its_areas_when_it_registers_and_can_change_them(client_for, two_compacts):
    from django.urls import reverse

    from organisations.models import Organisation as Org

    shire, _, north, west, sea = two_compacts
    user = f.UserFactory()
    client = client_for(user)
    response = client.post(
        reverse("organisations:register"),
        {"name": "Shire Refugee Welcome", "sector": "voluntary", "areas": [north.pk], "works_nationally": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Org.objects.get(name="Shire Refugee Welcome")
    assert list(organisation.areas.all()) == [north]
    assert Org.objects.in_compact(shire).filter(pk=organisation.pk).exists()
    page = client.get(reverse("organisations:edit", args=[organisation.slug])).content.decode()
    assert "Which local authority areas does it work in?" in page
