from django.urls import reverse

from tests.matrix import PUBLIC, Row, expect

ROWS = [
    Row("home", lambda w: reverse("home"), PUBLIC),
    Row("about", lambda w: reverse("about"), PUBLIC),
    Row("accessibility", lambda w: reverse("accessibility"), PUBLIC),
    Row("glossary", lambda w: reverse("glossary"), PUBLIC),
    Row("api-openapi", lambda w: reverse("api-openapi"), PUBLIC, note="open data, every app's paths"),
    # The admin sends everyone but staff to its own sign-in page.
    Row("admin:index", lambda w: reverse("admin:index"), expect(302, site_admin=200), note="staff only"),
]
