"""Container probe: exit 0 while the scheduler's heartbeat is fresh, 1 when it is not.

The image's default HEALTHCHECK asks the HTTP API, which a scheduler container does not
serve; docker-compose runs ``python -m app.components.scheduler.probe`` there instead.
"""

import asyncio
import sys

from app.components.scheduler.health import check_scheduler_health


def main() -> int:
    """Print the check's verdict; the exit code says whether the scheduler is running."""
    status = asyncio.run(check_scheduler_health())
    print(f"{status.status.value}: {status.message}")
    return 1 if status.is_unhealthy else 0


if __name__ == "__main__":
    sys.exit(main())
