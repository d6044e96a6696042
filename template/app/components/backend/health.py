"""The backend component's check: CPU, memory and disk against the configured thresholds."""

from app.components.backend.metrics import get_system_metrics
from app.core.config import settings
from app.services.system.health import propagate_status
from app.services.system.models import ComponentStatus, ComponentStatusType


def _resource(name: str, label: str, percent: float, threshold: float) -> ComponentStatus:
    over = percent > threshold
    return ComponentStatus(
        name=name,
        status=ComponentStatusType.WARNING if over else ComponentStatusType.HEALTHY,
        message=(
            f"{label} usage {percent:.1f}% is above the {threshold:g}% threshold"
            if over
            else f"{label} usage {percent:.1f}%"
        ),
        metadata={"percent": percent, "warning_threshold_percent": threshold},
    )


async def check_backend_health() -> ComponentStatus:
    """Report the API process's host resources; WARNING above a threshold, never UNHEALTHY."""
    metrics = await get_system_metrics()
    children = [
        _resource("cpu", "CPU", metrics.cpu_percent, settings.CPU_WARNING_PERCENT),
        _resource("memory", "Memory", metrics.memory_percent, settings.MEMORY_WARNING_PERCENT),
        _resource("disk", "Disk", metrics.disk_percent, settings.DISK_WARNING_PERCENT),
    ]
    status = propagate_status(child.status for child in children)
    warnings = [
        child.message for child in children if child.status is not ComponentStatusType.HEALTHY
    ]
    return ComponentStatus(
        name="backend",
        status=status,
        message="; ".join(warnings) if warnings else "Backend API operational",
        metadata={
            "cpu_percent": metrics.cpu_percent,
            "memory_percent": metrics.memory_percent,
            "disk_percent": metrics.disk_percent,
        },
        children=children,
    )
