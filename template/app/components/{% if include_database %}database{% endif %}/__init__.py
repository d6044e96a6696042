"""Database component: the SQL database the application stores its data in."""

from app.components.database.health import check_database_health
from app.services.system import register_health_check


def register_health_checks() -> None:
    """Registration hook, called by the start-up discovery."""
    register_health_check("database", check_database_health)
