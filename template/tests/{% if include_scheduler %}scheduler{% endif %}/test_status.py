"""The status rules, applied to heartbeat readings built by hand (no Redis needed)."""

from datetime import UTC, datetime, timedelta

from app.components.scheduler.heartbeat import Heartbeat, HeartbeatReading, JobSnapshot, LastSeen
from app.components.scheduler.status import scheduler_status
from app.services.system.models import ComponentStatusType

NOW = datetime(2030, 1, 1, 12, 0, 0, tzinfo=UTC)
KEY = "demo:scheduler:heartbeat"


def _job(job_id: str, *, in_seconds: float | None = 30, **extra: object) -> JobSnapshot:
    next_run = NOW + timedelta(seconds=in_seconds) if in_seconds is not None else None
    return JobSnapshot.model_validate(
        {"id": job_id, "name": job_id, "trigger": "interval[0:01:00]", "next_run_time": next_run}
        | extra
    )


def _heartbeat(*, age: float, jobs: list[JobSnapshot], interval: float = 10) -> Heartbeat:
    return Heartbeat(
        pid=4242,
        hostname="sched-host",
        started_at=NOW - timedelta(hours=1),
        written_at=NOW - timedelta(seconds=age),
        interval_seconds=interval,
        jobs=jobs,
    )


def test_a_fresh_heartbeat_is_healthy_with_the_soonest_run() -> None:
    heartbeat = _heartbeat(age=3, jobs=[_job("later", in_seconds=300), _job("soon", in_seconds=5)])

    result = scheduler_status(HeartbeatReading(heartbeat, None), NOW, KEY)

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["jobs"] == 2
    assert result.metadata["next_job_id"] == "soon"
    assert result.metadata["next_run_time"] == (NOW + timedelta(seconds=5)).isoformat()
    assert result.metadata["heartbeat_age_seconds"] == 3
    assert result.metadata["scheduler_pid"] == 4242
    assert [child.name for child in result.children] == ["later", "soon"]
    assert all(child.status is ComponentStatusType.HEALTHY for child in result.children)


def test_a_heartbeat_older_than_two_intervals_means_not_running() -> None:
    heartbeat = _heartbeat(age=21, interval=10, jobs=[_job("tick")])

    result = scheduler_status(HeartbeatReading(heartbeat, None), NOW, KEY)

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Scheduler not running: no heartbeat for 21 s")
    assert "did it crash or hang?" in result.message
    assert result.metadata["heartbeat_age_seconds"] == 21


def test_exactly_two_intervals_old_is_still_running() -> None:
    heartbeat = _heartbeat(age=20, interval=10, jobs=[])

    result = scheduler_status(HeartbeatReading(heartbeat, None), NOW, KEY)

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["next_run_time"] is None


def test_no_heartbeat_says_how_long_since_the_last_one_and_how_it_ended() -> None:
    crashed = LastSeen(at=NOW - timedelta(seconds=45), pid=7, hostname="old-host")
    stopped = crashed.model_copy(update={"stopped": True})

    after_crash = scheduler_status(HeartbeatReading(None, crashed), NOW, KEY)
    after_stop = scheduler_status(HeartbeatReading(None, stopped), NOW, KEY)

    for result in (after_crash, after_stop):
        assert result.status is ComponentStatusType.UNHEALTHY
        assert "no heartbeat for 45 s" in result.message
        assert result.metadata["heartbeat_age_seconds"] == 45
    assert "did it crash or hang?" in after_crash.message
    assert "stopped cleanly" in after_stop.message


def test_never_started_is_unhealthy_and_names_the_key() -> None:
    result = scheduler_status(HeartbeatReading(None, None), NOW, KEY)

    assert result.status is ComponentStatusType.UNHEALTHY
    assert KEY in result.message
    assert "no heartbeat ever recorded" in result.message


def test_an_unreadable_heartbeat_is_unhealthy() -> None:
    result = scheduler_status(HeartbeatReading(None, None, error="2 invalid field(s)"), NOW, KEY)

    assert result.status is ComponentStatusType.UNHEALTHY
    assert "unreadable" in result.message


def test_a_failed_or_missed_job_warns_and_a_paused_one_informs() -> None:
    failed = _job("report", last_run_at=NOW, last_outcome="error", last_error="ValueError: boom")
    missed = _job("cleanup", last_run_at=NOW, last_outcome="missed")
    paused = _job("archive", in_seconds=None)
    fine = _job("tick", last_run_at=NOW, last_outcome="success")

    result = scheduler_status(
        HeartbeatReading(_heartbeat(age=1, jobs=[failed, missed, paused, fine]), None), NOW, KEY
    )

    statuses = {child.name: child.status for child in result.children}
    assert statuses == {
        "report": ComponentStatusType.WARNING,
        "cleanup": ComponentStatusType.WARNING,
        "archive": ComponentStatusType.INFO,
        "tick": ComponentStatusType.HEALTHY,
    }
    assert result.status is ComponentStatusType.WARNING
    assert "'report': Last run at" in result.message
    assert "ValueError: boom" in result.message
    assert result.metadata["next_job_id"] == "report"


def test_a_clock_ahead_of_ours_never_gives_a_negative_age() -> None:
    heartbeat = _heartbeat(age=-4, jobs=[])

    result = scheduler_status(HeartbeatReading(heartbeat, None), NOW, KEY)

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["heartbeat_age_seconds"] == 0
