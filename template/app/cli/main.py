"""The project's command line: ``health`` prints the Overseer tree and exits with its verdict.

Exit codes: 0 healthy, info or warning; 1 unhealthy (or warning with ``--fail-on warning``);
2 when the status could not be obtained.
"""

import asyncio
import sys
from enum import StrEnum
from typing import Annotated

import httpx
import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from app.cli.render import render_tree
from app.components.backend.startup.component_health import register_all_health_checks
from app.core.config import settings
from app.services.system.health import get_system_status
from app.services.system.models import ComponentStatusType, SystemStatus

EXIT_OK = 0
EXIT_FAILING = 1
EXIT_UNAVAILABLE = 2

app = typer.Typer(help=f"{settings.PROJECT_NAME} command line.", no_args_is_help=True)


class FailOn(StrEnum):
    """The least severe status that makes ``health`` exit 1."""

    UNHEALTHY = "unhealthy"
    WARNING = "warning"


@app.callback()
def main() -> None:
    """Manage and inspect the application."""


def _fetch(url: str, timeout: float) -> SystemStatus:
    response = httpx.get(f"{url.rstrip('/')}/health/detailed", timeout=timeout)
    return SystemStatus.model_validate_json(response.content)


def _run_in_process() -> SystemStatus:
    register_all_health_checks()
    return asyncio.run(get_system_status(force_refresh=True))


def exit_code_for(status: ComponentStatusType, fail_on: FailOn) -> int:
    """1 when ``status`` is at least as bad as ``fail_on``, else 0."""
    threshold = ComponentStatusType(fail_on.value)
    return EXIT_FAILING if status.severity >= threshold.severity else EXIT_OK


@app.command()
def health(
    url: Annotated[
        str | None, typer.Option(help="Ask a running server (e.g. http://127.0.0.1:8000)")
    ] = None,
    detailed: Annotated[
        bool, typer.Option("--detailed", help="Show each check's metadata")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full status as JSON")] = False,
    fail_on: Annotated[
        FailOn, typer.Option(help="Least severe status that exits 1")
    ] = FailOn.UNHEALTHY,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for --url")] = 10.0,
) -> None:
    """Run every health check (or ask --url) and print the tree."""
    try:
        system = _fetch(url, timeout) if url else _run_in_process()
    except (httpx.HTTPError, ValidationError) as error:
        message = Text.assemble(("Could not obtain the health status: ", "bold red"), str(error))
        Console(stderr=True).print(message)
        raise typer.Exit(EXIT_UNAVAILABLE) from error
    if as_json:
        sys.stdout.write(system.model_dump_json(indent=2) + "\n")
    else:
        Console().print(render_tree(system, settings.PROJECT_NAME, detailed=detailed))
    raise typer.Exit(exit_code_for(system.status, fail_on))
