"""The scheduled jobs. Add yours in :func:`add_jobs`; the heartbeat reports each one.

The example job, ``record_tick``, stores when it last ran, in which process and how many
times, in a Redis hash (``<prefix>:example:tick``): visible proof that scheduled work
really runs (``redis-cli HGETALL <prefix>:example:tick``). Replace it with real work.
"""

import os
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from redis.asyncio import Redis

from app.components.scheduler.options import SchedulerOptions

EXAMPLE_JOB_ID = "record_tick"


def tick_key(prefix: str) -> str:
    """The Redis hash the example job writes."""
    return f"{prefix}:example:tick"


async def record_tick(redis: Redis, key: str) -> None:
    """Example job: record this run's time and process, and count the runs."""
    async with redis.pipeline(transaction=True) as pipe:
        pipe.hset(key, mapping={"last_run_at": datetime.now(UTC).isoformat(), "pid": os.getpid()})
        pipe.hincrby(key, "runs", 1)
        await pipe.execute()


def add_jobs(scheduler: AsyncIOScheduler, redis: Redis, options: SchedulerOptions) -> None:
    """Put every application job on ``scheduler`` (called once, before it starts)."""
    scheduler.add_job(
        record_tick,
        IntervalTrigger(seconds=options.example_job_seconds),
        id=EXAMPLE_JOB_ID,
        name="Record a tick in Redis",
        kwargs={"redis": redis, "key": tick_key(options.key_prefix)},
        next_run_time=datetime.now(UTC),
        replace_existing=True,
    )
