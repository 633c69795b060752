"""Drafts, moderation and responses belong to the owner's officers, the steering group of a Compact
the owner signed, and site admins; the public sees everything that is not a draft."""

from datetime import date

import pytest

from consultations import permissions
from consultations.models import Status
from tests import factories as f

from .factories import make_consultation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "persona, may_manage",
    [
        ("anonymous", False),
        ("outsider", False),
        ("group_member", False),
        ("officer", True),
        ("other_officer", False),
        ("steering_member", True),
        ("site_admin", True),
    ],
)
def test_who_may_manage_a_draft(world, persona, may_manage):
    draft = make_consultation(world, status=Status.DRAFT)
    user = world.users[persona]
    assert permissions.can_manage(user, draft) is may_manage
    assert permissions.can_view(user, draft) is may_manage


def test_everyone_sees_a_consultation_once_it_is_open(world):
    consultation = make_consultation(world)
    assert all(permissions.can_view(user, consultation) for user in world.users.values())
    assert permissions.can_comment(None, consultation)


def test_the_steering_group_of_another_compact_may_not_manage(world):
    other_compact = f.CompactFactory(name="Southshire Compact", slug="southshire")
    chair = f.UserFactory(email="chair@south.example")
    f.SteeringGroupMemberFactory(compact=other_compact, user=chair)
    draft = make_consultation(world, status=Status.DRAFT)
    assert not permissions.can_manage(chair, draft)


def test_a_body_that_withdrew_from_the_compact_is_no_longer_steered(world):
    body = f.PublicBodyFactory(name="Withdrawn Council")
    f.SignatoryFactory(
        compact=world.compact, organisation=body, signed_on=date(2020, 1, 1), withdrawn_on=date(2021, 1, 1)
    )
    draft = make_consultation(world, status=Status.DRAFT, owner=body)
    assert not permissions.can_manage(world.users["steering_member"], draft)


def test_actions_follow_the_status(world):
    officer = world.users["officer"]
    draft = make_consultation(world, status=Status.DRAFT, title="One")
    published = make_consultation(world, status=Status.PUBLISHED, title="Two")
    assert permissions.allowed_actions(officer, draft) | {"manage": True} == {
        "manage": True,
        "edit": True,
        "events": True,
        "open": True,
        "close": False,
        "respond": False,
        "record": False,
        "publish": False,
        "comment": False,
        "response": False,
    }
    assert permissions.allowed_actions(officer, published) == {
        "manage": True,
        "edit": False,
        "events": False,
        "open": False,
        "close": False,
        "respond": False,
        "record": False,
        "publish": False,
        "comment": False,
        "response": True,
    }
