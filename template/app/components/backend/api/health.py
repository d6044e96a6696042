"""Health endpoints: liveness, readiness, a summary and the detailed tree.

Only UNHEALTHY maps to 503; HEALTHY, INFO and WARNING answer 200.
"""

from typing import Any

from fastapi import APIRouter, Response, status

from app.components.backend.api.schemas import HealthSummary, LivenessResponse
from app.services.system.health import get_system_status
from app.services.system.models import SystemStatus

router = APIRouter(prefix="/health", tags=["health"])


def http_status_for(system: SystemStatus) -> int:
    """503 Service Unavailable for UNHEALTHY, 200 OK otherwise."""
    return status.HTTP_503_SERVICE_UNAVAILABLE if system.is_unhealthy else status.HTTP_200_OK


def _unhealthy_response(model: type[Any]) -> dict[int | str, dict[str, Any]]:
    return {503: {"model": model, "description": "At least one check is UNHEALTHY"}}


@router.get("/live", response_model=LivenessResponse)
async def liveness() -> LivenessResponse:
    """Liveness probe: answers at once and never runs a check."""
    return LivenessResponse()


async def _summary(response: Response) -> HealthSummary:
    system = await get_system_status()
    response.status_code = http_status_for(system)
    return HealthSummary.from_system_status(system)


@router.get("/ready", response_model=HealthSummary, responses=_unhealthy_response(HealthSummary))
async def readiness(response: Response) -> HealthSummary:
    """Readiness probe: 503 while any check is UNHEALTHY."""
    return await _summary(response)


@router.get("", response_model=HealthSummary, responses=_unhealthy_response(HealthSummary))
async def health_summary(response: Response) -> HealthSummary:
    """Overall status and each check's status."""
    return await _summary(response)


@router.get("/detailed", response_model=SystemStatus, responses=_unhealthy_response(SystemStatus))
async def health_detailed(response: Response) -> SystemStatus:
    """The whole tree: messages, metadata, children and timings."""
    system = await get_system_status()
    response.status_code = http_status_for(system)
    return system
