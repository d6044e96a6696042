"""The worker check against real Redis and real arq workers: the tree moves as the queues do."""

import asyncio
import time

import pytest
from arq.worker import func
from redis.asyncio import Redis

from app.components.worker.health import check_worker_health
from app.components.worker.queues import QueueName, queue_key
from app.core.config import settings
from app.services.system.engine import HealthEngine
from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.registry import CheckKind, HealthRegistry
from tests.worker.helpers import Enqueue, RunningWorker, eventually

pytestmark = pytest.mark.anyio

GOOD = ("someone@example.com", "Welcome")
BAD = ("", "Welcome")


def child(result: ComponentStatus, queue: QueueName) -> ComponentStatus:
    """The result's child for ``queue``."""
    return next(node for node in result.children if node.name == queue)


async def finished(queue: QueueName, count: int) -> None:
    """Wait until the check has seen ``count`` finished jobs on ``queue``."""

    async def seen() -> bool:
        result = await check_worker_health()
        return bool(child(result, queue).metadata["jobs_finished"] == count)

    await eventually(seen)


async def test_no_worker_and_nothing_queued_is_a_warning(redis: Redis) -> None:
    result = await check_worker_health()

    assert result.status is ComponentStatusType.WARNING
    assert [node.name for node in result.children] == ["system", "notifications"]
    assert result.metadata["total_queues"] == 2
    assert result.metadata["redis_connected"] is True
    for node in result.children:
        assert node.status is ComponentStatusType.WARNING
        assert node.message == (
            f"Queue '{node.name}' has no live worker (no heartbeat); nothing is waiting"
        )
        assert node.metadata["queue_name"] == node.name
        assert node.metadata["worker_alive"] is False
        assert node.metadata["redis_connected"] is True
        assert node.metadata["jobs_queued"] == 0
        assert node.metadata["jobs_active"] == 0
        assert node.metadata["jobs_failed"] == 0
        assert node.metadata["failure_rate"] == 0.0
        assert node.metadata["oldest_job_age_seconds"] is None


async def test_jobs_waiting_and_no_worker_is_unhealthy(redis: Redis, enqueue: Enqueue) -> None:
    for _ in range(3):
        await enqueue(QueueName.NOTIFICATIONS, "send_notification", *GOOD)
    await asyncio.sleep(0.2)

    result = await check_worker_health()

    notifications = child(result, QueueName.NOTIFICATIONS)
    assert notifications.status is ComponentStatusType.UNHEALTHY
    assert notifications.message == "Queue 'notifications' has 3 jobs waiting and no live worker"
    assert notifications.metadata["jobs_queued"] == 3
    assert notifications.metadata["oldest_job_age_seconds"] >= 0.2
    assert child(result, QueueName.SYSTEM).status is ComponentStatusType.WARNING
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.metadata["jobs_queued"] == 3
    assert "3 jobs waiting and no live worker" in result.message


async def test_deferred_jobs_are_not_waiting(redis: Redis, enqueue: Enqueue) -> None:
    await enqueue(QueueName.NOTIFICATIONS, "send_notification", *GOOD, _defer_by=60)

    notifications = child(await check_worker_health(), QueueName.NOTIFICATIONS)

    assert notifications.status is ComponentStatusType.WARNING
    assert notifications.metadata["jobs_queued"] == 0
    assert notifications.metadata["jobs_deferred"] == 1


async def test_running_workers_make_the_worker_healthy(
    redis: Redis, running_worker: RunningWorker
) -> None:
    async with running_worker(QueueName.NOTIFICATIONS):
        partial = await check_worker_health()
        async with running_worker(QueueName.SYSTEM):
            result = await check_worker_health()

    assert child(partial, QueueName.NOTIFICATIONS).status is ComponentStatusType.HEALTHY
    assert child(partial, QueueName.SYSTEM).status is ComponentStatusType.WARNING
    assert partial.status is ComponentStatusType.WARNING
    assert result.status is ComponentStatusType.HEALTHY
    assert result.message == "Worker with 2 queues, all healthy"
    for node in result.children:
        assert node.metadata["worker_alive"] is True
        assert "j_complete=" in node.metadata["worker_heartbeat"]
    after = await check_worker_health()
    assert after.status is ComponentStatusType.WARNING


async def test_a_worker_drains_waiting_jobs(
    redis: Redis, enqueue: Enqueue, running_worker: RunningWorker
) -> None:
    for _ in range(3):
        await enqueue(QueueName.NOTIFICATIONS, "send_notification", *GOOD)
    before = child(await check_worker_health(), QueueName.NOTIFICATIONS)

    async with running_worker(QueueName.NOTIFICATIONS):
        await finished(QueueName.NOTIFICATIONS, 3)
        after = child(await check_worker_health(), QueueName.NOTIFICATIONS)

    assert before.status is ComponentStatusType.UNHEALTHY
    assert after.status is ComponentStatusType.HEALTHY
    assert after.metadata["jobs_queued"] == 0
    assert after.metadata["jobs_failed"] == 0
    assert after.message.startswith("Queue 'notifications': worker alive, 0 jobs waiting")


