"""Start and stop the scheduler: the jobs, the heartbeat job, and a clean shutdown.

The entry point (``python -m app.components.scheduler``) and the tests use the same
:class:`SchedulerService`, so what the tests check is what runs in production.
"""

import asyncio
import logging
from datetime import UTC, datetime

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.components.scheduler.heartbeat import Heartbeat, clear_heartbeat, write_heartbeat
from app.components.scheduler.history import JobHistory
from app.components.scheduler.jobs import add_jobs
from app.components.scheduler.options import SchedulerOptions
from app.components.scheduler.snapshot import take_heartbeat
from app.core.redis_client import connect

logger = logging.getLogger(__name__)

HEARTBEAT_JOB_ID = "scheduler_heartbeat"
SHUTDOWN_TIMEOUT_SECONDS = 5.0
REDIS_RETRIES = 2


class SchedulerService:
    """One AsyncIOScheduler with the application's jobs and a heartbeat written to Redis.

    The heartbeat is itself a scheduled job, so a fresh heartbeat proves the scheduler is
    running jobs, not merely that the process is alive.
    """

    def __init__(self, options: SchedulerOptions) -> None:
        self.options = options
        self.scheduler = AsyncIOScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1}
        )
        self.history = JobHistory()
        self._redis: Redis | None = None
        self._beat_lock = asyncio.Lock()
        self._stopping = False
        self._started_at = datetime.now(UTC)
        self._last_heartbeat: Heartbeat | None = None
        self._shut_down = asyncio.Event()

    @property
    def redis(self) -> Redis:
        """The scheduler's Redis client; exists between start and stop."""
        if self._redis is None:
            raise RuntimeError("The scheduler service has not been started")
        return self._redis

    async def start(self) -> None:
        """Add the jobs, start the scheduler on the running loop and write the first heartbeat."""
        self._redis = connect(
            self.options.redis_url,
            timeout=self.options.redis_timeout_seconds,
            retries=REDIS_RETRIES,
            decode_responses=True,
        )
        self._started_at = datetime.now(UTC)
        self.history.attach(self.scheduler)
        self.scheduler.add_listener(lambda _: self._shut_down.set(), EVENT_SCHEDULER_SHUTDOWN)
        add_jobs(self.scheduler, self._redis, self.options)
        self.scheduler.add_job(
            self.beat,
            IntervalTrigger(seconds=self.options.heartbeat_seconds),
            id=HEARTBEAT_JOB_ID,
            name="Scheduler heartbeat",
            misfire_grace_time=None,
        )
        self.scheduler.start()
        await self.beat()
        logger.info(
            "Scheduler started: %d job(s), heartbeat every %gs at %s:heartbeat",
            len(self.scheduler.get_jobs()) - 1,
            self.options.heartbeat_seconds,
            self.options.key_prefix,
        )

    async def beat(self) -> None:
        """Write the heartbeat; a Redis failure is logged, and health will show the gap."""
        async with self._beat_lock:
            if self._stopping:
                return
            heartbeat = take_heartbeat(
                self.scheduler,
                self.history,
                started_at=self._started_at,
                interval_seconds=self.options.heartbeat_seconds,
                exclude=frozenset({HEARTBEAT_JOB_ID}),
            )
            try:
                await write_heartbeat(self.redis, self.options.key_prefix, heartbeat)
            except RedisError as error:
                logger.warning("Scheduler heartbeat not written: %s", error)
                return
            self._last_heartbeat = heartbeat

    async def stop(self) -> None:
        """Stop the scheduler and remove its heartbeat, so health turns UNHEALTHY at once."""
        async with self._beat_lock:
            self._stopping = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            try:
                await asyncio.wait_for(self._shut_down.wait(), SHUTDOWN_TIMEOUT_SECONDS)
            except TimeoutError:
                logger.warning("Scheduler did not confirm its shutdown")
        if self._redis is None:
            return
        try:
            if self._last_heartbeat is not None:
                await clear_heartbeat(self._redis, self.options.key_prefix, self._last_heartbeat)
        except RedisError as error:
            logger.warning("Scheduler heartbeat not removed (it expires on its own): %s", error)
        finally:
            await self._redis.aclose()
            self._redis = None
        logger.info("Scheduler stopped")
