"""The scheduler component's check: is a scheduler process really running its jobs?

It reads the heartbeat the scheduler process writes to Redis (see ``heartbeat.py``) with an
async client and a short deadline, so it never blocks the event loop or hangs on Redis.
"""

import asyncio
from datetime import UTC, datetime

from redis.exceptions import RedisError

from app.components.scheduler.heartbeat import heartbeat_key, read_heartbeat
from app.components.scheduler.status import NAME, scheduler_status
from app.core.config import settings
from app.core.redis_client import connect
from app.services.system.models import ComponentStatus, ComponentStatusType


def _redis_unreachable(error: BaseException, timeout: float) -> ComponentStatus:
    detail = str(error) or f"no answer within {timeout:g} s"
    return ComponentStatus(
        name=NAME,
        status=ComponentStatusType.UNHEALTHY,
        message=f"Cannot read the scheduler heartbeat: Redis unreachable ({detail})",
        metadata={"redis_connected": False, "error_type": type(error).__name__},
    )


async def check_scheduler_health() -> ComponentStatus:
    """HEALTHY while a fresh heartbeat exists; UNHEALTHY when it is missing, stale or unreadable."""
    prefix = settings.SCHEDULER_KEY_PREFIX
    timeout = settings.SCHEDULER_REDIS_TIMEOUT_SECONDS
    redis = connect(settings.REDIS_URL, timeout=timeout, decode_responses=True)
    try:
        async with asyncio.timeout(timeout):
            reading = await read_heartbeat(redis, prefix)
    except (RedisError, OSError, TimeoutError) as error:
        return _redis_unreachable(error, timeout)
    finally:
        await redis.aclose()
    return scheduler_status(reading, datetime.now(UTC), heartbeat_key(prefix))
