"""The public complaint form's limits, counted by `common.ratelimit`, and the daily quota of files
that visitors who are not signed in may add to complaint drafts."""

from django.conf import settings
from django.core.cache import cache

from common import ratelimit

DAY_SECONDS = 24 * 3600


def limit() -> int:
    return getattr(settings, "COMPLAINT_RATE_LIMIT", 5)


def window_seconds() -> int:
    return getattr(settings, "COMPLAINT_RATE_WINDOW_SECONDS", 3600)


def allow(request, action: str) -> bool:
    """Count one attempt at `action` from this address; False once the limit is passed."""
    return ratelimit.allow(request, f"complaints:{action}", limit=limit(), window_seconds=window_seconds())


def anonymous_files_per_day() -> int:
    return getattr(settings, "COMPLAINT_ANONYMOUS_FILES_PER_DAY", 10)


def _files_counter(address: str) -> str:
    return f"rate:complaints:draft-files:{address}"


def take_draft_file_slot(address: str) -> bool:
    """Use one of the address's files for today; False (and nothing used) once none are left.
    Counted before the file is stored, so that two uploads at once cannot both take the last one."""
    counter = _files_counter(address)
    cache.add(counter, 0, timeout=DAY_SECONDS)
    try:
        used = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=DAY_SECONDS)
        used = 1
    if used > anonymous_files_per_day():
        give_back_draft_file_slot(address)
        return False
    return True


def give_back_draft_file_slot(address: str) -> None:
    """A refused file (wrong type, too big) does not count against the quota."""
    try:
        cache.decr(_files_counter(address))
    except ValueError:
        pass
