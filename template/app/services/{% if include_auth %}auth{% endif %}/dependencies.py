"""FastAPI dependencies of the auth routes: a session with the users table, the current user."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.core import db
from app.services.auth.config import AuthNotConfiguredError
from app.services.auth.models import User, ensure_auth_tables
from app.services.auth.tokens import InvalidTokenError, decode_access_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="auth/token")


def get_auth_session() -> Iterator[Session]:
    """A request session on a database whose users table exists; 503 if the database is down."""
    try:
        ensure_auth_tables(db.engine)
        with db.db_session() as session:
            yield session
    except OperationalError as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "Database unavailable") from error


AuthSession = Annotated[Session, Depends(get_auth_session)]


def not_configured(error: AuthNotConfiguredError) -> HTTPException:
    """503: the server, not the client, has to be fixed."""
    return HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(error))


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)], session: AuthSession) -> User:
    """The active user the bearer token names; 401 for a bad token, 403 for an inactive user."""
    invalid = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        subject = decode_access_token(token)
    except AuthNotConfiguredError as error:
        raise not_configured(error) from error
    except InvalidTokenError as error:
        raise invalid from error
    user = session.get(User, int(subject)) if subject.isdigit() else None
    if user is None:
        raise invalid
    if not user.is_active:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Inactive user")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
