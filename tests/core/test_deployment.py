"""Defects a fresh production install found: the healthcheck, mail, contact addresses and logging."""

import logging
import logging.config

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.core.test_security import run_manage

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Y-9qLz_7RvTb2wXe5NcHj8UaPf4GsD6mKo1iQ0tVyZrE9uBlWnA",
    "ALLOWED_HOSTS": "compact.example.org",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.example.org:587",
    "CONTACT_EMAIL": "compact@northants-compact.example",
}


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["compact.example.org"])
def test_the_healthcheck_answers_over_plain_http_on_the_containers_own_address(client):
    # docker-compose calls http://127.0.0.1:8000/healthz inside the container: no HTTPS, no allowed host.
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.content == b"ok"


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["compact.example.org"])
@pytest.mark.django_db
def test_every_other_page_still_redirects_to_https(client):
    response = client.get(reverse("about"), HTTP_HOST="compact.example.org")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_refuses_to_print_its_mail_to_the_console():
    result = run_manage("check", **(PRODUCTION | {"EMAIL_URL": "consolemail://"}))
    assert result.returncode != 0
    assert "EMAIL_URL must name a real mail server" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    environment = dict(PRODUCTION)
    del environment["EMAIL_URL"]
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert "EMAIL_URL must name a real mail server" in result.stderr


def test_production_refuses_to_start_without_a_contact_address():
    environment = dict(PRODUCTION)
    del environment["CONTACT_EMAIL"]
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert "CONTACT_EMAIL must be set" in result.stderr


@pytest.mark.django_db
@override_settings(CONTACT_EMAIL="team@plymouth-compact.example", ACCESSIBILITY_EMAIL="access@plymouth-compact.example")
def test_contact_pages_print_the_deployments_addresses_not_placeholders(client):
    about = client.get(reverse("about")).content.decode()
    accessibility = client.get(reverse("accessibility")).content.decode()
    assert "mailto:team@plymouth-compact.example" in about
    assert "mailto:access@plymouth-compact.example" in accessibility
    assert "example.org" not in about + accessibility


@override_settings(CONTACT_EMAIL="team@plymouth-compact.example")
def test_the_server_error_page_prints_the_contact_address(rf):
    from compact_portal.urls import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"mailto:team@plymouth-compact.example" in response.content


def test_a_django_log_line_is_printed_once(capsys):
    # Django's default config adds a console handler to "django" while DEBUG is on; ours must not add a
    # second path to the root handler.
    logging.config.dictConfig(settings.LOGGING)
    with override_settings(DEBUG=True):
        logging.getLogger("django.request").warning("one line only")
    captured = capsys.readouterr()
    assert (captured.out + captured.err).count("one line only") == 1
