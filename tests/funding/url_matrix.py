"""Every funding URL and what each persona gets. The world gains a programme run by the council
(open today), an application awaiting a decision, one awarded without an award yet, an award to the
group, and a withdrawn award with its joint review and redistribution record open."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from funding.models import ApplicationStatus, AwardStatus, ImportRun, RecipientMatch
from tests.matrix import PUBLIC, SIGNED_IN, Row, expect

from .factories import (
    ApplicationFactory,
    AwardFactory,
    FundingProgrammeFactory,
    JointReviewFactory,
    RedistributionFactory,
)

# Only the funder's officers manage; the applicant's members and the steering group may look.
FUNDER_ONLY_PRIVATE = expect(404, anonymous=302, officer=200, group_member=403, steering_member=403, site_admin=403)
FUNDER_ONLY_PUBLIC_OBJECT = expect(403, anonymous=302, officer=200)
INVOLVED = expect(404, anonymous=302, officer=200, group_member=200, steering_member=200, site_admin=200)
OFFICERS = expect(403, anonymous=302, officer=200, other_officer=200, other_compact_officer=200)


def prepare(world):
    today = timezone.localdate()
    programme = FundingProgrammeFactory(
        funder=world.council,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=30),
    )
    world.funding_programme = programme
    world.funding_application = ApplicationFactory(programme=programme, applicant=world.group, submitted_on=today)
    world.funding_awarded_application = ApplicationFactory(
        programme=programme,
        applicant=world.group,
        submitted_on=today,
        status=ApplicationStatus.AWARDED,
        decided_on=today,
    )
    world.funding_award = AwardFactory(
        funder=world.council, recipient=world.group, programme=programme, award_date=today
    )
    withdrawn = AwardFactory(
        funder=world.council,
        recipient=world.group,
        amount=Decimal("2000"),
        status=AwardStatus.WITHDRAWN,
        withdrawn_on=today,
        award_date=today,
    )
    JointReviewFactory(award=withdrawn)
    RedistributionFactory(award=withdrawn)
    world.funding_withdrawn_award = withdrawn
    world.funding_import_run = ImportRun.objects.create(file_name="grants.csv", funder=world.council, status="done")
    world.funding_match = RecipientMatch.objects.create(
        recipient_org_id="XI-OTHER-1", recipient_name="Group", candidate=world.group, reason="Both have it."
    )


ROWS = [
    Row("funding:programme-list", lambda w: reverse("funding:programme-list"), PUBLIC),
    Row(
        "funding:programme-detail", lambda w: reverse("funding:programme-detail", args=[w.funding_programme.pk]), PUBLIC
    ),
    Row("funding:programme-create", lambda w: reverse("funding:programme-create"), OFFICERS),
    Row(
        "funding:programme-edit",
        lambda w: reverse("funding:programme-edit", args=[w.funding_programme.pk]),
        FUNDER_ONLY_PUBLIC_OBJECT,
    ),
    Row(
        "funding:application-create",
        lambda w: reverse("funding:application-create", args=[w.funding_programme.pk]),
        expect(403, anonymous=302, officer=200, group_member=200),
        note="members apply, the funder records",
    ),
    Row("funding:application-list", lambda w: reverse("funding:application-list"), SIGNED_IN),
    Row(
        "funding:application-detail",
        lambda w: reverse("funding:application-detail", args=[w.funding_application.pk]),
        INVOLVED,
    ),
    Row(
        "funding:application-decide",
        lambda w: reverse("funding:application-decide", args=[w.funding_application.pk]),
        FUNDER_ONLY_PRIVATE,
    ),
    Row(
        "funding:award-create",
        lambda w: reverse("funding:award-create", args=[w.funding_awarded_application.pk]),
        FUNDER_ONLY_PRIVATE,
    ),
    Row("funding:award-list", lambda w: reverse("funding:award-list"), PUBLIC, note="open data"),
    Row("funding:award-csv", lambda w: reverse("funding:award-csv"), PUBLIC, note="open data"),
    Row("funding:award-xlsx", lambda w: reverse("funding:award-xlsx"), PUBLIC, note="open data"),
    Row(
        "funding:award-detail",
        lambda w: reverse("funding:award-detail", args=[w.funding_award.pk]),
        PUBLIC,
        note="open data",
    ),
    Row(
        "funding:award-withdraw",
        lambda w: reverse("funding:award-withdraw", args=[w.funding_award.pk]),
        FUNDER_ONLY_PUBLIC_OBJECT,
    ),
    Row(
        "funding:joint-review",
        lambda w: reverse("funding:joint-review", args=[w.funding_withdrawn_award.pk]),
        FUNDER_ONLY_PUBLIC_OBJECT,
    ),
    Row(
        "funding:redistribution",
        lambda w: reverse("funding:redistribution", args=[w.funding_withdrawn_award.pk]),
        FUNDER_ONLY_PUBLIC_OBJECT,
    ),
    Row("funding:todo", lambda w: reverse("funding:todo"), OFFICERS),
    Row("funding:monitoring", lambda w: reverse("funding:monitoring"), PUBLIC, note="§6.10 asks for publication"),
    Row("funding:monitoring-csv", lambda w: reverse("funding:monitoring-csv"), PUBLIC),
    Row("funding:monitoring-api", lambda w: reverse("funding:monitoring-api"), PUBLIC),
    Row(
        "funding:import",
        lambda w: reverse("funding:import"),
        expect(403, anonymous=302, officer=200, other_officer=200, other_compact_officer=200, site_admin=200),
    ),
    Row(
        "funding:import-run",
        lambda w: reverse("funding:import-run", args=[w.funding_import_run.pk]),
        expect(404, anonymous=302, officer=200, site_admin=200),
        note="the report of an import of the council's grants",
    ),
    Row(
        "funding:match-queue",
        lambda w: reverse("funding:match-queue"),
        expect(403, anonymous=302, officer=200, other_officer=200, other_compact_officer=200, site_admin=200),
    ),
    Row(
        "funding:match-decide",
        lambda w: reverse("funding:match-decide", args=[w.funding_match.pk]),
        expect(405, anonymous=302),
        note="POST only; the decision itself is tested in test_threesixty",
    ),
    Row("funding:grants-api", lambda w: reverse("funding:grants-api"), PUBLIC, note="open data"),
]
