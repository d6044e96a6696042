"""Start-up registration: every shipped part, and a folder the user adds, without editing ours."""

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import app.services
from app.components.backend.main import create_app
from app.components.backend.startup.component_health import register_all_health_checks
from app.services.system.registry import CheckKind, registry

PAYMENTS_HEALTH = """
from app.services.system.models import ComponentStatus, ComponentStatusType


async def check_sample_payments_health() -> ComponentStatus:
    return ComponentStatus(
        name="sample_payments",
        status=ComponentStatusType.INFO,
        message="Sandbox mode",
        metadata={"provider": "sandbox"},
    )
"""

PAYMENTS_HOOK = """
from app.services.sample_payments.health import check_sample_payments_health
from app.services.system import register_service_health_check


def register_health_checks() -> None:
    register_service_health_check("sample_payments", check_sample_payments_health)
"""

GUIDE_STYLE_HEALTH = """
from app.services.system import register_health_check
from app.services.system.models import ComponentStatus, ComponentStatusType


async def check_cache_health() -> ComponentStatus:
    return ComponentStatus(name="sample_cache", status=ComponentStatusType.HEALTHY, message="ok")


try:
    from app.services.missing_part.health import check_missing  # noqa: F401
except ImportError:
    pass

register_health_check("sample_cache", check_cache_health)
"""


@pytest.fixture
def user_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder that extends ``app.services``, as a user's new service folder would."""
    root = tmp_path / "services"
    root.mkdir()
    monkeypatch.setattr(app.services, "__path__", [*app.services.__path__, str(root)])
    yield root
    for name in list(sys.modules):
        if name.startswith(("app.services.sample_payments", "app.services.sample_cache")):
            del sys.modules[name]


def write_package(root: Path, name: str, files: dict[str, str]) -> None:
    package = root / name
    package.mkdir()
    for filename, source in files.items():
        (package / filename).write_text(textwrap.dedent(source))


def test_a_user_added_service_folder_is_registered(user_packages: Path) -> None:
    write_package(
        user_packages,
        "sample_payments",
        {"__init__.py": PAYMENTS_HOOK, "health.py": PAYMENTS_HEALTH},
    )

    with TestClient(create_app()) as client:
        body = client.get("/health/detailed").json()

    assert body["services"]["sample_payments"]["message"] == "Sandbox mode"
    assert body["services"]["sample_payments"]["status"] == "info"


def test_the_guides_module_level_registration_with_import_guard_works(
    user_packages: Path,
) -> None:
    write_package(
        user_packages, "sample_cache", {"__init__.py": "", "health.py": GUIDE_STYLE_HEALTH}
    )

    register_all_health_checks()

    assert "sample_cache" in registry
    assert {check.name: check.kind for check in registry.checks()}[
        "sample_cache"
    ] is CheckKind.COMPONENT


def test_running_start_up_twice_keeps_one_check_per_name() -> None:
    register_all_health_checks()
    count = len(registry)
    register_all_health_checks()

    assert len(registry) == count
    assert "backend" in registry
