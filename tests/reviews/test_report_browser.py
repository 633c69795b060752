"""axe-core finds no WCAG 2.2 AA problems in the standalone HTML report, as a browser shows it."""

import json

import pytest
from playwright.sync_api import expect

from reviews.report import render_html
from tests.support import assert_accessible

from .test_dataset import build, review_world

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_the_standalone_report_is_accessible(_playwright_browser):
    dataset = json.loads(json.dumps(build(review_world())))
    context = _playwright_browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_content(render_html(dataset), wait_until="load")
        assert page.title() == "Annual review of the Northshire Compact, 2025-26"
        expect(page.get_by_role("heading", level=2, name="Funding monitoring")).to_be_visible()
        expect(
            page.get_by_role("img", name="Bar chart: Share of funding to BME-led organisations.", exact=False)
        ).to_be_visible()
        page.get_by_role("link", name="Complaints").click()
        assert page.evaluate("location.hash") == "#complaints"
        assert_accessible(page, "reviews-report-standalone")
    finally:
        context.close()
