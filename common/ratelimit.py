"""A per-address counter in Django's cache, for the public forms that need no account (complaints,
anonymous consultation comments).

With the default local-memory cache each server process counts on its own; production sets a shared
cache (CACHE_URL, Redis) so the limit holds across processes.
"""

from django.core.cache import cache


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the sender wants it to be unless a proxy we
    # trust overwrites it, and the portal's own stack (docker-compose.yml) has no proxy.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt at `key` (e.g. "complaints:raise") from this address; False once more than
    `limit` attempts fall in the window."""
    counter = f"rate:{key}:{client_address(request)}"
    cache.add(counter, 0, timeout=window_seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=window_seconds)
        count = 1
    return count <= limit
