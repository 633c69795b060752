"""A per-address counter in Django's cache, for the public complaint form.

With the default local-memory cache each server process counts on its own; production should set a
shared cache (Redis) so the limit holds across processes.
"""

from django.conf import settings
from django.core.cache import cache


def limit() -> int:
    return getattr(settings, "COMPLAINT_RATE_LIMIT", 5)


def window_seconds() -> int:
    return getattr(settings, "COMPLAINT_RATE_WINDOW_SECONDS", 3600)


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the sender wants it to be unless a proxy we
    # trust overwrites it, and the portal's own stack (docker-compose.yml) has no proxy.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, action: str) -> bool:
    """Count one attempt at `action` from this address; False once the limit is passed."""
    key = f"complaints:rate:{action}:{client_address(request)}"
    cache.add(key, 0, timeout=window_seconds())
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds())
        count = 1
    return count <= limit()
