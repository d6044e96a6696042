"""The combination table: each row is generated, installed, linted, type-checked and tested.

Every row runs in its own environment, with the interpreter its ``python_version`` asks for:

1. render with the row's answers (defaults for the rest),
2. ``uv sync`` (never downloading Python),
3. ``ruff check``, ``ruff format --check``, ``mypy app tests`` (strict, from the project's config),
4. the project's own ``pytest``, with ``CI`` passed through and the real servers:
   ``REDIS_URL`` on a Redis database of the row's own, and ``DATABASE_URL`` for PostgreSQL rows.

The defaults row also runs the ``health`` command and a live server. One test per row, so the
rows spread over pytest-xdist workers; select them with ``-m generated``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.generation import leftover_jinja, read_answers, render
from tests.projects import GeneratedProject, get, project_environment, require_python

POSTGRESQL_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

EVERYTHING_ON = {
    "include_database": True,
    "database_engine": "postgresql",
    "include_worker": True,
    "include_scheduler": True,
    "include_auth": True,
}
EVERYTHING_OFF = {
    "include_database": False,
    "include_worker": False,
    "include_scheduler": False,
    "include_auth": False,
}


@dataclass(frozen=True)
class Row:
    """One answer combination of the table."""

    name: str
    answers: dict[str, Any] = field(default_factory=dict)
    redis_db: int = 0
    smoke: bool = False  # also run the CLI and a live server


TABLE = [
    Row("defaults", {}, redis_db=1, smoke=True),
    Row("python-3.12", {"python_version": "3.12"}, redis_db=2),
    Row("python-3.13", {"python_version": "3.13"}, redis_db=3),
    Row("no-database", {"include_database": False}, redis_db=4),
    Row("postgresql", {"database_engine": "postgresql"}, redis_db=5),
    Row("worker", {"include_worker": True}, redis_db=6),
    Row("scheduler", {"include_scheduler": True}, redis_db=7),
    Row("auth", {"include_auth": True}, redis_db=8),
    Row("all-on", EVERYTHING_ON, redis_db=9),
    Row("all-off", EVERYTHING_OFF, redis_db=10),
]


def test_rows_have_their_own_redis_database() -> None:
    """Rows run at the same time against one Redis: none may share a database number."""
    numbers = [row.redis_db for row in TABLE]
    assert len(set(numbers)) == len(numbers)
    assert all(1 <= number <= 15 for number in numbers)


@pytest.mark.generated
@pytest.mark.parametrize("row", TABLE, ids=[row.name for row in TABLE])
def test_generated_project(tmp_path: Path, row: Row) -> None:
    root = render(tmp_path / "project", **row.answers)
    assert leftover_jinja(root) == []
    answers = read_answers(root)
    interpreter = require_python(str(answers["python_version"]))

    extra = {"REDIS_URL": f"redis://127.0.0.1:6379/{row.redis_db}"}
    if answers.get("include_database") and answers.get("database_engine") == "postgresql":
        extra["DATABASE_URL"] = POSTGRESQL_URL
    project = GeneratedProject(root, project_environment(**extra))

    project.sync(interpreter)
    project.tool("ruff", "check", ".")
    project.tool("ruff", "format", "--check", ".")
    project.tool("mypy", "app", "tests")
    tests = project.tool("pytest", "-q", "-p", "no:cacheprovider")
    assert " passed" in tests.output, tests.describe()

    if row.smoke:
        check_health_command(project, str(answers["project_slug"]))
        check_server(project)
    summary = tests.output.strip().splitlines()[-1]
    print(f"{row.name}: {summary}\n{project.timing_report()}")


def check_health_command(project: GeneratedProject, slug: str) -> None:
    """`<slug> health` runs every check in-process, prints the tree and exits 0."""
    tree = project.tool(slug, "health")
    assert "backend" in tree.output
    for resource in ("cpu", "memory", "disk"):
        assert resource in tree.output, tree.describe()

    as_json = json.loads(project.tool(slug, "health", "--json").output)
    assert as_json["status"] in {"healthy", "info", "warning"}
    assert "backend" in as_json["components"]
    assert as_json["checked_at"]


HEALTH_ROUTES = ("/health/live", "/health", "/health/ready", "/health/detailed")


def check_server(project: GeneratedProject) -> None:
    """The app starts under uvicorn and every health route, the dashboard and OpenAPI answer."""
    with project.serving() as base:
        live = get(f"{base}/health/live")
        assert live.status == 200

        for route in ("/health", "/health/ready"):
            summary = get(f"{base}{route}")
            assert summary.status == 200, (route, summary.body)
            assert summary.json()["status"] in {"healthy", "info", "warning"}

        detailed = get(f"{base}/health/detailed")
        assert detailed.status == 200, detailed.body
        backend = detailed.json()["components"]["backend"]
        assert {child["name"] for child in backend["children"]} >= {"cpu", "memory", "disk"}

        dashboard = get(f"{base}/dashboard")
        assert dashboard.status == 200
        assert dashboard.content_type.startswith("text/html")

        schema = get(f"{base}/openapi.json").json()
        for route in HEALTH_ROUTES:
            operation = schema["paths"][route]["get"]
            ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok, f"{route} has no response model in OpenAPI"
        for route in ("/health", "/health/ready", "/health/detailed"):
            assert "503" in schema["paths"][route]["get"]["responses"], route
        assert {"SystemStatus", "ComponentStatus"} <= schema["components"]["schemas"].keys()
