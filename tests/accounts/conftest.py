import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Email limits count in the cache, which outlives a test otherwise.
    cache.clear()
    yield
    cache.clear()
