"""Overseer: the health registry and engine every component and service reports to."""

from app.services.system.health import (
    get_system_status,
    register_health_check,
    register_service_health_check,
)

__all__ = ["get_system_status", "register_health_check", "register_service_health_check"]
