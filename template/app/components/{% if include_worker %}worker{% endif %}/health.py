"""The worker component's check: one child per queue, the parent the worst of them."""

import asyncio

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.components.worker.connection import health_client
from app.components.worker.queues import QueueName
from app.components.worker.stats import read_queue_stats
from app.components.worker.status import queue_status, unreadable_queue_status
from app.core.config import settings
from app.core.redis_client import masked_url
from app.services.system.health import propagate_status
from app.services.system.models import ComponentStatus, ComponentStatusType

_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
"""Errors meaning Redis cannot be talked to at all, as opposed to a refused command."""


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


async def _queue_child(redis: Redis, queue: QueueName) -> ComponentStatus:
    """One queue's status; a command Redis refuses affects only that queue."""
    try:
        return queue_status(await read_queue_stats(redis, queue))
    except _UNREACHABLE:
        raise
    except RedisError as error:
        reason = f"Redis answered with an error ({_describe(error)})"
        return unreadable_queue_status(queue, reason, connected=True)


async def _check_queues() -> tuple[list[ComponentStatus], str | None]:
    """Each queue's status, and why Redis could not be reached, if it could not."""
    queues = list(QueueName)
    try:
        async with health_client() as redis:
            await redis.ping()
            children = await asyncio.gather(*(_queue_child(redis, queue) for queue in queues))
    except (RedisError, OSError) as error:
        reason = f"Redis unreachable at {masked_url(settings.REDIS_URL)} ({_describe(error)})"
        return [unreadable_queue_status(queue, reason, connected=False) for queue in queues], reason
    return list(children), None


async def check_worker_health() -> ComponentStatus:
    """Check every queue: backlog, live worker (arq's heartbeat), recent failure rate, Redis."""
    children, redis_error = await _check_queues()
    status = propagate_status(child.status for child in children)
    problems = [child.message for child in children if child.status != ComponentStatusType.HEALTHY]
    if redis_error is not None:
        message = redis_error
    elif problems:
        message = "; ".join(problems)
    else:
        message = f"Worker with {len(children)} queues, all healthy"
    return ComponentStatus(
        name="worker",
        status=status,
        message=message,
        metadata={
            "total_queues": len(children),
            "redis_url": masked_url(settings.REDIS_URL),
            "redis_connected": all(child.metadata["redis_connected"] for child in children),
            "jobs_queued": sum(child.metadata.get("jobs_queued") or 0 for child in children),
            "jobs_failed": sum(child.metadata.get("jobs_failed") or 0 for child in children),
        },
        children=children,
    )
