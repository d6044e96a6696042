"""HTTP endpoints: liveness never runs checks; 503 only for UNHEALTHY; schemas in OpenAPI."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from app.components.backend import register_health_checks as register_backend
from app.services.system import register_service_health_check
from app.services.system.health import engine, registry
from app.services.system.models import ComponentStatus, ComponentStatusType


def register_status(status: ComponentStatusType) -> Callable[[], int]:
    """Make a service reporting ``status`` the only check; return a counter of its calls.

    The start-up hooks have registered the real checks by now; their results depend on the
    machine and on which parts were generated, so they are set aside.
    """
    registry.clear()
    calls = 0

    async def check() -> ComponentStatus:
        nonlocal calls
        calls += 1
        return ComponentStatus(
            name="probe", status=status, message=f"probe is {status}", metadata={"k": 1}
        )

    register_service_health_check("probe", check)
    engine.invalidate()
    return lambda: calls


def test_liveness_answers_without_running_a_check(client: TestClient) -> None:
    calls = register_status(ComponentStatusType.UNHEALTHY)

    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert calls() == 0


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ComponentStatusType.HEALTHY, 200),
        (ComponentStatusType.INFO, 200),
        (ComponentStatusType.WARNING, 200),
        (ComponentStatusType.UNHEALTHY, 503),
    ],
)
@pytest.mark.parametrize("path", ["/health", "/health/ready", "/health/detailed"])
def test_only_unhealthy_answers_503(
    client: TestClient, status: ComponentStatusType, code: int, path: str
) -> None:
    register_status(status)

    response = client.get(path)

    assert response.status_code == code
    assert response.json()["status"] == status.value


def test_the_summary_lists_each_check_status(client: TestClient) -> None:
    register_status(ComponentStatusType.WARNING)

    register_backend()

    body = client.get("/health").json()

    assert body["services"] == {"probe": "warning"}
    assert body["components"] == {"backend": body["components"]["backend"]}
    assert "checked_at" in body


def test_the_detailed_tree_has_messages_metadata_children_and_timings(client: TestClient) -> None:
    register_status(ComponentStatusType.HEALTHY)
    register_backend()

    body = client.get("/health/detailed").json()

    probe = body["services"]["probe"]
    assert probe["message"] == "probe is healthy"
    assert probe["metadata"] == {"k": 1}
    assert probe["response_time_ms"] is not None
    backend = body["components"]["backend"]
    assert [child["name"] for child in backend["children"]] == ["cpu", "memory", "disk"]


def test_a_check_that_raises_is_a_status_not_a_500(client: TestClient) -> None:
    async def broken() -> ComponentStatus:
        raise RuntimeError("boom")

    registry.clear()
    register_service_health_check("broken", broken)
    engine.invalidate()

    response = client.get("/health/detailed")

    assert response.status_code == 503
    assert response.json()["services"]["broken"]["message"] == "Check raised RuntimeError: boom"


def test_the_dashboard_polls_the_detailed_endpoint(client: TestClient) -> None:
    response = client.get("/dashboard")

    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "/health/detailed" in response.text
    assert "const POLL_SECONDS = " in response.text


def test_health_routes_are_in_the_openapi_schema_with_response_models(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    for path in ("/health/live", "/health/ready", "/health", "/health/detailed"):
        schema = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path
    assert "503" in paths["/health/detailed"]["get"]["responses"]
