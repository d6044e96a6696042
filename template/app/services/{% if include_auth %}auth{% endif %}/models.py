"""The users table, its creation, and the shapes the auth routes accept and return."""

import threading
import weakref
from datetime import UTC, datetime

from pydantic import EmailStr
from sqlalchemy import DateTime, Engine
from sqlmodel import Field, SQLModel

from app.core.db import init_db

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128


def _now() -> datetime:
    return datetime.now(UTC)


class User(SQLModel, table=True):
    """A registered user; the email is stored lower-case and is unique."""

    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    hashed_password: str
    is_active: bool = True
    created_at: datetime = Field(default_factory=_now, sa_type=DateTime(timezone=True))


_engines_ready: "weakref.WeakSet[Engine]" = weakref.WeakSet()
_create_lock = threading.Lock()


def ensure_auth_tables(engine: Engine) -> None:
    """Create the users table on ``engine`` once: at start-up, or later if the database was down.

    Raises the driver's error when the database is unreachable.
    """
    if engine in _engines_ready:
        return
    with _create_lock:
        if engine not in _engines_ready:
            init_db(engine)
            _engines_ready.add(engine)


class UserCreate(SQLModel):
    """Registration request body."""

    email: EmailStr
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH)


class UserRead(SQLModel):
    """A user as the API shows it: never the password hash."""

    id: int
    email: str
    is_active: bool
    created_at: datetime


class Token(SQLModel):
    """The OAuth2 token response."""

    access_token: str
    token_type: str = "bearer"
