"""arq accepts the per-queue settings, and they carry the configured heartbeat and keys."""

import pytest
from arq.worker import create_worker

from app.components.worker import settings as worker_module
from app.components.worker.queues import QueueName, heartbeat_key, queue_key
from app.components.worker.settings import worker_settings
from app.core.config import settings

pytestmark = pytest.mark.anyio


async def test_each_queue_gets_its_own_worker_with_the_heartbeat_interval(
    monkeypatch: pytest.MonkeyPatch, queue_prefix: str
) -> None:
    monkeypatch.setattr(settings, "WORKER_HEARTBEAT_SECONDS", 7)
    expected_functions = {
        QueueName.SYSTEM: {"cleanup_temp_files", "cron:cleanup_temp_files"},
        QueueName.NOTIFICATIONS: {"send_notification"},
    }

    for queue in QueueName:
        worker = create_worker(worker_settings(queue), handle_signals=False)

        assert worker.queue_name == f"{queue_prefix}{queue}" == queue_key(queue)
        assert worker.health_check_key == heartbeat_key(queue)
        assert worker.health_check_interval == 7
        assert worker.keep_result_s > 0
        assert set(worker.functions) == expected_functions[queue]
        assert worker.after_job_end is not None


def test_worker_settings_follows_worker_queue() -> None:
    assert worker_module.WorkerSettings["queue_name"].endswith(settings.WORKER_QUEUE)
    assert worker_module.NotificationsWorkerSettings["queue_name"].endswith(":notifications")
    assert worker_module.SystemWorkerSettings["queue_name"].endswith(":system")


def test_an_unknown_queue_is_refused_with_the_known_ones() -> None:
    with pytest.raises(
        ValueError, match=r"Unknown worker queue 'emails'; the queues are: system, notifications"
    ):
        worker_settings("emails")
