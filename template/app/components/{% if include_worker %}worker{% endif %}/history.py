"""The failure window: each finished job's outcome, kept per queue for a recent period.

Two sorted sets per queue, scored by finish time: every finished job in
``<queue>:finished`` and the failed ones in ``<queue>:failed``. Each write trims
entries older than ``WORKER_FAILURE_WINDOW_SECONDS`` and keeps at most
``WORKER_FAILURE_WINDOW_MAX_JOBS`` per set, so memory stays bounded however busy
the queue; the keys expire once a queue has been idle for a whole window.
"""

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from arq.jobs import Job
from redis.asyncio import Redis

from app.core.config import settings

logger = logging.getLogger(__name__)

AfterJobEnd = Callable[[dict[Any, Any]], Awaitable[None]]


def finished_key(queue_key: str) -> str:
    """Sorted set of the queue's recently finished jobs (job id -> finish time)."""
    return f"{queue_key}:finished"


def failed_key(queue_key: str) -> str:
    """Sorted set of the queue's recently failed jobs (job id -> finish time)."""
    return f"{queue_key}:failed"


@dataclass(frozen=True, slots=True)
class FailureWindow:
    """Outcomes counted over the recent window."""

    finished: int
    failed: int

    @property
    def failure_rate(self) -> float:
        """Failed over finished; 0.0 when nothing finished in the window."""
        return self.failed / self.finished if self.finished else 0.0


async def record_outcome(
    redis: Redis, queue_key: str, job_id: str, *, success: bool, finished_at: float
) -> None:
    """Add one finished job (``finished_at`` in epoch seconds) and trim both sets."""
    window = settings.WORKER_FAILURE_WINDOW_SECONDS
    cutoff = time.time() - window
    finished, failed = finished_key(queue_key), failed_key(queue_key)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.zadd(finished, {job_id: finished_at})
        if not success:
            pipe.zadd(failed, {job_id: finished_at})
        for key in (finished, failed):
            pipe.zremrangebyscore(key, "-inf", f"({cutoff}")
            pipe.zremrangebyrank(key, 0, -settings.WORKER_FAILURE_WINDOW_MAX_JOBS - 1)
            pipe.expire(key, window)
        await pipe.execute()


async def read_failure_window(redis: Redis, queue_key: str) -> FailureWindow:
    """Count outcomes in the window, read-only.

    Failures are counted from the oldest retained finished job, so the rate stays
    right when the size cap, not the window, limited the sample.
    """
    cutoff = time.time() - settings.WORKER_FAILURE_WINDOW_SECONDS
    async with redis.pipeline(transaction=False) as pipe:
        pipe.zcount(finished_key(queue_key), cutoff, "+inf")
        pipe.zrange(finished_key(queue_key), 0, 0, withscores=True)
        finished, oldest = await pipe.execute()
    if not finished:
        return FailureWindow(finished=0, failed=0)
    since = max(cutoff, float(oldest[0][1]))
    failed = await redis.zcount(failed_key(queue_key), since, "+inf")
    return FailureWindow(finished=int(finished), failed=min(int(failed), int(finished)))


def outcome_recorder(queue_key: str) -> AfterJobEnd:
    """arq's ``after_job_end`` hook for the queue at ``queue_key``: record the job's result.

    arq stores a finished job's result before this hook runs; no result means the job
    will be retried (or keeps no result), so nothing is recorded. The hook never
    raises: a lost sample must not stop the worker.
    """

    async def after_job_end(ctx: dict[Any, Any]) -> None:
        redis = ctx["redis"]
        job_id: str = ctx["job_id"]
        try:
            result = await Job(job_id, redis, _queue_name=queue_key).result_info()
            if result is not None:
                await record_outcome(
                    redis,
                    queue_key,
                    job_id,
                    success=result.success,
                    finished_at=result.finish_time.timestamp(),
                )
        except Exception:
            logger.exception("Could not record the outcome of job %s on %r", job_id, queue_key)

    return after_job_end
