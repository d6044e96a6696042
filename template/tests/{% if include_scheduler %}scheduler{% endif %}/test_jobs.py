"""The example job does what it says: it records its runs in Redis."""

import asyncio
import os
from datetime import UTC, datetime, timedelta

import pytest

from app.components.scheduler.health import check_scheduler_health
from app.components.scheduler.jobs import EXAMPLE_JOB_ID, record_tick, tick_key
from app.components.scheduler.options import SchedulerOptions
from tests.scheduler.support import read_hash, redis_client, running_scheduler

pytestmark = pytest.mark.anyio


async def test_record_tick_stores_the_time_the_process_and_a_run_count(
    redis_url: str, key_prefix: str
) -> None:
    key = tick_key(key_prefix)
    async with redis_client(redis_url) as redis:
        await record_tick(redis, key)
        await record_tick(redis, key)
        stored = await read_hash(redis, key)

    assert stored["runs"] == "2"
    assert stored["pid"] == str(os.getpid())
    last_run = datetime.fromisoformat(stored["last_run_at"])
    assert datetime.now(UTC) - last_run < timedelta(seconds=5)


async def test_the_scheduler_runs_the_example_job_on_its_interval(
    options: SchedulerOptions,
) -> None:
    key = tick_key(options.key_prefix)
    async with running_scheduler(options), redis_client(options.redis_url) as redis:
        for _ in range(100):
            result = await check_scheduler_health()
            child = next(child for child in result.children if child.name == EXAMPLE_JOB_ID)
            runs = int((await read_hash(redis, key)).get("runs", 0))
            if runs >= 3 and child.metadata["last_outcome"] == "success":
                break
            await asyncio.sleep(0.05)

    assert runs >= 3, "the example job did not repeat"
    assert child.metadata["last_outcome"] == "success", "the heartbeat did not report its run"
    assert child.metadata["last_run_at"] is not None
