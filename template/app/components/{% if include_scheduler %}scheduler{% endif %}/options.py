"""What one scheduler process needs to know, gathered in one value so tests can vary it."""

from dataclasses import dataclass

from app.core.config import settings


@dataclass(frozen=True, slots=True)
class SchedulerOptions:
    """Where the scheduler reports, how often, and how long it waits on Redis."""

    redis_url: str
    key_prefix: str
    heartbeat_seconds: float
    redis_timeout_seconds: float
    example_job_seconds: float

    @classmethod
    def from_settings(cls) -> "SchedulerOptions":
        """The options the entry point runs with: the application's settings."""
        return cls(
            redis_url=settings.REDIS_URL,
            key_prefix=settings.SCHEDULER_KEY_PREFIX,
            heartbeat_seconds=settings.SCHEDULER_HEARTBEAT_SECONDS,
            redis_timeout_seconds=settings.SCHEDULER_REDIS_TIMEOUT_SECONDS,
            example_job_seconds=settings.SCHEDULER_EXAMPLE_JOB_SECONDS,
        )
