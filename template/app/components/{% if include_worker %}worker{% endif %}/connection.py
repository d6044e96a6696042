"""Redis connections: arq's settings for workers, and a short-fused client for health checks."""

from urllib.parse import urlsplit, urlunsplit

from arq.connections import RedisSettings
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from app.core.config import settings


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
    timeout = health_timeout()
    client: Redis = Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )
    return client


def masked_url(url: str) -> str:
    """The URL with any password replaced by ``***``, safe for health output."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    userinfo = f"{parts.username or ''}:***"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{userinfo}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
