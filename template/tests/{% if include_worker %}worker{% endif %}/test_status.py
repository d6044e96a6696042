"""The status rules on given numbers: thresholds, liveness, and messages that say what is wrong."""

import pytest

from app.components.worker.history import FailureWindow
from app.components.worker.queues import QueueName
from app.components.worker.stats import QueueStats
from app.components.worker.status import queue_status
from app.core.config import settings
from app.services.system.models import ComponentStatusType

HEARTBEAT = "Jan-01 00:00:00 j_complete=0 j_failed=0 j_retried=0 j_ongoing=0 queued=0"


def stats(*, queued: int = 0, finished: int = 0, failed: int = 0, alive: bool = True) -> QueueStats:
    return QueueStats(
        queue=QueueName.SYSTEM,
        jobs_queued=queued,
        jobs_active=0,
        jobs_deferred=0,
        oldest_job_age_seconds=1.5 if queued else None,
        heartbeat=HEARTBEAT if alive else None,
        failures=FailureWindow(finished=finished, failed=failed),
    )


@pytest.mark.parametrize(
    ("failed", "expected"),
    [
        (0, ComponentStatusType.HEALTHY),
        (10, ComponentStatusType.HEALTHY),
        (11, ComponentStatusType.WARNING),
        (25, ComponentStatusType.WARNING),
        (26, ComponentStatusType.UNHEALTHY),
    ],
)
def test_failure_rate_thresholds_are_exclusive(failed: int, expected: ComponentStatusType) -> None:
    assert settings.WORKER_FAILURE_RATE_WARNING == 0.10
    assert settings.WORKER_FAILURE_RATE_UNHEALTHY == 0.25

    result = queue_status(stats(finished=100, failed=failed))

    assert result.status is expected
    assert result.metadata["failure_rate"] == failed / 100


def test_thresholds_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "WORKER_FAILURE_RATE_WARNING", 0.01)

    result = queue_status(stats(finished=100, failed=2))

    assert result.status is ComponentStatusType.WARNING
    assert "failure rate: 2%, above 1%" in result.message


def test_every_finding_is_reported_and_the_worst_wins() -> None:
    result = queue_status(stats(queued=1, finished=10, failed=2, alive=False))

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message == (
        "Queue 'system' has 1 job waiting and no live worker; "
        f"Queue 'system' has 2 jobs failed of 10 in the last "
        f"{settings.WORKER_FAILURE_WINDOW_SECONDS} s (failure rate: 20%, above 10%)"
    )


def test_nothing_finished_is_not_a_failure() -> None:
    result = queue_status(stats(finished=0, failed=0))

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["failure_rate"] == 0.0
