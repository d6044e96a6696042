"""One queue's numbers, read from Redis in a few round trips, bounded in cost.

A queue is arq's sorted set of job ids scored by the time each job is due. Due jobs
with an in-progress key are active; the others are waiting. Only the
``ACTIVE_SCAN_LIMIT`` oldest due jobs are inspected one by one (workers take jobs
oldest first, so active ones are among them); beyond that, jobs count as waiting.
"""

import time
from dataclasses import dataclass

from arq.constants import in_progress_key_prefix
from redis.asyncio import Redis

from app.components.worker.history import FailureWindow, read_failure_window
from app.components.worker.queues import QueueName, heartbeat_key, queue_key

ACTIVE_SCAN_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class QueueStats:
    """What Redis says about one queue right now."""

    queue: QueueName
    jobs_queued: int
    jobs_active: int
    jobs_deferred: int
    oldest_job_age_seconds: float | None
    heartbeat: str | None
    failures: FailureWindow

    @property
    def worker_alive(self) -> bool:
        """A worker's heartbeat key is present (it expires soon after the worker stops)."""
        return self.heartbeat is not None


async def read_queue_stats(redis: Redis, queue: QueueName) -> QueueStats:
    """Read one queue's backlog, activity, heartbeat and failure window."""
    key = queue_key(queue)
    now_ms = time.time() * 1000
    async with redis.pipeline(transaction=False) as pipe:
        pipe.zcount(key, "-inf", now_ms)
        pipe.zcount(key, f"({now_ms}", "+inf")
        pipe.zrangebyscore(key, "-inf", now_ms, start=0, num=ACTIVE_SCAN_LIMIT, withscores=True)
        pipe.get(heartbeat_key(queue))
        due, deferred, oldest_due, heartbeat = await pipe.execute()
    in_progress: list[bytes | None] = []
    if oldest_due:
        in_progress = await redis.mget(
            [in_progress_key_prefix + job_id.decode() for job_id, _ in oldest_due]
        )
    waiting_scores = [
        score for (_, score), busy in zip(oldest_due, in_progress, strict=True) if busy is None
    ]
    active = len(oldest_due) - len(waiting_scores)
    return QueueStats(
        queue=queue,
        jobs_queued=int(due) - active,
        jobs_active=active,
        jobs_deferred=int(deferred),
        oldest_job_age_seconds=(
            round(max(0.0, now_ms - waiting_scores[0]) / 1000, 3) if waiting_scores else None
        ),
        heartbeat=heartbeat.decode() if heartbeat is not None else None,
        failures=await read_failure_window(redis, key),
    )
