import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations import services
from organisations.forms.organisation import PUBLIC_BODY_TYPE_REQUIRED
from organisations.identifiers import INVALID_CHARITY_NUMBER
from organisations.models import BoardDeclaration, EthnicGroup, Membership, MembershipStatus, Organisation
from tests import factories as f

from .factories import MembershipRequestFactory, UnverifiedOrganisationFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


# --- Directory ------------------------------------------------------------------------------------


def test_directory_shows_each_organisation_with_its_status(world, client):
    page = text(client.get(reverse("organisations:directory")))
    assert "African Caribbean Forum" in page
    assert "BME-led" in page
    assert "Not applicable (public body)" in page  # Northshire Council
    assert "No current declaration" in page  # Polish Community Centre


def test_directory_leaves_out_unverified_organisations(world, client):
    UnverifiedOrganisationFactory(name="Hidden Group")
    assert "Hidden Group" not in text(client.get(reverse("organisations:directory")))


def test_directory_filters_by_status_and_search(world, client):
    page = text(client.get(reverse("organisations:directory"), {"status": "bme_led"}))
    assert "African Caribbean Forum" in page and "Polish Community Centre" not in page
    assert "1 organisation matches your filters" in page
    page = text(client.get(reverse("organisations:directory"), {"q": "polish"}))
    assert "Polish Community Centre" in page and "African Caribbean Forum" not in page


def test_directory_shows_an_error_for_an_unknown_filter_value(world, client):
    response = client.get(reverse("organisations:directory"), {"sector": "pirates"})
    assert response.status_code == 200
    assert "There is a problem" in text(response) and "Choose one of: public, voluntary, private" in text(response)


def test_directory_says_when_nothing_matches(world, client):
    assert "No organisations match your filters." in text(client.get(reverse("organisations:directory"), {"q": "zzz"}))


def test_directory_is_paginated(db, client):
    for n in range(30):
        f.OrganisationFactory(name=f"Group {n:02d}")
    first = text(client.get(reverse("organisations:directory")))
    second = text(client.get(reverse("organisations:directory"), {"page": 2}))
    assert "Group 00" in first and "Group 25" not in first
    assert "Group 25" in second and 'aria-label="Pagination"' in second


def test_directory_query_count_does_not_grow_with_organisations(db, client, reference_data):
    url = reverse("organisations:directory")

    def add(n):
        for _ in range(n):
            organisation = f.OrganisationFactory()
            f.BoardDeclarationFactory(organisation=organisation)
            organisation.service_areas.add(*list(organisation.service_areas.model.objects.all()[:2]))

    add(3)
    three = queries_for(client, url)
    add(27)
    # ethnic groups, service areas and Compacts (filter choices), count, page of organisations with
    # their status subqueries, service areas, communities and local authority areas prefetched
    assert three == queries_for(client, url) == 8


def test_signed_in_directory_adds_only_the_session_user_and_roles(world, client_for):
    client = client_for(world.users["group_member"])
    # session, user, memberships and steering seats (the header's "Compliance" link depends on the
    # person's roles), then the 8 of the anonymous page
    assert queries_for(client, reverse("organisations:directory")) == 12


