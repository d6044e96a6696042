"""JWT access tokens: round trip, expiry, signature and algorithm checks, configuration."""

from datetime import timedelta

import jwt
import pytest

from app.core.config import settings
from app.services.auth.config import AuthNotConfiguredError, configuration_problems
from app.services.auth.tokens import InvalidTokenError, create_access_token, decode_access_token


def test_token_round_trip(secret_key: str) -> None:
    assert decode_access_token(create_access_token("42")) == "42"


def test_token_lifetime_comes_from_the_settings(
    secret_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ACCESS_TOKEN_EXPIRE_MINUTES", 7)
    claims = jwt.decode(create_access_token("42"), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 7 * 60


def test_expired_token_is_refused(secret_key: str) -> None:
    token = create_access_token("42", expires_delta=timedelta(seconds=-1))
    with pytest.raises(InvalidTokenError, match="expired"):
        decode_access_token(token)


def test_token_signed_with_another_key_is_refused(secret_key: str) -> None:
    forged = jwt.encode({"sub": "42", "exp": 4102444800}, "x" * 48, algorithm="HS256")
    with pytest.raises(InvalidTokenError, match="Signature"):
        decode_access_token(forged)


@pytest.mark.parametrize("algorithm", ["HS512", "none"])
def test_token_with_another_algorithm_is_refused(secret_key: str, algorithm: str) -> None:
    key = None if algorithm == "none" else secret_key
    token = jwt.encode({"sub": "42", "exp": 4102444800}, key, algorithm=algorithm)
    with pytest.raises(InvalidTokenError, match="alg value is not allowed"):
        decode_access_token(token)


def test_token_without_subject_is_refused(secret_key: str) -> None:
    token = jwt.encode({"exp": 4102444800}, secret_key, algorithm="HS256")
    with pytest.raises(InvalidTokenError, match="sub"):
        decode_access_token(token)


@pytest.mark.parametrize(
    ("key", "algorithm", "problem"),
    [
        ("", "HS256", "SECRET_KEY is not set"),
        ("k" * 31, "HS256", "SECRET_KEY is too short (31 bytes; HS256 needs at least 32)"),
        ("k" * 63, "HS512", "SECRET_KEY is too short (63 bytes; HS512 needs at least 64)"),
        ("k" * 64, "RS256", "ALGORITHM 'RS256' is not allowed"),
    ],
)
def test_unusable_settings_refuse_to_sign(
    monkeypatch: pytest.MonkeyPatch, key: str, algorithm: str, problem: str
) -> None:
    monkeypatch.setattr(settings, "SECRET_KEY", key)
    monkeypatch.setattr(settings, "ALGORITHM", algorithm)

    assert any(found.startswith(problem) for found in configuration_problems())
    with pytest.raises(AuthNotConfiguredError, match=r"^Auth is not configured: "):
        create_access_token("42")


@pytest.mark.parametrize(("key_length", "algorithm"), [(32, "HS256"), (48, "HS384"), (64, "HS512")])
def test_long_enough_keys_are_accepted(
    monkeypatch: pytest.MonkeyPatch, key_length: int, algorithm: str
) -> None:
    monkeypatch.setattr(settings, "SECRET_KEY", "k" * key_length)
    monkeypatch.setattr(settings, "ALGORITHM", algorithm)

    assert configuration_problems() == []
    assert decode_access_token(create_access_token("7")) == "7"