async def test_a_running_job_is_active_not_waiting(
    redis: Redis, enqueue: Enqueue, running_worker: RunningWorker
) -> None:
    release = asyncio.Event()

    async def hold(ctx: dict[str, object]) -> str:
        await release.wait()
        return "released"

    async with running_worker(QueueName.SYSTEM, functions=[func(hold, name="hold")]):
        await enqueue(QueueName.SYSTEM, "hold")

        async def active() -> bool:
            node = child(await check_worker_health(), QueueName.SYSTEM)
            return bool(node.metadata["jobs_active"] == 1)

        await eventually(active)
        during = child(await check_worker_health(), QueueName.SYSTEM)
        release.set()
        await finished(QueueName.SYSTEM, 1)
        after = child(await check_worker_health(), QueueName.SYSTEM)

    assert during.status is ComponentStatusType.HEALTHY
    assert during.metadata["jobs_queued"] == 0
    assert during.metadata["oldest_job_age_seconds"] is None
    assert after.metadata["jobs_active"] == 0


async def test_failing_jobs_raise_the_failure_rate_past_each_threshold(
    redis: Redis, enqueue: Enqueue, running_worker: RunningWorker
) -> None:
    async with running_worker(QueueName.NOTIFICATIONS):
        for args in [GOOD] * 8 + [BAD] * 2:
            await enqueue(QueueName.NOTIFICATIONS, "send_notification", *args)
        await finished(QueueName.NOTIFICATIONS, 10)
        warning = await check_worker_health()

        for _ in range(2):
            await enqueue(QueueName.NOTIFICATIONS, "send_notification", *BAD)
        await finished(QueueName.NOTIFICATIONS, 12)
        unhealthy = await check_worker_health()

    node = child(warning, QueueName.NOTIFICATIONS)
    assert node.status is ComponentStatusType.WARNING
    assert node.metadata["jobs_failed"] == 2
    assert node.metadata["failure_rate"] == 0.2
    assert node.message == (
        f"Queue 'notifications' has 2 jobs failed of 10 in the last "
        f"{settings.WORKER_FAILURE_WINDOW_SECONDS} s (failure rate: 20%, above 10%)"
    )
    node = child(unhealthy, QueueName.NOTIFICATIONS)
    assert node.status is ComponentStatusType.UNHEALTHY
    assert node.metadata["jobs_failed"] == 4
    assert node.metadata["failure_rate"] == pytest.approx(4 / 12, abs=1e-4)
    assert "failure rate: 33%, above 25%" in node.message
    assert unhealthy.status is ComponentStatusType.UNHEALTHY


async def test_failures_older_than_the_window_no_longer_count(
    redis: Redis, enqueue: Enqueue, running_worker: RunningWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "WORKER_FAILURE_WINDOW_SECONDS", 1)
    async with running_worker(QueueName.NOTIFICATIONS):
        await enqueue(QueueName.NOTIFICATIONS, "send_notification", *BAD)
        await finished(QueueName.NOTIFICATIONS, 1)
        failing = child(await check_worker_health(), QueueName.NOTIFICATIONS)
        await asyncio.sleep(1.1)
        recovered = child(await check_worker_health(), QueueName.NOTIFICATIONS)

    assert failing.status is ComponentStatusType.UNHEALTHY
    assert failing.metadata["failure_rate"] == 1.0
    assert recovered.status is ComponentStatusType.HEALTHY
    assert recovered.metadata["jobs_failed"] == 0
    assert recovered.metadata["jobs_finished"] == 0


async def test_unreachable_redis_is_unhealthy_within_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", "redis://:s3cret@127.0.0.1:1/0")
    started = time.perf_counter()

    result = await check_worker_health()

    elapsed = time.perf_counter() - started
    assert elapsed < settings.HEALTH_CHECK_TIMEOUT_SECONDS
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Redis unreachable at redis://:***@127.0.0.1:1/0")
    assert "s3cret" not in result.model_dump_json()
    assert result.metadata["redis_connected"] is False
    assert [node.name for node in result.children] == ["system", "notifications"]
    for node in result.children:
        assert node.status is ComponentStatusType.UNHEALTHY
        assert node.metadata["redis_connected"] is False
        assert node.metadata["jobs_queued"] is None


async def test_a_key_redis_refuses_to_read_fails_only_its_queue(redis: Redis) -> None:
    await redis.set(queue_key(QueueName.SYSTEM), "not a sorted set")

    result = await check_worker_health()

    system = child(result, QueueName.SYSTEM)
    assert system.status is ComponentStatusType.UNHEALTHY
    assert system.message.startswith(
        "Queue 'system' cannot be checked: Redis answered with an error (ResponseError:"
    )
    assert "WRONGTYPE" in system.message
    assert system.metadata["redis_connected"] is True
    assert child(result, QueueName.NOTIFICATIONS).status is ComponentStatusType.WARNING
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.metadata["redis_connected"] is True


async def test_unreachable_redis_answers_before_the_engine_deadline(
    monkeypatch: pytest.MonkeyPatch, registry: HealthRegistry, engine: HealthEngine
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", "redis://127.0.0.1:1/0")
    registry.register("worker", check_worker_health, kind=CheckKind.COMPONENT)

    system = await engine.get_status()

    worker = system.components["worker"]
    assert system.status is ComponentStatusType.UNHEALTHY
    assert worker.message.startswith("Redis unreachable at redis://127.0.0.1:1/0")
    assert len(worker.children) == 2
    assert worker.response_time_ms is not None
    assert worker.response_time_ms < engine.default_timeout * 1000
