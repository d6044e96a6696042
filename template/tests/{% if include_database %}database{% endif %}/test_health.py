"""The database component's health check: status, message, metadata and registration."""

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.components.database import health
from app.components.database.health import check_database_health
from app.core import db
from app.core.config import settings
from app.core.db import build_engine
from app.services.system.models import ComponentStatusType
from app.services.system.registry import CheckKind
from app.services.system.registry import registry as app_registry


@pytest.fixture
def unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A SQLite database in a directory that does not exist, installed as the app's engine."""
    engine = build_engine(f"sqlite:///{tmp_path / 'missing' / 'app.db'}")
    monkeypatch.setattr(db, "engine", engine)
    return engine


@pytest.mark.anyio
async def test_reachable_database_is_healthy_with_its_metadata(database: Engine) -> None:
    result = await check_database_health()

    assert result.status is ComponentStatusType.HEALTHY
    assert result.name == "database"
    assert result.response_time_ms is not None and result.response_time_ms > 0
    assert result.metadata["dialect"] == database.dialect.name
    assert result.metadata["database"] == database.url.database
    assert result.metadata["url"] == database.url.render_as_string(hide_password=True)
    assert result.metadata["pool_size"] == settings.DATABASE_POOL_SIZE
    assert result.metadata["pool_checked_out"] == 0


@pytest.mark.anyio
async def test_checked_out_connections_are_reported(database: Engine) -> None:
    with database.connect():
        result = await check_database_health()
    assert result.metadata["pool_checked_out"] == 1


@pytest.mark.anyio
async def test_sqlite_file_is_reported_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    engine = build_engine("sqlite:///./app.db")
    monkeypatch.setattr(db, "engine", engine)
    try:
        result = await check_database_health()
    finally:
        engine.dispose()

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata["dialect"] == "sqlite"
    assert result.metadata["database"] == str(tmp_path / "app.db")


@pytest.mark.anyio
async def test_unreachable_database_is_unhealthy_with_the_driver_error(
    unreachable: Engine,
) -> None:
    result = await check_database_health()

    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message.startswith("Database unreachable: OperationalError: ")
    assert "unable to open database file" in result.message
    assert result.metadata["dialect"] == "sqlite"


@pytest.mark.anyio
async def test_a_hanging_database_is_reported_before_the_health_deadline(
    database: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "HEALTH_CHECK_TIMEOUT_SECONDS", 0.5)
    monkeypatch.setattr(health, "_ping", lambda engine: time.sleep(1.0))

    started = time.perf_counter()
    result = await check_database_health()

    assert time.perf_counter() - started < 0.5
    assert result.status is ComponentStatusType.UNHEALTHY
    assert result.message == "Database did not answer SELECT 1 within 0.4 s"
    assert result.metadata["dialect"] == database.dialect.name


def test_startup_registers_the_database_component(database: Engine, client: TestClient) -> None:
    checks = {check.name: check for check in app_registry.checks()}
    assert checks["database"].kind is CheckKind.COMPONENT

    body = client.get("/health/detailed").json()
    assert body["components"]["database"]["status"] == "healthy"


def test_app_keeps_serving_when_the_database_is_down(
    unreachable: Engine, client: TestClient
) -> None:
    summary = client.get("/health")
    assert summary.status_code == 503
    assert summary.json()["components"]["database"] == "unhealthy"
    assert client.get("/health/live").status_code == 200
