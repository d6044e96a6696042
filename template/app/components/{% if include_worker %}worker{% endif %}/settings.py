"""arq worker settings, one per queue: arq serves a single queue per worker process.

Run one process per queue::

    uv run arq app.components.worker.settings.WorkerSettings              # WORKER_QUEUE (system)
    uv run arq app.components.worker.settings.NotificationsWorkerSettings

``WorkerSettings`` serves the queue named by ``WORKER_QUEUE``, so ``make worker``
(``WORKER_QUEUE=notifications make worker``) starts either one.
"""

from collections.abc import Sequence
from typing import Any

from arq.cron import CronJob, cron
from arq.typing import WorkerCoroutine

from app.components.worker.connection import redis_settings
from app.components.worker.history import outcome_recorder
from app.components.worker.queues import QueueName, queue_key
from app.components.worker.tasks.notifications import send_notification
from app.components.worker.tasks.system import cleanup_temp_files
from app.core.config import settings

KEEP_RESULT_SECONDS = 3600
"""Results must be kept (any positive time): the outcome hook reads them to record failures."""

QUEUE_FUNCTIONS: dict[QueueName, Sequence[WorkerCoroutine]] = {
    QueueName.SYSTEM: [cleanup_temp_files],
    QueueName.NOTIFICATIONS: [send_notification],
}
"""The tasks each queue's worker runs; a task must be listed under the queue it is sent to."""


def queue_cron_jobs(queue: QueueName) -> list[CronJob]:
    """Periodic jobs, run by the queue's worker: hourly clean-up on the system queue."""
    if queue is QueueName.SYSTEM:
        return [cron(cleanup_temp_files, minute=0, keep_result=KEEP_RESULT_SECONDS)]
    return []


def worker_settings(queue: QueueName | str) -> dict[str, Any]:
    """arq settings for one queue, read from ``settings`` now (tests build their own)."""
    try:
        name = QueueName(queue)
    except ValueError:
        known = ", ".join(QueueName)
        raise ValueError(f"Unknown worker queue {queue!r}; the queues are: {known}") from None
    key = queue_key(name)
    return {
        "queue_name": key,
        "functions": list(QUEUE_FUNCTIONS[name]),
        "cron_jobs": queue_cron_jobs(name),
        "redis_settings": redis_settings(),
        "health_check_interval": settings.WORKER_HEARTBEAT_SECONDS,
        "keep_result": KEEP_RESULT_SECONDS,
        "after_job_end": outcome_recorder(key),
    }


SystemWorkerSettings = worker_settings(QueueName.SYSTEM)
NotificationsWorkerSettings = worker_settings(QueueName.NOTIFICATIONS)
WorkerSettings = worker_settings(settings.WORKER_QUEUE)
