"""Overseer's public health API: propagation, the application's engine and its entry point."""

from app.core.config import settings
from app.services.system.engine import HealthEngine
from app.services.system.models import SystemStatus
from app.services.system.propagation import propagate_status, propagate_tree
from app.services.system.registry import (
    register_health_check,
    register_service_health_check,
    registry,
)

engine = HealthEngine(
    registry,
    default_timeout=settings.HEALTH_CHECK_TIMEOUT_SECONDS,
    cache_ttl=settings.HEALTH_CACHE_TTL_SECONDS,
)
"""The application's engine over the application's registry."""


async def get_system_status(force_refresh: bool = False) -> SystemStatus:
    """Every registered check's status, from the snapshot cache unless ``force_refresh``."""
    return await engine.get_status(force_refresh=force_refresh)


__all__ = [
    "engine",
    "get_system_status",
    "propagate_status",
    "propagate_tree",
    "register_health_check",
    "register_service_health_check",
    "registry",
]
