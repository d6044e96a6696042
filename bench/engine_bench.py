"""Benchmark the Overseer engine of a generated project; prints ratios measured in one run.

Run with the generated project's interpreter from its root (``make bench`` does this):
    python /path/to/bench/engine_bench.py
"""

import asyncio
import time
from collections.abc import Awaitable, Callable

from app.services.system.engine import HealthEngine
from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.registry import CheckKind, HealthRegistry

CHECKS = 10
CHECK_SECONDS = 0.02
CALLERS = 500


def make_registry(counter: list[int]) -> HealthRegistry:
    registry = HealthRegistry()

    def make_check(name: str) -> Callable[[], Awaitable[ComponentStatus]]:
        async def check() -> ComponentStatus:
            counter[0] += 1
            await asyncio.sleep(CHECK_SECONDS)
            return ComponentStatus(name=name, status=ComponentStatusType.HEALTHY, message="ok")

        return check

    for index in range(CHECKS):
        registry.register(f"c{index}", make_check(f"c{index}"), kind=CheckKind.COMPONENT)
    return registry


async def burst(engine: HealthEngine) -> float:
    started = time.perf_counter()
    await asyncio.gather(*(engine.get_status() for _ in range(CALLERS)))
    return time.perf_counter() - started


async def sequential_calls(engine: HealthEngine, *, force: bool) -> float:
    started = time.perf_counter()
    for _ in range(50):
        await engine.get_status(force_refresh=force)
    return time.perf_counter() - started


async def main() -> None:
    shared_calls = [0]
    shared = HealthEngine(make_registry(shared_calls), default_timeout=1.0, cache_ttl=0)
    shared_time = await burst(shared)

    naive_calls = [0]
    naive_registry = make_registry(naive_calls)
    engines = [
        HealthEngine(naive_registry, default_timeout=1.0, cache_ttl=0) for _ in range(CALLERS)
    ]
    started = time.perf_counter()
    await asyncio.gather(*(engine.get_status() for engine in engines))
    naive_time = time.perf_counter() - started

    cached_calls = [0]
    cached = HealthEngine(make_registry(cached_calls), default_timeout=1.0, cache_ttl=60)
    await cached.get_status()
    cached_time = await sequential_calls(cached, force=False)
    uncached_time = await sequential_calls(cached, force=True)

    print(f"{CALLERS} concurrent callers, {CHECKS} checks of {CHECK_SECONDS * 1000:.0f} ms each")
    print(f"  single-flight: {shared_calls[0]} check executions in {shared_time:.3f} s")
    print(
        f"  a run per caller (concurrent): {naive_calls[0]} check executions in {naive_time:.3f} s"
    )
    print(f"  executions ratio: {naive_calls[0] / shared_calls[0]:.0f}x fewer with single-flight")
    print(f"  wall-time ratio: {naive_time / shared_time:.0f}x faster with single-flight")
    print("50 sequential calls")
    print(
        f"  cached snapshot: {cached_time * 1000:.2f} ms; forced runs: {uncached_time * 1000:.1f} ms"
    )
    print(f"  cache ratio: {uncached_time / cached_time:.0f}x faster from the snapshot")


if __name__ == "__main__":
    asyncio.run(main())
