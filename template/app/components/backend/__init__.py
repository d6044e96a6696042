"""Backend component: the FastAPI application and its host's resources."""

from app.components.backend.health import check_backend_health
from app.services.system import register_health_check


def register_health_checks() -> None:
    """Registration hook, called by the start-up discovery."""
    register_health_check("backend", check_backend_health)
