"""What the consultations app tells the annual review (§10.3): the contract between this app and
`reviews`, which reads consultations only through this module and the models. The results are
TypedDicts of plain JSON data, the shape the review's frozen dataset stores
(docs/annual-review-dataset.md): a change of key here is a change of the published dataset.

`consultations_for_review` (`ConsultationsReview`) covers the non-draft consultations of the Compact's signatories that were
open at some time in the review period. It reads in a fixed handful of queries (consultations,
comments, responses, invitations, board declarations), whatever the number of comments, and names no
individual: only organisations and counts.
"""

from collections import defaultdict
from datetime import date
from typing import TypedDict

from django.db.models import Q
from django.utils import timezone

from organisations.bme_definitions import rule_for
from organisations.models import Compact, Organisation, Signatory
from organisations.selectors import BmeLedStatuses

from .models import Comment, Consultation, Disposition, Invitation, Response, Status


class ConsultationRow(TypedDict):
    """One consultation open at some time in the period. "BME-led" is judged on its closing date."""

    title: str
    owner: str  # the body that ran it
    stage_label: str
    status_label: str
    opens: str
    closes: str
    weeks: int  # length in whole weeks
    shorter_reason: str  # why it ran under 12 weeks ("" when it did not)
    invited: int  # organisations invited
    invited_bme_led: int
    responding_organisations: int  # organisations that commented
    responding_bme_led: int
    comments: int  # visible comments
    pending: int  # comments with no answer yet
    response_due: str  # 12 weeks after closing
    response_published_on: str | None
    response_on_time: bool | None  # None while no response is published
    response_overdue: bool  # not published and past response_due
    url: str


class ConsultationTotals(TypedDict):
    """The rows' sums. `responses_due` is the base of the on-time rate: published plus overdue."""

    consultations: int
    shorter_than_12_weeks: int
    comments: int
    responded: int  # comments with a non-pending response
    pending: int
    invited: int
    invited_bme_led: int
    responding_organisations: int
    responding_bme_led: int
    responses_published: int
    responses_published_on_time: int
    responses_overdue: int
    responses_due: int


class DispositionCount(TypedDict):
    value: str
    label: str
    count: int  # visible comments whose latest non-pending response has it (pending: none)


class ConsultationsReview(TypedDict):
    """Consultations open at some time in the period, run by verified bodies that had signed the
    Compact and work in its areas (drafts left out); the dispositions add up to totals["comments"]."""

    consultations: list[ConsultationRow]  # in the order they opened
    totals: ConsultationTotals
    dispositions: list[DispositionCount]  # in Disposition order


class CodeConsultation(TypedDict):
    """A consultation on one of the Compact's own Codes, open at some time in the period."""

    title: str
    code: str  # e.g. "BME Code (version 2)"
    owner: str
    opens: str
    closes: str
    status_label: str
    url: str


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _comment_dispositions(comment_ids: set[int]) -> dict[int, str]:
    """Each comment's disposition: its latest response that is not pending, else pending."""
    result: dict[int, str] = {}
    through = (
        Response.comments.through.objects.filter(comment_id__in=comment_ids)
        .exclude(response__disposition=Disposition.PENDING)
        .order_by("response_id")
        .values_list("comment_id", "response__disposition")
    )
    for comment_id, disposition in through:
        result[comment_id] = disposition
    return result


