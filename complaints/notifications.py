"""Emails about complaints. Each recipient gets the complaint as their side sees it
(complaints.presenters), so an email to the body complained about can never name a confidential
complainant: the template is only ever given the presenter's objects."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from organisations.models import MembershipStatus, SteeringGroupMember

from . import presenters
from .models import Complaint, ComplaintStatus, Event, EventKind, Party
from .tokens import confirmation_token, follow_up_token

_HEADLINES: dict[str, dict[str, str]] = {
    Party.COMPLAINANT: {
        EventKind.RAISED: "We have received your complaint",
        EventKind.EMAIL_CONFIRMED: "We have received your complaint",
        EventKind.RECORDED: "Your complaint has been recorded",
        EventKind.ACKNOWLEDGED: "Your complaint has been acknowledged",
        EventKind.EXTENDED: "The reply to your complaint will take longer",
        EventKind.PAUSED: "Your complaint is on hold",
        EventKind.RESUMED: "Work on your complaint has started again",
        EventKind.REPLIED: "You have a reply to your complaint",
        EventKind.ESCALATED: "Your complaint has moved to stage 2",
        EventKind.REFERRED: "Your complaint has been referred to the steering group",
        EventKind.CLOSED: "Your complaint has been closed",
        EventKind.MESSAGE: "New message about your complaint",
    },
    Party.RESPONDENT: {
        EventKind.RAISED: "New complaint about your organisation",
        EventKind.EMAIL_CONFIRMED: "New complaint about your organisation",
        EventKind.RECORDED: "New complaint about your organisation",
        EventKind.ESCALATED: "A complaint has been escalated to stage 2",
        EventKind.REFERRED: "A complaint has been referred to the steering group",
        EventKind.WITHDRAWN: "A complaint has been withdrawn",
        EventKind.MESSAGE: "New message from the complainant",
    },
    Party.STEERING: {
        EventKind.REFERRED: "A complaint has been referred to the steering group",
        EventKind.MESSAGE: "New message from the complainant",
    },
}


# The steering group hears of every extension past the Code's limit: the Code asks that they are
# reported, and the steering group oversees complaint handling.
BEYOND_LIMIT = "A reply date has been extended past the Complaint Handling Code's limit"


def officer_emails(complaint: Complaint) -> list[str]:
    return list(
        complaint.respondent.memberships.filter(status=MembershipStatus.APPROVED, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )


def steering_emails(complaint: Complaint) -> list[str]:
    today = timezone.localdate()
    return list(
        SteeringGroupMember.objects.filter(compact=complaint.compact, start_date__lte=today, user__is_active=True)
        .exclude(end_date__lt=today)
        .values_list("user__email", flat=True)
    )


def _recipients(event: Event) -> dict[str, list[str]]:
    complaint = event.complaint
    holder = Party.STEERING if complaint.status == ComplaintStatus.REFERRED else Party.RESPONDENT
    sides: set[str] = set()
    if event.kind == EventKind.MESSAGE:
        sides = {holder} if event.party == Party.COMPLAINANT else {Party.COMPLAINANT}
    else:
        sides = {side for side, kinds in _HEADLINES.items() if event.kind in kinds}
        if event.kind == EventKind.CLOSED and event.party == Party.STEERING:
            sides.add(Party.RESPONDENT)
        if event.kind == EventKind.EXTENDED and event.stage is not None and event.stage.extended_beyond_limit:
            sides.add(Party.STEERING)
    addresses: dict[str, list[str]] = {
        Party.COMPLAINANT: [complaint.reply_email] if complaint.reply_email else [],
        Party.RESPONDENT: officer_emails(complaint) if Party.RESPONDENT in sides else [],
        Party.STEERING: steering_emails(complaint) if Party.STEERING in sides else [],
    }
    return {side: addresses[side] for side in sides if addresses[side]}


def complaint_link(complaint: Complaint, side: str) -> str:
    if side == Party.COMPLAINANT and complaint.follows_by_link:
        path = reverse("complaints:follow", args=[complaint.reference, follow_up_token(complaint)])
    else:
        path = reverse("complaints:detail", args=[complaint.reference])
    return settings.SITE_URL + path


def _send(*, to: list[str], subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, context)
    for address in to:
        EmailMessage(subject=subject, body=body, to=[address]).send()


def send_for_event(event: Event) -> None:
    from .selectors import complaint_for_page

    complaint = complaint_for_page(event.complaint.reference)
    if complaint is None:  # deleted since the event was queued: nobody to tell
        return
    event = next(e for e in complaint.events.all() if e.pk == event.pk)
    for side, addresses in _recipients(event).items():
        view = presenters.present(complaint, side)
        entry = presenters.timeline(complaint, [event], {f.id: f for f in view.files}, side)
        if not entry:
            continue
        headline = _HEADLINES[side].get(event.kind) or _HEADLINES[Party.COMPLAINANT][event.kind]
        if side == Party.STEERING and event.kind == EventKind.EXTENDED:
            headline = BEYOND_LIMIT
        _send(
            to=addresses,
            subject=f"{view.reference}: {headline}",
            template="complaints/email/event.txt",
            context={
                "view": view,
                "entry": entry[0],
                "headline": headline,
                "kind": event.kind,
                "link": complaint_link(complaint, side),
                "stage": view.stages[-1] if view.stages else None,
            },
        )


def send_confirmation(complaint: Complaint) -> None:
    link = settings.SITE_URL + reverse("complaints:confirm-email", args=[confirmation_token(complaint)])
    _send(
        to=[complaint.complainant_email],
        subject=f"{complaint.reference}: confirm your email address to send your complaint",
        template="complaints/email/confirm.txt",
        context={"reference": complaint.reference, "respondent": complaint.respondent.name, "link": link},
    )


def send_reminder(*, stage, action: str, due, moment: str) -> None:
    complaint = stage.complaint
    side = Party.STEERING if stage.level == 3 else Party.RESPONDENT
    addresses = steering_emails(complaint) if side == Party.STEERING else officer_emails(complaint)
    missed = moment == "missed"
    verb = "acknowledged" if action == "acknowledge" else "answered"
    subject = f"{complaint.reference}: deadline missed" if missed else f"{complaint.reference}: due in 2 working days"
    _send(
        to=addresses,
        subject=subject,
        template="complaints/email/reminder.txt",
        context={
            "reference": complaint.reference,
            "respondent": complaint.respondent.name,
            "stage": stage.get_level_display(),
            "verb": verb,
            "due": due,
            "missed": missed,
            "complainant": presenters.complainant_label(complaint, side),
            "link": settings.SITE_URL + reverse("complaints:detail", args=[complaint.reference]),
        },
    )
