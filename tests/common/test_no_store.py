"""No page or download the portal builds is kept by a browser or proxy; static files still are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_every_page_for_a_signed_in_person_is_no_store(world, client_for):
    client = client_for(world.users["steering_member"])
    for url in (
        reverse("accounts:profile"),
        reverse("home"),
        reverse("organisations:directory"),
        reverse("audit:history", args=["organisations.organisation"]),
        reverse("organisations:directory") + "?format=csv",
    ):
        assert no_store(client.get(url)), url


def test_anonymous_pages_and_downloads_are_no_store_unless_declared_public(client, world):
    assert no_store(client.get(reverse("accounts:login")))
    assert no_store(client.get(reverse("organisations:eligibility")))


def test_a_view_that_declares_itself_public_keeps_that_for_anonymous_visitors_only(rf, world):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from common.middleware import NoStoreMiddleware

    def public_view(request):
        response = HttpResponse("open data")
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = rf.get("/")
    request.user = AnonymousUser()
    assert NoStoreMiddleware(public_view)(request)["Cache-Control"] == "public, max-age=600"
    request.user = world.users["officer"]
    assert no_store(NoStoreMiddleware(public_view)(request))


def test_static_files_stay_cacheable(client, settings):
    from django.test import override_settings

    # WhiteNoise serves them before the middleware runs; in tests, the finders do.
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        response = client.get("/static/images/favicon.svg")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
