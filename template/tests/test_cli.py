"""The CLI: a tree on stdout and an exit code that scripts and HEALTHCHECKs can trust."""

import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from app.cli import main as cli
from app.services.system import register_health_check
from app.services.system.models import ComponentStatus, ComponentStatusType

runner = CliRunner()

InstallProbe = Callable[[ComponentStatusType], None]


@pytest.fixture
def only_probe(monkeypatch: pytest.MonkeyPatch) -> InstallProbe:
    """Make start-up registration install one check reporting the given status."""

    def install(status: ComponentStatusType) -> None:
        async def check() -> ComponentStatus:
            return ComponentStatus(
                name="probe",
                status=status,
                message=f"probe says {status}",
                metadata={"queue_depth": 7},
                children=[ComponentStatus(name="leaf", status=status, message="leaf message")],
            )

        def register() -> list[str]:
            register_health_check("probe", check)
            return ["probe"]

        monkeypatch.setattr(cli, "register_all_health_checks", register)

    return install


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ComponentStatusType.HEALTHY, 0),
        (ComponentStatusType.INFO, 0),
        (ComponentStatusType.WARNING, 0),
        (ComponentStatusType.UNHEALTHY, 1),
    ],
)
def test_exit_code_follows_the_overall_status(
    only_probe: InstallProbe, status: ComponentStatusType, code: int
) -> None:
    only_probe(status)

    result = runner.invoke(cli.app, ["health"])

    assert result.exit_code == code, result.output
    assert status.value.upper() in result.output


def test_fail_on_warning_makes_warning_exit_1(only_probe: InstallProbe) -> None:
    only_probe(ComponentStatusType.WARNING)

    assert runner.invoke(cli.app, ["health", "--fail-on", "warning"]).exit_code == 1


def test_the_tree_shows_children_and_messages_and_detailed_adds_metadata(
    only_probe: InstallProbe,
) -> None:
    only_probe(ComponentStatusType.HEALTHY)

    plain = runner.invoke(cli.app, ["health"]).output
    detailed = runner.invoke(cli.app, ["health", "--detailed"]).output

    assert "probe says healthy" in plain
    assert "leaf message" in plain
    assert " ms)" in plain
    assert "queue_depth" not in plain
    assert "queue_depth: 7" in detailed


def test_json_prints_the_full_status(only_probe: InstallProbe) -> None:
    only_probe(ComponentStatusType.WARNING)

    result = runner.invoke(cli.app, ["health", "--json"])

    body = json.loads(result.stdout)
    assert result.exit_code == 0
    assert body["status"] == "warning"
    assert body["components"]["probe"]["children"][0]["name"] == "leaf"


def test_an_unreachable_server_exits_2() -> None:
    result = runner.invoke(cli.app, ["health", "--url", "http://127.0.0.1:1", "--timeout", "2"])

    assert result.exit_code == 2
    assert "Could not obtain the health status" in result.output


def test_the_real_checks_run_in_process() -> None:
    result = runner.invoke(cli.app, ["health", "--json"])

    body = json.loads(result.stdout)
    assert "backend" in body["components"]
    assert result.exit_code == (1 if body["status"] == "unhealthy" else 0)
