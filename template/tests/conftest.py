"""Fixtures shared by every test: a private registry and engine, and a fresh application."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.components.backend.main import create_app
from app.components.backend.metrics import clear_metrics_cache
from app.services.system.engine import HealthEngine
from app.services.system.health import engine as app_engine
from app.services.system.registry import HealthRegistry
from app.services.system.registry import registry as app_registry


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def registry() -> HealthRegistry:
    """An empty registry, private to the test."""
    return HealthRegistry()


@pytest.fixture
def engine(registry: HealthRegistry) -> HealthEngine:
    """An engine over the private registry with a 1 s deadline and no cache."""
    return HealthEngine(registry, default_timeout=1.0, cache_ttl=0.0)


@pytest.fixture(autouse=True)
def _clean_application_state() -> Iterator[None]:
    """Each test starts with the application's registry and caches empty."""
    app_registry.clear()
    app_engine.invalidate()
    clear_metrics_cache()
    yield
    app_registry.clear()
    app_engine.invalidate()


@pytest.fixture
def client() -> Iterator[TestClient]:
    """A client for a fresh application whose lifespan has registered every check."""
    with TestClient(create_app()) as test_client:
        yield test_client
