"""Turn the live scheduler into a Heartbeat: its process, its jobs and their next runs."""

import os
import socket
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from app.components.scheduler.heartbeat import Heartbeat, JobSnapshot
from app.components.scheduler.history import JobHistory


def snapshot_jobs(
    scheduler: AsyncIOScheduler, history: JobHistory, *, exclude: frozenset[str]
) -> list[JobSnapshot]:
    """Every job except the ``exclude``d (internal) ones, soonest first."""
    jobs = []
    for job in scheduler.get_jobs():
        if job.id in exclude:
            continue
        run = history.last_run(job.id)
        jobs.append(
            JobSnapshot(
                id=job.id,
                name=job.name,
                trigger=str(job.trigger),
                next_run_time=job.next_run_time,
                last_run_at=run.at if run else None,
                last_outcome=run.outcome if run else None,
                last_error=run.error if run else None,
            )
        )
    return jobs


def take_heartbeat(
    scheduler: AsyncIOScheduler,
    history: JobHistory,
    *,
    started_at: datetime,
    interval_seconds: float,
    exclude: frozenset[str],
) -> Heartbeat:
    """This process's heartbeat as of now."""
    return Heartbeat(
        pid=os.getpid(),
        hostname=socket.gethostname(),
        started_at=started_at,
        written_at=datetime.now(UTC),
        interval_seconds=interval_seconds,
        jobs=snapshot_jobs(scheduler, history, exclude=exclude),
    )
