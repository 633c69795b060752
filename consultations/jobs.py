"""The work Celery runs for consultations (consultations.tasks calls these, and nothing here queues a
task, so imports run one way: services → tasks → jobs). Each email is claimed by a conditional
update before it is sent, so a second delivery of a task, or a second run, sends nothing twice."""

from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from .models import Comment, Consultation, Invitation, PdfStatus, ResponseVersion, Status
from .notifications import send_invitation, send_response_notice, send_response_reminder

DUE_SOON = timedelta(days=14)
# A PDF still being prepared this long after publishing lost its task (the broker was down, or the
# worker died): the sweep sends it again. Rendering the same version twice only stores it again.
PDF_RESEND_AFTER = timedelta(minutes=10)


def invitation_emails_send(*, consultation_id: int) -> int:
    """Email every invitation not yet sent."""
    sent = 0
    waiting = Invitation.objects.filter(
        consultation_id=consultation_id, sent_at__isnull=True, consultation__status=Status.OPEN
    )
    for invitation in waiting.select_related("consultation__owner", "organisation"):
        claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if claimed and send_invitation(consultation=invitation.consultation, organisation=invitation.organisation):
            sent += 1
    return sent


def consultations_close_due(*, today: date | None = None) -> int:
    """Close every open consultation whose closing date has passed (daily task); returns how many."""
    today = today or timezone.localdate()
    return Consultation.objects.filter(status=Status.OPEN, closes__lt=today).update(status=Status.CLOSED)


def response_reminders_send(*, today: date | None = None) -> int:
    """Remind the owner's officers that the response is due within 14 days, or overdue: each
    reminder once per consultation and state; safe to run again.

    1. Take consultations closed or still open with no published response.
    2. Overdue (today after the due date): the "overdue" reminder; due within 14 days: "due soon".
    3. Claim it by setting its sent time with a conditional update; only the claimant sends.
    """
    today = today or timezone.localdate()
    sent = 0
    open_or_closed = Consultation.objects.filter(status__in=[Status.OPEN, Status.CLOSED], closes__isnull=False)
    for consultation in open_or_closed.select_related("owner"):
        due = consultation.response_due
        if due is None:  # not reached: filtered on the closing date above
            continue
        if today > due:
            field, overdue = "overdue_reminder_sent_at", True
        elif due - today <= DUE_SOON:
            field, overdue = "due_soon_reminder_sent_at", False
        else:
            continue
        claimed = Consultation.objects.filter(pk=consultation.pk, **{f"{field}__isnull": True}).update(
            **{field: timezone.now()}
        )
        if claimed:
            send_response_reminder(consultation=consultation, overdue=overdue)
            sent += 1
    return sent


def response_pdf_build(*, version_id: int) -> bool:
    """Render the version's PDF once and store it; False if there is no such version or it failed.
    Marked failed rather than left "being prepared" for ever, so the page can say so."""
    # Imported here, in the worker only: WeasyPrint adds some 50 MB to every process that loads it,
    # and the web process loads this module (services → tasks → jobs) but never renders.
    from .pdf import render_response_pdf

    version = ResponseVersion.objects.select_related("consultation__owner").filter(pk=version_id).first()
    if version is None:
        return False
    try:
        pdf = render_response_pdf(version)
    except Exception:
        ResponseVersion.objects.filter(pk=version.pk).update(pdf_status=PdfStatus.FAILED)
        raise
    version.pdf.save(f"{version.consultation.slug}-response-{version.number}.pdf", ContentFile(pdf), save=False)
    version.pdf_status = PdfStatus.READY
    version.pdf_built_at = timezone.now()
    version.save(update_fields=["pdf", "pdf_status", "pdf_built_at"])
    return True


def response_notices_send(*, consultation_id: int) -> int:
    """Email each commenter with an address once, with a link to their comment's answer. Hidden
    comments are not included."""
    consultation = Consultation.objects.filter(pk=consultation_id).select_related("owner").first()
    if consultation is None or not consultation.response_versions.exists():
        return 0
    candidates = (
        Comment.objects.filter(consultation=consultation, hidden=False, response_notice_sent_at__isnull=True)
        .exclude(author__isnull=True)
        .exclude(author__email="")
        .filter(author__is_active=True)
        .select_related("author")
    )
    sent = 0
    for comment in candidates:
        claimed = Comment.objects.filter(pk=comment.pk, response_notice_sent_at__isnull=True).update(
            response_notice_sent_at=timezone.now()
        )
        if claimed:
            send_response_notice(consultation=consultation, comment=comment)
            sent += 1
    return sent


def response_pdfs_waiting(*, now: datetime | None = None) -> list[tuple[int, int]]:
    """(version, consultation) of every version whose PDF is still being prepared PDF_RESEND_AFTER
    after it was published: its task was lost. The sweep's task queues them again."""
    cutoff = (now or timezone.now()) - PDF_RESEND_AFTER
    waiting = ResponseVersion.objects.filter(pdf_status=PdfStatus.BUILDING, created_at__lt=cutoff)
    return list(waiting.values_list("pk", "consultation_id"))
