"""The backend check: host resources against the answered thresholds, collected off the loop."""

import pytest

from app.components.backend import health, metrics
from app.components.backend.metrics import SystemMetrics
from app.core.config import settings
from app.services.system.models import ComponentStatusType

pytestmark = pytest.mark.anyio


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch) -> list[SystemMetrics]:
    """Replace the blocking collection with a scripted reading; count collections."""
    collected: list[SystemMetrics] = []

    def collect() -> SystemMetrics:
        value = SystemMetrics(cpu_percent=12.5, memory_percent=45.2, disk_percent=60.0)
        collected.append(value)
        return value

    monkeypatch.setattr(metrics, "_collect", collect)
    return collected


async def test_below_every_threshold_is_healthy(reading: list[SystemMetrics]) -> None:
    result = await health.check_backend_health()

    assert result.status is ComponentStatusType.HEALTHY
    assert result.metadata == {"cpu_percent": 12.5, "memory_percent": 45.2, "disk_percent": 60.0}
    assert [child.name for child in result.children] == ["cpu", "memory", "disk"]


async def test_above_a_threshold_is_a_warning_with_the_numbers(
    reading: list[SystemMetrics], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "DISK_WARNING_PERCENT", 50.0)

    result = await health.check_backend_health()

    disk = result.children[2]
    assert result.status is ComponentStatusType.WARNING
    assert disk.status is ComponentStatusType.WARNING
    assert disk.metadata == {"percent": 60.0, "warning_threshold_percent": 50.0}
    assert "Disk usage 60.0% is above the 50% threshold" in result.message


async def test_metrics_are_cached_briefly(
    reading: list[SystemMetrics], monkeypatch: pytest.MonkeyPatch
) -> None:
    await metrics.get_system_metrics()
    await metrics.get_system_metrics()
    assert len(reading) == 1

    monkeypatch.setattr(settings, "SYSTEM_METRICS_CACHE_SECONDS", 0.0)
    await metrics.get_system_metrics()
    assert len(reading) == 2


async def test_real_collection_reports_percentages() -> None:
    reading = await metrics.get_system_metrics()

    for value in (reading.cpu_percent, reading.memory_percent, reading.disk_percent):
        assert 0.0 <= value <= 100.0
