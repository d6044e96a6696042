"""Fixtures of the auth tests: an isolated database, a usable SECRET_KEY, an API client."""

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core import db
from app.core.config import settings
from app.core.db import build_engine


@pytest.fixture
def unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A database that cannot be opened, installed as the application's engine."""
    engine = build_engine(f"sqlite:///{tmp_path / 'missing' / 'app.db'}")
    monkeypatch.setattr(db, "engine", engine)
    yield engine
    engine.dispose()


@pytest.fixture
def secret_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A strong random SECRET_KEY with HS256, for the test only."""
    key = secrets.token_urlsafe(48)
    monkeypatch.setattr(settings, "SECRET_KEY", key)
    monkeypatch.setattr(settings, "ALGORITHM", "HS256")
    return key


@pytest.fixture
def auth_client(database: Engine, secret_key: str, client: TestClient) -> TestClient:
    """A client of an application whose auth uses the isolated database and the test key."""
    return client
