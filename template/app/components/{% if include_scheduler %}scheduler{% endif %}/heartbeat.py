"""The heartbeat: what the scheduler process writes to Redis and the backend's check reads.

Two keys under the configured prefix:

- ``<prefix>:heartbeat`` holds the latest :class:`Heartbeat` and expires after two
  intervals, so a scheduler that stops writing disappears on its own;
- ``<prefix>:last_seen`` never expires and says when and by whom the last heartbeat was
  written, so the check can tell "no heartbeat for 40 s" from "never started".
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis

JobOutcome = Literal["success", "error", "missed"]


class JobSnapshot(BaseModel):
    """One scheduled job as the scheduler saw it when writing the heartbeat."""

    id: str
    name: str
    trigger: str
    next_run_time: datetime | None
    last_run_at: datetime | None = None
    last_outcome: JobOutcome | None = None
    last_error: str | None = None


class Heartbeat(BaseModel):
    """Proof of life from a running scheduler, with its jobs."""

    pid: int
    hostname: str
    started_at: datetime
    written_at: datetime
    interval_seconds: float
    jobs: list[JobSnapshot]


class LastSeen(BaseModel):
    """The most recent heartbeat's time and writer; ``stopped`` after a clean shutdown."""

    at: datetime
    pid: int
    hostname: str
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class HeartbeatReading:
    """What the check found in Redis; ``error`` names a value that could not be parsed."""

    heartbeat: Heartbeat | None
    last_seen: LastSeen | None
    error: str | None = None


def heartbeat_key(prefix: str) -> str:
    """The expiring key holding the latest heartbeat."""
    return f"{prefix}:heartbeat"


def last_seen_key(prefix: str) -> str:
    """The persistent key recording the last heartbeat's time and writer."""
    return f"{prefix}:last_seen"


def _last_seen(heartbeat: Heartbeat, *, stopped: bool) -> str:
    return LastSeen(
        at=heartbeat.written_at, pid=heartbeat.pid, hostname=heartbeat.hostname, stopped=stopped
    ).model_dump_json()


async def write_heartbeat(redis: Redis, prefix: str, heartbeat: Heartbeat) -> None:
    """Store ``heartbeat`` with a time-to-live of two intervals, atomically with ``last_seen``."""
    ttl_ms = max(1, round(heartbeat.interval_seconds * 2 * 1000))
    async with redis.pipeline(transaction=True) as pipe:
        pipe.set(heartbeat_key(prefix), heartbeat.model_dump_json(), px=ttl_ms)
        pipe.set(last_seen_key(prefix), _last_seen(heartbeat, stopped=False))
        await pipe.execute()


async def clear_heartbeat(redis: Redis, prefix: str, last: Heartbeat) -> None:
    """Remove the heartbeat on a clean shutdown and mark ``last_seen`` as stopped."""
    async with redis.pipeline(transaction=True) as pipe:
        pipe.delete(heartbeat_key(prefix))
        pipe.set(last_seen_key(prefix), _last_seen(last, stopped=True))
        await pipe.execute()


async def read_heartbeat(redis: Redis, prefix: str) -> HeartbeatReading:
    """Both keys in one round trip; a value that does not parse is reported, not raised."""
    raw_heartbeat, raw_last_seen = await redis.mget(heartbeat_key(prefix), last_seen_key(prefix))
    try:
        heartbeat = Heartbeat.model_validate_json(raw_heartbeat) if raw_heartbeat else None
        last_seen = LastSeen.model_validate_json(raw_last_seen) if raw_last_seen else None
    except ValidationError as error:
        return HeartbeatReading(None, None, error=f"{error.error_count()} invalid field(s)")
    return HeartbeatReading(heartbeat, last_seen)
