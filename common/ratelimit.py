"""A per-address counter in Django's cache, for the public forms that need no account (complaints,
anonymous consultation comments).

With the default local-memory cache each server process counts on its own; production sets a shared
cache (CACHE_URL, Redis) so the limit holds across processes.
"""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The address to count. With no trusted proxy (TRUSTED_PROXY_HOPS=0, docker-compose.yml as
    shipped) it is the connection's. Behind N trusted proxies it is the address the outermost of them
    saw: the Nth entry from the right of X-Forwarded-For. Entries further left are whatever the
    sender chose to write, so they are never used."""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt at `key` (e.g. "complaints:raise") from this address; False once more than
    `limit` attempts fall in the window."""
    return allow_key(f"{key}:{client_address(request)}", limit=limit, window_seconds=window_seconds)


def allow_key(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt at `key` whoever makes it (e.g. emails sent to one account); False once more
    than `limit` attempts fall in the window."""
    counter = f"rate:{key}"
    cache.add(counter, 0, timeout=window_seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=window_seconds)
        count = 1
    return count <= limit
