"""Scheduler test fixtures: a real Redis and heartbeat keys private to this test run.

Several projects' suites may share one Redis at the same time, so every test writes under
its own key prefix and deletes what it wrote.
"""

from collections.abc import Iterator
from uuid import uuid4

import pytest
from redis import Redis
from redis.exceptions import RedisError

from app.components.scheduler.options import SchedulerOptions
from app.core.config import settings
from tests.support import service_unavailable

HEARTBEAT_SECONDS = 0.5
"""Short enough for quick tests, long enough for a loaded CI machine to keep the beat."""


@pytest.fixture
def key_prefix(monkeypatch: pytest.MonkeyPatch) -> str:
    """A prefix no other test or project uses; the application's check reads under it."""
    prefix = f"test-{uuid4().hex}:scheduler"
    monkeypatch.setattr(settings, "SCHEDULER_KEY_PREFIX", prefix)
    return prefix


@pytest.fixture
def redis_url(key_prefix: str) -> Iterator[str]:
    """REDIS_URL of a reachable Redis; every key under the test's prefix is removed after."""
    url = settings.REDIS_URL
    client = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except RedisError as error:
        client.close()
        service_unavailable(f"Redis not reachable at REDIS_URL={url} ({error}); set REDIS_URL")
    try:
        yield url
    finally:
        keys = list(client.scan_iter(match=f"{key_prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()


@pytest.fixture
def options(redis_url: str, key_prefix: str) -> SchedulerOptions:
    """Options for an in-process scheduler with a short heartbeat and a busy example job."""
    return SchedulerOptions(
        redis_url=redis_url,
        key_prefix=key_prefix,
        heartbeat_seconds=HEARTBEAT_SECONDS,
        redis_timeout_seconds=1.0,
        example_job_seconds=0.2,
    )
