"""Whether the auth settings can sign tokens safely: the rules health and token code share."""

from app.core.config import settings

MIN_KEY_BYTES = {"HS256": 32, "HS384": 48, "HS512": 64}
"""Allowed algorithms and the shortest key each takes (RFC 7518: at least the hash size)."""

ALLOWED_ALGORITHMS = tuple(MIN_KEY_BYTES)


class AuthNotConfiguredError(RuntimeError):
    """The settings cannot sign or verify tokens; the message says what to fix."""


def configuration_problems() -> list[str]:
    """Every reason the current SECRET_KEY / ALGORITHM pair is unusable; empty when fine."""
    problems = []
    algorithm = settings.ALGORITHM
    if algorithm not in MIN_KEY_BYTES:
        problems.append(
            f"ALGORITHM {algorithm!r} is not allowed (use one of {', '.join(ALLOWED_ALGORITHMS)})"
        )
    key_bytes = len(settings.SECRET_KEY.encode())
    min_bytes = MIN_KEY_BYTES.get(algorithm, MIN_KEY_BYTES["HS256"])
    if key_bytes == 0:
        problems.append("SECRET_KEY is not set")
    elif key_bytes < min_bytes:
        problems.append(
            f"SECRET_KEY is too short ({key_bytes} bytes; {algorithm} needs at least {min_bytes})"
        )
    return problems


def require_configured() -> None:
    """Raise AuthNotConfiguredError unless tokens can be signed safely."""
    problems = configuration_problems()
    if problems:
        raise AuthNotConfiguredError(f"Auth is not configured: {'; '.join(problems)}")
