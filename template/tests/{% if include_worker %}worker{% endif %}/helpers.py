"""Helpers for the worker tests: waiting for a condition, building a real arq worker."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from arq.jobs import Job
from arq.worker import Worker

from app.components.worker.queues import QueueName
from app.components.worker.settings import worker_settings

Enqueue = Callable[..., Awaitable[Job]]
"""``await enqueue(queue, function_name, *args, **arq_options)``"""

RunningWorker = Callable[..., AbstractAsyncContextManager[Worker]]
"""``async with running_worker(queue, **worker_overrides) as worker: ...``"""


async def eventually(probe: Callable[[], Awaitable[bool]], within: float = 10.0) -> None:
    """Wait until ``probe()`` is true, failing the test after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not await probe():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {within} s")
        await asyncio.sleep(0.05)


def build_worker(queue: QueueName, **overrides: Any) -> Worker:
    """A real arq worker built from the application's settings for ``queue``."""
    options = {
        **worker_settings(queue),
        "cron_jobs": None,
        "handle_signals": False,
        "poll_delay": 0.05,
        **overrides,
    }
    return Worker(**options)
