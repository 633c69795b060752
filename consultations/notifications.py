"""Emails about consultations: invitations to organisations and reminders to the owner's officers."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from organisations.models import MembershipRole, MembershipStatus, Organisation

from .models import Consultation


def _url(name: str, slug: str) -> str:
    return settings.SITE_URL + reverse(name, args=[slug])


def organisation_recipients(organisation: Organisation) -> list[str]:
    """The organisation's contact address, else the addresses of its admins."""
    if organisation.email:
        return [organisation.email]
    return list(
        organisation.memberships.filter(
            status=MembershipStatus.APPROVED, role=MembershipRole.ADMIN, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def officer_emails(consultation: Consultation) -> list[str]:
    return list(
        consultation.owner.memberships.filter(status=MembershipStatus.APPROVED, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )


def send_invitation(*, consultation: Consultation, organisation: Organisation) -> bool:
    recipients = organisation_recipients(organisation)
    if not recipients:
        return False
    body = (
        f"{consultation.owner.name} invites {organisation.name} to comment on:\n\n"
        f"{consultation.title}\n\n{consultation.summary}\n\n"
        f"Comments are open until {consultation.closes:%-d %B %Y}.\n"
        f"Read the document and comment: {_url('consultations:detail', consultation.slug)}\n"
    )
    EmailMessage(f"Consultation: {consultation.title}", body, to=recipients).send()
    return True


def send_response_reminder(*, consultation: Consultation, overdue: bool) -> int:
    recipients = officer_emails(consultation)
    if not recipients:
        return 0
    due = f"{consultation.response_due:%-d %B %Y}"
    if overdue:
        subject = f"Response overdue: {consultation.title}"
        lead = f"The response to this consultation was due on {due} and has not been published."
    else:
        subject = f"Response due soon: {consultation.title}"
        lead = f"The response to this consultation is due on {due}, 12 weeks after it closed."
    body = (
        f"{lead}\n\nRespond to each comment and publish the response:\n"
        f"{_url('consultations:respond', consultation.slug)}\n"
    )
    EmailMessage(subject, body, to=recipients).send()
    return len(recipients)


def send_response_notice(*, consultation: Consultation, comment) -> None:
    """Tell someone who commented that the response is published, with a link to their comment."""
    link = settings.SITE_URL + reverse("consultations:response-comment", args=[consultation.slug, comment.position])
    body = (
        f"{consultation.owner.name} has published its response to the consultation:\n\n"
        f"{consultation.title}\n\n"
        f"Read your comment and the answer to it: {link}\n"
    )
    EmailMessage(f"Response published: {consultation.title}", body, to=[comment.author.email]).send()
