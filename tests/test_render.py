"""Rendering: every answer, one changed at a time, renders a complete and clean project.

These tests only render (no install): they are cheap, so they cover every value of every
question. Installing, linting and testing a project is ``test_generated.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.generation import (
    ANSWERS_FILE,
    leftover_jinja,
    questions,
    read_answers,
    render,
    rendered_files,
)

# A valid, non-default value for every free-form question. Booleans and questions with
# choices are not listed: every one of their values is rendered.
SAMPLE_VALUES: dict[str, list[Any]] = {
    "project_name": ["Payments Hub"],
    "project_slug": ["billing-api2"],
    "description": ["Keeps an eye on the payment queues"],
    "author_name": ["Ada Lovelace"],
    "author_email": ["ada.lovelace@example.org"],
    "cpu_warning_percent": [1, 100],
    "memory_warning_percent": [1, 100],
    "disk_warning_percent": [1, 100],
    "health_check_timeout_seconds": [0.5, 10.0],
    "health_poll_seconds": [1, 300],
}

# Folders (Python packages) that exist whatever the answers.
ALWAYS_COMPONENTS = {"backend", "frontend"}
ALWAYS_SERVICES = {"system"}


@dataclass(frozen=True)
class Traces:
    """What a part brings into a project; none of it may appear when the part is left out."""

    imports: tuple[str, ...] = ()  # top-level packages imported by Python code
    modules: tuple[str, ...] = ()  # the project's own module paths, anywhere in code or config
    dependencies: tuple[str, ...] = ()  # distributions in pyproject.toml
    settings: tuple[str, ...] = ()  # names in app/core/config.py, .env.example, docker-compose.yml
    services: tuple[str, ...] = ()  # docker-compose services
    make_targets: tuple[str, ...] = ()


TRACES = {
    "database": Traces(
        imports=("sqlalchemy", "sqlmodel"),
        modules=("app.core.db", "app.components.database"),
        dependencies=("sqlalchemy", "sqlmodel"),
        settings=("DATABASE_URL", "DATABASE_POOL_SIZE", "DATABASE_ECHO"),
    ),
    "postgresql": Traces(imports=("psycopg",), dependencies=("psycopg",), services=("postgres",)),
    "redis": Traces(
        imports=("redis",), dependencies=("redis",), settings=("REDIS_URL",), services=("redis",)
    ),
    "worker": Traces(
        imports=("arq",),
        modules=("app.components.worker",),
        dependencies=("arq",),
        settings=("WORKER_HEARTBEAT_SECONDS", "WORKER_FAILURE_RATE_WARNING"),
        services=("worker",),
        make_targets=("worker",),
    ),
    "scheduler": Traces(
        imports=("apscheduler",),
        modules=("app.components.scheduler",),
        dependencies=("apscheduler",),
        settings=("SCHEDULER_HEARTBEAT_SECONDS",),
        services=("scheduler",),
        make_targets=("scheduler",),
    ),
    "auth": Traces(
        imports=("jwt", "pwdlib"),
        modules=("app.services.auth",),
        dependencies=("pyjwt", "pwdlib"),
        settings=("SECRET_KEY", "ACCESS_TOKEN_EXPIRE_MINUTES"),
    ),
}
SETTINGS_FILES = ("app/core/config.py", ".env.example", "docker-compose.yml")


def _defaults() -> dict[str, Any]:
    return {name: spec.get("default") for name, spec in questions().items()}


def _alternatives(name: str, spec: dict[str, Any]) -> list[Any]:
    if spec.get("type") == "bool":
        return [True, False]
    choices = spec.get("choices")
    if isinstance(choices, dict):
        return list(choices.values())
    if isinstance(choices, list):
        return list(choices)
    return SAMPLE_VALUES[name]


def _cases() -> list[Any]:
    cases = [pytest.param({}, id="defaults")]
    for name, spec in questions().items():
        for value in _alternatives(name, spec):
            data = {name: value}
            if name == "include_auth" and value:
                data["include_database"] = True
            if name == "database_engine":
                data["include_database"] = True
            cases.append(pytest.param(data, id=f"{name}={value}"))
    return cases


def _effective(data: dict[str, Any]) -> dict[str, Any]:
    """The answers a render with ``data`` and defaults for everything else ends up with."""
    return {**_defaults(), **data}


def _packages(parent: Path) -> set[str]:
    return {p.name for p in parent.iterdir() if (p / "__init__.py").is_file()}


def _read(root: Path, relative: str) -> str:
    path = root / relative
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def trace_findings(root: Path, part: str) -> list[str]:
    """Every trace of ``part`` found in the rendered project at ``root``."""
    traces = TRACES[part]
    found: list[str] = []
    python = {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for path in rendered_files(root)
        if path.suffix == ".py"
    }
    for package in traces.imports:
        pattern = rf"^\s*(from|import)\s+{package}\b"
        found += [
            f"{name} imports {package}"
            for name, text in python.items()
            if re.search(pattern, text, re.M)
        ]
    config = {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for path in rendered_files(root)
        if path.suffix != ".md" and path.name != ANSWERS_FILE
    }
    for module in traces.modules:
        pattern = rf"\b{re.escape(module)}\b"
        found += [
            f"{name} names {module}" for name, text in config.items() if re.search(pattern, text)
        ]
    pyproject = _read(root, "pyproject.toml").lower()
    found += [
        f"pyproject.toml depends on {dep}"
        for dep in traces.dependencies
        if re.search(rf'"{dep}\b', pyproject)
    ]
    for setting in traces.settings:
        found += [
            f"{name} sets {setting}"
            for name in SETTINGS_FILES
            if re.search(rf"\b{setting}\b", _read(root, name))
        ]
    compose = _read(root, "docker-compose.yml")
    found += [
        f"docker-compose.yml runs {service}"
        for service in traces.services
        if re.search(rf"^  {service}:", compose, re.M)
    ]
    makefile = _read(root, "Makefile")
    found += [
        f"Makefile has {target}"
        for target in traces.make_targets
        if re.search(rf"^{target}:", makefile, re.M)
    ]
    return found


def _parts(answers: dict[str, Any]) -> dict[str, bool]:
    """Which parts the answers include."""
    database = bool(answers["include_database"])
    postgresql = database and answers["database_engine"] == "postgresql"
    return {
        "database": database,
        "postgresql": postgresql,
        "redis": bool(answers["include_worker"] or answers["include_scheduler"]),
        "worker": bool(answers["include_worker"]),
        "scheduler": bool(answers["include_scheduler"]),
        "auth": bool(answers["include_auth"]),
    }


def test_every_question_has_type_help_and_default() -> None:
    """`copier copy --defaults` must always work, and every prompt must explain itself."""
    for name, spec in questions().items():
        assert {"type", "help", "default"} <= spec.keys(), f"{name} lacks type, help or default"


def test_every_free_form_question_has_sample_values() -> None:
    """A new question must be added to this module's table, so it gets rendered too."""
    free_form = {
        name
        for name, spec in questions().items()
        if spec.get("type") != "bool" and "choices" not in spec
    }
    assert free_form == SAMPLE_VALUES.keys()


