"""The /auth routes through the application: register, log in, read the current user."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine
from sqlmodel import Session, select

from app.core import db
from app.core.config import settings
from app.services.auth.models import User
from app.services.auth.tokens import create_access_token

EMAIL = "Ada@Example.com"
PASSWORD = "analytical-engine"


def _register(client: TestClient, email: str = EMAIL, password: str = PASSWORD) -> Response:
    response: Response = client.post("/auth/register", json={"email": email, "password": password})
    return response


def _login(client: TestClient, email: str = EMAIL, password: str = PASSWORD) -> Response:
    response: Response = client.post("/auth/token", data={"username": email, "password": password})
    return response


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_register_log_in_and_read_the_current_user(auth_client: TestClient) -> None:
    registered = _register(auth_client)
    assert registered.status_code == 201
    user = registered.json()
    assert user["email"] == "ada@example.com"
    assert user["is_active"] is True
    assert set(user) == {"id", "email", "is_active", "created_at"}

    login = _login(auth_client, email="ada@example.com")
    assert login.status_code == 200
    assert login.json()["token_type"] == "bearer"

    me = auth_client.get("/auth/me", headers=_bearer(login.json()["access_token"]))
    assert me.status_code == 200
    assert me.json() == user


def test_the_password_is_stored_hashed(auth_client: TestClient) -> None:
    _register(auth_client)
    with Session(db.engine) as session:
        stored = session.exec(select(User)).one()
    assert stored.hashed_password.startswith("$argon2id$")
    assert PASSWORD not in stored.hashed_password


def test_duplicate_email_is_a_conflict(auth_client: TestClient) -> None:
    assert _register(auth_client).status_code == 201
    duplicate = _register(auth_client, email=EMAIL.upper())
    assert duplicate.status_code == 409
    assert duplicate.json()["detail"] == "Email already registered"


@pytest.mark.parametrize(
    ("email", "password"), [("not-an-email", PASSWORD), ("bob@example.com", "short")]
)
def test_invalid_registration_is_rejected(
    auth_client: TestClient, email: str, password: str
) -> None:
    assert _register(auth_client, email=email, password=password).status_code == 422


@pytest.mark.parametrize(
    ("email", "password"), [(EMAIL, "wrong-password"), ("nobody@example.com", PASSWORD)]
)
def test_bad_credentials_are_unauthorized(
    auth_client: TestClient, email: str, password: str
) -> None:
    _register(auth_client)
    response = _login(auth_client, email=email, password=password)
    assert response.status_code == 401
    assert response.json()["detail"] == "Incorrect email or password"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_me_needs_a_token(auth_client: TestClient) -> None:
    assert auth_client.get("/auth/me").status_code == 401


@pytest.mark.parametrize("token", ["not-a-jwt", "a.b.c"])
def test_me_refuses_a_malformed_token(auth_client: TestClient, token: str) -> None:
    response = auth_client.get("/auth/me", headers=_bearer(token))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_me_refuses_an_expired_token(auth_client: TestClient) -> None:
    user_id = _register(auth_client).json()["id"]
    token = create_access_token(str(user_id), expires_delta=timedelta(seconds=-1))
    assert auth_client.get("/auth/me", headers=_bearer(token)).status_code == 401


def test_me_refuses_a_token_for_a_user_that_does_not_exist(auth_client: TestClient) -> None:
    assert (
        auth_client.get("/auth/me", headers=_bearer(create_access_token("999"))).status_code == 401
    )


def test_an_inactive_user_is_forbidden(auth_client: TestClient) -> None:
    _register(auth_client)
    token = _login(auth_client).json()["access_token"]
    with db.db_session() as session:
        user = session.exec(select(User)).one()
        user.is_active = False
        session.add(user)

    assert _login(auth_client).status_code == 403
    assert auth_client.get("/auth/me", headers=_bearer(token)).status_code == 403


def test_token_endpoint_answers_503_without_a_usable_secret_key(
    auth_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(auth_client)
    token = _login(auth_client).json()["access_token"]
    monkeypatch.setattr(settings, "SECRET_KEY", "")

    response = _login(auth_client)
    assert response.status_code == 503
    assert response.json()["detail"] == "Auth is not configured: SECRET_KEY is not set"
    assert auth_client.get("/auth/me", headers=_bearer(token)).status_code == 503


def test_routes_answer_503_when_the_database_is_down(
    unreachable: Engine, secret_key: str, client: TestClient
) -> None:
    response = _register(client)
    assert response.status_code == 503
    assert response.json()["detail"] == "Database unavailable"
    assert _login(client).status_code == 503
