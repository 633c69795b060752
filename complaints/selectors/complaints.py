"""Reads of complaints for pages, queues and the raising flow."""

from django.db.models import F, Prefetch, Q, QuerySet

from organisations.models import Organisation, Sector
from undertakings.models import PARTIES_FOR_SECTOR, Undertaking

from ..models import Complaint, ComplaintStatus, Event, Stage
from ..models.complaint import ComplaintQuerySet

_UNDERTAKINGS = Prefetch(
    "undertakings", queryset=Undertaking.objects.select_related("code").order_by("code", "position")
)


def complaint_for_page(reference: str) -> Complaint | None:
    """One complaint with everything its page shows, in a fixed number of queries."""
    return (
        Complaint.objects.select_related(
            "respondent",
            "compact",
            "complainant_user",
            "complainant_organisation",
            "closed_by",
            "recorded_by",
            "recorded_by_organisation",
        )
        .prefetch_related(
            _UNDERTAKINGS,
            Prefetch("undertakings_broken", queryset=Undertaking.objects.select_related("code")),
            Prefetch("stages", queryset=Stage.objects.order_by("level").prefetch_related("pauses")),
            "files__uploaded_by",
            Prefetch("events", queryset=Event.objects.select_related("actor", "stage").order_by("at", "pk")),
        )
        .filter(reference=reference)
        .first()
    )


def _for_queue(queryset: ComplaintQuerySet, status: str) -> QuerySet:
    if status == "open":
        queryset = queryset.open()
    elif status == "closed":
        queryset = queryset.filter(status=ComplaintStatus.CLOSED)
    # Overdue first: the earliest deadline is the most overdue; complaints waiting on nobody last.
    return (
        queryset.select_related("respondent", "complainant_user", "complainant_organisation")
        .prefetch_related(_UNDERTAKINGS)
        .order_by(F("next_deadline").asc(nulls_last=True), "-submitted_at", "pk")
    )


def queue_for_body(*, organisation_ids, status: str = "open") -> QuerySet:
    """Complaints against the bodies a person is an officer of."""
    return _for_queue(Complaint.objects.against(organisation_ids), status)


def compact_complaints(*, compact_ids, status: str = "open") -> QuerySet:
    """Every complaint in the Compacts a person steers."""
    return _for_queue(Complaint.objects.in_compacts(compact_ids), status)


def complaints_raised_by(user) -> QuerySet:
    """Complaints a person raised, or that were raised for a group they belong to."""
    from organisations.roles import roles_for

    roles = roles_for(user)
    return (
        Complaint.objects.received()
        .filter(Q(complainant_user=user) | Q(complainant_organisation_id__in=roles.member_of))
        .select_related("respondent")
        .order_by("-submitted_at")
    )


def undertakings_to_cite(*, respondent: Organisation | None, search: str = "") -> QuerySet:
    """Undertakings a public body may be held to: those of the Codes of its Compacts that bind
    public bodies (joint or public-sector ones), filtered by words in the text or reference."""
    queryset = Undertaking.objects.select_related("code", "section").filter(party__in=PARTIES_FOR_SECTOR[Sector.PUBLIC])
    if respondent is not None:
        queryset = queryset.filter(
            code__compact__signatory_records__organisation=respondent,
            code__compact__signatory_records__withdrawn_on__isnull=True,
        )
    for word in search.split()[:8]:
        queryset = queryset.filter(
            Q(text__icontains=word)
            | Q(ref__istartswith=word)
            | Q(section__title__icontains=word)
            | Q(code__short_title__icontains=word)
        )
    return queryset.distinct().order_by("code__short_title", "code_id", "position")
