"""The Overseer dashboard: one page that polls the detailed health endpoint."""

from functools import cache
from html import escape
from importlib.resources import files
from string import Template

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.core.config import settings

router = APIRouter(tags=["dashboard"])


@cache
def _page() -> Template:
    return Template(
        files("app.components.frontend").joinpath("dashboard.html").read_text(encoding="utf-8")
    )


@router.get("/dashboard", response_class=HTMLResponse)
async def dashboard() -> HTMLResponse:
    """Serve the page; it fetches /health/detailed every HEALTH_POLL_SECONDS."""
    html = _page().substitute(
        project_name=escape(settings.PROJECT_NAME),
        poll_seconds=settings.HEALTH_POLL_SECONDS,
    )
    return HTMLResponse(html)
