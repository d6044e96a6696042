"""The database component's check: a timed ``SELECT 1`` plus the engine's pool figures."""

import asyncio
import os
import time
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.pool import QueuePool

from app.core import db
from app.core.config import settings
from app.services.system.models import ComponentStatus, ComponentStatusType

DEADLINE_SHARE = 0.8
"""Answer within this share of the health deadline, so a hang still reports our metadata."""


def _ping(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1")).scalar_one()


def describe_engine(engine: Engine) -> dict[str, Any]:
    """Dialect, database, masked URL and pool figures; reads no data from the server."""
    url = engine.url
    database = url.database
    if url.get_backend_name() == "sqlite" and database and database != ":memory:":
        database = os.path.abspath(database)
    pool = engine.pool
    queue_pool = pool if isinstance(pool, QueuePool) else None
    return {
        "dialect": engine.dialect.name,
        "driver": engine.dialect.driver,
        "database": database or ":memory:",
        "url": db.masked_url(url),
        "pool_class": type(pool).__name__,
        "pool_size": queue_pool.size() if queue_pool else None,
        "pool_checked_out": queue_pool.checkedout() if queue_pool else None,
    }


async def check_database_health() -> ComponentStatus:
    """HEALTHY when ``SELECT 1`` answers in time; UNHEALTHY with the driver's error otherwise."""
    engine = db.engine
    deadline = settings.HEALTH_CHECK_TIMEOUT_SECONDS * DEADLINE_SHARE
    started = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.to_thread(_ping, engine), timeout=deadline)
    except TimeoutError:
        status = ComponentStatusType.UNHEALTHY
        message = f"Database did not answer SELECT 1 within {deadline:.1f} s"
    except Exception as error:
        status = ComponentStatusType.UNHEALTHY
        message = f"Database unreachable: {db.describe_error(error, engine)}"
    else:
        status = ComponentStatusType.HEALTHY
        message = f"{engine.dialect.name} database reachable"
    return ComponentStatus(
        name="database",
        status=status,
        message=message,
        response_time_ms=round((time.perf_counter() - started) * 1000, 2),
        metadata=describe_engine(engine),
    )
