"""What the browser tests share: a staff member of a group, logged in through the real login form."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group

from tests.factories import STAFF_PASSWORD, StaffUserFactory

# Git-ignored by default; `make screenshots` points it at docs/screenshots.
SCREENSHOTS = Path(settings.BASE_DIR) / os.environ.get("SCREENSHOTS_DIR", "test-artifacts/screenshots")


def log_in(page, live_server, group: str, next_url: str = "/admin/") -> None:
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=group))
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
