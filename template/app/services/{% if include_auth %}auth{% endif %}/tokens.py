"""JWT access tokens: signed with SECRET_KEY, verified with the configured algorithm only."""

from datetime import UTC, datetime, timedelta

import jwt

from app.core.config import settings
from app.services.auth.config import require_configured


class InvalidTokenError(ValueError):
    """The token is malformed, badly signed, expired or lacks a subject."""


def create_access_token(subject: str, expires_delta: timedelta | None = None) -> str:
    """A signed token for ``subject`` expiring after ``expires_delta`` (default from settings).

    Raises AuthNotConfiguredError when SECRET_KEY or ALGORITHM is unusable.
    """
    require_configured()
    now = datetime.now(UTC)
    lifetime = expires_delta or timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    payload = {"sub": subject, "iat": now, "exp": now + lifetime}
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def decode_access_token(token: str) -> str:
    """The subject of a valid token; InvalidTokenError otherwise.

    Only ``settings.ALGORITHM`` is accepted, so a token claiming ``none`` or another
    algorithm is refused. Raises AuthNotConfiguredError when the settings are unusable.
    """
    require_configured()
    try:
        payload = jwt.decode(
            token,
            settings.SECRET_KEY,
            algorithms=[settings.ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as error:
        raise InvalidTokenError(str(error)) from error
    subject = payload["sub"]
    if not isinstance(subject, str) or not subject:
        raise InvalidTokenError("Token subject is empty")
    return subject
