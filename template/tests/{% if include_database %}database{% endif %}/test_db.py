"""The engine and sessions of app.core.db against an isolated database."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from app.core.db import build_engine, db_session, get_session, masked_url, run_in_session


def _note_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM notes")).scalar_one())


@pytest.fixture
def notes(database: Engine) -> Engine:
    """The isolated database with an empty ``notes`` table."""
    with database.begin() as connection:
        connection.execute(text("CREATE TABLE notes (body VARCHAR(50))"))
    return database


def test_db_session_runs_a_query_as_the_integration_guide_shows(database: Engine) -> None:
    with db_session() as session:
        assert session.execute(text("SELECT 1")).scalar_one() == 1


def test_db_session_commits_when_the_block_succeeds(notes: Engine) -> None:
    with db_session() as session:
        session.execute(text("INSERT INTO notes (body) VALUES ('kept')"))
    assert _note_count(notes) == 1


def test_db_session_rolls_back_when_the_block_raises(notes: Engine) -> None:
    with pytest.raises(RuntimeError, match="boom"), db_session() as session:
        session.execute(text("INSERT INTO notes (body) VALUES ('lost')"))
        raise RuntimeError("boom")
    assert _note_count(notes) == 0


def test_get_session_serves_sync_endpoints_and_commits(notes: Engine) -> None:
    api = FastAPI()

    @api.post("/notes")
    def add_note(session: Annotated[Session, Depends(get_session)]) -> dict[str, str]:
        session.execute(text("INSERT INTO notes (body) VALUES ('from a request')"))
        return {"status": "stored"}

    with TestClient(api) as client:
        assert client.post("/notes").json() == {"status": "stored"}
    assert _note_count(notes) == 1


def test_sqlite_connections_are_shared_across_threads(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'threads.db'}")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        with ThreadPoolExecutor(max_workers=1) as pool:

            def ping() -> int:
                with engine.connect() as connection:
                    return int(connection.execute(text("SELECT 1")).scalar_one())

            assert pool.submit(ping).result() == 1
    finally:
        engine.dispose()


def test_masked_url_hides_the_password() -> None:
    assert (
        masked_url("postgresql+psycopg://app:s3cret@db.internal:5432/shop")
        == "postgresql+psycopg://app:***@db.internal:5432/shop"
    )


@pytest.mark.anyio
async def test_async_code_runs_database_work_in_a_thread_with_its_own_session(
    notes: Engine,
) -> None:
    def add_note(session: Session) -> int:
        session.execute(text("INSERT INTO notes (body) VALUES ('from async code')"))
        return int(session.execute(text("SELECT count(*) FROM notes")).scalar_one())

    assert await run_in_session(add_note) == 1
    assert _note_count(notes) == 1, "the session committed when the work returned"
