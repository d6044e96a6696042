"""Auth service: users in the database, Argon2 password hashes, JWT bearer tokens, ``/auth``."""

import logging

from sqlalchemy.exc import SQLAlchemyError

from app.core import db
from app.services.auth.health import check_auth_service_health
from app.services.auth.models import ensure_auth_tables
from app.services.system import register_service_health_check

logger = logging.getLogger(__name__)


def register_health_checks() -> None:
    """Start-up hook: register the check and create the users table if it is missing.

    A database that is down at start-up does not stop the application: the table is
    created on the first auth request or health check once the database answers.
    """
    register_service_health_check("auth", check_auth_service_health)
    try:
        ensure_auth_tables(db.engine)
    except SQLAlchemyError as error:
        logger.warning(
            "Users table not created at start-up (%s); retrying on first use",
            db.describe_error(error, db.engine),
        )
