"""The worker takes part through the start-up hook: it appears in the detailed health tree."""

from fastapi.testclient import TestClient

from app.services.system.registry import CheckKind, registry


def test_the_worker_is_registered_at_start_up_and_reported(client: TestClient) -> None:
    response = client.get("/health/detailed")

    worker = response.json()["components"]["worker"]
    assert [check.kind for check in registry.checks() if check.name == "worker"] == [
        CheckKind.COMPONENT
    ]
    assert worker["metadata"]["total_queues"] == 2
    assert [queue["name"] for queue in worker["children"]] == ["system", "notifications"]
    for queue in worker["children"]:
        assert queue["metadata"]["queue_name"] == queue["name"]
        assert set(queue["metadata"]) >= {
            "jobs_queued",
            "jobs_active",
            "jobs_failed",
            "failure_rate",
            "oldest_job_age_seconds",
            "worker_alive",
            "redis_connected",
        }
