import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The public form's rate limit counts in the cache, which outlives a test otherwise.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def emails(mailoutbox, django_capture_on_commit_callbacks):
    """Run the emails queued on commit (tests never commit) and return the outbox."""

    class Outbox:
        def __init__(self):
            self.capture = django_capture_on_commit_callbacks

        def during(self):
            return self.capture(execute=True)

        @property
        def sent(self):
            return mailoutbox

    return Outbox()
