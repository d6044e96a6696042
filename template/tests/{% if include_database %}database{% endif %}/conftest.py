"""Fixtures of the database tests: the application's engine swapped for an isolated one."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from app.core import db
from tests.database.isolation import isolated_engine


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """An isolated database, installed as the application's engine for the test."""
    with isolated_engine() as engine:
        monkeypatch.setattr(db, "engine", engine)
        yield engine
