"""Helpers for the scheduler tests: a running service, a Redis client, waiting for a verdict."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from redis.asyncio import Redis

from app.components.scheduler.health import check_scheduler_health
from app.components.scheduler.options import SchedulerOptions
from app.components.scheduler.service import SchedulerService
from app.core.redis_client import connect
from app.services.system.models import ComponentStatus, ComponentStatusType


@asynccontextmanager
async def running_scheduler(options: SchedulerOptions) -> AsyncIterator[SchedulerService]:
    """The real service, started and stopped exactly as the entry point does."""
    service = SchedulerService(options)
    await service.start()
    try:
        yield service
    finally:
        await service.stop()


@asynccontextmanager
async def redis_client(url: str) -> AsyncIterator[Redis]:
    """An async client (strings in, strings out) to look at what the scheduler wrote."""
    client = connect(url, timeout=1, decode_responses=True)
    try:
        yield client
    finally:
        await client.aclose()


async def read_hash(client: Redis, key: str) -> dict[str, str]:
    """Every field of a Redis hash (through a pipeline, whose result type every redis-py shares)."""
    async with client.pipeline(transaction=False) as pipe:
        pipe.hgetall(key)
        (fields,) = await pipe.execute()
    result: dict[str, str] = fields
    return result


async def wait_for_status(
    expected: ComponentStatusType, *, within: float
) -> tuple[ComponentStatus, float]:
    """Poll the application's check until it reports ``expected``; fail after ``within`` s."""
    started = time.monotonic()
    while True:
        result = await check_scheduler_health()
        elapsed = time.monotonic() - started
        if result.status is expected:
            return result, elapsed
        if elapsed > within:
            pytest.fail(f"Scheduler still {result.status} after {within} s: {result.message}")
        await asyncio.sleep(0.05)
