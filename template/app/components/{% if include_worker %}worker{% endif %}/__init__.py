"""Worker component: arq workers on Redis, one process per queue, with per-queue health."""

from app.components.worker.health import check_worker_health
from app.services.system import register_health_check


def register_health_checks() -> None:
    """Registration hook, called by the start-up discovery."""
    register_health_check("worker", check_worker_health)
