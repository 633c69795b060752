"""No form sent with GET carries the CSRF token: it would land in the address, in CSV links built
from it, in the browser history and in every access log on the way."""

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests.matrix import all_rows, prepare_world
from tests.support import build_world

# Signed-in personas first: they see the most forms.
PREFERENCE = ["site_admin", "steering_member", "officer", "group_member", "outsider", "anonymous"]


class GetForms(HTMLParser):
    """Collects, for each <form method="get">, the names of the inputs inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str]]] = []
        self.get_forms: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.stack.append(((attrs.get("method") or "get").lower(), []))
        elif tag in ("input", "button", "select", "textarea") and self.stack:
            for _, names in self.stack:
                names.append(attrs.get("name") or "")

    def handle_endtag(self, tag):
        if tag == "form" and self.stack:
            method, names = self.stack.pop()
            if method == "get":
                self.get_forms.append(names)


def get_forms(html: str) -> list[list[str]]:
    parser = GetForms()
    parser.feed(html)
    return parser.get_forms


def test_the_parser_finds_a_token_in_a_get_form():
    html = '<form method="get"><input name="q"><input type="hidden" name="csrfmiddlewaretoken"></form>'
    assert get_forms(html) == [["q", "csrfmiddlewaretoken"]]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page of the URL matrix, as one persona allowed to see it sees it."""
    media = tmp_path_factory.mktemp("get-forms-media")
    rendered = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        world = prepare_world(build_world())
        for row in all_rows():
            persona = next((p for p in PREFERENCE if row.expect.get(p) == 200), None)
            if row.method != "get" or persona is None:
                continue
            client = Client()
            if world.users[persona] is not None:
                client.force_login(world.users[persona])
            response = client.get(row.url(world))
            if response.get("Content-Type", "").startswith("text/html"):
                rendered[f"{row.id} as {persona}"] = response.content.decode()
        transaction.set_rollback(True)
    return rendered


@pytest.mark.django_db
def test_no_get_form_on_any_page_carries_the_csrf_token(pages):
    assert len(pages) > 50
    leaking = sorted(
        name for name, html in pages.items() if any("csrfmiddlewaretoken" in form for form in get_forms(html))
    )
    assert leaking == [], leaking
