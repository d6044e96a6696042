"""Rendering the template from the working tree, and reading what was rendered."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from copier import run_copy

REPO_ROOT = Path(__file__).resolve().parent.parent
ANSWERS_FILE = ".copier-answers.yml"

# Jinja delimiters that must never survive rendering. Closers count only as Jinja writes them,
# after a space (" }}", " %}", " -%}"): a bare "}}" ends a nested dict literal and "%}" ends an
# f-string percent format such as f"{rate:.0%}", both legitimate Python.
_LEFTOVER_JINJA = re.compile(r"\{\{|\{%|\{#| -?\}\}| -?%\}")


def render(dst: Path, **data: Any) -> Path:
    """Render the template (working tree, uncommitted changes included) into ``dst``.

    Every question not in ``data`` takes its default, exactly as ``copier copy --defaults``.
    """
    run_copy(
        str(REPO_ROOT),
        str(dst),
        data=data,
        defaults=True,
        vcs_ref="HEAD",
        unsafe=False,
        quiet=True,
    )
    return dst


def questions() -> dict[str, dict[str, Any]]:
    """The questions of ``copier.yml`` (keys starting with ``_`` are settings, not questions)."""
    config = yaml.safe_load((REPO_ROOT / "copier.yml").read_text(encoding="utf-8"))
    return {name: spec for name, spec in config.items() if not name.startswith("_")}


def rendered_files(root: Path) -> Iterator[Path]:
    """Every file of a rendered project, outside any virtual environment or cache."""
    skip = {".venv", ".git", ".mypy_cache", ".pytest_cache", ".ruff_cache", "__pycache__"}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in skip]
        for name in files:
            yield Path(folder) / name


def leftover_jinja(root: Path) -> list[str]:
    """``path:line: text`` for every line of a rendered file still holding a Jinja delimiter."""
    found: list[str] = []
    for path in rendered_files(root):
        relative = path.relative_to(root)
        if _LEFTOVER_JINJA.search(str(relative)):
            found.append(f"{relative}: Jinja in the file name")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if _LEFTOVER_JINJA.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def read_answers(root: Path) -> dict[str, Any]:
    """The answers recorded in the rendered project's answers file."""
    answers = yaml.safe_load((root / ANSWERS_FILE).read_text(encoding="utf-8"))
    assert isinstance(answers, dict)
    return answers


def project_slug(answers: Mapping[str, Any]) -> str:
    """The command name of a rendered project."""
    return str(answers["project_slug"])
