"""WCAG 1.4.10 (reflow), which axe does not test: every page works at 320 CSS pixels without the page
scrolling sideways. Wide tables scroll inside their own labelled region instead.

The pages are those of the demo crawl (every page reachable from the home page, as the public and as
each demo persona), one address for each kind of page: 1,800 addresses are about 200 kinds.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from accounts.models import User
from tests.core.test_demo_crawl import PERSONAS, crawl_urls

WIDTH = 320


def one_address_per_kind(urls: list[str]) -> list[str]:
    kinds: dict[str, str] = {}
    for url in urls:
        try:
            match = resolve(url.split("?")[0])
        except Resolver404:
            continue
        kind = match.view_name + ("?" if "?" in url else "")
        kinds.setdefault(kind, url)
    return sorted(kinds.values())


@pytest.mark.browser
def test_no_page_is_wider_than_a_320_pixel_screen(
    transactional_db, live_server, _playwright_browser, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    too_wide, visited = [], 0
    for email in PERSONAS:
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        urls = [url for url, status, kind in crawl_urls(client) if status == 200 and kind.startswith("text/html")]
        context = _playwright_browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 800})
        if email:
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
        page = context.new_page()
        for url in one_address_per_kind(urls):
            page.goto(url)
            visited += 1
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > WIDTH:
                too_wide.append(f"{email or 'public'} {url}: {width}px")
        context.close()
    print(f"\n{visited} pages at {WIDTH}px; too wide: {len(too_wide)}", *too_wide, sep="\n")
    assert too_wide == []
