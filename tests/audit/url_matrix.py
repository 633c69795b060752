from django.urls import reverse

from tests.matrix import STEERING_ONLY, Row, expect

ROWS = [
    Row("audit:index", lambda w: reverse("audit:index"), STEERING_ONLY),
    Row("audit:history", lambda w: reverse("audit:history", args=["organisations.organisation"]), STEERING_ONLY),
    Row(
        "audit:history",
        lambda w: reverse("audit:history", args=["no.such"]),
        expect(403, anonymous=302, steering_member=404, site_admin=404),
        note="unknown record type",
    ),
]
