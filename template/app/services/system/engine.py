"""The health engine: every check at once, one shared run, a short-lived snapshot."""

import asyncio
import time
from datetime import UTC, datetime

from app.services.system.models import ComponentStatus, SystemStatus
from app.services.system.propagation import propagate_status
from app.services.system.registry import CheckKind, HealthRegistry
from app.services.system.runner import run_check


class HealthEngine:
    """Runs a registry's checks concurrently and caches the result for ``cache_ttl`` seconds.

    Callers that arrive while a run is in flight share it, so a burst of requests costs
    one execution of each check.
    """

    def __init__(self, registry: HealthRegistry, *, default_timeout: float, cache_ttl: float):
        self.registry = registry
        self.default_timeout = default_timeout
        self.cache_ttl = cache_ttl
        self._snapshot: SystemStatus | None = None
        self._snapshot_taken = 0.0
        self._inflight: asyncio.Task[SystemStatus] | None = None

    def invalidate(self) -> None:
        """Drop the cached snapshot; the next call runs the checks."""
        self._snapshot = None

    def _fresh_snapshot(self) -> SystemStatus | None:
        if self._snapshot is None:
            return None
        if time.monotonic() - self._snapshot_taken >= self.cache_ttl:
            return None
        return self._snapshot

    async def get_status(self, *, force_refresh: bool = False) -> SystemStatus:
        """The cached snapshot while fresh, else the result of one shared run."""
        if not force_refresh:
            snapshot = self._fresh_snapshot()
            if snapshot is not None:
                return snapshot
        loop = asyncio.get_running_loop()
        if self._inflight is None or self._inflight.done() or self._inflight.get_loop() is not loop:
            self._inflight = loop.create_task(self._run())
        return await asyncio.shield(self._inflight)

    async def _run(self) -> SystemStatus:
        checks = self.registry.checks()
        checked_at = datetime.now(UTC)
        started = time.perf_counter()
        results = await asyncio.gather(*(run_check(c, self.default_timeout) for c in checks))
        components: dict[str, ComponentStatus] = {}
        services: dict[str, ComponentStatus] = {}
        for check, result in zip(checks, results, strict=True):
            target = components if check.kind is CheckKind.COMPONENT else services
            target[check.name] = result
        snapshot = SystemStatus(
            status=propagate_status(result.status for result in results),
            components=components,
            services=services,
            checked_at=checked_at,
            duration_ms=round((time.perf_counter() - started) * 1000, 2),
        )
        self._snapshot, self._snapshot_taken = snapshot, time.monotonic()
        return snapshot
