"""Every annual review URL and what each persona gets. The standard world gains (prepare): a
published version 1 of the Northshire review, a built but unpublished version 2, a failed
version 3, and an action for next year; and a second period with nothing published."""

from django.urls import reverse

from tests import factories as f
from tests.matrix import ANY_STEERING, PUBLIC, STEERING_ONLY, Row, expect

from .factories import make_action, make_review


def prepare(world):
    world.reviews_published = make_review(world, version=1, published=True)
    world.reviews_unpublished = make_review(world, version=2)
    world.reviews_failed = make_review(world, version=3, status="failed")
    world.reviews_action = make_action(world)
    world.reviews_other_period = f.ReportingPeriodFactory(
        compact=world.compact, label="2024-25", start_date="2024-04-01", end_date="2025-03-31", returns_due="2025-06-30"
    )


def period_url(name, *extra):
    return lambda w: reverse(name, args=[w.compact.slug, w.period.label, *[e(w) for e in extra]])


def number(attr):
    return lambda w: getattr(w, attr).version


# Versions and actions are not public: people outside the steering group may not learn they exist.
HIDDEN = expect(404, anonymous=302, steering_member=200, site_admin=200)
HIDDEN_POST = expect(404, anonymous=302, steering_member=302, site_admin=302)

ROWS = [
    Row("reviews:list", lambda w: reverse("reviews:list"), PUBLIC),
    Row("reviews:build-index", lambda w: reverse("reviews:build-index"), ANY_STEERING),
    Row("reviews:published", period_url("reviews:published"), PUBLIC),
    Row(
        "reviews:published",
        lambda w: reverse("reviews:published", args=[w.compact.slug, "2024-25"]),
        expect(404),
        note="nothing published for the period",
    ),
    Row("reviews:published-pdf", period_url("reviews:published-pdf"), PUBLIC),
    Row("reviews:published-data", period_url("reviews:published-data"), PUBLIC),
    Row(
        "reviews:published-data",
        lambda w: reverse("reviews:published-data", args=[w.compact.slug, "2024-25"]),
        expect(404),
        note="nothing published for the period",
    ),
    Row("reviews:published-table", period_url("reviews:published-table", lambda w: "signatories"), PUBLIC),
    Row(
        "reviews:published-table",
        lambda w: reverse("reviews:published-table", args=[w.compact.slug, "2024-25", "signatories"]),
        expect(404),
        note="nothing published for the period",
    ),
    Row("reviews:manage", period_url("reviews:manage"), STEERING_ONLY),
    Row(
        "reviews:manage",
        lambda w: reverse("reviews:manage", args=[w.compact.slug, "1999-00"]),
        expect(404, anonymous=302),
        note="no such period",
    ),
    Row("reviews:request", period_url("reviews:request"), expect(405, anonymous=302), note="POST only"),
    Row(
        "reviews:request",
        period_url("reviews:request"),
        expect(403, anonymous=302, steering_member=302, site_admin=302),
        method="post",
    ),
    Row("reviews:action-add", period_url("reviews:action-add"), STEERING_ONLY),
    Row("reviews:action-edit", period_url("reviews:action-edit", lambda w: w.reviews_action.pk), HIDDEN),
    Row("reviews:action-remove", period_url("reviews:action-remove", lambda w: w.reviews_action.pk), HIDDEN),
    Row("reviews:action-progress", period_url("reviews:action-progress", lambda w: w.reviews_action.pk), HIDDEN),
    Row("reviews:meeting", period_url("reviews:meeting"), STEERING_ONLY),
    Row(
        "reviews:meeting",
        period_url("reviews:meeting"),
        expect(403, anonymous=302, steering_member=200, site_admin=200),
        method="post",
        note="the period's review is published: the form comes back saying so",
    ),
    Row("reviews:foreword", period_url("reviews:foreword"), STEERING_ONLY),
    Row("reviews:commentary", period_url("reviews:commentary"), STEERING_ONLY),
    Row("reviews:version", period_url("reviews:version", number("reviews_unpublished")), HIDDEN),
    Row(
        "reviews:version",
        period_url("reviews:version", number("reviews_published")),
        HIDDEN,
        note="published: the public reads it at its public address",
    ),
    Row("reviews:version-status", period_url("reviews:version-status", number("reviews_unpublished")), HIDDEN),
    Row("reviews:version-html", period_url("reviews:version-html", number("reviews_unpublished")), HIDDEN),
    Row("reviews:version-pdf", period_url("reviews:version-pdf", number("reviews_unpublished")), HIDDEN),
    Row(
        "reviews:version-retry",
        period_url("reviews:version-retry", number("reviews_failed")),
        HIDDEN_POST,
        method="post",
    ),
    Row("reviews:version-publish", period_url("reviews:version-publish", number("reviews_unpublished")), HIDDEN),
    Row(
        "reviews:version-publish",
        period_url("reviews:version-publish", number("reviews_published")),
        expect(404, anonymous=302, steering_member=403, site_admin=403),
        note="already published",
    ),
    Row("reviews:version-withdraw", period_url("reviews:version-withdraw", number("reviews_published")), HIDDEN),
    Row(
        "reviews:version-withdraw",
        period_url("reviews:version-withdraw", number("reviews_unpublished")),
        expect(404, anonymous=302, steering_member=403, site_admin=403),
        note="not published",
    ),
]
