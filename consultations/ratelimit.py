"""A per-address counter in Django's cache for the anonymous comment form (a shared cache such as
Redis makes the limit hold across server processes)."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the sender wants unless a trusted proxy sets it.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow_anonymous_comment(request) -> bool:
    """Count one anonymous comment from this address; False once the hourly limit is passed."""
    key = f"consultations:rate:comment:{client_address(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= settings.CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR
