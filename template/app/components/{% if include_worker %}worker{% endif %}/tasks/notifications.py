"""Tasks of the ``notifications`` queue.

``send_notification`` delivers to an outbox: a capped Redis list next to the queue,
newest first. Replace the delivery step with your e-mail or webhook client; the
validation, the record and the failure behaviour stay the same.
"""

import json
import logging
from datetime import UTC, datetime
from typing import Any

from app.components.worker.queues import QueueName, queue_key

logger = logging.getLogger(__name__)

OUTBOX_LIMIT = 1000


def outbox_key() -> str:
    """The Redis list holding the most recent ``OUTBOX_LIMIT`` delivered notifications."""
    return f"{queue_key(QueueName.NOTIFICATIONS)}:outbox"


async def send_notification(
    ctx: dict[Any, Any], recipient: str, subject: str, body: str = ""
) -> dict[str, str]:
    """Deliver one notification; an empty recipient or subject fails the job."""
    if not recipient.strip():
        raise ValueError("A notification needs a recipient")
    if not subject.strip():
        raise ValueError("A notification needs a subject")
    record = {
        "job_id": str(ctx.get("job_id", "")),
        "recipient": recipient,
        "subject": subject,
        "body": body,
        "sent_at": datetime.now(UTC).isoformat(),
    }
    redis = ctx["redis"]
    async with redis.pipeline(transaction=True) as pipe:
        pipe.lpush(outbox_key(), json.dumps(record))
        pipe.ltrim(outbox_key(), 0, OUTBOX_LIMIT - 1)
        await pipe.execute()
    logger.info("Notification %r sent to %s", subject, recipient)
    return record
