"""`copier update` brings template changes into a project its user has changed, losing nothing.

Each scenario generates a project from a private, tagged copy of the template (1.0.0), makes
the edits a user would make and commits them, updates to 1.1.0 and checks both sides: the
template's change arrived, the user's work survived, and git shows nothing to resolve unless
the user edited a line the template also changed (then the conflict is visible, never silent).
All but one test only render; ``test_updated_project_runs_with_exactly_the_chosen_parts``
installs the updated project and runs its tests and its health command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from copier import run_update
from copier.errors import UnsafeTemplateError, UserMessageError

from tests.interpreters import uv_executable
from tests.projects import project_environment, require_python
from tests.updating import (
    WORKER_FOLDER,
    Project,
    TemplateRepo,
    carry_over,
    generate,
    git,
)

pytestmark = pytest.mark.update

OLD, NEW = "1.0.0", "1.1.0"

# The 1.1.0 release used by most tests: one fix to the core, one to a shipped check and one
# to the worker's check, each with the template's own tests adjusted alongside.
CORE_OLD, CORE_NEW = "Check timed out", "Check missed its deadline"
BACKEND_OLD, BACKEND_NEW = "over = percent > threshold", "over = percent >= threshold"
BACKEND_TEXT_OLD, BACKEND_TEXT_NEW = "is above the", "is at or above the"
WORKER_ANCHOR = '"total_queues": len(children),'
WORKER_KEY = '"failure_window_seconds": settings.WORKER_FAILURE_WINDOW_SECONDS,'

PAYMENTS_INIT = '''\
"""Payments service: the user's own code, which no template update may touch."""

from app.services.payments.health import check_payments_health
from app.services.system import register_service_health_check


def register_health_checks() -> None:
    """Registration hook, found by the start-up discovery."""
    register_service_health_check("payments", check_payments_health)
'''

PAYMENTS_HEALTH = '''\
"""The payments provider's check."""

from app.services.system.models import ComponentStatus, ComponentStatusType


async def check_payments_health() -> ComponentStatus:
    """Report the payment provider as reachable."""
    return ComponentStatus(
        name="payments",
        status=ComponentStatusType.HEALTHY,
        message="Payment provider reachable",
        metadata={"provider": "acme-pay"},
    )
'''

PAYMENTS_ROUTES = '''\
"""The payments service's routes."""

from fastapi import APIRouter

router = APIRouter(prefix="/payments", tags=["payments"])


@router.get("/ping")
async def ping() -> dict[str, str]:
    """Answer at once."""
    return {"payments": "ok"}
