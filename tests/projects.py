"""A generated project on disk: install it with uv, run its tools, serve it.

Each project gets its own ``.venv`` (created by ``uv sync`` with an interpreter already on the
machine); all projects share uv's default cache, so installs after the first are quick.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.interpreters import find_python, uv_executable

# Variables of the template's own test run that must not leak into a generated project's.
_PRIVATE_PREFIXES = ("PYTEST_", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "COV_CORE_")


def require_python(version: str) -> Path:
    """The interpreter for ``version``; skip when missing, but fail under CI."""
    interpreter = find_python(version)
    if interpreter is not None:
        return interpreter
    reason = (
        f"No working Python {version} (tried python{version} on PATH, "
        f"~/.pyenv/versions/{version}*, `uv python find {version}`)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so this fails instead of skipping")
    pytest.skip(reason)


def project_environment(**extra: str) -> dict[str, str]:
    """The caller's environment (CI included) without the template test run's own variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_PRIVATE_PREFIXES)}
    env["UV_PYTHON_DOWNLOADS"] = "never"
    env.update(extra)
    return env


@dataclass
class Result:
    """What a command did: its exit code and everything it printed."""

    command: str
    returncode: int
    output: str
    seconds: float

    def describe(self) -> str:
        return (
            f"$ {self.command}\n(exit {self.returncode} after {self.seconds:.1f} s)\n"
            f"{self.output[-6000:]}"
        )


@dataclass
class GeneratedProject:
    """A rendered project and the environment its commands run in."""

    root: Path
    env: dict[str, str]
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def bin(self) -> Path:
        return self.root / ".venv" / "bin"

    def run(self, *command: str | Path, timeout: float = 600) -> Result:
        """Run a command in the project folder, output captured (stderr merged into stdout)."""
        args = [str(part) for part in command]
        started = time.monotonic()
        completed = subprocess.run(
            args,
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=timeout,
            check=False,
        )
        seconds = time.monotonic() - started
        self.timings.append((" ".join([Path(args[0]).name, *args[1:3]]), seconds))
        return Result(" ".join(args), completed.returncode, completed.stdout, seconds)

    def check(self, *command: str | Path, timeout: float = 600) -> Result:
        """Run a command and fail the test, showing its output, unless it exits 0."""
        result = self.run(*command, timeout=timeout)
        if result.returncode != 0:
            pytest.fail(result.describe(), pytrace=False)
        return result

    def timing_report(self) -> str:
        """One line per command run so far, with its duration (shown by ``pytest -rP``)."""
        return "\n".join(f"{seconds:7.1f} s  {command}" for command, seconds in self.timings)

    def tool(self, name: str, *args: str, timeout: float = 600) -> Result:
        """Run one of the project's own installed tools (ruff, mypy, pytest, its CLI)."""
        return self.check(self.bin / name, *args, timeout=timeout)

    def sync(self, interpreter: Path) -> Result:
        """Install the project and its dev group into ``.venv`` with ``interpreter``."""
        return self.check(uv_executable(), "sync", "--python", str(interpreter), timeout=900)

    @contextmanager
    def serving(self, startup_timeout: float = 60) -> Iterator[str]:
        """Run the app under uvicorn on a free loopback port; yield its base URL."""
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(self.bin / "uvicorn"),
                "app.components.backend.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        try:
            _wait_until_live(server, f"{base}/health/live", startup_timeout)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            if server.stdout is not None:
                server.stdout.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def get(url: str, timeout: float = 30) -> Response:
    """GET ``url``; an error status is returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return Response(answer.status, answer.headers.get("content-type", ""), answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers.get("content-type", ""), error.read())


def _wait_until_live(server: subprocess.Popen[str], url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = server.stdout.read() if server.stdout else ""
            pytest.fail(f"uvicorn exited with {server.returncode}:\n{output}", pytrace=False)
        try:
            if get(url, timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer 200 within {timeout} s", pytrace=False)
