"""Reading and writing users: the one module that queries the users table."""

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.services.auth.hashing import hash_password, verify_password
from app.services.auth.models import User


class EmailAlreadyRegisteredError(ValueError):
    """Another user already has this email."""


def normalize_email(email: str) -> str:
    """Emails are compared and stored lower-case, so ``A@x.io`` and ``a@x.io`` are one user."""
    return email.strip().lower()


def get_user_by_email(session: Session, email: str) -> User | None:
    """The user with this email, if any."""
    statement = select(User).where(User.email == normalize_email(email))
    return session.exec(statement).first()


def create_user(session: Session, email: str, password: str) -> User:
    """Store a new user with a hashed password; EmailAlreadyRegisteredError on a duplicate."""
    if get_user_by_email(session, email) is not None:
        raise EmailAlreadyRegisteredError(email)
    user = User(email=normalize_email(email), hashed_password=hash_password(password))
    session.add(user)
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise EmailAlreadyRegisteredError(email) from error
    session.refresh(user)
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user if the password matches; ``None`` for an unknown email or a wrong password."""
    user = get_user_by_email(session, email)
    if not verify_password(password, user.hashed_password if user else None):
        return None
    return user


def count_users(session: Session, limit: int) -> int:
    """How many users exist, counting no further than ``limit`` (a bounded query)."""
    return len(session.exec(select(User.id).limit(limit)).all())
