"""Judge a heartbeat reading: the scheduler's ComponentStatus, with a child per job.

Pure functions of the reading and the current time, so every rule is easy to test.
"""

from datetime import datetime
from typing import Any

from app.components.scheduler.heartbeat import Heartbeat, HeartbeatReading, JobSnapshot
from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.propagation import propagate_status

NAME = "scheduler"
STALE_AFTER_INTERVALS = 2
"""A heartbeat older than this many of its own intervals means the scheduler stopped."""


def _age_seconds(since: datetime, now: datetime) -> float:
    """Seconds since ``since``; never negative, whatever the clocks of the two hosts say."""
    return round(max(0.0, (now - since).total_seconds()), 2)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z") if moment else "never"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def not_running(reading: HeartbeatReading, now: datetime, key: str) -> ComponentStatus:
    """UNHEALTHY: no heartbeat, saying for how long and who wrote the last one."""
    if reading.error is not None:
        message = f"Scheduler heartbeat at '{key}' is unreadable ({reading.error})"
        return _unhealthy(message, heartbeat_key=key)
    last = reading.last_seen
    if last is None:
        return _unhealthy(
            f"Scheduler not running: no heartbeat ever recorded at '{key}' "
            "(start it with `make scheduler`)",
            heartbeat_key=key,
        )
    age = _age_seconds(last.at, now)
    how = "stopped cleanly" if last.stopped else "stopped writing; did it crash or hang?"
    return _unhealthy(
        f"Scheduler not running: no heartbeat for {age:.0f} s "
        f"(last from pid {last.pid} on {last.hostname}, {how})",
        heartbeat_key=key,
        heartbeat_age_seconds=age,
        scheduler_pid=last.pid,
        scheduler_host=last.hostname,
        stopped_cleanly=last.stopped,
    )


def _unhealthy(message: str, **metadata: Any) -> ComponentStatus:
    return ComponentStatus(
        name=NAME,
        status=ComponentStatusType.UNHEALTHY,
        message=message,
        metadata={"redis_connected": True, **metadata},
    )


def job_status(job: JobSnapshot) -> ComponentStatus:
    """HEALTHY while scheduled; INFO when paused; WARNING when its last run failed or was missed."""
    status = ComponentStatusType.HEALTHY
    message = f"Next run at {_when(job.next_run_time)}"
    if job.next_run_time is None:
        status, message = ComponentStatusType.INFO, "Paused: no next run"
    if job.last_outcome == "error":
        status = ComponentStatusType.WARNING
        message = f"Last run at {_when(job.last_run_at)} failed: {job.last_error}"
    elif job.last_outcome == "missed":
        status = ComponentStatusType.WARNING
        message = f"Missed its run at {_when(job.last_run_at)} (scheduler too busy or paused)"
    return ComponentStatus(
        name=job.id,
        status=status,
        message=message,
        metadata={
            "job_name": job.name,
            "trigger": job.trigger,
            "next_run_time": _iso(job.next_run_time),
            "last_run_at": _iso(job.last_run_at),
            "last_outcome": job.last_outcome,
        },
    )


def running(heartbeat: Heartbeat, now: datetime) -> ComponentStatus:
    """HEALTHY with the jobs as children; a job's WARNING or INFO rises to the parent."""
    children = [job_status(job) for job in heartbeat.jobs]
    upcoming = [job for job in heartbeat.jobs if job.next_run_time is not None]
    soonest = min(upcoming, key=lambda job: job.next_run_time or now, default=None)
    status = propagate_status([ComponentStatusType.HEALTHY, *(c.status for c in children)])
    summary = f"Scheduler running (pid {heartbeat.pid} on {heartbeat.hostname}) with {len(children)} job(s)"
    if soonest is not None:
        summary += f", next: '{soonest.id}' at {_when(soonest.next_run_time)}"
    attention = [
        f"'{c.name}': {c.message}" for c in children if c.status is not ComponentStatusType.HEALTHY
    ]
    return ComponentStatus(
        name=NAME,
        status=status,
        message="; ".join([summary, *attention]),
        metadata={
            "jobs": len(children),
            "next_run_time": _iso(soonest.next_run_time) if soonest else None,
            "next_job_id": soonest.id if soonest else None,
            "heartbeat_age_seconds": _age_seconds(heartbeat.written_at, now),
            "heartbeat_interval_seconds": heartbeat.interval_seconds,
            "scheduler_pid": heartbeat.pid,
            "scheduler_host": heartbeat.hostname,
            "started_at": heartbeat.started_at.isoformat(),
            "redis_connected": True,
        },
        children=children,
    )


def scheduler_status(reading: HeartbeatReading, now: datetime, key: str) -> ComponentStatus:
    """HEALTHY (or a job's WARNING/INFO) while the heartbeat is fresh, UNHEALTHY otherwise."""
    heartbeat = reading.heartbeat
    if heartbeat is None:
        return not_running(reading, now, key)
    age = _age_seconds(heartbeat.written_at, now)
    limit = heartbeat.interval_seconds * STALE_AFTER_INTERVALS
    if age > limit:
        return _unhealthy(
            f"Scheduler not running: no heartbeat for {age:.0f} s "
            f"(last from pid {heartbeat.pid} on {heartbeat.hostname}, expected every "
            f"{heartbeat.interval_seconds:g} s; did it crash or hang?)",
            heartbeat_key=key,
            heartbeat_age_seconds=age,
            scheduler_pid=heartbeat.pid,
            scheduler_host=heartbeat.hostname,
        )
    return running(heartbeat, now)
