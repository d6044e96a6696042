"""The auth service's check: JWT settings usable, users table reachable, users counted cheaply."""

import asyncio
import time
from dataclasses import dataclass

from app.core import db
from app.core.config import settings
from app.services.auth.config import ALLOWED_ALGORITHMS, configuration_problems
from app.services.auth.models import ensure_auth_tables
from app.services.auth.users import count_users
from app.services.system.models import ComponentStatus, ComponentStatusType

USER_COUNT_LIMIT = 100
"""Users are counted up to this many; above it the count shows as ``"100+"``."""

DEADLINE_SHARE = 0.8
"""Answer within this share of the health deadline, so a hang still reports our metadata."""


@dataclass(frozen=True, slots=True)
class DatabaseProbe:
    """What the check learnt from the database: reachable or why not, and the user count."""

    users_counted: int | None = None
    error: str | None = None


def _probe_database() -> DatabaseProbe:
    engine = db.engine
    try:
        ensure_auth_tables(engine)
        with db.db_session() as session:
            return DatabaseProbe(users_counted=count_users(session, USER_COUNT_LIMIT + 1))
    except Exception as error:
        return DatabaseProbe(error=db.describe_error(error, engine))


def _user_count(counted: int | None) -> tuple[int | None, str]:
    """The exact count (``None`` when unknown or above the limit) and its display text."""
    if counted is None:
        return None, "unknown"
    if counted > USER_COUNT_LIMIT:
        return None, f"{USER_COUNT_LIMIT}+"
    return counted, str(counted)


async def check_auth_service_health() -> ComponentStatus:
    """UNHEALTHY when the database is down; WARNING when only the JWT settings are wrong."""
    deadline = settings.HEALTH_CHECK_TIMEOUT_SECONDS * DEADLINE_SHARE
    started = time.perf_counter()
    problems = configuration_problems()
    try:
        probe = await asyncio.wait_for(asyncio.to_thread(_probe_database), timeout=deadline)
    except TimeoutError:
        probe = DatabaseProbe(error=f"no answer within {deadline:.1f} s")
    database_available = probe.error is None
    issues = problems if database_available else [*problems, f"Database unavailable: {probe.error}"]
    if not database_available:
        status = ComponentStatusType.UNHEALTHY
    elif problems:
        status = ComponentStatusType.WARNING
    else:
        status = ComponentStatusType.HEALTHY
    user_count, display = _user_count(probe.users_counted)
    return ComponentStatus(
        name="auth",
        status=status,
        message=f"Issues: {'; '.join(issues)}"
        if issues
        else f"Auth service ready ({display} users)",
        response_time_ms=round((time.perf_counter() - started) * 1000, 2),
        metadata={
            "service_type": "auth",
            "jwt_algorithm": settings.ALGORITHM,
            "allowed_algorithms": list(ALLOWED_ALGORITHMS),
            "jwt_configured": not problems,
            "database_available": database_available,
            "user_count": user_count,
            "user_count_display": display,
            "token_expire_minutes": settings.ACCESS_TOKEN_EXPIRE_MINUTES,
        },
    )
