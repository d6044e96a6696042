"""The real scheduler in-process, started and stopped by the functions the entry point uses."""

import asyncio
import os
from datetime import UTC, datetime

import pytest

from app.components.scheduler.health import check_scheduler_health
from app.components.scheduler.heartbeat import heartbeat_key, read_heartbeat
from app.components.scheduler.jobs import EXAMPLE_JOB_ID
from app.components.scheduler.options import SchedulerOptions
from app.components.scheduler.service import SchedulerService
from app.services.system.models import ComponentStatusType
from tests.scheduler.support import redis_client, running_scheduler, wait_for_status

pytestmark = pytest.mark.anyio

SLACK_SECONDS = 1.5
"""Room for a loaded machine on top of the two-interval promise."""


async def test_a_running_scheduler_is_healthy_with_its_jobs(options: SchedulerOptions) -> None:
    async with running_scheduler(options):
        result = await check_scheduler_health()

    assert result.status is ComponentStatusType.HEALTHY, result.message
    assert result.metadata["jobs"] == 1
    assert result.metadata["next_job_id"] == EXAMPLE_JOB_ID
    assert datetime.fromisoformat(result.metadata["next_run_time"]).tzinfo is not None
    assert result.metadata["scheduler_pid"] == os.getpid()
    assert result.metadata["heartbeat_age_seconds"] <= 2 * options.heartbeat_seconds
    assert result.metadata["heartbeat_interval_seconds"] == options.heartbeat_seconds
    assert [child.name for child in result.children] == [EXAMPLE_JOB_ID]


async def test_the_heartbeat_keeps_beating(options: SchedulerOptions) -> None:
    async with running_scheduler(options), redis_client(options.redis_url) as redis:

        async def written_at() -> datetime:
            heartbeat = (await read_heartbeat(redis, options.key_prefix)).heartbeat
            assert heartbeat is not None
            return heartbeat.written_at

        first = await written_at()
        for _ in range(60):
            await asyncio.sleep(0.05)
            if await written_at() > first:
                break
        assert await written_at() > first, "no second heartbeat within three intervals"
        ttl_ms = await redis.pttl(heartbeat_key(options.key_prefix))
        assert 0 < ttl_ms <= 2 * options.heartbeat_seconds * 1000


async def test_a_clean_stop_is_unhealthy_at_once(options: SchedulerOptions) -> None:
    async with running_scheduler(options):
        await wait_for_status(ComponentStatusType.HEALTHY, within=2)

    async with redis_client(options.redis_url) as redis:
        assert await redis.exists(heartbeat_key(options.key_prefix)) == 0
    result = await check_scheduler_health()
    assert result.status is ComponentStatusType.UNHEALTHY
    assert "stopped cleanly" in result.message
    assert result.metadata["scheduler_pid"] == os.getpid()


async def test_a_scheduler_that_stops_running_jobs_is_unhealthy_within_two_intervals(
    options: SchedulerOptions,
) -> None:
    async with running_scheduler(options) as service:
        await wait_for_status(ComponentStatusType.HEALTHY, within=2)
        service.scheduler.shutdown(wait=False)  # stops beating, but leaves the heartbeat behind

        result, elapsed = await wait_for_status(
            ComponentStatusType.UNHEALTHY, within=2 * options.heartbeat_seconds + SLACK_SECONDS
        )

    assert "Scheduler not running: no heartbeat for" in result.message
    assert "did it crash or hang?" in result.message
    assert elapsed <= 2 * options.heartbeat_seconds + SLACK_SECONDS


async def test_a_failing_job_turns_its_child_and_the_scheduler_to_warning(
    options: SchedulerOptions,
) -> None:
    async def always_fails() -> None:
        raise RuntimeError("disk full")

    async with running_scheduler(options) as service:
        service.scheduler.add_job(
            always_fails, "interval", minutes=5, id="always_fails", next_run_time=datetime.now(UTC)
        )
        result, _ = await wait_for_status(ComponentStatusType.WARNING, within=5)

    children = {child.name: child for child in result.children}
    assert children["always_fails"].status is ComponentStatusType.WARNING
    assert "RuntimeError: disk full" in children["always_fails"].message
    assert children["always_fails"].metadata["last_outcome"] == "error"
    assert children[EXAMPLE_JOB_ID].status is ComponentStatusType.HEALTHY
    assert result.metadata["jobs"] == 2


async def test_without_redis_the_scheduler_still_starts_and_stops(
    options: SchedulerOptions,
) -> None:
    unreachable = SchedulerOptions(
        redis_url="redis://127.0.0.1:1/0",
        key_prefix=options.key_prefix,
        heartbeat_seconds=options.heartbeat_seconds,
        redis_timeout_seconds=0.5,
        example_job_seconds=60,
    )
    service = SchedulerService(unreachable)

    await service.start()
    assert service.scheduler.running
    await service.stop()

    assert not service.scheduler.running
