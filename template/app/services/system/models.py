"""The data Overseer speaks: one status enum, one result per check, one system snapshot."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class ComponentStatusType(StrEnum):
    """Health of one check, from best to worst.

    Only UNHEALTHY means "not serving": INFO and WARNING are reported, never failed on.
    """

    HEALTHY = "healthy"
    INFO = "info"
    WARNING = "warning"
    UNHEALTHY = "unhealthy"

    @property
    def severity(self) -> int:
        """Rank used by propagation: the higher, the worse."""
        return _SEVERITY[self]


_SEVERITY = {
    ComponentStatusType.HEALTHY: 0,
    ComponentStatusType.INFO: 1,
    ComponentStatusType.WARNING: 2,
    ComponentStatusType.UNHEALTHY: 3,
}


class ComponentStatus(BaseModel):
    """What one health check found, with optional nested children."""

    name: str
    status: ComponentStatusType
    message: str
    response_time_ms: float | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    children: list[ComponentStatus] = Field(default_factory=list)

    @property
    def is_unhealthy(self) -> bool:
        """True only for UNHEALTHY: INFO and WARNING still serve."""
        return self.status is ComponentStatusType.UNHEALTHY


class SystemStatus(BaseModel):
    """One snapshot of every registered check, with the propagated overall status."""

    status: ComponentStatusType
    components: dict[str, ComponentStatus] = Field(default_factory=dict)
    services: dict[str, ComponentStatus] = Field(default_factory=dict)
    checked_at: datetime
    duration_ms: float = 0.0

    @property
    def is_unhealthy(self) -> bool:
        """True only when the overall status is UNHEALTHY."""
        return self.status is ComponentStatusType.UNHEALTHY

    def all_checks(self) -> dict[str, ComponentStatus]:
        """Components and services in one mapping, components first."""
        return {**self.components, **self.services}
