"""The stages, pauses and undertakings of many complaints at once, grouped by complaint, for the
annual review's figures over a metro Compact's thousands of complaints. The same queries as
`prefetch_related` makes, in the same order, without the queryset Django builds on each complaint
and stage to hold them (most of the figures' time at that size)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import F

from organisations.models import Compact
from undertakings.models import Undertaking

from ..models import Complaint, Pause, Stage


@dataclass(frozen=True)
class Received:
    """The complaints of a Compact received in a period, in the order received, and their stages:
    read once, for the figures and the handling section of the same annual review."""

    complaints: list[Complaint]
    stages_of: dict[int, list[Stage]]


def received_complaints(*, compact: Compact, start: date, end: date) -> Received:
    """Complaints of `compact` received from `start` to `end` (both included), whatever happened later."""
    complaints = list(
        Complaint.objects.received()
        .filter(compact=compact, received_on__gte=start, received_on__lte=end)
        .select_related("respondent")
        .order_by("received_on", "reference")
    )
    return Received(complaints, stages_by_complaint([c.pk for c in complaints]))


def stages_by_complaint(complaint_ids) -> dict[int, list[Stage]]:
    """Each complaint's stages in their usual order (by level)."""
    grouped: dict[int, list[Stage]] = defaultdict(list)
    for stage in Stage.objects.filter(complaint_id__in=list(complaint_ids)):
        grouped[stage.complaint_id].append(stage)
    return grouped


def pauses_by_stage(stage_ids) -> dict[int, list[Pause]]:
    """Each stage's holds, the earliest first."""
    grouped: dict[int, list[Pause]] = defaultdict(list)
    for pause in Pause.objects.filter(stage_id__in=list(stage_ids)).order_by("started_on"):
        grouped[pause.stage_id].append(pause)
    return grouped


def undertakings_by_complaint(complaint_ids, *, relation: str) -> dict[int, list[Undertaking]]:
    """Each complaint's undertakings cited (`relation="complaints"`) or found broken
    (`"complaints_upheld"`), with their Code, in Code order."""
    grouped: dict[int, list[Undertaking]] = defaultdict(list)
    rows = (
        Undertaking.objects.filter(**{f"{relation}__in": list(complaint_ids)})
        .select_related("code")
        .annotate(for_complaint=F(relation))
    )
    for undertaking in rows:
        grouped[undertaking.for_complaint].append(undertaking)
    return grouped
