"""Publishing the response ("you said, we did") as a final or an interim response.

A final response may leave comments unanswered: they are listed as "no response given" and counted,
and the owner may say why in one sentence. An interim response carries a banner and can be replaced.
Each publication is a new version; the latest is the response page, earlier ones stay readable. The
PDF of each version is rendered once, by a task queued when the publication commits, and stored; the
public download serves the stored file. Everyone who commented with an email address is told once.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import Comment, Consultation, PdfStatus, ResponseKind, ResponseVersion, Status
from .workflow import NOT_CLOSED

CHOOSE_KIND = "Choose whether this is the final response or an interim one."
REASON_TOO_LONG = "Say why in one sentence of 300 characters or fewer."
REASON_WITHOUT_GAPS = "Every comment has a response, so there is nothing to explain. Leave this empty."
# A PDF still being prepared this long after publishing lost its task (the broker was down, or the
# worker died): the sweep sends it again. Rendering the same version twice only stores it again.
PDF_RESEND_AFTER = timedelta(minutes=10)


def response_figures(consultation: Consultation) -> dict:
    """The counts a version publishes: comments, with and without a response, responses, by decision."""
    from ..selectors import live_figures

    return live_figures(consultation)


@transaction.atomic
def response_publish(
    *,
    consultation: Consultation,
    user,
    kind: str = ResponseKind.FINAL,
    unanswered_reason: str = "",
    next_steps: str = "",
    next_date: date | None = None,
    published_on: date | None | bool = True,
) -> Consultation:
    """Publish a new version of the response. `published_on`: True for today; None when a loaded
    source does not say (shown as "not recorded")."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != Status.CLOSED:
        raise ValidationError(NOT_CLOSED)
    if kind not in ResponseKind.values:
        raise ValidationError({"kind": CHOOSE_KIND})
    unanswered_reason = " ".join((unanswered_reason or "").split())
    if len(unanswered_reason) > 300:
        raise ValidationError({"unanswered_reason": REASON_TOO_LONG})
    figures = response_figures(consultation)
    if unanswered_reason and not figures["unanswered"]:
        raise ValidationError({"unanswered_reason": REASON_WITHOUT_GAPS})
    day = timezone.localdate() if published_on is True else published_on
    last = consultation.response_versions.aggregate(n=Max("number"))["n"] or 0
    version = ResponseVersion.objects.create(
        consultation=consultation,
        number=last + 1,
        kind=kind,
        published_on=day,
        published_by=user,
        unanswered_reason=unanswered_reason,
        next_steps=(next_steps or "").strip(),
        next_date=next_date,
        figures=figures,
    )
    if kind == ResponseKind.FINAL:
        consultation.status = Status.PUBLISHED
        consultation.response_published_on = day
        consultation.save(update_fields=["status", "response_published_on"])
    queue_response_work(version)
    return consultation


def queue_response_work(version: ResponseVersion) -> None:
    """After the publication commits: build the PDF, then tell the commenters (Celery; in-process
    when there is no broker)."""
    from ..tasks import build_response_pdf, send_response_notices

    transaction.on_commit(lambda: build_response_pdf.delay(version.pk))
    transaction.on_commit(lambda: send_response_notices.delay(version.consultation_id))


def response_pdfs_sweep(*, now=None) -> int:
    """Queue again the PDFs (and the commenters' emails, which are sent once each) of versions still
    being prepared PDF_RESEND_AFTER after they were published. Run by beat; returns how many."""
    from ..tasks import build_response_pdf, send_response_notices

    cutoff = (now or timezone.now()) - PDF_RESEND_AFTER
    waiting = ResponseVersion.objects.filter(pdf_status=PdfStatus.BUILDING, created_at__lt=cutoff)
    resent = 0
    for version_id, consultation_id in waiting.values_list("pk", "consultation_id"):
        build_response_pdf.delay(version_id)
        send_response_notices.delay(consultation_id)
        resent += 1
    return resent


def response_pdf_build(*, version_id: int) -> bool:
    """Render the version's PDF once and store it; False if there is no such version or it failed.
    Marked failed rather than left "being prepared" for ever, so the page can say so."""
    from ..pdf import render_response_pdf

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
    """Email each commenter with an address once, with a link to their comment's answer. Each comment
    is claimed by a conditional update first, so running this again (or twice at once) sends nothing
    new. Hidden comments are not included."""
    from ..notifications import send_response_notice

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
