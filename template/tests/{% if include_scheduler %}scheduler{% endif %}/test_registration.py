"""The start-up hook registers the scheduler: it appears in the application's health."""

from fastapi.testclient import TestClient

from app.components.scheduler.heartbeat import heartbeat_key


def test_the_scheduler_appears_in_the_detailed_health(
    client: TestClient, redis_url: str, key_prefix: str
) -> None:
    response = client.get("/health/detailed")

    scheduler = response.json()["components"]["scheduler"]
    assert response.status_code == 503
    assert scheduler["status"] == "unhealthy"
    assert "no heartbeat ever recorded" in scheduler["message"]
    assert scheduler["metadata"]["heartbeat_key"] == heartbeat_key(key_prefix)


def test_the_summary_lists_the_scheduler(client: TestClient, redis_url: str) -> None:
    response = client.get("/health")

    assert response.json()["components"]["scheduler"] == "unhealthy"
