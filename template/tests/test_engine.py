"""The engine: concurrent checks, hard deadlines, failures as statuses, one shared run, a cache."""

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest

from app.services.system.engine import HealthEngine
from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.registry import CheckKind, HealthRegistry

pytestmark = pytest.mark.anyio


def healthy(name: str) -> ComponentStatus:
    return ComponentStatus(name=name, status=ComponentStatusType.HEALTHY, message="fine")


async def test_a_hung_check_is_unhealthy_within_its_deadline_and_delays_no_other(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def hangs() -> ComponentStatus:
        await asyncio.sleep(3600)
        return healthy("hangs")

    async def quick() -> ComponentStatus:
        return healthy("quick")

    registry.register("hangs", hangs, kind=CheckKind.COMPONENT, timeout=0.2)
    registry.register("quick", quick, kind=CheckKind.COMPONENT)

    started = time.perf_counter()
    system = await engine.get_status()
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert system.components["hangs"].status is ComponentStatusType.UNHEALTHY
    assert system.components["hangs"].message == "Check timed out after 0.2 s"
    assert system.components["quick"].status is ComponentStatusType.HEALTHY
    assert system.status is ComponentStatusType.UNHEALTHY


async def test_a_check_that_swallows_cancellation_still_answers_by_its_deadline(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def stubborn() -> ComponentStatus:
        for _ in range(20):
            try:
                await asyncio.sleep(0.1)
            except asyncio.CancelledError:
                continue
        return healthy("stubborn")

    registry.register("stubborn", stubborn, kind=CheckKind.COMPONENT, timeout=0.2)

    started = time.perf_counter()
    system = await engine.get_status()

    assert time.perf_counter() - started < 1.0
    assert system.components["stubborn"].message.startswith("Check timed out")


async def test_the_default_deadline_applies_without_a_per_check_timeout(
    registry: HealthRegistry,
) -> None:
    async def slow() -> ComponentStatus:
        await asyncio.sleep(5)
        return healthy("slow")

    registry.register("slow", slow, kind=CheckKind.COMPONENT)
    engine = HealthEngine(registry, default_timeout=0.3, cache_ttl=0)

    system = await engine.get_status()

    assert system.components["slow"].message == "Check timed out after 0.3 s"


async def test_a_check_that_raises_is_unhealthy_with_the_error(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def broken() -> ComponentStatus:
        raise ConnectionError("connection refused")

    registry.register("broken", broken, kind=CheckKind.SERVICE)

    result = (await engine.get_status()).services["broken"]

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message == "Check raised ConnectionError: connection refused"
    assert result.metadata["error_type"] == "ConnectionError"
    assert result.name == "broken"


async def test_a_check_returning_the_wrong_type_is_unhealthy_saying_what_it_returned(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def wrong() -> ComponentStatus:
        return {"status": "healthy"}  # type: ignore[return-value]

    registry.register("wrong", wrong, kind=CheckKind.COMPONENT)

    result = (await engine.get_status()).components["wrong"]

    assert result.status is ComponentStatusType.UNHEALTHY
    assert "returned dict" in result.message
    assert "expected ComponentStatus" in result.message


async def test_a_plain_function_runs_off_the_event_loop(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    def blocking() -> ComponentStatus:
        time.sleep(0.3)
        return healthy("blocking")

    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    registry.register("blocking", blocking, kind=CheckKind.COMPONENT)
    ticking = asyncio.create_task(ticker())
    try:
        system = await engine.get_status()
    finally:
        ticking.cancel()

    assert system.components["blocking"].status is ComponentStatusType.HEALTHY
    assert ticks >= 10, "the event loop kept running while the sync check slept"


async def test_checks_run_concurrently(registry: HealthRegistry, engine: HealthEngine) -> None:
    def make_check(name: str) -> Callable[[], Awaitable[ComponentStatus]]:
        async def check() -> ComponentStatus:
            await asyncio.sleep(0.2)
            return healthy(name)

        return check

    for index in range(10):
        registry.register(f"check-{index}", make_check(f"check-{index}"), kind=CheckKind.COMPONENT)

    started = time.perf_counter()
    system = await engine.get_status()

    assert len(system.components) == 10
    assert time.perf_counter() - started < 1.0, "ten 200 ms checks ran side by side"


@pytest.fixture
def calls(registry: HealthRegistry) -> list[None]:
    """Register a 50 ms check named "counted"; the list grows by one per execution."""
    executions: list[None] = []

    async def counted() -> ComponentStatus:
        executions.append(None)
        await asyncio.sleep(0.05)
        return healthy("counted")

    registry.register("counted", counted, kind=CheckKind.COMPONENT)
    return executions


async def test_concurrent_callers_share_one_run(
    registry: HealthRegistry, calls: list[None]
) -> None:
    engine = HealthEngine(registry, default_timeout=1.0, cache_ttl=0)

    results = await asyncio.gather(*(engine.get_status() for _ in range(500)))

    assert len(calls) == 1
    assert len({id(result) for result in results}) == 1


async def test_results_are_cached_for_the_ttl(registry: HealthRegistry, calls: list[None]) -> None:
    engine = HealthEngine(registry, default_timeout=1.0, cache_ttl=0.3)

    first = await engine.get_status()
    second = await engine.get_status()
    assert len(calls) == 1
    assert second.checked_at == first.checked_at

    await asyncio.sleep(0.35)
    third = await engine.get_status()
    assert len(calls) == 2
    assert third.checked_at > first.checked_at


async def test_force_refresh_bypasses_the_cache(
    registry: HealthRegistry, calls: list[None]
) -> None:
    engine = HealthEngine(registry, default_timeout=1.0, cache_ttl=60)

    await engine.get_status()
    await engine.get_status(force_refresh=True)

    assert len(calls) == 2


async def test_the_engine_fills_in_the_response_time(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def timed() -> ComponentStatus:
        await asyncio.sleep(0.05)
        return healthy("timed")

    async def self_timed() -> ComponentStatus:
        return ComponentStatus(
            name="self_timed",
            status=ComponentStatusType.HEALTHY,
            message="ok",
            response_time_ms=1.5,
        )

    registry.register("timed", timed, kind=CheckKind.COMPONENT)
    registry.register("self_timed", self_timed, kind=CheckKind.COMPONENT)

    system = await engine.get_status()

    timed_ms = system.components["timed"].response_time_ms
    assert timed_ms is not None and timed_ms >= 50
    assert system.components["self_timed"].response_time_ms == 1.5


async def test_info_and_warning_do_not_make_the_system_unhealthy(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def warning() -> ComponentStatus:
        return ComponentStatus(name="w", status=ComponentStatusType.WARNING, message="high")

    async def info() -> ComponentStatus:
        return ComponentStatus(name="i", status=ComponentStatusType.INFO, message="note")

    registry.register("w", warning, kind=CheckKind.COMPONENT)
    registry.register("i", info, kind=CheckKind.SERVICE)

    system = await engine.get_status()

    assert system.status is ComponentStatusType.WARNING
    assert not system.is_unhealthy


async def test_components_and_services_are_reported_apart(
    registry: HealthRegistry, engine: HealthEngine
) -> None:
    async def check() -> ComponentStatus:
        return healthy("x")

    registry.register("db", check, kind=CheckKind.COMPONENT)
    registry.register("auth", check, kind=CheckKind.SERVICE)

    system = await engine.get_status()

    assert set(system.components) == {"db"}
    assert set(system.services) == {"auth"}
