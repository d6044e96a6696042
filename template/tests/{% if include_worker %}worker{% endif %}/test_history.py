"""The failure window in real Redis: only recent outcomes count, and its size is bounded."""

import time

import pytest
from redis.asyncio import Redis

from app.components.worker.history import (
    failed_key,
    finished_key,
    read_failure_window,
    record_outcome,
)
from app.components.worker.queues import QueueName, queue_key
from app.core.config import settings

pytestmark = pytest.mark.anyio


async def test_outcomes_older_than_the_window_are_trimmed_and_not_counted(redis: Redis) -> None:
    key = queue_key(QueueName.SYSTEM)
    now = time.time()
    stale = now - settings.WORKER_FAILURE_WINDOW_SECONDS - 60

    await record_outcome(redis, key, "stale", success=False, finished_at=stale)
    await record_outcome(redis, key, "ok", success=True, finished_at=now)
    await record_outcome(redis, key, "broken", success=False, finished_at=now)

    window = await read_failure_window(redis, key)
    assert (window.finished, window.failed, window.failure_rate) == (2, 1, 0.5)
    assert await redis.zrange(failed_key(key), 0, -1) == [b"broken"]
    assert 0 < await redis.ttl(finished_key(key)) <= settings.WORKER_FAILURE_WINDOW_SECONDS


async def test_the_window_keeps_at_most_the_configured_number_of_jobs(
    redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "WORKER_FAILURE_WINDOW_MAX_JOBS", 4)
    key = queue_key(QueueName.SYSTEM)
    start = time.time() - 100
    outcomes = [False] * 4 + [True] * 4

    for index, success in enumerate(outcomes):
        await record_outcome(redis, key, f"job-{index}", success=success, finished_at=start + index)

    window = await read_failure_window(redis, key)
    assert await redis.zcard(finished_key(key)) == 4
    assert (window.finished, window.failed) == (4, 0)