def consultations_for_review(
    *, compact: Compact, start: date, end: date, as_of: date | None = None
) -> ConsultationsReview:
    """Consultations open at some time in [start, end] by organisations that had signed `compact`.

    "BME-led" is the organisation's status on the consultation's closing
    date. `dispositions` counts visible comments by the disposition of their latest non-pending
    response (pending when none), so the counts add up to `totals["comments"]`.
    """
    today = timezone.localdate()
    signed = Signatory.objects.filter(compact=compact, signed_on__lte=end).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=start)
    )
    consultations = list(
        Consultation.objects.not_draft()
        .filter(owner__in=signed.values("organisation_id"), opens__lte=end, closes__gte=start)
        .filter(owner__verified=True)  # published only by bodies with public-body standing
        # A body that signed two Compacts is counted in each only for the areas it works in.
        .filter(owner__in=Organisation.objects.in_compact(compact).values("pk"))
        .select_related("owner")
        .order_by("opens", "title", "pk")
    )
    ids = [c.pk for c in consultations]
    comments = list(
        Comment.objects.visible()
        .filter(consultation_id__in=ids)
        .values_list("pk", "consultation_id", "organisation_id")
    )
    dispositions = _comment_dispositions({pk for pk, _, _ in comments})
    invited = defaultdict(set)
    for consultation_id, organisation_id in Invitation.objects.filter(consultation_id__in=ids).values_list(
        "consultation_id", "organisation_id"
    ):
        invited[consultation_id].add(organisation_id)
    responding = defaultdict(set)
    comments_of = defaultdict(list)
    for pk, consultation_id, organisation_id in comments:
        comments_of[consultation_id].append(pk)
        if organisation_id:
            responding[consultation_id].add(organisation_id)
    everyone = set().union(*invited.values(), *responding.values()) if ids else set()
    # Under the Compact's own BME-led definition (its Code's), as every figure of its review; each
    # organisation judged only on the closing dates of the consultations it was invited to or answered.
    bme_led = BmeLedStatuses(everyone, definition=rule_for(compact, end)).is_bme_led

    rows: list[ConsultationRow] = []
    totals: ConsultationTotals = {
        "consultations": 0,
        "shorter_than_12_weeks": 0,
        "comments": 0,
        "responded": 0,
        "pending": 0,
        "invited": 0,
        "invited_bme_led": 0,
        "responding_organisations": 0,
        "responding_bme_led": 0,
        "responses_published": 0,
        "responses_published_on_time": 0,
        "responses_overdue": 0,
        "responses_due": 0,
    }
    by_disposition = dict.fromkeys(Disposition.values, 0)
    for c in consultations:
        own = comments_of[c.pk]
        answered = sum(1 for pk in own if pk in dispositions)
        for pk in own:
            by_disposition[dispositions.get(pk, Disposition.PENDING)] += 1
        published = c.response_published_on if c.status == Status.PUBLISHED else None
        on_time = None if published is None else published <= c.response_due
        row: ConsultationRow = {
            "title": c.title,
            "owner": c.owner.name,
            "stage_label": c.get_stage_display(),
            "status_label": c.get_status_display(),
            "opens": c.opens.isoformat(),
            "closes": c.closes.isoformat(),
            "weeks": c.weeks,
            "shorter_reason": c.shorter_reason if c.is_shorter else "",
            "invited": len(invited[c.pk]),
            "invited_bme_led": sum(1 for o in invited[c.pk] if bme_led(o, c.closes)),
            "responding_organisations": len(responding[c.pk]),
            "responding_bme_led": sum(1 for o in responding[c.pk] if bme_led(o, c.closes)),
            "comments": len(own),
            "pending": len(own) - answered,
            "response_due": c.response_due.isoformat(),
            "response_published_on": _iso(published),
            "response_on_time": on_time,
            "response_overdue": c.response_overdue(today),
            "url": f"/consultations/{c.slug}/",
        }
        rows.append(row)
        totals["consultations"] += 1
        totals["shorter_than_12_weeks"] += int(c.is_shorter)
        totals["comments"] += row["comments"]
        totals["responded"] += answered
        totals["pending"] += row["pending"]
        totals["invited"] += row["invited"]
        totals["invited_bme_led"] += row["invited_bme_led"]
        totals["responding_organisations"] += row["responding_organisations"]
        totals["responding_bme_led"] += row["responding_bme_led"]
        totals["responses_published"] += int(published is not None)
        totals["responses_published_on_time"] += int(bool(on_time))
        totals["responses_overdue"] += int(row["response_overdue"])
        totals["responses_due"] += int(published is not None or row["response_overdue"])
    return {
        "consultations": rows,
        "totals": totals,
        "dispositions": [
            {"value": value, "label": str(label), "count": by_disposition[value]}
            for value, label in Disposition.choices
        ],
    }


def code_consultations_for_review(*, compact: Compact, start: date, end: date) -> list[CodeConsultation]:
    """Consultations on the Compact's own Codes open at some time in [start, end], in the order they opened."""
    consultations = (
        Consultation.objects.not_draft()
        .filter(code__compact=compact, opens__lte=end, closes__gte=start)
        .select_related("owner", "code")
        .order_by("opens", "title", "pk")
    )
    return [
        {
            "title": c.title,
            "code": f"{c.code.short_title} (version {c.code.version})",
            "owner": c.owner.name,
            "opens": c.opens.isoformat(),
            "closes": c.closes.isoformat(),
            "status_label": c.get_status_display(),
            "url": f"/consultations/{c.slug}/",
        }
        for c in consultations
    ]