'''

USER_DEPENDENCY = '    "stripe>=9.0",\n'
ENV_FILE = "CPU_WARNING_PERCENT=75\nHEALTH_CHECK_TIMEOUT_SECONDS=3.5\n"

# The user wires their router into the application: one import, one include_router.
MAIN = "app/components/backend/main.py"
ROUTER_ANCHOR = "    application.include_router(health_router)\n"
USER_ROUTER_LINE = "    application.include_router(payments_router)\n"
USER_ROUTER_IMPORT = "from app.services.payments.routes import router as payments_router\n"


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> TemplateRepo:
    """Tag the working tree 1.0.0, then tag 1.1.0 with fixes to the health checks."""
    template = TemplateRepo.from_working_tree(tmp_path_factory.mktemp("releases") / "template")
    template.release(OLD)

    changed = template.replace_everywhere(CORE_OLD, CORE_NEW)
    assert "app/services/system/runner.py" in changed, changed
    template.replace("app/components/backend/health.py", BACKEND_OLD, BACKEND_NEW)
    changed = template.replace_everywhere(BACKEND_TEXT_OLD, BACKEND_TEXT_NEW)
    assert "app/components/backend/health.py" in changed, changed
    template.replace(
        f"{WORKER_FOLDER}/health.py", WORKER_ANCHOR, f"{WORKER_ANCHOR}\n            {WORKER_KEY}"
    )
    template.release(NEW)
    return template


@pytest.fixture(scope="module")
def generated(releases: TemplateRepo, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project generated at 1.0.0 with every default, committed; tests copy it."""
    return generate(releases, tmp_path_factory.mktemp("generated") / "project", OLD)


@pytest.fixture
def project(generated: Project, tmp_path: Path) -> Project:
    """This test's own copy of the 1.0.0 project."""
    return generated.copy_to(tmp_path / "project")


def add_payments_service(project: Project) -> None:
    """What the docs tell a user to do: an own service folder, a route, settings in .env."""
    project.write("app/services/payments/__init__.py", PAYMENTS_INIT)
    project.write("app/services/payments/health.py", PAYMENTS_HEALTH)
    project.write("app/services/payments/routes.py", PAYMENTS_ROUTES)
    project.replace(MAIN, ROUTER_ANCHOR, ROUTER_ANCHOR + USER_ROUTER_LINE)
    project.replace(MAIN, "from app.core.config", USER_ROUTER_IMPORT + "from app.core.config")
    project.write(".env", ENV_FILE)
    project.commit("Add the payments service")


def assert_payments_service_kept(project: Project) -> None:
    assert project.read("app/services/payments/__init__.py") == PAYMENTS_INIT
    assert project.read("app/services/payments/health.py") == PAYMENTS_HEALTH
    assert project.read("app/services/payments/routes.py") == PAYMENTS_ROUTES
    assert USER_ROUTER_LINE in project.read(MAIN)
    assert USER_ROUTER_IMPORT in project.read(MAIN)
    assert project.read(".env") == ENV_FILE


def copier_cli(project: Project, *args: str, trust: bool = False) -> None:
    """Run ``copier update --defaults`` from the command line, as a user would."""
    command = [sys.executable, "-m", "copier", "update", "--defaults", *args]
    if trust:
        command.append("--trust")
    result = subprocess.run(command, cwd=project.root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_update_brings_health_fixes_and_keeps_user_work(
    releases: TemplateRepo, project: Project
) -> None:
    add_payments_service(project)

    run_update(project.root, defaults=True, overwrite=True, unsafe=False, quiet=True)

    project.assert_cleanly_updated(NEW)
    runner = project.read("app/services/system/runner.py")
    assert CORE_NEW in runner and CORE_OLD not in runner
    assert CORE_NEW in project.read("tests/test_engine.py")
    backend = project.read("app/components/backend/health.py")
    assert BACKEND_NEW in backend and BACKEND_TEXT_NEW in backend
    assert BACKEND_TEXT_NEW in project.read("tests/test_backend.py")
    assert_payments_service_kept(project)
    changed = {line[3:] for line in project.status()}
    assert all(line.startswith(" M ") for line in project.status()), project.status()
    assert not any(path.startswith("app/services/payments") for path in changed)
    assert project.answers()["_src_path"] == releases.url


def test_cli_update_brings_the_new_worker_metadata(releases: TemplateRepo, tmp_path: Path) -> None:
    project = generate(releases, tmp_path / "project", OLD, include_worker=True)
    add_payments_service(project)
    before = project.read("app/components/worker/health.py")
    assert WORKER_KEY not in before

    copier_cli(project)

    project.assert_cleanly_updated(NEW)
    assert WORKER_KEY in project.read("app/components/worker/health.py")
    assert CORE_NEW in project.read("app/services/system/runner.py")
    assert_payments_service_kept(project)


def switch_parts(project: Project, **parts: bool) -> None:
    """``copier update --defaults`` to 1.1.0 with parts switched on or off; it must merge cleanly."""
    run_update(project.root, data=parts, defaults=True, overwrite=True, quiet=True, vcs_ref=NEW)
    project.assert_cleanly_updated(NEW)


def test_switching_the_worker_on_then_off(project: Project) -> None:
    add_payments_service(project)
    assert not project.file("app/components/worker").exists()

    switch_parts(project, include_worker=True)
    assert project.answers()["include_worker"] is True
    assert project.file("app/components/worker/health.py").is_file()
    assert project.file("tests/worker").is_dir()
    assert 'register_health_check("worker"' in project.read("app/components/worker/__init__.py")
    assert "WORKER_HEARTBEAT_SECONDS" in project.read("app/core/config.py")
    assert "REDIS_URL" in project.read("app/core/config.py")
    assert '"arq' in project.read("pyproject.toml")
    assert_payments_service_kept(project)
    project.commit("Switch the worker on")
    worker_files = [path for path in project.files() if path.startswith("app/components/worker/")]

    switch_parts(project, include_worker=False)
    assert project.answers()["include_worker"] is False
    assert not project.file("app/components/worker").exists()
    assert not project.file("tests/worker").exists()
    assert "WORKER_" not in project.read("app/core/config.py")
    assert "REDIS_URL" not in project.read("app/core/config.py")
    assert '"arq' not in project.read("pyproject.toml")
    assert_payments_service_kept(project)
    # Switching a part off deletes its files; the last commit still has every one of them.
    git(project.root, "checkout", "HEAD", "--", "app/components/worker")
    assert sorted(p for p in project.files() if p.startswith("app/components/worker/")) == (
        sorted(worker_files)
    )


def test_cli_switching_auth_on(project: Project) -> None:
    add_payments_service(project)

    copier_cli(project, "--data", "include_auth=true")

    project.assert_cleanly_updated(NEW)
    assert project.answers()["include_auth"] is True
    assert 'register_service_health_check("auth"' in project.read("app/services/auth/__init__.py")
    assert project.file("app/services/auth/health.py").is_file()
    assert "SECRET_KEY" in project.read("app/core/config.py")
    assert '"pyjwt' in project.read("pyproject.toml")
    assert "application.include_router(auth_router)" in project.read(MAIN)
    assert CORE_NEW in project.read("app/services/system/runner.py")
    assert_payments_service_kept(project)


def test_user_additions_at_the_end_of_template_lists_survive_switching_a_part_on(
    project: Project,
) -> None:
    # What `uv add stripe` does to a list that is not sorted: append at its end.
    project.replace(
        "pyproject.toml", "\n]\n\n[project.scripts]", f"\n{USER_DEPENDENCY}]\n\n[project.scripts]"
    )
    # The natural place for one more router: after the last one.
    project.replace(MAIN, "    return application\n", USER_ROUTER_LINE + "    return application\n")
    project.commit("Add a dependency and include a router")

    run_update(project.root, data={"include_auth": True}, defaults=True, overwrite=True, quiet=True)

    project.assert_cleanly_updated(NEW)
    assert USER_DEPENDENCY in project.read("pyproject.toml")
    assert USER_ROUTER_LINE in project.read(MAIN)


@pytest.mark.parametrize("conflict", ["inline", "rej"])
def test_a_user_edit_of_a_line_the_template_changed_is_a_visible_conflict(
    project: Project, conflict: Literal["inline", "rej"]
) -> None:
    user_line = 'f"Health check gave up after {timeout:.1f} seconds"'
    project.replace(
        "app/services/system/runner.py", 'f"Check timed out after {timeout:.1f} s"', user_line
    )
    project.commit("Reword the timeout message")

    run_update(
        project.root,
        defaults=True,
        overwrite=True,
        quiet=True,
        conflict=conflict,
    )

    assert project.answers()["_commit"] == NEW
    runner = project.read("app/services/system/runner.py")
    if conflict == "inline":
        assert project.with_conflict_markers() == ["app/services/system/runner.py"]
        assert project.unmerged() == ["app/services/system/runner.py"]
        assert user_line in runner and CORE_NEW in runner
    else:
        assert project.rejects() == ["app/services/system/runner.py.rej"]
        assert user_line in project.read("app/services/system/runner.py.rej")
        assert CORE_NEW in runner
    # Lines nobody else touched still merged without a fuss.
    assert BACKEND_NEW in project.read("app/components/backend/health.py")


def test_a_dirty_working_tree_is_refused(project: Project) -> None:
    add_payments_service(project)
    project.write("app/services/payments/health.py", PAYMENTS_HEALTH + "\n# work in progress\n")
    status = project.status()
    runner = project.read("app/services/system/runner.py")

    with pytest.raises(UserMessageError, match="dirty"):
        run_update(project.root, defaults=True, overwrite=True, quiet=True)

    assert project.status() == status
    assert project.answers()["_commit"] == OLD
    assert project.read("app/services/system/runner.py") == runner
    assert project.read("app/services/payments/health.py").endswith("# work in progress\n")


def test_a_migration_carries_user_edits_across_a_rename(tmp_path: Path) -> None:
    old_path, new_path = "app/components/backend/metrics.py", "app/components/backend/resources.py"
    template = TemplateRepo.from_working_tree(tmp_path / "template")
    template.release(OLD)
    template.rename(old_path, new_path)
    template.replace_everywhere(
        "app.components.backend.metrics", "app.components.backend.resources"
    )
    template.replace_everywhere(
        "from app.components.backend import health, metrics",
        "from app.components.backend import health\nfrom app.components.backend import resources as metrics",
    )
    docstring_old = '"""Forget the cached reading (for tests)."""'
    docstring_new = '"""Forget the cached reading so that the next call measures again."""'
    template.replace(new_path, docstring_old, docstring_new)
    template.add_migrations([carry_over(NEW, old_path, new_path)])
    template.release(NEW)

    project = generate(template, tmp_path / "project", OLD)
    user_addition = (
        '\n\nGPU_METRICS_ENABLED = False\n"""Our own switch, added to the shipped module."""\n'
    )
    project.write(old_path, project.read(old_path) + user_addition)
    project.commit("Add our GPU switch")

    # Migrations run commands, so Copier refuses them without trust, and changes nothing.
    with pytest.raises(UnsafeTemplateError):
        run_update(project.root, defaults=True, overwrite=True, quiet=True)
    assert project.status() == []

    copier_cli(project, trust=True)

    project.assert_cleanly_updated(NEW)
    assert not project.file(old_path).exists()
    moved = project.read(new_path)
    assert moved.endswith(user_addition)
    assert docstring_new in moved and docstring_old not in moved
    assert "app.components.backend.resources" in project.read("app/components/backend/health.py")
    git(project.root, "add", "--all")
    renamed = git(project.root, "status", "--porcelain")
    assert f"R  {old_path} -> {new_path}" in renamed.splitlines()


def _run(project: Project, *command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=project.root, env=env, capture_output=True, text=True, check=False
    )


def _health_tree(project: Project, env: dict[str, str]) -> dict[str, list[str]]:
    """The parts the project's own CLI reports: ``<slug> health --json``."""
    slug = project.answers()["project_slug"]
    result = _run(project, str(project.root / ".venv/bin" / slug), "health", "--json", env=env)
    # 0 or 1 (healthy or not: no worker process runs here), never 2 (no status at all).
    assert result.returncode in (0, 1), result.stderr
    tree = json.loads(result.stdout)
    return {"components": sorted(tree["components"]), "services": sorted(tree["services"])}


# Starts the application with its lifespan, as uvicorn would, and asks it over HTTP.
APP_START = """
import json
from fastapi.testclient import TestClient
from app.components.backend.main import app

with TestClient(app) as client:
    summary = client.get("/health").json()
    ping = client.get("/payments/ping").json()
print(json.dumps({"components": sorted(summary["components"]),
                  "services": sorted(summary["services"]), "ping": ping}))
"""


def _served_tree(project: Project, env: dict[str, str]) -> dict[str, object]:
    """The parts the running application's ``GET /health`` lists, and the user's own route."""
    result = _run(project, str(project.root / ".venv/bin/python"), "-c", APP_START, env=env)
    assert result.returncode == 0, result.stderr
    served: dict[str, object] = json.loads(result.stdout)
    return served


@pytest.mark.generated
def test_updated_project_runs_with_exactly_the_chosen_parts(project: Project) -> None:
    add_payments_service(project)
    switch_parts(project, include_worker=True)
    project.commit("Update to 1.1.0 with the worker")

    python = require_python(str(project.answers()["python_version"]))
    env = project_environment(
        CI=os.environ.get("CI", "true"),
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    uv = uv_executable()
    synced = _run(project, uv, "sync", "--python", str(python), env=env)
    assert synced.returncode == 0, synced.stderr
    tests = _run(
        project, str(project.root / ".venv/bin/pytest"), "-q", "-p", "no:cacheprovider", env=env
    )
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]

    assert _health_tree(project, env) == {
        "components": ["backend", "database", "worker"],
        "services": ["payments"],
    }
    assert _served_tree(project, env) == {
        "components": ["backend", "database", "worker"],
        "services": ["payments"],
        "ping": {"payments": "ok"},
    }
    assert project.status() == ["?? uv.lock"], "running the project left more than its lock file"
    project.commit("Lock the dependencies")

    switch_parts(project, include_worker=False)
    synced = _run(project, uv, "sync", "--python", str(python), env=env)
    assert synced.returncode == 0, synced.stderr

    assert _health_tree(project, env) == {
        "components": ["backend", "database"],
        "services": ["payments"],
    }
    assert _served_tree(project, env) == {
        "components": ["backend", "database"],
        "services": ["payments"],
        "ping": {"payments": "ok"},
    }
