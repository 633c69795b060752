"""Publishing the response ("you said, we did") as a final or an interim response.

A final response may leave comments unanswered: they are listed as "no response given" and counted,
and the owner may say why in one sentence. An interim response carries a banner and can be replaced.
Each publication is a new version; the latest is the response page, earlier ones stay readable. The
PDF of each version is rendered once, by a task queued when the publication commits, and stored; the
public download serves the stored file. Everyone who commented with an email address is told once.
"""

from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import Consultation, ResponseKind, ResponseVersion, Status
from ..selectors import live_figures
from ..tasks import build_response_pdf, send_response_notices
from .workflow import NOT_CLOSED

CHOOSE_KIND = "Choose whether this is the final response or an interim one."
REASON_TOO_LONG = "Say why in one sentence of 300 characters or fewer."
REASON_WITHOUT_GAPS = "Every comment has a response, so there is nothing to explain. Leave this empty."


def response_figures(consultation: Consultation) -> dict:
    """The counts a version publishes: comments, with and without a response, responses, by decision."""
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
    published_on: date | Literal[True] | None = True,
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
    transaction.on_commit(lambda: build_response_pdf.delay(version.pk))
    transaction.on_commit(lambda: send_response_notices.delay(version.consultation_id))


def response_pdf_queue_again(*, version: ResponseVersion) -> None:
    """Queue the PDF of a version again: its task was lost (the version has been "being prepared"
    for too long). The view decides when; rendering twice only stores the same file again."""
    build_response_pdf.delay(version.pk)


def consultation_publish_response(
    *, consultation: Consultation, user, today: date | None = None, kind: str = "final", **details
) -> Consultation:
    """Publish "you said, we did": final by default, even with comments that have no response,
    which the page lists as "no response given"."""
    return response_publish(consultation=consultation, user=user, kind=kind, published_on=today or True, **details)
