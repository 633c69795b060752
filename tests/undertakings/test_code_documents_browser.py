"""The shipped Codes read as documents, and the page of what changed between Plymouth's versions,
pass axe-core; the Code's own contents list takes the reader to §10."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import assert_accessible
from undertakings.services import code_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODES = Path(__file__).resolve().parents[2] / "undertakings" / "codes"


def test_the_codes_read_as_documents_and_what_changed_is_accessible(page):
    code_load(path=CODES / "northamptonshire-bme.yaml")
    code_load(path=CODES / "plymouth-bme-agreed-changes.yaml")

    page.goto("/codes/northamptonshire-bme/1.0/")
    assert_accessible(page, "undertakings-code-document")
    page.get_by_role("link", name="10. Scope and application of the Code").first.click()
    expect(page.get_by_text("there will be an annual meeting between the statutory sector")).to_be_visible()

    page.goto("/codes/plymouth-bme/1.0-revised-draft/")
    assert_accessible(page, "undertakings-code-next-version")
    page.get_by_role("link", name="See what changed").click()
    expect(page.get_by_role("heading", name="The 13 agreed changes")).to_be_visible()
    assert_accessible(page, "undertakings-code-changes")
