"""Invalid answers are refused by Copier, with a message naming the problem, and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.generation import render

# (answers, words the error message must contain)
INVALID_ANSWERS: list[Any] = [
    pytest.param({"project_slug": "MyApp"}, ["project_slug", "lowercase"], id="slug-uppercase"),
    pytest.param(
        {"project_slug": "2fast"}, ["project_slug", "start with a letter"], id="slug-digit"
    ),
    pytest.param({"project_slug": "my_app"}, ["project_slug", "dashes"], id="slug-underscore"),
    pytest.param({"project_slug": ""}, ["project_slug"], id="slug-empty"),
    pytest.param({"project_slug": "my app"}, ["project_slug"], id="slug-space"),
    pytest.param({"project_slug": "my-app-"}, ["project_slug"], id="slug-trailing-dash"),
    pytest.param({"project_slug": "my--app"}, ["project_slug"], id="slug-double-dash"),
    pytest.param({"project_name": "   "}, ["project_name", "empty"], id="name-blank"),
    pytest.param({"author_email": "ada"}, ["author_email"], id="email-no-at"),
    pytest.param({"author_email": "ada@example"}, ["author_email"], id="email-no-domain-dot"),
    pytest.param({"author_email": "ada lovelace@example.org"}, ["author_email"], id="email-space"),
    pytest.param({"author_email": ""}, ["author_email"], id="email-empty"),
    pytest.param({"python_version": "3.10"}, ["python_version"], id="python-unsupported"),
    *(
        pytest.param({question: value}, [question, "between 1 and 100"], id=f"{question}={value}")
        for question in ("cpu_warning_percent", "memory_warning_percent", "disk_warning_percent")
        for value in (0, 101, -5)
    ),
    pytest.param(
        {"health_check_timeout_seconds": 0},
        ["health_check_timeout_seconds", "greater than 0"],
        id="timeout-zero",
    ),
    pytest.param(
        {"health_check_timeout_seconds": -1.5},
        ["health_check_timeout_seconds", "greater than 0"],
        id="timeout-negative",
    ),
    pytest.param({"health_poll_seconds": 0}, ["health_poll_seconds", "at least 1"], id="poll-zero"),
    pytest.param(
        {"health_poll_seconds": -30}, ["health_poll_seconds", "at least 1"], id="poll-neg"
    ),
    pytest.param(
        {"database_engine": "mysql"}, ["database_engine"], id="database-engine-unsupported"
    ),
    pytest.param(
        {"include_auth": True, "include_database": False},
        ["include_auth", "include_database"],
        id="auth-without-database",
    ),
]


@pytest.mark.parametrize(("data", "words"), INVALID_ANSWERS)
def test_invalid_answer_is_refused(tmp_path: Path, data: dict[str, Any], words: list[str]) -> None:
    destination = tmp_path / "project"
    with pytest.raises(ValueError) as refused:
        render(destination, **data)
    for word in words:
        assert word in str(refused.value), f"{word!r} not in the error: {refused.value}"
    assert not destination.exists() or not any(destination.iterdir()), "something was written"


def test_a_valid_answer_next_to_a_refused_one_is_accepted(tmp_path: Path) -> None:
    """The validators refuse the bad value, not the question: the boundary values pass."""
    project = render(
        tmp_path / "project",
        project_slug="a1-b2",
        cpu_warning_percent=100,
        memory_warning_percent=1,
        health_check_timeout_seconds=0.01,
        health_poll_seconds=1,
        include_database=True,
        include_auth=True,
    )
    assert (project / "pyproject.toml").is_file()