def test_csv_download_has_the_filtered_rows_with_formula_cells_escaped(world, client):
    f.OrganisationFactory(name="=HYPERLINK(evil)")
    response = client.get(reverse("organisations:directory-csv"), {"status": "no_current_declaration"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:3] == ["Name", "Identifier", "Sector"]
    names = [row[0] for row in rows[1:]]
    assert names == ["'=HYPERLINK(evil)", "Polish Community Centre", "Southshire African Forum"]
    assert rows[1][14] == "No current declaration"


def test_csv_download_refuses_invalid_filters(world, client):
    response = client.get(reverse("organisations:directory-csv"), {"faith_based": "maybe"})
    assert response.status_code == 400 and "Enter true or false" in text(response)


# --- Profile --------------------------------------------------------------------------------------


def test_the_public_sees_the_status_but_never_the_board_counts(world, client):
    page = text(client.get(reverse("organisations:profile", args=[world.group.slug])))
    assert "BME-led" in page
    assert "7 of 8" not in page
    assert "visible only to the organisation" in page


@pytest.mark.parametrize("persona", ["group_member", "steering_member", "site_admin"])
def test_members_and_the_steering_group_see_the_board_counts(world, client_for, persona):
    page = text(client_for(world.users[persona]).get(reverse("organisations:profile", args=[world.group.slug])))
    assert "7 of 8 board members are of BME origin (87.5%)" in page


@pytest.mark.parametrize("persona", ["outsider", "officer"])
def test_other_signed_in_people_do_not_see_board_counts(world, client_for, persona):
    page = text(client_for(world.users[persona]).get(reverse("organisations:profile", args=[world.group.slug])))
    assert "7 of 8" not in page


def test_profile_shows_how_the_status_changed(world, client):
    today = timezone.localdate()
    f.BoardDeclarationFactory(organisation=world.other_group, effective_date=today - timedelta(days=500), bme_members=2)
    f.BoardDeclarationFactory(organisation=world.other_group, effective_date=today - timedelta(days=20))
    page = text(client.get(reverse("organisations:profile", args=[world.other_group.slug])))
    assert "How the status has changed" in page
    assert page.count("Not BME-led") == 1 and "No current declaration" in page


def test_public_body_profiles_say_the_test_does_not_apply(world, client):
    assert "Public bodies do not have a BME-led status" in text(
        client.get(reverse("organisations:profile", args=[world.council.slug]))
    )


def test_an_unverified_organisation_is_visible_to_its_members_only(world, client_for):
    organisation = UnverifiedOrganisationFactory()
    member = f.MembershipFactory(organisation=organisation).user
    url = reverse("organisations:profile", args=[organisation.slug])
    assert client_for(world.users["outsider"]).get(url).status_code == 404
    assert "Not verified yet" in text(client_for(member).get(url))


def test_profile_query_count_does_not_grow_with_declarations(world, client_for):
    client = client_for(world.users["group_member"])
    url = reverse("organisations:profile", args=[world.group.slug])
    today = timezone.localdate()
    first = queries_for(client, url)
    for days in range(40, 1000, 60):
        f.BoardDeclarationFactory(organisation=world.group, effective_date=today - timedelta(days=days))
    # session, user, organisation, communities, service areas, local authority areas, declarations
    # with who declared them, the organisation's Compact and its BME-led definition, the viewer's
    # membership, memberships and steering seats (roles)
    assert first == queries_for(client, url) == 12


# --- Registering and editing ----------------------------------------------------------------------


def test_a_signed_in_person_registers_an_organisation_and_becomes_its_admin(world, client_for, reference_data):
    user = world.users["outsider"]
    african = EthnicGroup.objects.get(name="African")
    response = client_for(user).post(
        reverse("organisations:register"),
        {
            "name": "Somali Community Link",
            "sector": "voluntary",
            "legal_form": "cio",
            "charity_number": "1199999",
            "postcode": "nn1 2ab",
            "communities_2": [african.code],  # the second ONS high-level group: Black, Black British…
        },
    )
    organisation = Organisation.objects.get(name="Somali Community Link")
    assert response.status_code == 302 and response["Location"] == reverse(
        "organisations:profile", args=[organisation.slug]
    )
    assert (organisation.org_id, organisation.postcode, organisation.verified) == ("GB-CHC-1199999", "NN1 2AB", False)
    assert list(organisation.communities_served.all()) == [african]
    assert Membership.objects.get(organisation=organisation).user == user


def test_registering_an_existing_charity_shows_which_organisation_has_it(world, client_for):
    response = client_for(world.users["outsider"]).post(
        reverse("organisations:register"), {"name": "Copy", "sector": "voluntary", "charity_number": "1123456"}
    )
    page = text(response)
    assert "Charity number 1123456 is already registered to African Caribbean Forum" in page
    assert 'value="Copy"' in page  # what was typed is kept


def test_register_form_explains_mistakes(world, client_for):
    page = text(
        client_for(world.users["outsider"]).post(
            reverse("organisations:register"), {"name": "Council", "sector": "public", "charity_number": "abc"}
        )
    )
    assert PUBLIC_BODY_TYPE_REQUIRED in page and INVALID_CHARITY_NUMBER in page
    assert "<title>Error: " in page


def test_a_member_edits_the_organisations_details(world, client_for):
    client = client_for(world.users["group_member"])
    url = reverse("organisations:edit", args=[world.group.slug])
    assert 'value="African Caribbean Forum"' in text(client.get(url))
    response = client.post(
        url,
        {
            "name": "African Caribbean Forum",
            "sector": "voluntary",
            "charity_number": "1123456",
            "description": "Advice in Northshire",
            "faith_based": "on",
        },
    )
    assert response.status_code == 302
    world.group.refresh_from_db()
    assert world.group.description == "Advice in Northshire" and world.group.faith_based


# --- Declaring the board --------------------------------------------------------------------------


def test_the_declare_form_explains_who_counts_as_bme(world, client_for):
    page = text(
        client_for(world.users["group_member"]).get(reverse("organisations:declare-board", args=[world.group.slug]))
    )
    assert "Gypsy, Irish Traveller or Roma" in page and "another white minority" in page


def test_declaring_the_board_shows_the_new_status(world, client_for):
    client = client_for(world.users["group_member"])
    today = timezone.localdate()
    response = client.post(
        reverse("organisations:declare-board", args=[world.group.slug]),
        {
            "board_type": "board_of_trustees",
            "effective_date_0": today.day,
            "effective_date_1": today.month,
            "effective_date_2": today.year,
            "members": "4",
            "bme_members": "2",
            "undisclosed_members": "1",
        },
        follow=True,
    )
    page = text(response)
    assert "Board declared. Status today: Undetermined." in page
    assert BoardDeclaration.objects.filter(organisation=world.group).latest().declared_by == world.users["group_member"]


def test_declaring_impossible_counts_shows_the_problem_and_stores_nothing(world, client_for):
    client = client_for(world.users["group_member"])
    before = BoardDeclaration.objects.count()
    tomorrow = timezone.localdate() + timedelta(days=1)
    page = text(
        client.post(
            reverse("organisations:declare-board", args=[world.group.slug]),
            {
                "board_type": "board_of_trustees",
                "effective_date_0": tomorrow.day,
                "effective_date_1": tomorrow.month,
                "effective_date_2": tomorrow.year,
                "members": "0",
                "bme_members": "0",
                "undisclosed_members": "0",
            },
        )
    )
    assert "Enter 1 or more" in page
    page = text(
        client.post(
            reverse("organisations:declare-board", args=[world.group.slug]),
            {
                "board_type": "board_of_trustees",
                "effective_date_0": tomorrow.day,
                "effective_date_1": tomorrow.month,
                "effective_date_2": tomorrow.year,
                "members": "4",
                "bme_members": "3",
                "undisclosed_members": "2",
            },
        )
    )
    assert "add up to 5, which is more than the 4 members" in page
    page = text(
        client.post(
            reverse("organisations:declare-board", args=[world.group.slug]),
            {
                "board_type": "board_of_trustees",
                "effective_date_0": tomorrow.day,
                "effective_date_1": tomorrow.month,
                "effective_date_2": tomorrow.year,
                "members": "4",
                "bme_members": "3",
                "undisclosed_members": "0",
            },
        )
    )
    assert services.FUTURE_EFFECTIVE_DATE.replace("'", "&#x27;") in page
    page = text(
        client.post(
            reverse("organisations:declare-board", args=[world.group.slug]),
            {
                "board_type": "board_of_trustees",
                "effective_date_0": "31",
                "effective_date_1": "2",
                "effective_date_2": "2025",
                "members": "4",
                "bme_members": "3",
                "undisclosed_members": "0",
            },
        )
    )
    assert "The date must be a real date" in page
    assert BoardDeclaration.objects.count() == before


# --- Joining and deciding -------------------------------------------------------------------------


def test_someone_asks_to_join_and_the_admin_approves(world, client_for):
    outsider = world.users["outsider"]
    response = client_for(outsider).post(
        reverse("organisations:join", args=[world.group.slug]), {"job_title": "Treasurer"}, follow=True
    )
    assert "Your request to join African Caribbean Forum has been sent" in text(response)
    assert "Your requests waiting for a decision" in text(response)
    membership = Membership.objects.get(user=outsider, organisation=world.group)

    admin = client_for(world.users["group_member"])
    mine = text(admin.get(reverse("organisations:mine")))
    assert "Requests to join that you can decide" in mine and outsider.email in mine
    url = reverse("organisations:membership-decide", args=[membership.pk])
    assert "Treasurer" in text(admin.get(url))
    response = admin.post(url, {"decision": "approve", "role": "member"}, follow=True)
    assert f"You approved {outsider.full_name}&#x27;s request to join African Caribbean Forum." in text(response)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED


def test_the_decision_page_insists_on_an_answer(world, client_for):
    request = MembershipRequestFactory(organisation=world.group)
    page = text(
        client_for(world.users["group_member"]).post(
            reverse("organisations:membership-decide", args=[request.pk]), {"role": "member"}
        )
    )
    assert "Select whether to approve or decline the request" in page


def test_a_member_asking_to_join_again_is_sent_back_with_a_message(world, client_for):
    response = client_for(world.users["group_member"]).get(
        reverse("organisations:join", args=[world.group.slug]), follow=True
    )
    assert "You are already a member of African Caribbean Forum." in text(response)


def test_a_site_admin_verifies_an_organisation(world, client_for):
    organisation = UnverifiedOrganisationFactory(name="Brand New Group")
    client = client_for(world.users["site_admin"])
    assert "Brand New Group" in text(client.get(reverse("organisations:mine")))
    page = text(client.get(reverse("organisations:verify", args=[organisation.slug])))
    assert "Verify Brand New Group?" in page
    response = client.post(reverse("organisations:verify", args=[organisation.slug]), follow=True)
    assert "Brand New Group is verified and now appears in the directory." in text(response)
    organisation.refresh_from_db()
    assert organisation.verified


def test_your_organisations_page_offers_a_way_in_to_people_with_none(world, client_for):
    page = text(client_for(world.users["outsider"]).get(reverse("organisations:mine")))
    assert "You do not act for any organisation yet" in page and "Register an organisation" in page


def test_your_organisations_page_query_count_does_not_grow_with_requests(world, client_for):
    client = client_for(world.users["site_admin"])
    url = reverse("organisations:mine")

    def add(n):
        for _ in range(n):
            MembershipRequestFactory(organisation=world.group)
            UnverifiedOrganisationFactory()
            f.MembershipFactory(user=world.users["site_admin"], organisation=f.OrganisationFactory())

    add(2)
    few = queries_for(client, url)
    add(8)
    # session, user, memberships and steering seats (roles), the person's memberships with their
    # organisations, requests to decide with people and organisations, organisations to verify
    assert few == queries_for(client, url) == 7


def test_a_group_whose_status_is_undetermined_is_told_what_to_do_next(world, client_for):
    world.group.board_declarations.all().delete()
    f.BoardDeclarationFactory(organisation=world.group, members=8, bme_members=5, undisclosed_members=2)
    url = reverse("organisations:profile", args=[world.group.slug])
    page = " ".join(client_for(world.users["group_member"]).get(url).content.decode().split())
    assert "What to do next" in page
    assert "because 2 board members have not said whether they are of BME origin" in page
    assert reverse("organisations:declare-board", args=[world.group.slug]) in page
    # The public sees the status, not the board's counts or what its members should do.
    assert "What to do next" not in client_for(None).get(url).content.decode()
