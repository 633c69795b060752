"""The stages, pauses and undertakings of many complaints at once, grouped by complaint, for the
annual review's figures over a metro Compact's thousands of complaints. The same queries as
`prefetch_related` makes, in the same order, without the queryset Django builds on each complaint
and stage to hold them (most of the figures' time at that size)."""

from collections import defaultdict

from django.db.models import F

from undertakings.models import Undertaking

from ..models import Pause, Stage


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
