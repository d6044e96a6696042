"""The check against real Redis: never started, unreadable, stale, and Redis that fails."""

import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.components.scheduler import register_health_checks
from app.components.scheduler.health import check_scheduler_health
from app.components.scheduler.heartbeat import Heartbeat, heartbeat_key
from app.core.config import settings
from app.services.system.health import get_system_status
from app.services.system.models import ComponentStatusType
from tests.scheduler.support import redis_client

pytestmark = pytest.mark.anyio

CLOSED_PORT_URL = "redis://127.0.0.1:1/0"


@pytest.fixture
def silent_redis() -> Iterator[str]:
    """A URL whose server accepts connections and never answers: the hanging-Redis case."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        host, port = server.getsockname()
        yield f"redis://{host}:{port}/0"


async def test_never_started_is_unhealthy(redis_url: str, key_prefix: str) -> None:
    result = await check_scheduler_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert "Scheduler not running: no heartbeat ever recorded" in result.message
    assert result.metadata["heartbeat_key"] == heartbeat_key(key_prefix)
    assert result.metadata["redis_connected"] is True


async def test_a_stale_heartbeat_is_unhealthy(redis_url: str, key_prefix: str) -> None:
    now = datetime.now(UTC)
    stale = Heartbeat(
        pid=99,
        hostname="elsewhere",
        started_at=now - timedelta(minutes=5),
        written_at=now - timedelta(seconds=30),
        interval_seconds=10,
        jobs=[],
    )
    async with redis_client(redis_url) as redis:
        await redis.set(heartbeat_key(key_prefix), stale.model_dump_json())

    result = await check_scheduler_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Scheduler not running: no heartbeat for 30 s")
    assert result.metadata["scheduler_pid"] == 99


async def test_an_unreadable_heartbeat_is_unhealthy(redis_url: str, key_prefix: str) -> None:
    async with redis_client(redis_url) as redis:
        await redis.set(heartbeat_key(key_prefix), '{"pid": "not a number"}')

    result = await check_scheduler_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert "unreadable" in result.message


async def test_redis_on_a_closed_port_is_unhealthy_at_once(
    monkeypatch: pytest.MonkeyPatch, key_prefix: str
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", CLOSED_PORT_URL)
    started = time.monotonic()

    result = await check_scheduler_health()

    assert time.monotonic() - started < settings.SCHEDULER_REDIS_TIMEOUT_SECONDS + 0.5
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Cannot read the scheduler heartbeat: Redis unreachable")
    assert result.metadata["redis_connected"] is False


async def test_redis_that_never_answers_is_unhealthy_within_the_timeout(
    monkeypatch: pytest.MonkeyPatch, key_prefix: str, silent_redis: str
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", silent_redis)
    monkeypatch.setattr(settings, "SCHEDULER_REDIS_TIMEOUT_SECONDS", 0.3)
    started = time.monotonic()

    result = await check_scheduler_health()

    assert time.monotonic() - started < 0.3 + 0.5
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.metadata["redis_connected"] is False


async def test_unreachable_redis_makes_the_system_unhealthy_within_the_deadline(
    monkeypatch: pytest.MonkeyPatch, key_prefix: str
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", CLOSED_PORT_URL)
    register_health_checks()

    system = await get_system_status(force_refresh=True)

    scheduler = system.components["scheduler"]
    assert scheduler.status is ComponentStatusType.UNHEALTHY
    assert "Redis unreachable" in scheduler.message
    assert system.is_unhealthy
    assert system.duration_ms < settings.HEALTH_CHECK_TIMEOUT_SECONDS * 1000
