"""Every complaints URL and what each persona gets. The standard world gains (prepare):
a confidential complaint by the group against the council at each point of its life, an
anonymous one (with its follow-up link), one waiting for its email address to be confirmed, and
a file on the new complaint, one on hold and one closed."""

from django.urls import reverse

from complaints import services
from complaints.models import ComplainantKind
from complaints.tokens import confirmation_token, follow_up_token
from tests.matrix import PUBLIC, Row, expect

from .factories import add_complainant_file, answered_at_stage_1, raise_complaint, undertaking_in


def prepare(world):
    world.complaints_undertaking = undertaking_in(world.compact)
    new = raise_complaint(world, undertakings=[world.complaints_undertaking])
    world.complaints_file = add_complainant_file(new, world)
    acknowledged = raise_complaint(world)
    services.stage_acknowledge(complaint=acknowledged, user=world.users["officer"])
    answered = raise_complaint(world)
    answered_at_stage_1(answered, world)
    anonymous = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None)
    unconfirmed = raise_complaint(world, kind=ComplainantKind.EMAIL, user=None, email="someone@example.net")
    on_hold = raise_complaint(world)
    services.stage_pause(
        complaint=on_hold,
        user=world.users["officer"],
        reason="waiting_for_information",
        explanation="Agreed by phone.",
        agreed_with_complainant=True,
    )
    closed = raise_complaint(world)
    answered_at_stage_1(closed, world)
    services.complaint_close(
        complaint=closed,
        user=world.users["officer"],
        party="respondent",
        outcome="upheld",
        explanation="Sorry.",
        learning="Invite every group.",
    )
    world.complaints_on_hold, world.complaints_closed = on_hold, closed
    world.complaints_new, world.complaints_acknowledged, world.complaints_answered = new, acknowledged, answered
    world.complaints_follow_up = reverse("complaints:follow", args=[anonymous.reference, follow_up_token(anonymous)])
    world.complaints_confirm = reverse("complaints:confirm-email", args=[confirmation_token(unconfirmed)])


def on(name, complaint_attr):
    return lambda w: reverse(name, args=[getattr(w, complaint_attr).reference])


# A complaint's own pages: its complainant (the group), the body and the steering group only.
SIDES = expect(404, anonymous=302, group_member=200, officer=200, steering_member=200)
BODY_ACTION = expect(404, anonymous=302, group_member=403, officer=200, steering_member=403)
COMPLAINANT_ACTION = expect(404, anonymous=302, group_member=200, officer=403, steering_member=403)
HANDLERS = expect(404, anonymous=302, group_member=403, officer=200, steering_member=200)
OFFICERS = expect(403, anonymous=302, officer=200, other_officer=200, other_compact_officer=200)
# Each steering group's list of its own Compact's complaints.
STEERING = expect(403, anonymous=302, steering_member=200, other_steering_member=200)
# An officer of any verified public body, or any steering group member, records a complaint made another way.
RECORDERS = expect(
    403,
    anonymous=302,
    officer=200,
    other_officer=200,
    other_compact_officer=200,
    steering_member=200,
    other_steering_member=200,
)

ROWS = [
    Row("complaints:list", lambda w: reverse("complaints:list"), PUBLIC),
    Row("complaints:create", lambda w: reverse("complaints:create"), PUBLIC),
    Row("complaints:raise-body", lambda w: reverse("complaints:raise-body"), PUBLIC),
    Row("complaints:raise-undertakings", lambda w: reverse("complaints:raise-undertakings"), PUBLIC),
    Row("complaints:raise-details", lambda w: reverse("complaints:raise-details"), PUBLIC),
    Row("complaints:raise-files", lambda w: reverse("complaints:raise-files"), PUBLIC),
    Row(
        "complaints:raise-file-remove",
        lambda w: reverse("complaints:raise-file-remove", args=[w.complaints_file.pk]),
        expect(405),
        note="POST only",
    ),
    Row("complaints:raise-contact", lambda w: reverse("complaints:raise-contact"), PUBLIC),
    Row("complaints:raise-email", lambda w: reverse("complaints:raise-email"), PUBLIC),
    Row("complaints:raise-confidential", lambda w: reverse("complaints:raise-confidential"), PUBLIC),
    Row("complaints:raise-check", lambda w: reverse("complaints:raise-check"), PUBLIC),
    Row("complaints:raise-done", lambda w: reverse("complaints:raise-done"), expect(404), note="nothing raised yet"),
    Row("complaints:confirm-email", lambda w: w.complaints_confirm, PUBLIC),
    Row(
        "complaints:confirm-email",
        lambda w: reverse("complaints:confirm-email", args=["forged"]),
        expect(400),
        note="bad token",
    ),
    Row("complaints:record", lambda w: reverse("complaints:record"), RECORDERS),
    Row("complaints:record-done", lambda w: reverse("complaints:record-done"), expect(404, anonymous=302)),
    Row("complaints:holds-extensions", lambda w: reverse("complaints:holds-extensions"), STEERING),
    Row("complaints:self-assessments", lambda w: reverse("complaints:self-assessments"), STEERING),
    Row(
        "complaints:self-assessment",
        lambda w: reverse("complaints:self-assessment", args=[w.period.pk]),
        expect(404, anonymous=302, steering_member=200),
    ),
    Row("complaints:queue", lambda w: reverse("complaints:queue"), OFFICERS),
    Row("complaints:queue-csv", lambda w: reverse("complaints:queue-csv"), OFFICERS),
    Row("complaints:compact-list", lambda w: reverse("complaints:compact-list"), STEERING),
    Row("complaints:compact-csv", lambda w: reverse("complaints:compact-csv"), STEERING),
    Row("complaints:detail", on("complaints:detail", "complaints_new"), SIDES),
    Row(
        "complaints:detail",
        lambda w: reverse("complaints:detail", args=["CMP-1999-0001"]),
        expect(404, anonymous=302),
        note="no such complaint",
    ),
    Row("complaints:follow", lambda w: w.complaints_follow_up, PUBLIC, note="anonymous complaint's link"),
    Row("complaints:acknowledge", on("complaints:acknowledge", "complaints_new"), BODY_ACTION),
    Row("complaints:reply", on("complaints:reply", "complaints_acknowledged"), BODY_ACTION),
    Row("complaints:extend", on("complaints:extend", "complaints_acknowledged"), BODY_ACTION),
    Row("complaints:close", on("complaints:close", "complaints_answered"), BODY_ACTION),
    Row("complaints:pause", on("complaints:pause", "complaints_acknowledged"), BODY_ACTION),
    Row("complaints:resume", on("complaints:resume", "complaints_on_hold"), BODY_ACTION),
    Row("complaints:learning", on("complaints:learning", "complaints_closed"), HANDLERS),
    Row("complaints:escalate", on("complaints:escalate", "complaints_answered"), COMPLAINANT_ACTION),
    Row("complaints:withdraw", on("complaints:withdraw", "complaints_new"), COMPLAINANT_ACTION),
    Row("complaints:message", on("complaints:message", "complaints_new"), SIDES),
    Row("complaints:note", on("complaints:note", "complaints_new"), HANDLERS),
    Row("complaints:file-add", on("complaints:file-add", "complaints_new"), SIDES),
    Row(
        "complaints:file-download",
        lambda w: reverse("complaints:file-download", args=[w.complaints_new.reference, w.complaints_file.pk]),
        SIDES,
    ),
]
