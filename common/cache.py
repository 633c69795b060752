"""The shared cache (Redis, CACHE_URL) as something the portal can lose.

The cache only counts (rate limits on the public forms and account emails) and remembers when a lost
task was last sent again: nothing is stored there alone. With Django's Redis backend a Redis that is
down would fail every page that counts, so this backend treats an unreachable Redis as an empty cache:
a read misses, a write is dropped, a counter starts again (the rate limits let people through while
Redis is down rather than refuse everyone). docs/operations.md, "Faults the portal survives".
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _or(fallback):
    def wrap(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                logger.warning("Cache unavailable, %s treated as a miss: %s", method.__name__, error)
                if isinstance(fallback, type) and issubclass(fallback, Exception):
                    raise fallback("the cache is unavailable") from error
                return fallback() if callable(fallback) else fallback

        return guarded

    return wrap


class ForgivingRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            logger.warning("Cache unavailable, get treated as a miss: %s", error)
            return default

    get_many = _or(dict)(RedisCache.get_many)
    has_key = _or(False)(RedisCache.has_key)
    add = _or(False)(RedisCache.add)
    set = _or(None)(RedisCache.set)
    set_many = _or(list)(RedisCache.set_many)
    touch = _or(False)(RedisCache.touch)
    delete = _or(False)(RedisCache.delete)
    delete_many = _or(None)(RedisCache.delete_many)
    clear = _or(None)(RedisCache.clear)
    # Callers treat ValueError as "the counter is gone" and start it again.
    incr = _or(ValueError)(RedisCache.incr)
    decr = _or(ValueError)(RedisCache.decr)
