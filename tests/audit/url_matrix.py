from django.urls import reverse

from tests.matrix import ANY_STEERING, Row, expect

ROWS = [
    Row("audit:index", lambda w: reverse("audit:index"), ANY_STEERING),
    Row("audit:history", lambda w: reverse("audit:history", args=["organisations.organisation"]), ANY_STEERING),
    Row(
        "audit:history",
        lambda w: reverse("audit:history", args=["no.such"]),
        expect(403, anonymous=302, steering_member=404, other_steering_member=404, site_admin=404),
        note="unknown record type",
    ),
]
