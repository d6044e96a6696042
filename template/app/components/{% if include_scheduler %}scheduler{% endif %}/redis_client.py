"""Redis clients with short timeouts, so neither the scheduler nor its check hangs on Redis."""

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff


def connect(url: str, *, timeout: float, retries: int = 0) -> Redis:
    """A client whose connects and commands give up after ``timeout`` seconds.

    The health check uses no retries: one failed attempt is the answer. The scheduler
    allows a few, so a blip in Redis does not cost a heartbeat.
    """
    client: Redis = Redis.from_url(
        url,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), retries),
        decode_responses=True,
    )
    return client
