"""The example tasks, run by a real arq worker: they do what they say."""

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from app.components.worker.history import failed_key, finished_key
from app.components.worker.queues import QueueName, queue_key
from app.components.worker.tasks.notifications import outbox_key
from app.components.worker.tasks.system import cleanup_temp_files
from app.core.config import settings
from tests.worker.helpers import Enqueue, build_worker

pytestmark = pytest.mark.anyio


async def run_burst(queue: QueueName) -> None:
    """Run a worker for ``queue`` until it is empty, then close it."""
    worker = build_worker(queue, burst=True)
    try:
        await worker.async_run()
    finally:
        await worker.close()


async def outbox(redis: Redis) -> list[dict[str, Any]]:
    """The delivered notifications, newest first."""
    async with redis.pipeline(transaction=False) as pipe:
        pipe.lrange(outbox_key(), 0, -1)
        (items,) = await pipe.execute()
    return [json.loads(item) for item in items]


async def test_send_notification_delivers_to_the_outbox(redis: Redis, enqueue: Enqueue) -> None:
    job = await enqueue(
        QueueName.NOTIFICATIONS, "send_notification", "ada@example.com", "Welcome", "Hello Ada"
    )

    await run_burst(QueueName.NOTIFICATIONS)

    result = await job.result(timeout=5)
    assert await outbox(redis) == [result]
    assert result["job_id"] == job.job_id
    assert (result["recipient"], result["subject"], result["body"]) == (
        "ada@example.com",
        "Welcome",
        "Hello Ada",
    )
    key = queue_key(QueueName.NOTIFICATIONS)
    assert await redis.zscore(finished_key(key), job.job_id) is not None
    assert await redis.zscore(failed_key(key), job.job_id) is None


async def test_a_notification_without_recipient_fails_and_is_recorded(
    redis: Redis, enqueue: Enqueue
) -> None:
    job = await enqueue(QueueName.NOTIFICATIONS, "send_notification", " ", "Welcome")

    await run_burst(QueueName.NOTIFICATIONS)

    with pytest.raises(ValueError, match="needs a recipient"):
        await job.result(timeout=5)
    assert await outbox(redis) == []
    key = queue_key(QueueName.NOTIFICATIONS)
    assert await redis.zscore(failed_key(key), job.job_id) is not None
    assert await redis.zscore(finished_key(key), job.job_id) is not None


async def test_cleanup_removes_only_files_older_than_the_limit(
    redis: Redis, enqueue: Enqueue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "WORKER_CLEANUP_DIR", str(tmp_path))
    old, fresh = tmp_path / "old.tmp", tmp_path / "nested" / "fresh.tmp"
    fresh.parent.mkdir()
    for path in (old, fresh):
        path.write_text("data")
    two_days_ago = time.time() - 2 * 86_400
    os.utime(old, (two_days_ago, two_days_ago))
    job = await enqueue(QueueName.SYSTEM, "cleanup_temp_files")

    await run_burst(QueueName.SYSTEM)

    assert await job.result(timeout=5) == {"directory": str(tmp_path), "removed": 1, "kept": 1}
    assert not old.exists()
    assert fresh.exists()


async def test_cleanup_never_follows_links_and_accepts_a_missing_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    long_ago = time.time() - 10 * 86_400
    os.utime(outside, (long_ago, long_ago))
    directory = tmp_path / "cleaned"
    directory.mkdir()
    (directory / "link").symlink_to(outside)
    monkeypatch.setattr(settings, "WORKER_CLEANUP_DIR", str(directory))

    report = await cleanup_temp_files({}, max_age_seconds=60)
    monkeypatch.setattr(settings, "WORKER_CLEANUP_DIR", str(tmp_path / "missing"))
    missing = await cleanup_temp_files({})

    assert report == {"directory": str(directory), "removed": 0, "kept": 0}
    assert outside.exists()
    assert missing["removed"] == 0
