"""The public complaint form's limits, counted by `common.ratelimit`."""

from django.conf import settings

from common import ratelimit


def limit() -> int:
    return getattr(settings, "COMPLAINT_RATE_LIMIT", 5)


def window_seconds() -> int:
    return getattr(settings, "COMPLAINT_RATE_WINDOW_SECONDS", 3600)


def allow(request, action: str) -> bool:
    """Count one attempt at `action` from this address; False once the limit is passed."""
    return ratelimit.allow(request, f"complaints:{action}", limit=limit(), window_seconds=window_seconds())
