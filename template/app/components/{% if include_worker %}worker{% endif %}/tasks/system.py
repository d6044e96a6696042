"""Tasks of the ``system`` queue: housekeeping the application needs done regularly."""

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

from app.core.config import settings

logger = logging.getLogger(__name__)


def _remove_old_files(directory: Path, max_age_seconds: float) -> dict[str, Any]:
    """Blocking walk: delete regular files older than the limit, never following links."""
    removed = kept = 0
    if directory.is_dir():
        cutoff = time.time() - max_age_seconds
        for path in directory.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
            else:
                kept += 1
    return {"directory": str(directory), "removed": removed, "kept": kept}


async def cleanup_temp_files(
    ctx: dict[Any, Any], max_age_seconds: float | None = None
) -> dict[str, Any]:
    """Delete files older than ``WORKER_CLEANUP_MAX_AGE_SECONDS`` under ``WORKER_CLEANUP_DIR``.

    The file system walk runs in a thread so the worker keeps serving its other jobs.
    """
    age = settings.WORKER_CLEANUP_MAX_AGE_SECONDS if max_age_seconds is None else max_age_seconds
    report = await asyncio.to_thread(_remove_old_files, Path(settings.WORKER_CLEANUP_DIR), age)
    logger.info("Removed %(removed)d old files from %(directory)s", report)
    return report
