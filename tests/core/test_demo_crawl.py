"""Every page a person can reach by following links from the home page, on the demo data, as each
kind of user: none may fail. Unit tests build the records they need; the demo holds the odd ones
they may not (a return started by a script, with no user), which is how a broken page was found."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User

PERSONAS = [
    None,
    "officer@westnorthants.example",
    "group@acforum.example",
    "steering@northants.example",
    "admin@portal.example",
    "officer@plymouth.example",
]
SKIP = ("/static/", "/admin/", "/media/", "/accounts/sign-out")
LINK = re.compile(r'href="(/[^"#]*)"')


def crawl_urls(client: Client, limit: int = 3000) -> list[tuple[str, int | str, str]]:
    """(address, status or the error raised, content type) of every page reachable from the home page."""
    seen: set[str] = set()
    queue = ["/"]
    visited: list[tuple[str, int | str, str]] = []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            response = client.get(url)
        except Exception as exc:  # the test client re-raises what a view or template raised
            visited.append((url, f"{exc!r}"[:300], ""))
            continue
        kind = response.get("Content-Type", "")
        visited.append((url, response.status_code, kind))
        if response.status_code == 200 and kind.startswith("text/html"):
            links = (href.replace("&amp;", "&") for href in LINK.findall(response.content.decode()))
            queue.extend(href for href in links if not href.startswith(SKIP) and href not in seen)
    return visited


def crawl(client: Client, limit: int = 3000) -> tuple[int, list[str]]:
    visited = crawl_urls(client, limit)
    failures = [f"{url}: {status}" for url, status, _ in visited if isinstance(status, str) or status >= 500]
    return len(visited), failures


@pytest.mark.django_db
def test_no_page_reachable_from_the_home_page_fails_for_anyone(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    pages, failures = 0, []
    for email in PERSONAS:
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        visited, failed = crawl(client)
        pages += visited
        failures += [f"{email or 'public'} {f}" for f in failed]
    assert failures == []
    assert pages > 1000  # the crawl really went through the portal
