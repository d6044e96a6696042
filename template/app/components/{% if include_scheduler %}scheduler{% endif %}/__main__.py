"""Run the scheduler until SIGINT or SIGTERM: ``python -m app.components.scheduler``."""

import asyncio
import contextlib
import logging
import signal

from app.components.scheduler.options import SchedulerOptions
from app.components.scheduler.service import SchedulerService


async def run(options: SchedulerOptions) -> None:
    """Start the scheduler, wait for a stop signal, then shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Where the loop cannot handle signals (Windows), Ctrl+C still cancels run().
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    service = SchedulerService(options)
    await service.start()
    try:
        await stop.wait()
    finally:
        await service.stop()


def main() -> None:
    """Entry point of ``make scheduler`` and the docker-compose ``scheduler`` service."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Every run (the heartbeat's too) is logged at INFO; keep failures, drop the chatter.
    logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)
    asyncio.run(run(SchedulerOptions.from_settings()))


if __name__ == "__main__":
    main()
