"""Scheduler component: APScheduler jobs in their own process, watched through a heartbeat."""

from app.components.scheduler.health import check_scheduler_health
from app.services.system import register_health_check


def register_health_checks() -> None:
    """Registration hook, called by the start-up discovery."""
    register_health_check("scheduler", check_scheduler_health)
