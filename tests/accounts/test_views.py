import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.services import EMAIL_TAKEN
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


def test_new_account_is_created_signed_in_and_stored_with_argon2(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = client.post(
        reverse("accounts:signup"),
        {"full_name": "Abena Mensah", "email": "Abena@Forum.example", "password": "a-long-and-unusual-passphrase"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="abena@forum.example")
    assert user.password.startswith("argon2")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_account_with_a_taken_email_is_refused_with_a_clear_message(client):
    UserFactory(email="abena@forum.example")
    response = client.post(
        reverse("accounts:signup"),
        {"full_name": "Abena", "email": "abena@forum.example", "password": "a-long-and-unusual-passphrase"},
    )
    assert EMAIL_TAKEN in response.content.decode()
    assert User.objects.count() == 1


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
