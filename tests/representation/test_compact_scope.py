"""A steering seat in one Compact opens nothing of another Compact's people (security issue, item 7;
several-Compacts issue, item 5). The standard world has a look-alike second Compact (Southshire)
with its own steering member and officer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.selectors import history_entries, tracked_type
from organisations.roles import roles_for
from representation import permissions, services
from representation.services import WITHDRAWN_NAME
from tests import factories as f

from .factories import BoardFactory, RepresentativeFactory, group

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire_rep(world):
    rep = RepresentativeFactory(
        compact=world.compact, name="Nadia Northern", email="nadia@example.org", publish_name=True
    )
    rep.communities.set([group("asian-bangladeshi")])
    return rep


def test_another_compacts_steering_member_cannot_erase_this_compacts_representative(world, client_for, northshire_rep):
    other = client_for(world.users["other_steering_member"])
    response = other.post(reverse("representation:representative-withdraw", args=[northshire_rep.pk]))
    assert response.status_code == 403
    northshire_rep.refresh_from_db()
    assert northshire_rep.name == "Nadia Northern" and not northshire_rep.consent_withdrawn
    # Their own steering group still can.
    client_for(world.users["steering_member"]).post(
        reverse("representation:representative-withdraw", args=[northshire_rep.pk])
    )
    northshire_rep.refresh_from_db()
    assert northshire_rep.name == WITHDRAWN_NAME


def test_another_compacts_steering_member_sees_only_what_the_public_sees(world, client_for, northshire_rep):
    page = (
        client_for(world.users["other_steering_member"])
        .get(reverse("representation:representative-detail", args=[northshire_rep.pk]))
        .content.decode()
    )
    assert "Nadia Northern" in page  # published name, as for anyone
    for private in ("nadia@example.org", "Bangladeshi", "BME representative", "Consent given"):
        assert private not in page
    own = (
        client_for(world.users["steering_member"])
        .get(reverse("representation:representative-detail", args=[northshire_rep.pk]))
        .content.decode()
    )
    assert "nadia@example.org" in own and "Bangladeshi" in own


def test_the_pool_list_shows_each_steering_group_its_own_pool(world, client_for, northshire_rep):
    RepresentativeFactory(compact=world.other_compact, name="Sam Southern")
    page = client_for(world.users["other_steering_member"]).get(reverse("representation:representative-list"))
    assert "Sam Southern" in page.content.decode() and "Nadia Northern" not in page.content.decode()


def test_a_representative_of_another_pool_cannot_be_given_a_seat(world, northshire_rep):
    southern_board = BoardFactory(compact=world.other_compact)
    with pytest.raises(ValidationError):
        services.appointment_create(
            board=southern_board,
            representative=northshire_rep,
            role="Member",
            method="appointed",
            start_date=northshire_rep.consent_given_on,
        )
    other = world.users["other_steering_member"]
    assert northshire_rep not in permissions.appointable_representatives(other, southern_board)


def test_a_board_tied_to_no_compact_is_no_steering_groups_to_edit(world):
    shared = BoardFactory(compact=None)
    assert not permissions.can_edit_board(world.users["steering_member"], shared)
    assert permissions.can_edit_board(world.users["site_admin"], shared)
    assert not roles_for(world.users["steering_member"]).steers(None)


def test_another_compacts_steering_member_does_not_see_a_groups_board_counts(world, client_for):
    url = reverse("organisations:profile", args=[world.group.slug])
    own = client_for(world.users["steering_member"]).get(url).context["show_counts"]
    other = client_for(world.users["other_steering_member"]).get(url).context["show_counts"]
    assert own and not other


def test_board_declarations_history_is_for_the_groups_own_compact(world):
    tracked = tracked_type("organisations.boarddeclaration")
    other = roles_for(world.users["other_steering_member"]).steering_compacts
    own = roles_for(world.users["steering_member"]).steering_compacts
    assert history_entries(tracked, compacts=own).filter(organisation_id=world.group.pk).exists()
    assert not history_entries(tracked, compacts=other).filter(organisation_id=world.group.pk).exists()
    f.BoardDeclarationFactory(organisation=world.other_compact_group, members=5, bme_members=5)
    assert history_entries(tracked, compacts=other).filter(organisation_id=world.other_compact_group.pk).exists()
