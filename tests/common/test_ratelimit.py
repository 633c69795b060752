import pytest
from django.test import RequestFactory

from common.ratelimit import allow, client_address


def request_from(remote="10.0.0.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/complaints/", **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_address(request_from(forwarded="203.0.113.9")) == "10.0.0.5"


def test_behind_one_proxy_the_address_it_saw_is_used_not_what_the_sender_wrote(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # The sender wrote 1.2.3.4 themselves; the load balancer appended the address it saw.
    assert client_address(request_from(forwarded="1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    settings.TRUSTED_PROXY_HOPS = 2
    assert client_address(request_from(forwarded="1.2.3.4, 203.0.113.9, 10.1.1.1")) == "203.0.113.9"


def test_a_missing_or_short_header_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_HOPS = 2
    assert client_address(request_from(forwarded="203.0.113.9")) == "10.0.0.5"
    assert client_address(request_from()) == "10.0.0.5"


@pytest.mark.parametrize("hops", [0, 1])
def test_each_client_has_its_own_count(settings, hops):
    settings.TRUSTED_PROXY_HOPS = hops
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"rl-{hops}"}
    }
    first = request_from(remote="10.0.0.5" if hops else "198.51.100.1", forwarded="198.51.100.1")
    second = request_from(remote="10.0.0.5" if hops else "198.51.100.2", forwarded="198.51.100.2")
    assert [allow(first, "test", limit=2, window_seconds=60) for _ in range(3)] == [True, True, False]
    assert allow(second, "test", limit=2, window_seconds=60)
