import pytest
from django.urls import reverse

from organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_steering_group_sees_who_changed_what_and_when(world, client_for):
    officer = world.users["officer"]
    council = world.council
    client = client_for(world.users["steering_member"])
    council.description = "Unitary authority for the west of the county"
    council._history_user = officer
    council.save()

    response = client.get(reverse("audit:history", args=["organisations.organisation"]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Olu Officer" in text
    assert "Unitary authority for the west of the county" in text
    assert "(empty)" in text  # the previous, empty description


def test_history_page_costs_the_same_number_of_queries_for_5_and_20_changes(
    world, client_for, django_assert_num_queries
):
    client = client_for(world.users["steering_member"])
    url = reverse("audit:history", args=["organisations.organisation"])
    client.get(url)  # warm the session and roles
    org = Organisation.objects.get(pk=world.group.pk)

    def count_for(changes):
        for n in range(changes):
            org.description = f"version {n}"
            org.save()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    # session, user, memberships, steering seats, count, page, earlier versions
    assert count_for(5) == count_for(20) == 7


# --- Each Compact's steering group reads the history of its own Compact's records -------------------

NOTHING = "No changes have been recorded for this kind of record yet."


def history_seen_by(client_for, user, key):
    return client_for(user).get(reverse("audit:history", args=[key])).content.decode()


@pytest.fixture
def other_compacts_chair(world):
    from tests import factories as f

    return f.SteeringGroupMemberFactory(compact=f.CompactFactory(name="Southshire Compact")).user


def test_a_complaints_history_is_read_by_its_own_compacts_steering_group_and_site_admins(
    world, client_for, other_compacts_chair
):
    from tests.complaints.factories import raise_complaint

    raise_complaint(world)  # confidential: its history would name who raised it
    for key in ("complaints.complaint", "complaints.stage"):
        assert NOTHING not in history_seen_by(client_for, world.users["steering_member"], key)
        assert NOTHING not in history_seen_by(client_for, world.users["site_admin"], key)
        assert NOTHING in history_seen_by(client_for, other_compacts_chair, key)


def test_a_comments_history_follows_the_compacts_its_consultations_owner_signed(
    world, client_for, other_compacts_chair
):
    from tests.consultations.factories import comment_from_group, make_consultation

    comment_from_group(world, make_consultation(world))
    assert NOTHING not in history_seen_by(client_for, world.users["steering_member"], "consultations.comment")
    assert NOTHING in history_seen_by(client_for, other_compacts_chair, "consultations.comment")


def test_another_compacts_steering_group_sees_no_history_of_this_compacts_organisations_or_shared_boards(
    world, client_for, other_compacts_chair
):
    """Security issue, item 7: organisations, their board declarations and memberships belong to
    the Compacts they signed; a board tied to no Compact is a site admin's."""
    from representation.models import Board

    Board.objects.create(name="Health and Wellbeing Board", slug="health-and-wellbeing-board")
    world.council.description = "Changed"
    world.council.save()
    for key in ("representation.board", "organisations.boarddeclaration", "organisations.membership"):
        assert NOTHING in history_seen_by(client_for, other_compacts_chair, key), key
        assert NOTHING not in history_seen_by(client_for, world.users["site_admin"], key), key
    assert "Northshire Council" not in history_seen_by(client_for, other_compacts_chair, "organisations.organisation")
    assert "Northshire Council" in history_seen_by(
        client_for, world.users["steering_member"], "organisations.organisation"
    )


def test_every_scope_names_a_tracked_record_type():
    from audit import selectors

    tracked = {t.key for t in selectors.tracked_types()}
    scopes = selectors._scopes()
    assert {
        "complaints.complaint",
        "consultations.comment",
        "reviews.annualreview",
        "undertakings.compliancereturn",
        "funding.application",
    } <= set(scopes)
    assert set(scopes) <= tracked


def test_a_returns_history_is_read_by_its_own_compacts_steering_group(world, client_for, other_compacts_chair):
    from tests.undertakings.factories import make_code
    from undertakings import services

    services.compliance_return_start(
        organisation=world.council, period=world.period, code=make_code(world.compact), user=world.users["officer"]
    )
    assert NOTHING not in history_seen_by(client_for, world.users["steering_member"], "undertakings.compliancereturn")
    assert NOTHING in history_seen_by(client_for, other_compacts_chair, "undertakings.compliancereturn")


def test_every_scope_filters_its_history_table_on_the_demo_data():
    """Each app's lookups are written against the live model; the history tables must follow them too."""
    import io

    from django.core.management import call_command

    from audit import selectors
    from organisations.models import Compact

    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    compacts = frozenset(Compact.objects.filter(slug="northamptonshire").values_list("pk", flat=True))
    for key in selectors._scopes():
        tracked = selectors.tracked_type(key)
        everything = tracked.history_model.objects.count()
        scoped = selectors.history_entries(tracked, compacts=compacts).count()  # a wrong lookup raises here
        assert 0 < scoped <= everything or everything == 0, key


def test_every_record_types_history_opens_on_the_demo_data(client_for):
    import io

    from django.core.management import call_command

    from audit import selectors
    from tests import factories as f

    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    client = client_for(f.UserFactory(is_superuser=True, is_staff=True))
    for tracked in selectors.tracked_types():
        response = client.get(reverse("audit:history", args=[tracked.key]))
        assert response.status_code == 200, tracked.key
