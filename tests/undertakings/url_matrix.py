import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.matrix import PUBLIC, SIGNED_IN, STEERING_ONLY, Row, expect
from undertakings import services

from .factories import make_code

# A return is seen by its body, the steering group and site admins; everyone else gets 404.
RETURN_VIEWERS = expect(404, anonymous=302, officer=200, steering_member=200, site_admin=200)
# Only the body changes its draft: the steering group and site admins may read it but not fill it in.
BODY_ONLY = expect(404, anonymous=302, officer=200, steering_member=403, site_admin=403)


def prepare(world):
    officer, other_officer = world.users["officer"], world.users["other_officer"]
    code = make_code(world.compact, slug="matrix-code")
    draft = services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)
    entry = draft.entries.first()
    services.compliance_entry_update(entry=entry, user=officer, rating="met", explanation="", evidence="Plan", links=[])
    upload = SimpleUploadedFile("minutes.txt", b"Minutes of the joint meeting\n", content_type="text/plain")
    world.undertakings_file = services.evidence_file_add(entry=entry, user=officer, upload=upload)
    world.undertakings_action = services.action_add(
        entry=entry, user=officer, what="Publish the plan", who="Policy team", due_on=datetime.date(2026, 12, 31)
    )
    submitted = services.compliance_return_start(
        organisation=world.other_body, period=world.period, code=code, user=other_officer
    )
    for other in submitted.entries.all():
        services.compliance_entry_update(
            entry=other, user=other_officer, rating="met", explanation="", evidence="", links=[]
        )
    services.compliance_return_submit(compliance_return=submitted, user=other_officer)
    world.undertakings_code = code
    # A next version made from it, so the page of what changed between versions has two to compare.
    world.undertakings_next_code = make_code(
        world.compact, slug="matrix-code", version="2.0", status="draft", based_on=code
    )
    world.undertakings_return = draft
    world.undertakings_entry = entry
    world.undertakings_submitted = submitted


def _code(w, name):
    return reverse(name, args=[w.undertakings_code.slug, w.undertakings_code.version])


def _period(w, name, *extra):
    return reverse(name, args=[w.period.pk, *extra])


