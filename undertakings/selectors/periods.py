"""Who owes a return for a reporting period, and which return came before."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from organisations.models import Compact, Organisation, Signatory

from ..models import Code, ComplianceReturn, ReportingPeriod


def _signed_during(period: ReportingPeriod) -> Q:
    # Signed before the period ended and not withdrawn before it began.
    return Q(signed_on__lte=period.end_date) & (Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=period.start_date))


def signatories_during(*, period: ReportingPeriod):
    """Signatory records of the period's Compact in force at some time during the period."""
    return (
        Signatory.objects.filter(_signed_during(period), compact_id=period.compact_id)
        .select_related("organisation")
        .order_by("organisation__sector", "organisation__name")
    )


def is_signatory_during(*, organisation: Organisation, period: ReportingPeriod) -> bool:
    return signatories_during(period=period).filter(organisation=organisation).exists()


def previous_return(*, organisation: Organisation, period: ReportingPeriod, code: Code) -> ComplianceReturn | None:
    """The organisation's latest return for an earlier period of the same Compact and Code (any
    version: entries are matched by undertaking ref)."""
    return (
        ComplianceReturn.objects.filter(
            organisation=organisation,
            code__slug=code.slug,
            period__compact_id=period.compact_id,
            period__start_date__lt=period.start_date,
        )
        .select_related("period")
        .order_by("-period__start_date")
        .first()
    )


def periods_for_compacts(compact_ids) -> list[ReportingPeriod]:
    return list(ReportingPeriod.objects.filter(compact_id__in=compact_ids).select_related("compact"))


def last_ended_period(*, compact: Compact, today: date | None = None) -> ReportingPeriod | None:
    """The latest period of the Compact that ended before today: the one an annual review reports on
    unless someone chooses another."""
    today = today or timezone.localdate()
    return ReportingPeriod.objects.filter(compact=compact, end_date__lt=today).order_by("-end_date").first()
