"""The dashboard, as a person sees it: a real browser on a served default project.

Chromium comes from Debian's ``chromium`` package (``/usr/bin/chromium``), driven by
Playwright's Python package; Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.generation import read_answers, render
from tests.projects import GeneratedProject, get, project_environment, require_python

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.generated


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A default project polling every second, served on a free loopback port."""
    root = render(tmp_path_factory.mktemp("dashboard") / "project", health_poll_seconds=1)
    interpreter = require_python(str(read_answers(root)["python_version"]))
    project = GeneratedProject(root, project_environment(HEALTH_CACHE_TTL_SECONDS="0"))
    project.sync(interpreter)
    with project.serving() as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium; skipped without it, except under CI."""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so this fails instead of skipping")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_the_dashboard_shows_every_check_with_its_status(
    served: str, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page()
    page.goto(f"{served}/dashboard")

    expected = get(f"{served}/health/detailed").json()
    overall = page.locator("#overall")
    expect(overall).to_have_attribute("data-status", expected["status"])
    card = page.locator('[data-check="backend"]')
    expect(card.locator("h3 .badge")).to_have_attribute(
        "data-status", expected["components"]["backend"]["status"]
    )
    for child in ("cpu", "memory", "disk"):
        expect(card.locator("ul.children")).to_contain_text(f"{child}:")
    expect(card.locator("dl")).to_contain_text("cpu_percent")
    expect(page.locator('[data-check="database"]')).to_be_visible()
    page.screenshot(path=str(os.environ.get("DASHBOARD_SCREENSHOT", tmp_path / "dashboard.png")))
    page.close()


def test_the_dashboard_polls_on_the_configured_interval(served: str, browser: Browser) -> None:
    page = browser.new_page()
    polls: list[str] = []
    page.on("request", lambda request: polls.append(request.url))
    page.goto(f"{served}/dashboard")

    page.wait_for_timeout(3500)

    detailed = [url for url in polls if url.endswith("/health/detailed")]
    assert len(detailed) >= 3, detailed
    assert "every 1 s" in page.locator("#meta").inner_text()
    page.close()
