"""A person can close their own account: their personal details are erased, what they did is kept
under "Former user"."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from organisations.models import Membership, SteeringGroupMember
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

CLOSE = reverse("accounts:close")


def test_the_confirmation_page_says_what_happens_and_asks_for_the_password(world, client_for):
    page = client_for(world.users["officer"]).get(CLOSE).content.decode()
    assert "You cannot undo this" in page and "Former user" in page
    assert 'name="password"' in page
    assert (
        reverse("accounts:close")
        in client_for(world.users["officer"]).get(reverse("accounts:profile")).content.decode()
    )


def test_a_wrong_password_closes_nothing(world, client_for):
    officer = world.users["officer"]
    response = client_for(officer).post(CLOSE, {"password": "not-my-password"})
    assert "Enter your current password to close your account" in response.content.decode()
    officer.refresh_from_db()
    assert officer.is_active and officer.full_name == "Olu Officer"


def test_closing_erases_the_person_ends_their_memberships_and_keeps_their_records(world, client_for):
    officer = world.users["officer"]
    world.council.description = "Changed by Olu"
    world.council._history_user = officer
    world.council.save()
    client = client_for(officer)

    response = client.post(CLOSE, {"password": PASSWORD}, follow=True)

    assert "Your account has been closed" in response.content.decode()
    closed = User.objects.get(pk=officer.pk)
    assert closed.full_name == "Former user"
    assert "officer@council.example" not in closed.email and closed.email.endswith(".invalid")
    assert not closed.has_usable_password() and not closed.is_active
    assert not Membership.objects.filter(user=closed).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302  # signed out
    login = Client().post(reverse("accounts:login"), {"username": "officer@council.example", "password": PASSWORD})
    assert login.status_code == 200  # no such account any more
    # The change they made is still there, under "Former user".
    history = client_for(world.users["steering_member"]).get(
        reverse("audit:history", args=["organisations.organisation"])
    )
    text = history.content.decode()
    assert "Changed by Olu" in text and "Former user" in text and "Olu Officer" not in text


def test_closing_ends_a_steering_seat_and_site_admin_powers(world, client_for):
    chair = world.users["steering_member"]
    chair.is_staff = chair.is_superuser = True
    chair.save()
    client_for(chair).post(CLOSE, {"password": PASSWORD})
    chair.refresh_from_db()
    assert not chair.is_superuser and not chair.is_staff
    assert all(seat.end_date is not None for seat in SteeringGroupMember.objects.filter(user=chair))


def test_two_closed_accounts_never_share_a_placeholder_and_the_address_can_sign_up_again(world, client_for):
    for persona in ("officer", "other_officer"):
        client_for(world.users[persona]).post(CLOSE, {"password": PASSWORD})
    emails = list(User.objects.filter(full_name="Former user").values_list("email", flat=True))
    assert len(emails) == len(set(emails)) == 2
    data = {"full_name": "Olu Again", "email": "officer@council.example", "password": "a-long-and-unusual-passphrase"}
    Client().post(reverse("accounts:signup"), data)
    assert User.objects.get(email="officer@council.example").full_name == "Olu Again"
