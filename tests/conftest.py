"""Fixtures for the template's tests.

Every test runs with Git and Copier isolated from the maintainer's own configuration (a global
gitconfig or Copier settings file must not change what is rendered), and uv may not download
an interpreter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.generation import REPO_ROOT


@pytest.fixture(scope="session", autouse=True)
def isolated_tools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point Git and Copier at empty private settings for the whole session."""
    home = tmp_path_factory.mktemp("settings")
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Template Tests\n\temail = template-tests@example.com\n"
        "[init]\n\tdefaultBranch = main\n"
        "[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n"
        # The tests render from a checkout that may belong to another user (e.g. in CI).
        f"[safe]\n\tdirectory = {REPO_ROOT}\n\tdirectory = *\n",
        encoding="utf-8",
    )
    copier_settings = home / "copier-settings.yml"
    copier_settings.write_text("{}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        patch.setenv("COPIER_SETTINGS_PATH", str(copier_settings))
        patch.setenv("UV_PYTHON_DOWNLOADS", "never")
        yield home
