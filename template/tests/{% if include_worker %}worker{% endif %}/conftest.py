"""Worker test fixtures: real Redis, a unique key prefix per test, real arq workers.

Every key a test creates contains its prefix (queues, heartbeats, failure windows,
the outbox, and job ids), so parallel runs never meet, and all of them are deleted.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from arq.connections import ArqRedis, create_pool
from arq.jobs import Job
from arq.worker import Worker
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.components.worker.connection import health_client, redis_settings
from app.components.worker.queues import QueueName, heartbeat_key, queue_key
from app.core.config import settings
from tests.support import service_unavailable
from tests.worker.helpers import Enqueue, RunningWorker, build_worker, eventually


@pytest.fixture(autouse=True)
def queue_prefix(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A key prefix private to this test, set as ``WORKER_QUEUE_PREFIX``."""
    prefix = f"test-{uuid.uuid4().hex[:16]}:"
    monkeypatch.setattr(settings, "WORKER_QUEUE_PREFIX", prefix)
    yield prefix


@pytest.fixture
async def redis(queue_prefix: str) -> AsyncIterator[Redis]:
    """A client on ``REDIS_URL``; deletes every key holding the test's prefix afterwards."""
    client = health_client()
    try:
        await client.ping()
    except (RedisError, OSError) as error:
        await client.aclose()
        service_unavailable(f"Redis is not reachable at REDIS_URL={settings.REDIS_URL} ({error})")
    try:
        yield client
    finally:
        leftovers = [key async for key in client.scan_iter(match=f"*{queue_prefix}*", count=1000)]
        if leftovers:
            await client.delete(*leftovers)
        await client.aclose()


@pytest.fixture
async def arq_pool(redis: Redis) -> AsyncIterator[ArqRedis]:
    """arq's client, to enqueue jobs as the application would."""
    pool = await create_pool(redis_settings())
    try:
        yield pool
    finally:
        await pool.aclose()


@pytest.fixture
def enqueue(arq_pool: ArqRedis, queue_prefix: str) -> Enqueue:
    """Enqueue ``function(*args)`` on a queue, with a job id carrying the test's prefix."""

    async def _enqueue(queue: QueueName, function: str, *args: Any, **options: Any) -> Job:
        job = await arq_pool.enqueue_job(
            function,
            *args,
            _queue_name=queue_key(queue),
            _job_id=f"{queue_prefix}{uuid.uuid4().hex}",
            **options,
        )
        assert job is not None
        return job

    return _enqueue


@pytest.fixture
def running_worker(redis: Redis) -> RunningWorker:
    """Run a worker in the background until the block ends; its heartbeat is up on entry."""

    @asynccontextmanager
    async def _running(queue: QueueName, **overrides: Any) -> AsyncIterator[Worker]:
        worker = build_worker(queue, **overrides)
        task = asyncio.create_task(worker.async_run())

        async def beating() -> bool:
            return bool(await redis.exists(heartbeat_key(queue)))

        try:
            await eventually(beating)
            yield worker
        finally:
            await worker.close()
            await asyncio.wait({task})

    return _running
