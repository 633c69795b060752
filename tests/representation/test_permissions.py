"""Who may edit boards, manage appointments, keep the pool and see names."""

import pytest

from representation import permissions
from tests import factories as f

from .factories import BoardFactory, RepresentativeFactory


@pytest.fixture
def boards(world):
    own = BoardFactory(compact=world.compact, convening_organisation=world.council)
    other_compact = BoardFactory(compact=f.CompactFactory(), convening_organisation=world.other_body)
    unattached = BoardFactory(compact=None)
    return own, other_compact, unattached


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", (False, False, False)),
        ("outsider", (False, False, False)),
        ("group_member", (False, False, False)),
        ("officer", (False, False, False)),
        ("steering_member", (True, False, False)),
        ("other_steering_member", (False, False, False)),
        ("site_admin", (True, True, True)),
    ],
)
def test_editing_a_board_is_for_its_compacts_steering_group_and_site_admins(world, boards, persona, expected):
    user = world.users[persona]
    assert tuple(permissions.can_edit_board(user, board) for board in boards) == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", (False, False, False)),
        ("group_member", (False, False, False)),
        ("officer", (True, False, False)),
        ("other_officer", (False, True, False)),
        ("steering_member", (True, False, False)),
        ("other_compact_officer", (False, False, False)),
        ("site_admin", (True, True, True)),
    ],
)
def test_officers_of_the_convening_organisation_manage_its_appointments(world, boards, persona, expected):
    user = world.users[persona]
    assert tuple(permissions.can_manage_appointments(user, board) for board in boards) == expected


def test_names_are_public_only_with_consent_to_publish(world, boards):
    own = boards[0]
    published = RepresentativeFactory(publish_name=True)
    unpublished = RepresentativeFactory(publish_name=False)
    withdrawn = RepresentativeFactory(publish_name=True, consent_withdrawn_on="2026-01-01")
    anonymous, officer, steering = (world.users[p] for p in ("anonymous", "officer", "steering_member"))
    assert permissions.can_see_name(anonymous, published)
    assert not permissions.can_see_name(anonymous, unpublished)
    assert not permissions.can_see_name(officer, unpublished)
    assert permissions.can_see_name(officer, unpublished, own)  # they manage that board's seats
    assert permissions.can_see_name(steering, unpublished)
    assert not permissions.can_see_name(steering, withdrawn)
    assert not permissions.can_view_representative(anonymous, unpublished)
    assert permissions.can_view_representative(anonymous, published)
