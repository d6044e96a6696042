"""Response bodies of the health endpoints that are not the SystemStatus itself."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from app.services.system.models import ComponentStatusType, SystemStatus


class LivenessResponse(BaseModel):
    """The process answers; says nothing about its dependencies."""

    status: Literal["alive"] = "alive"


class HealthSummary(BaseModel):
    """Overall status and each check's status, without messages or metadata."""

    status: ComponentStatusType
    checked_at: datetime
    components: dict[str, ComponentStatusType]
    services: dict[str, ComponentStatusType]

    @classmethod
    def from_system_status(cls, system: SystemStatus) -> "HealthSummary":
        """Reduce a snapshot to its statuses."""
        return cls(
            status=system.status,
            checked_at=system.checked_at,
            components={name: c.status for name, c in system.components.items()},
            services={name: s.status for name, s in system.services.items()},
        )