@pytest.mark.parametrize("data", _cases())
def test_render(tmp_path: Path, data: dict[str, Any]) -> None:
    """Renders completely, records its answers, and contains exactly the chosen parts."""
    project = render(tmp_path / "project", **data)
    answers = _effective(data)

    assert leftover_jinja(project) == []

    recorded = read_answers(project)
    assert {"_commit", "_src_path"} <= recorded.keys()
    for name, value in data.items():
        if name == "database_engine" and not answers["include_database"]:
            continue
        assert recorded[name] == value, f"{ANSWERS_FILE} records {name}={recorded[name]!r}"
    if not answers["include_database"]:
        assert "database_engine" not in recorded, "database_engine is only asked with a database"

    expected_components = set(ALWAYS_COMPONENTS)
    expected_components |= {
        part
        for part, chosen in (
            ("database", answers["include_database"]),
            ("worker", answers["include_worker"]),
            ("scheduler", answers["include_scheduler"]),
        )
        if chosen
    }
    expected_services = ALWAYS_SERVICES | ({"auth"} if answers["include_auth"] else set())
    assert _packages(project / "app" / "components") == expected_components
    assert _packages(project / "app" / "services") == expected_services
    assert (project / "app" / "core" / "db.py").is_file() == bool(answers["include_database"])

    for part, included in _parts(answers).items():
        findings = trace_findings(project, part)
        if included:
            assert findings, f"{part} was chosen but none of its traces were found"
        else:
            assert findings == [], f"{part} was not chosen, yet it left traces"


def test_answers_reach_the_project(tmp_path: Path) -> None:
    """Non-default answers land where they take effect: package metadata and settings."""
    project = render(
        tmp_path / "project",
        project_name="Payments Hub",
        project_slug="payments-hub",
        author_email="ada@example.org",
        python_version="3.12",
        cpu_warning_percent=71,
        memory_warning_percent=72,
        disk_warning_percent=73,
        health_check_timeout_seconds=3.5,
        health_poll_seconds=12,
    )
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "payments-hub"' in pyproject
    assert 'payments-hub = "app.cli.main:app"' in pyproject
    assert 'requires-python = ">=3.12"' in pyproject
    assert "ada@example.org" in pyproject

    env_example = (project / ".env.example").read_text(encoding="utf-8").splitlines()
    for line in (
        'PROJECT_NAME="Payments Hub"',
        "CPU_WARNING_PERCENT=71",
        "MEMORY_WARNING_PERCENT=72",
        "DISK_WARNING_PERCENT=73",
        "HEALTH_CHECK_TIMEOUT_SECONDS=3.5",
        "HEALTH_POLL_SECONDS=12",
    ):
        assert line in env_example

    config = (project / "app" / "core" / "config.py").read_text(encoding="utf-8")
    for value in ("71", "72", "73", "3.5", "12", '"Payments Hub"'):
        assert re.search(rf"default={re.escape(value)}\b|= {re.escape(value)}$", config, re.M), (
            f"{value} is not a default in app/core/config.py"
        )
