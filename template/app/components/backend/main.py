"""The FastAPI application: routers, and a lifespan that registers every health check."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.components.backend.api.health import router as health_router
from app.components.backend.startup.component_health import register_all_health_checks
from app.components.frontend.dashboard import router as dashboard_router
from app.core.config import settings


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    """Register the health checks before the first request is served."""
    register_all_health_checks()
    yield


def create_app() -> FastAPI:
    """Build the application; tests build a fresh one each."""
    application = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)
    application.include_router(health_router)
    application.include_router(dashboard_router)
    return application


app = create_app()
