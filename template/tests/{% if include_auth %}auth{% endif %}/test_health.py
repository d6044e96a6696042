"""The auth service's health check: configuration, database and the bounded user count."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect

from app.core import db
from app.core.config import settings
from app.services.auth.health import USER_COUNT_LIMIT, check_auth_service_health
from app.services.auth.models import User, ensure_auth_tables
from app.services.auth.users import count_users
from app.services.system.models import ComponentStatusType
from app.services.system.registry import CheckKind
from app.services.system.registry import registry as app_registry


def _add_users(engine: Engine, count: int) -> None:
    ensure_auth_tables(engine)
    with db.db_session() as session:
        session.add_all(
            User(email=f"user{number}@example.com", hashed_password="not-a-real-hash")
            for number in range(count)
        )


@pytest.mark.anyio
async def test_configured_auth_with_a_database_is_healthy(
    database: Engine, secret_key: str
) -> None:
    result = await check_auth_service_health()

    assert result.status is ComponentStatusType.HEALTHY
    assert result.message == "Auth service ready (0 users)"
    assert result.metadata == {
        "service_type": "auth",
        "jwt_algorithm": "HS256",
        "allowed_algorithms": ["HS256", "HS384", "HS512"],
        "jwt_configured": True,
        "database_available": True,
        "user_count": 0,
        "user_count_display": "0",
        "token_expire_minutes": settings.ACCESS_TOKEN_EXPIRE_MINUTES,
    }


@pytest.mark.anyio
async def test_the_check_creates_the_users_table_if_start_up_could_not(
    database: Engine, secret_key: str
) -> None:
    assert not inspect(database).has_table("users")
    result = await check_auth_service_health()
    assert result.status is ComponentStatusType.HEALTHY
    assert inspect(database).has_table("users")


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("key", "algorithm", "problem"),
    [
        ("short-key", "HS256", "SECRET_KEY is too short (9 bytes; HS256 needs at least 32)"),
        ("", "HS256", "SECRET_KEY is not set"),
        ("k" * 64, "none", "ALGORITHM 'none' is not allowed"),
    ],
)
async def test_configuration_problems_with_the_database_up_are_a_warning(
    database: Engine, monkeypatch: pytest.MonkeyPatch, key: str, algorithm: str, problem: str
) -> None:
    monkeypatch.setattr(settings, "SECRET_KEY", key)
    monkeypatch.setattr(settings, "ALGORITHM", algorithm)

    result = await check_auth_service_health()

    assert result.status is ComponentStatusType.WARNING
    assert result.message.startswith(f"Issues: {problem}")
    assert result.metadata["database_available"] is True
    assert result.metadata["jwt_configured"] is False
    assert result.metadata["jwt_algorithm"] == algorithm


@pytest.mark.anyio
async def test_database_down_is_unhealthy(unreachable: Engine, secret_key: str) -> None:
    result = await check_auth_service_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Issues: Database unavailable: OperationalError: ")
    assert result.metadata["database_available"] is False
    assert result.metadata["user_count"] is None
    assert result.metadata["user_count_display"] == "unknown"


@pytest.mark.anyio
async def test_database_down_and_a_short_key_is_unhealthy_and_names_both(
    unreachable: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SECRET_KEY", "short")

    result = await check_auth_service_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert "SECRET_KEY is too short" in result.message
    assert "Database unavailable" in result.message


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("users", "count", "display"),
    [(3, 3, "3"), (100, 100, "100"), (101, None, "100+"), (150, None, "100+")],
)
async def test_user_count_is_exact_up_to_100_then_100_plus(
    database: Engine, secret_key: str, users: int, count: int | None, display: str
) -> None:
    _add_users(database, users)

    result = await check_auth_service_health()

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["user_count"] == count
    assert result.metadata["user_count_display"] == display
    assert result.message == f"Auth service ready ({display} users)"


def test_the_user_count_query_is_bounded(database: Engine) -> None:
    _add_users(database, 150)
    with db.db_session() as session:
        assert count_users(session, USER_COUNT_LIMIT + 1) == 101


def test_startup_registers_the_auth_service_and_its_table(
    database: Engine, secret_key: str, client: TestClient
) -> None:
    checks = {check.name: check for check in app_registry.checks()}
    assert checks["auth"].kind is CheckKind.SERVICE
    assert inspect(database).has_table("users")

    body = client.get("/health/detailed").json()
    assert body["services"]["auth"]["status"] == "healthy"
    assert body["services"]["auth"]["metadata"]["service_type"] == "auth"
