"""The API's documentation page works under the site's Content-Security-Policy, from local files only."""

from __future__ import annotations

import pytest

from ims.register import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_render_and_try_a_request_under_the_csp(logged_in, live_server, screenshot_dir):
    services.initiative_create(title="Geïntegreerde brigade", status="running")
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")
    page = logged_in("analist", "browser-test-wachtwoord")
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda request: None if request.url.startswith(live_server.url) or request.url.startswith(
        "data:") else problems.append(f"outside request: {request.url}"))

    response = page.goto(f"{live_server.url}/api/v1/docs/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.locator("#operations-initiatives-initiatives_list").wait_for()
    assert page.locator(".opblock").count() >= 19
    page.click("#operations-initiatives-initiatives_list .opblock-summary")
    page.click("text=Try it out")
    page.click("text=Execute")
    page.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
    assert "Geïntegreerde brigade" in page.locator(".live-responses-table").inner_text()
    page.screenshot(path=str(screenshot_dir / "api-docs.png"), full_page=False)
    assert problems == []
