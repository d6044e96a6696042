"""House rules of the template repository itself."""

from __future__ import annotations

import os
import subprocess

from tests.generation import REPO_ROOT

# Lock files record where packages were downloaded from; the repo installs from its pins.
LOCK_FILES = {"uv.lock", "pylock.toml", "poetry.lock", "Pipfile.lock", "pdm.lock"}


def _tracked() -> list[str]:
    listed = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "ls-files"],
        capture_output=True,
        text=True,
        check=True,
    )
    return listed.stdout.splitlines()


def test_no_lock_file_is_committed() -> None:
    assert [path for path in _tracked() if path.rsplit("/", 1)[-1] in LOCK_FILES] == []


def test_no_wrapper_folder_and_no_post_generation_tasks() -> None:
    """Copier renders into the destination directly and needs no --trust (see DESIGN.md §5)."""
    copier_yml = (REPO_ROOT / "copier.yml").read_text(encoding="utf-8")
    assert "_subdirectory: template" in copier_yml
    assert "_tasks" not in copier_yml
    wrappers = [
        entry.name
        for entry in (REPO_ROOT / "template").iterdir()
        if entry.is_dir() and "{{" in entry.name
    ]
    assert wrappers == [], "a {{ project_slug }} wrapper folder breaks copier update"


def test_ci_script_runs_the_test_suite() -> None:
    script = REPO_ROOT / ".ci" / "run"
    assert os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    assert "make test" in text
