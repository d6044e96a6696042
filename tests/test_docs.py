"""The documentation builds cleanly and describes every answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.generation import REPO_ROOT, questions


def test_site_builds_with_strict(tmp_path: Path) -> None:
    """`mkdocs build --strict` turns every broken link, missing page and warning into a failure."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "writing-a-health-check" / "index.html").is_file()


def test_answers_reference_covers_every_question() -> None:
    """Each question of copier.yml is documented, with its default."""
    page = (REPO_ROOT / "docs" / "answers.md").read_text(encoding="utf-8")
    for name, spec in questions().items():
        assert f"`{name}`" in page, f"docs/answers.md does not mention {name}"
        default = spec["default"]
        if isinstance(default, bool):
            default = str(default).lower()
        if "{{" not in str(default):
            assert f"`{default}`" in page, f"docs/answers.md does not give {name}'s default"
