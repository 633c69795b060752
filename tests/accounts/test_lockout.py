"""The lock-out counts an account whatever the email's letter case, and an address on its own."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SPELLINGS = [
    "olu@council.example",
    "OLU@council.example",
    "Olu@council.example",
    "oLu@council.example",
    "olU@Council.example",
    " olu@COUNCIL.example ",
    "OLU@COUNCIL.EXAMPLE",
    "olu@council.EXAMPLE",
    "Olu@Council.Example",
]


def sign_in(client, email, password, address="203.0.113.7"):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def test_changing_the_emails_letter_case_does_not_buy_more_guesses(client):
    UserFactory(email="olu@council.example")
    answers = [sign_in(client, spelling, "wrong-password").status_code for spelling in SPELLINGS[:8]]
    assert answers[:4] == [200] * 4  # the fifth wrong guess locks the account
    assert set(answers[4:]) == {429}
    # The right password under a ninth spelling is refused too, and does not clear the lock.
    assert sign_in(client, SPELLINGS[8], PASSWORD).status_code == 429
    assert sign_in(client, "olu@council.example", PASSWORD).status_code == 429


def test_the_account_is_locked_from_every_address_after_five_failures():
    UserFactory(email="olu@council.example")
    for n in range(5):
        sign_in(Client(), SPELLINGS[n], "wrong-password", address=f"198.51.100.{n}")
    assert sign_in(Client(), "olu@council.example", PASSWORD, address="192.0.2.99").status_code == 429


def test_an_address_is_locked_after_five_failures_across_accounts():
    for n in range(5):
        UserFactory(email=f"person{n}@council.example")
        sign_in(Client(), f"person{n}@council.example", "wrong-password")
    UserFactory(email="olu@council.example")
    assert sign_in(Client(), "olu@council.example", PASSWORD).status_code == 429
    assert sign_in(Client(), "olu@council.example", PASSWORD, address="192.0.2.99").status_code == 302


def test_signing_in_to_ones_own_account_does_not_clear_anothers_failures():
    UserFactory(email="olu@council.example")
    UserFactory(email="attacker@example.org")
    for round_ in range(2):
        for n in range(3):
            sign_in(Client(), SPELLINGS[n], "wrong-password", address=f"198.51.100.{round_}")
        assert sign_in(Client(), "attacker@example.org", PASSWORD, address=f"198.51.100.{round_}").status_code == 302
    # 6 failures against Olu in all: the account is locked although the attacker signed in between.
    assert sign_in(Client(), "olu@council.example", PASSWORD, address="192.0.2.99").status_code == 429


def test_a_successful_sign_in_clears_that_persons_own_earlier_mistakes(client):
    UserFactory(email="olu@council.example")
    for _ in range(4):
        sign_in(client, "Olu@council.example", "wrong-password")
    assert sign_in(client, "olu@council.example", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        sign_in(client, "olu@council.example", "wrong-password")
    assert sign_in(client, "olu@council.example", PASSWORD).status_code == 302


def reset(client, email, address="203.0.113.7"):
    return client.post(reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=address, follow=True)


def test_password_reset_emails_are_limited_per_account_and_the_page_says_the_same(client):
    UserFactory(email="olu@council.example")
    pages = [reset(Client(), spelling, address=f"198.51.100.{n}") for n, spelling in enumerate(SPELLINGS[:6])]
    assert len(mail.outbox) == 3
    assert all("Check your email" in page.content.decode() for page in pages)
    assert all(re.search(r"/password-reset/\S+/", m.body) for m in mail.outbox)


def test_password_reset_emails_are_limited_per_address(client):
    for n in range(12):
        UserFactory(email=f"person{n}@council.example")
        assert "Check your email" in reset(client, f"person{n}@council.example").content.decode()
    assert len(mail.outbox) == 10
    reset(client, "person11@council.example", address="192.0.2.99")
    assert len(mail.outbox) == 11


def test_sign_up_emails_to_one_address_are_limited(client):
    UserFactory(email="olu@council.example")
    for n in range(5):
        data = {"full_name": "X", "email": "olu@council.example", "password": "a-long-and-unusual-passphrase"}
        response = client.post(reverse("accounts:signup"), data, REMOTE_ADDR=f"198.51.100.{n}", follow=True)
        assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_lockout_records_an_ip_address_or_nothing_never_unknown(rf, settings):
    from accounts.lockout import client_ip_for_lockout

    assert client_ip_for_lockout(rf.get("/", REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"
    bare = rf.get("/")
    del bare.META["REMOTE_ADDR"]
    # A sign-in with no address (a script, a test's force_login) must still be recorded: PostgreSQL's
    # inet column refuses the rate limiter's "unknown".
    assert client_ip_for_lockout(bare) is None
    settings.TRUSTED_PROXY_HOPS = 1
    assert client_ip_for_lockout(rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address")) is None
