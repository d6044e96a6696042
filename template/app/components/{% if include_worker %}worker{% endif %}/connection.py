"""Redis connections: arq's settings for workers, and a short-fused client for health checks."""

from arq.connections import RedisSettings
from redis.asyncio import Redis

from app.core.config import settings
from app.core.redis_client import connect


def redis_settings() -> RedisSettings:
    """arq's connection settings, from ``REDIS_URL`` (read at call time)."""
    return RedisSettings.from_dsn(settings.REDIS_URL)


def health_timeout() -> float:
    """Redis timeout for a health check: capped at half the check's deadline.

    A slow or unreachable Redis then yields the check's own specific message rather
    than the runner's generic "timed out".
    """
    return min(settings.WORKER_REDIS_TIMEOUT_SECONDS, settings.HEALTH_CHECK_TIMEOUT_SECONDS / 2)


def health_client() -> Redis:
    """A fresh async client with short timeouts and no retries; close it after use."""
    return connect(settings.REDIS_URL, timeout=health_timeout())
