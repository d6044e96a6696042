"""The ``/auth`` routes: register, log in (OAuth2 password flow), read the current user.

Endpoints are plain ``def``: FastAPI runs them in its thread pool, so database calls and
Argon2 hashing never block the event loop.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from app.services.auth.config import AuthNotConfiguredError, require_configured
from app.services.auth.dependencies import AuthSession, CurrentUser, not_configured
from app.services.auth.models import Token, UserCreate, UserRead
from app.services.auth.tokens import create_access_token
from app.services.auth.users import EmailAlreadyRegisteredError, authenticate, create_user

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/register", status_code=status.HTTP_201_CREATED)
def register(body: UserCreate, session: AuthSession) -> UserRead:
    """Create a user; 409 if the email is taken."""
    try:
        user = create_user(session, body.email, body.password)
    except EmailAlreadyRegisteredError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, "Email already registered") from error
    return UserRead.model_validate(user)


@router.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: AuthSession) -> Token:
    """Exchange email (the form's ``username``) and password for a bearer token."""
    try:
        require_configured()
    except AuthNotConfiguredError as error:
        raise not_configured(error) from error
    user = authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not user.is_active:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Inactive user")
    return Token(access_token=create_access_token(str(user.id)))


@router.get("/me")
def read_current_user(user: CurrentUser) -> UserRead:
    """The user the bearer token belongs to."""
    return UserRead.model_validate(user)
