"""Signed-in sessions end after 30 idle minutes (sliding) and 12 hours after signing in."""

import pytest
from django.urls import reverse

from accounts import middleware
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        t = 1_800_000_000.0

        def advance(self, seconds):
            self.t += seconds

    clock = Clock()
    monkeypatch.setattr(middleware, "now", lambda: clock.t)
    return clock


@pytest.fixture
def signed_in(client):
    UserFactory(email="olu@council.example")
    assert (
        client.post(reverse("accounts:login"), {"username": "olu@council.example", "password": PASSWORD}).status_code
        == 302
    )
    return client


def test_a_session_idle_for_more_than_30_minutes_is_signed_out(clock, signed_in):
    assert signed_in.get(PROFILE).status_code == 200
    clock.advance(29 * 60)
    assert signed_in.get(PROFILE).status_code == 200
    clock.advance(31 * 60)
    response = signed_in.get(PROFILE, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "inactive for 30 minutes" in response.content.decode()
    assert signed_in.get(PROFILE).status_code == 302


def test_activity_keeps_a_session_alive_until_12_hours_after_signing_in(clock, signed_in):
    for _ in range(11 * 4 + 3):  # every 15 minutes for 11 hours 45 minutes
        clock.advance(15 * 60)
        assert signed_in.get(PROFILE).status_code == 200
    clock.advance(20 * 60)
    response = signed_in.get(PROFILE, follow=True)
    assert "signed in more than 12 hours ago" in response.content.decode()
    assert signed_in.get(PROFILE).status_code == 302


def test_timeouts_come_from_settings(clock, signed_in, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    signed_in.get(PROFILE)
    clock.advance(6 * 60)
    assert signed_in.get(PROFILE).status_code == 302


def test_the_session_cookie_lasts_no_longer_than_the_absolute_timeout(settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_TIMEOUT == 12 * 3600
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
