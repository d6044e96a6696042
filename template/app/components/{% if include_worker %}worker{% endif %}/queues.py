"""The worker's queues and the Redis keys derived from each queue's name.

arq serves one queue per worker process; every key Overseer reads for a queue starts
with that queue's key, so ``WORKER_QUEUE_PREFIX`` isolates one deployment (or test run).
"""

from enum import StrEnum

from arq.constants import health_check_key_suffix

from app.core.config import settings


class QueueName(StrEnum):
    """The queues this application runs; add a member to add a queue."""

    SYSTEM = "system"
    NOTIFICATIONS = "notifications"


def queue_key(queue: QueueName) -> str:
    """The queue's sorted set in Redis: ``WORKER_QUEUE_PREFIX`` followed by its name."""
    return f"{settings.WORKER_QUEUE_PREFIX}{queue}"


def heartbeat_key(queue: QueueName) -> str:
    """arq's own health-check key, rewritten every ``WORKER_HEARTBEAT_SECONDS`` by a live worker."""
    return queue_key(queue) + health_check_key_suffix
