import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_person_signs_in_with_email_and_password_and_signs_out():
    user = UserFactory(email="olu@council.example")
    from django.test import Client

    client = Client()
    response = sign_in(client, "OLU@council.example", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).context["user"] == user
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_shows_an_error_summary(client):
    UserFactory(email="olu@council.example")
    response = sign_in(client, "olu@council.example", "not-the-password")
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode()
    assert "There is a problem" in response.content.decode()


def test_five_failed_sign_ins_lock_the_account_even_with_the_right_password(client):
    UserFactory(email="olu@council.example")
    for _ in range(5):
        sign_in(client, "olu@council.example", "wrong-password")
    response = sign_in(client, "olu@council.example", PASSWORD)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()


def confirmation_link(message) -> str:
    found = re.search(r"https?://[^/]+(/accounts/create-account/confirm/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_new_account_is_confirmed_by_email_then_signed_in_and_stored_with_argon2(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = client.post(
        reverse("accounts:signup"),
        {"full_name": "Abena Mensah", "email": "Abena@Forum.example", "password": "a-long-and-unusual-passphrase"},
        follow=True,
    )
    assert "Check your email" in response.content.decode()
    user = User.objects.get(email="abena@forum.example")
    assert user.password.startswith("argon2")
    assert not user.is_active  # nobody can sign in with it until the mailbox's owner confirms
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert mail.outbox[0].to == ["abena@forum.example"]
    response = client.get(confirmation_link(mail.outbox[0]))
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.get(confirmation_link(mail.outbox[0])).status_code == 200  # used once: "expired" page


def test_sign_up_with_a_taken_email_says_nothing_different_and_emails_the_owner(client):
    owner = UserFactory(email="abena@forum.example")
    data = {"full_name": "Someone Else", "email": "ABENA@forum.example", "password": "a-long-and-unusual-passphrase"}
    taken = client.post(reverse("accounts:signup"), data, follow=True)
    fresh = client.post(reverse("accounts:signup"), {**data, "email": "new@forum.example"}, follow=True)
    assert taken.redirect_chain == [(reverse("accounts:signup_sent"), 302)]
    assert taken.content.decode() == fresh.content.decode().replace("new@forum.example", "ABENA@forum.example")
    assert "already" not in taken.content.decode()
    assert User.objects.filter(email__iexact="abena@forum.example").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD) and owner.full_name != "Someone Else"
    taken_email = mail.outbox[0]
    assert taken_email.to == ["abena@forum.example"]
    assert "Someone tried to create" in taken_email.body
    assert "/accounts/password-reset/" in taken_email.body
    assert "/create-account/confirm/" not in taken_email.body


def test_a_pending_sign_up_cannot_keep_a_password_someone_else_chose(client):
    data = {"full_name": "Intruder", "email": "abena@forum.example", "password": "intruders-passphrase-1"}
    client.post(reverse("accounts:signup"), data)
    first_link = confirmation_link(mail.outbox[0])
    client.post(reverse("accounts:signup"), {**data, "full_name": "Abena", "password": "abenas-own-passphrase-2"})
    assert client.get(first_link).status_code == 200  # the earlier link no longer works
    assert client.get(confirmation_link(mail.outbox[1])).status_code == 302
    user = User.objects.get(email="abena@forum.example")
    assert user.is_active and user.full_name == "Abena" and user.check_password("abenas-own-passphrase-2")


def test_weak_password_is_refused(client):
    response = client.post(
        reverse("accounts:signup"), {"full_name": "A", "email": "a@b.example", "password": "password"}
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    assert not User.objects.exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="olu@council.example")
    client.post(reverse("accounts:password_reset"), {"email": "olu@council.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password-reset/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "brand-new-passphrase-9", "new_password2": "brand-new-passphrase-9"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-passphrase-9")


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_empty_sign_in_says_what_to_enter(client):
    text = client.post(reverse("accounts:login"), {"username": "", "password": ""}).content.decode()
    assert "Enter your email address" in text
    assert "Enter your password" in text
