"""Run one check under a hard deadline and turn anything it does into a ComponentStatus."""

import asyncio
import inspect
import time
from typing import Any

from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.propagation import propagate_tree
from app.services.system.registry import HealthCheck, RegisteredCheck


async def _invoke(check_fn: HealthCheck) -> object:
    """Await an async check; run a plain one in a thread so it cannot block the event loop."""
    if inspect.iscoroutinefunction(check_fn):
        return await check_fn()
    result: Any = await asyncio.to_thread(check_fn)
    if inspect.isawaitable(result):
        return await result
    return result


def _discard_outcome(task: "asyncio.Task[object]") -> None:
    """Collect an abandoned check's outcome so asyncio does not log it as never retrieved."""
    if not task.cancelled():
        task.exception()


def _failure(name: str, message: str, elapsed_ms: float, **metadata: Any) -> ComponentStatus:
    return ComponentStatus(
        name=name,
        status=ComponentStatusType.UNHEALTHY,
        message=message,
        response_time_ms=round(elapsed_ms, 2),
        metadata=metadata,
    )


async def run_check(check: RegisteredCheck, default_timeout: float) -> ComponentStatus:
    """Run ``check`` and always return a ComponentStatus, within the check's deadline.

    The deadline is hard: a check that swallows cancellation or blocks in a thread is
    abandoned and reported UNHEALTHY, and the caller is never kept waiting for it.
    """
    timeout = check.timeout if check.timeout is not None else default_timeout
    started = time.perf_counter()
    task: asyncio.Task[object] = asyncio.ensure_future(_invoke(check.check_fn))
    try:
        done, _ = await asyncio.wait({task}, timeout=timeout)
    except asyncio.CancelledError:
        task.cancel()
        raise
    elapsed_ms = (time.perf_counter() - started) * 1000
    if not done:
        task.cancel()
        task.add_done_callback(_discard_outcome)
        return _failure(
            check.name,
            f"Check timed out after {timeout:.1f} s",
            elapsed_ms,
            timeout_seconds=timeout,
        )
    if task.cancelled():
        return _failure(check.name, "Check was cancelled", elapsed_ms)
    error = task.exception()
    if error is not None:
        return _failure(
            check.name,
            f"Check raised {type(error).__name__}: {error}",
            elapsed_ms,
            error_type=type(error).__name__,
        )
    result = task.result()
    if not isinstance(result, ComponentStatus):
        return _failure(
            check.name,
            f"Check returned {type(result).__name__} ({result!r:.80}), expected ComponentStatus",
            elapsed_ms,
        )
    if result.response_time_ms is None:
        result = result.model_copy(update={"response_time_ms": round(elapsed_ms, 2)})
    return propagate_tree(result)
