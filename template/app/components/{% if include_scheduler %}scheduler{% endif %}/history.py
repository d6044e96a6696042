"""Each job's last outcome, collected from APScheduler's events for the heartbeat to carry."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from app.components.scheduler.heartbeat import JobOutcome

_OUTCOMES: dict[int, JobOutcome] = {
    EVENT_JOB_EXECUTED: "success",
    EVENT_JOB_ERROR: "error",
    EVENT_JOB_MISSED: "missed",
}


@dataclass(frozen=True, slots=True)
class JobRun:
    """How a job's most recent run ended."""

    at: datetime
    outcome: JobOutcome
    error: str | None = None


class JobHistory:
    """Remembers the last run of every job, so a failing job shows in health."""

    def __init__(self) -> None:
        self._runs: dict[str, JobRun] = {}

    def attach(self, scheduler: AsyncIOScheduler) -> None:
        """Listen to the scheduler's job events."""
        scheduler.add_listener(self.record, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)

    def record(self, event: Any) -> None:
        """Keep the outcome of one job event (APScheduler's ``JobExecutionEvent``)."""
        outcome = _OUTCOMES[event.code]
        error = event.exception
        at = event.scheduled_run_time if outcome == "missed" else datetime.now(UTC)
        self._runs[event.job_id] = JobRun(
            at=at,
            outcome=outcome,
            error=f"{type(error).__name__}: {error}" if error is not None else None,
        )

    def last_run(self, job_id: str) -> JobRun | None:
        """The job's most recent run, or None if it has not run yet."""
        return self._runs.get(job_id)
