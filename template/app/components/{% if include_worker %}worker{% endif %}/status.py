"""The status rules: one queue's numbers, or an unreachable Redis, become a ComponentStatus."""

from typing import Any

from app.components.worker.queues import QueueName
from app.components.worker.stats import QueueStats
from app.core.config import settings
from app.services.system.health import propagate_status
from app.services.system.models import ComponentStatus, ComponentStatusType

_UNKNOWN_UNREAD = (
    "jobs_queued",
    "jobs_active",
    "jobs_failed",
    "failure_rate",
    "oldest_job_age_seconds",
    "worker_alive",
)


def _jobs(count: int) -> str:
    return f"{count} job" if count == 1 else f"{count} jobs"


def _metadata(stats: QueueStats) -> dict[str, Any]:
    return {
        "queue_name": str(stats.queue),
        "jobs_queued": stats.jobs_queued,
        "jobs_active": stats.jobs_active,
        "jobs_deferred": stats.jobs_deferred,
        "jobs_failed": stats.failures.failed,
        "jobs_finished": stats.failures.finished,
        "failure_rate": round(stats.failures.failure_rate, 4),
        "failure_window_seconds": settings.WORKER_FAILURE_WINDOW_SECONDS,
        "oldest_job_age_seconds": stats.oldest_job_age_seconds,
        "worker_alive": stats.worker_alive,
        "worker_heartbeat": stats.heartbeat,
        "redis_connected": True,
    }


def _liveness(stats: QueueStats) -> tuple[ComponentStatusType, str] | None:
    """No live worker: UNHEALTHY when jobs wait for one, WARNING when nothing does."""
    if stats.worker_alive:
        return None
    if stats.jobs_queued:
        return (
            ComponentStatusType.UNHEALTHY,
            f"Queue '{stats.queue}' has {_jobs(stats.jobs_queued)} waiting and no live worker",
        )
    return (
        ComponentStatusType.WARNING,
        f"Queue '{stats.queue}' has no live worker (no heartbeat); nothing is waiting",
    )


def _failures(stats: QueueStats) -> tuple[ComponentStatusType, str] | None:
    """A failure rate above a threshold, over the recent window."""
    rate = stats.failures.failure_rate
    if rate > settings.WORKER_FAILURE_RATE_UNHEALTHY:
        status, threshold = ComponentStatusType.UNHEALTHY, settings.WORKER_FAILURE_RATE_UNHEALTHY
    elif rate > settings.WORKER_FAILURE_RATE_WARNING:
        status, threshold = ComponentStatusType.WARNING, settings.WORKER_FAILURE_RATE_WARNING
    else:
        return None
    return (
        status,
        f"Queue '{stats.queue}' has {_jobs(stats.failures.failed)} failed of "
        f"{stats.failures.finished} in the last {settings.WORKER_FAILURE_WINDOW_SECONDS} s "
        f"(failure rate: {rate:.0%}, above {threshold:.0%})",
    )


def queue_status(stats: QueueStats) -> ComponentStatus:
    """Apply every rule to one queue; the worst finding sets the status, all are reported."""
    findings = [found for found in (_liveness(stats), _failures(stats)) if found is not None]
    if findings:
        status = propagate_status(found[0] for found in findings)
        message = "; ".join(found[1] for found in findings)
    else:
        status = ComponentStatusType.HEALTHY
        message = (
            f"Queue '{stats.queue}': worker alive, {_jobs(stats.jobs_queued)} waiting, "
            f"{stats.jobs_active} active, failure rate {stats.failures.failure_rate:.0%}"
        )
    return ComponentStatus(
        name=str(stats.queue), status=status, message=message, metadata=_metadata(stats)
    )


def unreadable_queue_status(queue: QueueName, reason: str, *, connected: bool) -> ComponentStatus:
    """A queue whose numbers could not be read: UNHEALTHY, with the reason."""
    return ComponentStatus(
        name=str(queue),
        status=ComponentStatusType.UNHEALTHY,
        message=f"Queue '{queue}' cannot be checked: {reason}",
        metadata={
            "queue_name": str(queue),
            **dict.fromkeys(_UNKNOWN_UNREAD),
            "redis_connected": connected,
        },
    )
