"""Reporting periods: the UK financial year (1 April – 31 March) unless set otherwise."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from common.dates import financial_year
from organisations.models import Compact

from ..models import ReportingPeriod

PERIOD_EXISTS = "The {compact} already has a {label} reporting period."
DUE_BEFORE_START = "Returns cannot be due before the period starts."


@transaction.atomic
def reporting_period_create(
    *, compact: Compact, start_year: int, returns_due: datetime.date | None = None, is_open: bool = True
) -> ReportingPeriod:
    """A financial-year period; returns are due three months after it ends unless said otherwise."""
    start, end, label = financial_year(start_year)
    returns_due = returns_due or datetime.date(start_year + 1, 6, 30)
    if ReportingPeriod.objects.filter(compact=compact, label=label).exists():
        raise ValidationError(PERIOD_EXISTS.format(compact=compact, label=label))
    if returns_due < start:
        raise ValidationError({"returns_due": DUE_BEFORE_START})
    return ReportingPeriod.objects.create(
        compact=compact, label=label, start_date=start, end_date=end, returns_due=returns_due, is_open=is_open
    )


@transaction.atomic
def reporting_period_set_open(*, period: ReportingPeriod, is_open: bool, user) -> ReportingPeriod:
    period.is_open = is_open
    period._history_user = user
    period.save(update_fields=["is_open"])
    return period
