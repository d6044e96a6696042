"""Password hashing with pwdlib's recommended scheme (Argon2id)."""

from functools import cache

from pwdlib import PasswordHash

password_hash = PasswordHash.recommended()


@cache
def _dummy_hash() -> str:
    """Verified against when the email is unknown, so both login failures take the same time."""
    return password_hash.hash("a password nobody has")


def hash_password(password: str) -> str:
    """A salted Argon2id hash of ``password``."""
    return password_hash.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    """True if ``password`` matches ``hashed``; ``None`` (no such user) costs a full verify too."""
    if hashed is None:
        password_hash.verify(password, _dummy_hash())
        return False
    return password_hash.verify(password, hashed)
