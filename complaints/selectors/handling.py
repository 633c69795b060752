"""Reads for holds, extensions past the Code's limits and the yearly self-assessment."""

from django.db.models import F, QuerySet

from undertakings.models import ReportingPeriod

from ..models import Pause, SelfAssessment, Stage


def extensions_beyond_limit(*, compact_ids) -> QuerySet:
    """Stages whose reply date was moved past the Code's limit, latest first, in the Compacts a
    steering member steers."""
    return (
        Stage.objects.filter(extended_beyond_limit=True, complaint__compact_id__in=compact_ids)
        .select_related("complaint__respondent", "complaint__compact")
        .order_by("-original_reply_by", "pk")
    )


def holds(*, compact_ids) -> QuerySet:
    """Every time a stage was put on hold in those Compacts, the ones still on hold first."""
    return (
        Pause.objects.filter(stage__complaint__compact_id__in=compact_ids)
        .select_related("stage__complaint__respondent")
        .order_by(F("ended_on").desc(nulls_first=True), "-started_on", "pk")
    )


def assessment_periods(*, compact_ids) -> list[tuple[ReportingPeriod, SelfAssessment | None]]:
    """Each reporting period of those Compacts, latest first, with its self-assessment if begun."""
    periods = list(
        ReportingPeriod.objects.filter(compact_id__in=compact_ids)
        .select_related("compact")
        .order_by("compact__name", "-start_date")
    )
    found = {a.period_id: a for a in SelfAssessment.objects.filter(period__in=periods)}
    return [(p, found.get(p.pk)) for p in periods]


def self_assessment_for(period: ReportingPeriod) -> SelfAssessment | None:
    return SelfAssessment.objects.filter(period=period).select_related("completed_by").first()
