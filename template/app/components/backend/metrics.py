"""System metrics for the backend check, collected off the event loop and cached briefly."""

import asyncio
import time
from dataclasses import dataclass

import psutil

from app.core.config import settings


@dataclass(frozen=True, slots=True)
class SystemMetrics:
    """One reading of the host's resource usage, in percent."""

    cpu_percent: float
    memory_percent: float
    disk_percent: float


_cache: tuple[SystemMetrics, float] | None = None


def _collect() -> SystemMetrics:
    """Blocking collection: sample the CPU over 0.1 s, read memory and disk."""
    return SystemMetrics(
        cpu_percent=psutil.cpu_percent(interval=0.1),
        memory_percent=psutil.virtual_memory().percent,
        disk_percent=psutil.disk_usage(settings.DISK_PATH).percent,
    )


async def get_system_metrics() -> SystemMetrics:
    """The cached reading while fresher than SYSTEM_METRICS_CACHE_SECONDS, else a new one.

    Collection runs in a thread, so the 0.1 s CPU sample never blocks the event loop.
    """
    global _cache
    if _cache is not None and time.monotonic() - _cache[1] < settings.SYSTEM_METRICS_CACHE_SECONDS:
        return _cache[0]
    metrics = await asyncio.to_thread(_collect)
    _cache = (metrics, time.monotonic())
    return metrics


def clear_metrics_cache() -> None:
    """Forget the cached reading (for tests)."""
    global _cache
    _cache = None
