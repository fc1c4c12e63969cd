"""Headless Debian Chromium driven by Playwright against the test run's live server.

Without /usr/bin/chromium the browser tests are skipped with a reason; CI sets
REQUIRE_BROWSER_TESTS=1 so that a missing browser fails the run instead.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

from tests.browser.support import SCREENSHOTS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API keeps an event loop in the test's thread; Django's ORM calls from the
# test body are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"{CHROMIUM} is absent but REQUIRE_BROWSER_TESTS is set")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is absent: apt-get install chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def screenshots() -> Path:
    """Where a browser test saves what it saw (git-ignored, kept after the run)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def browser_page(settings, live_server):
    from playwright.sync_api import sync_playwright

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            refused = []
            page.on(
                "console",
                lambda message: (
                    refused.append(f"{page.url}: {message.text[:300]}")
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            yield page
            assert refused == [], "the Content-Security-Policy refused what a page needs"
        finally:
            browser.close()
            # Queries the test ran while Playwright's loop was alive used a connection of that
            # context; close it here, or it outlives the test database.
            connections.close_all()