ROWS = [
    Row("undertakings:code-list", lambda w: reverse("undertakings:code-list"), PUBLIC),
    Row("undertakings:code-list-csv", lambda w: reverse("undertakings:code-list-csv"), PUBLIC),
    Row("undertakings:code-detail", lambda w: _code(w, "undertakings:code-detail"), PUBLIC),
    Row("undertakings:code-csv", lambda w: _code(w, "undertakings:code-csv"), PUBLIC),
    Row(
        "undertakings:code-changes",
        lambda w: reverse("undertakings:code-changes", args=["matrix-code", w.undertakings_next_code.version]),
        PUBLIC,
    ),
    Row("undertakings:return-list", lambda w: reverse("undertakings:return-list"), SIGNED_IN),
    Row("undertakings:return-list-csv", lambda w: reverse("undertakings:return-list-csv"), SIGNED_IN),
    Row(
        "undertakings:return-start",
        lambda w: reverse("undertakings:return-start", args=[w.group.slug, w.period.pk, w.undertakings_code.pk]),
        expect(404, anonymous=302, group_member=200),
        note="only the organisation's members start its return",
    ),
    Row(
        "undertakings:return-start",
        lambda w: reverse("undertakings:return-start", args=[w.council.slug, w.period.pk, w.undertakings_code.pk]),
        expect(404, anonymous=302, officer=302),
        note="already started: the officer is sent to it",
    ),
    Row(
        "undertakings:return-detail",
        lambda w: reverse("undertakings:return-detail", args=[w.undertakings_return.pk]),
        RETURN_VIEWERS,
    ),
    Row(
        "undertakings:return-csv",
        lambda w: reverse("undertakings:return-csv", args=[w.undertakings_return.pk]),
        RETURN_VIEWERS,
    ),
    Row(
        "undertakings:return-submit",
        lambda w: reverse("undertakings:return-submit", args=[w.undertakings_return.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:return-confirm",
        lambda w: reverse("undertakings:return-confirm", args=[w.undertakings_return.pk]),
        expect(404, anonymous=302, officer=302, steering_member=403, site_admin=403),
        note="nothing copied from last year: the body is sent back to the return",
    ),
    Row(
        "undertakings:return-submit",
        lambda w: reverse("undertakings:return-submit", args=[w.undertakings_submitted.pk]),
        expect(404, anonymous=302, other_officer=302, steering_member=403, site_admin=403),
        note="already submitted: read-only for its body",
    ),
    Row(
        "undertakings:return-review",
        lambda w: reverse("undertakings:return-review", args=[w.undertakings_submitted.pk]),
        expect(404, anonymous=302, other_officer=403, steering_member=200, site_admin=403),
        note="submitted return",
    ),
    Row(
        "undertakings:return-review",
        lambda w: reverse("undertakings:return-review", args=[w.undertakings_submitted.pk]),
        expect(404, anonymous=302, other_officer=403, steering_member=200, site_admin=403),
        method="post",
        data=lambda w: {"decision": "return", "comments": ""},
        note="returning without comments shows the form again",
    ),
    Row(
        "undertakings:return-review",
        lambda w: reverse("undertakings:return-review", args=[w.undertakings_return.pk]),
        expect(404, anonymous=302, officer=403, steering_member=302, site_admin=403),
        note="a draft: nothing to review",
    ),
    Row(
        "undertakings:entry-edit",
        lambda w: reverse("undertakings:entry-edit", args=[w.undertakings_entry.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:entry-edit",
        lambda w: reverse("undertakings:entry-edit", args=[w.undertakings_entry.pk]),
        expect(404, anonymous=302, officer=200, steering_member=403, site_admin=403),
        method="post",
        data=lambda w: {"rating": "not_met", "explanation": ""},
        note="unexplained rating: the form comes back with an error",
    ),
    Row(
        "undertakings:evidence-add",
        lambda w: reverse("undertakings:evidence-add", args=[w.undertakings_entry.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:action-add",
        lambda w: reverse("undertakings:action-add", args=[w.undertakings_entry.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:evidence-download",
        lambda w: reverse("undertakings:evidence-download", args=[w.undertakings_file.pk]),
        RETURN_VIEWERS,
    ),
    Row(
        "undertakings:evidence-remove",
        lambda w: reverse("undertakings:evidence-remove", args=[w.undertakings_file.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:action-edit",
        lambda w: reverse("undertakings:action-edit", args=[w.undertakings_action.pk]),
        BODY_ONLY,
    ),
    Row(
        "undertakings:action-remove",
        lambda w: reverse("undertakings:action-remove", args=[w.undertakings_action.pk]),
        BODY_ONLY,
    ),
    Row("undertakings:period-overview", lambda w: _period(w, "undertakings:period-overview"), STEERING_ONLY),
    Row("undertakings:period-add", lambda w: reverse("undertakings:period-add", args=[w.compact.slug]), STEERING_ONLY),
    Row(
        "undertakings:period-add",
        lambda w: reverse("undertakings:period-add", args=[w.compact.slug]),
        expect(403, anonymous=302, steering_member=200, site_admin=200),
        method="post",
        data=lambda w: {"start_year": "2025", "returns_due_0": "30", "returns_due_1": "6", "returns_due_2": "2026"},
        note="the year already has a period: the form comes back with the error",
    ),
    Row("undertakings:period-close", lambda w: _period(w, "undertakings:period-close"), STEERING_ONLY),
    Row(
        "undertakings:period-reopen",
        lambda w: _period(w, "undertakings:period-reopen"),
        expect(403, anonymous=302, steering_member=302, site_admin=302),
        note="already open: sent back to the overview",
    ),
    Row("undertakings:period-csv", lambda w: _period(w, "undertakings:period-csv"), STEERING_ONLY),
    Row("undertakings:matrix", lambda w: _period(w, "undertakings:matrix", w.undertakings_code.pk), STEERING_ONLY),
    Row(
        "undertakings:matrix-full",
        lambda w: _period(w, "undertakings:matrix-full", w.undertakings_code.pk),
        STEERING_ONLY,
    ),
    Row(
        "undertakings:matrix-csv",
        lambda w: _period(w, "undertakings:matrix-csv", w.undertakings_code.pk),
        STEERING_ONLY,
    ),
    Row(
        "undertakings:undertaking-detail",
        lambda w: _period(w, "undertakings:undertaking-detail", w.undertakings_entry.undertaking_id),
        STEERING_ONLY,
    ),
    Row(
        "undertakings:undertaking-csv",
        lambda w: _period(w, "undertakings:undertaking-csv", w.undertakings_entry.undertaking_id),
        STEERING_ONLY,
    ),
]
