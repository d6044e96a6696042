"""``python -m app.components.scheduler`` as a real process, watched from this one."""

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.components.scheduler.heartbeat import heartbeat_key
from app.components.scheduler.options import SchedulerOptions
from app.services.system.models import ComponentStatusType
from tests.scheduler.support import redis_client, wait_for_status

pytestmark = pytest.mark.anyio

PROJECT_ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 20.0
"""Time for a cold interpreter to import the application and write its first heartbeat."""


def _environment(options: SchedulerOptions) -> dict[str, str]:
    return {
        **os.environ,
        "REDIS_URL": options.redis_url,
        "SCHEDULER_KEY_PREFIX": options.key_prefix,
        "SCHEDULER_HEARTBEAT_SECONDS": str(options.heartbeat_seconds),
        "SCHEDULER_EXAMPLE_JOB_SECONDS": "60",
    }


@pytest.fixture
def scheduler_process(options: SchedulerOptions) -> Iterator["subprocess.Popen[bytes]"]:
    """The entry point in a child process; killed if a test leaves it running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app.components.scheduler"],
        cwd=PROJECT_ROOT,
        env=_environment(options),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()
    if process.stderr is not None:
        process.stderr.close()


async def _probe(options: SchedulerOptions) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "app.components.scheduler.probe"],
        cwd=PROJECT_ROOT,
        env=_environment(options),
        capture_output=True,
        text=True,
        timeout=START_SECONDS,
        check=False,
    )


async def test_sigterm_stops_the_process_cleanly_and_removes_its_heartbeat(
    options: SchedulerOptions,
    scheduler_process: "subprocess.Popen[bytes]",
    client: TestClient,
) -> None:
    running, _ = await wait_for_status(ComponentStatusType.HEALTHY, within=START_SECONDS)
    assert running.metadata["scheduler_pid"] == scheduler_process.pid
    assert running.metadata["jobs"] == 1

    detailed = client.get("/health/detailed").json()
    assert detailed["components"]["scheduler"]["status"] == "healthy"
    assert detailed["components"]["scheduler"]["metadata"]["scheduler_pid"] == scheduler_process.pid

    healthy_probe = await _probe(options)
    assert healthy_probe.returncode == 0, healthy_probe.stdout
    assert healthy_probe.stdout.startswith("healthy:")

    scheduler_process.send_signal(signal.SIGTERM)
    exit_code = await asyncio.to_thread(scheduler_process.wait, 10)
    assert scheduler_process.stderr is not None
    assert exit_code == 0, scheduler_process.stderr.read().decode()

    async with redis_client(options.redis_url) as redis:
        assert await redis.exists(heartbeat_key(options.key_prefix)) == 0
    stopped, _ = await wait_for_status(ComponentStatusType.UNHEALTHY, within=1)
    assert "stopped cleanly" in stopped.message
    unhealthy_probe = await _probe(options)
    assert unhealthy_probe.returncode == 1
    assert unhealthy_probe.stdout.startswith("unhealthy: Scheduler not running")


async def test_a_killed_process_is_unhealthy_within_two_intervals(
    options: SchedulerOptions, scheduler_process: "subprocess.Popen[bytes]"
) -> None:
    await wait_for_status(ComponentStatusType.HEALTHY, within=START_SECONDS)

    scheduler_process.kill()
    await asyncio.to_thread(scheduler_process.wait, 10)
    result, elapsed = await wait_for_status(
        ComponentStatusType.UNHEALTHY, within=2 * options.heartbeat_seconds + 1.5
    )

    assert "did it crash or hang?" in result.message
    assert elapsed <= 2 * options.heartbeat_seconds + 1.5
