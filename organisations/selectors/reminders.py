"""Which board declarations are due their "about to go stale" reminder."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..bme_led import oldest_current_effective_date
from ..models import BoardDeclaration, Sector

# Days before a declaration goes stale that its organisation's members are reminded.
REMINDER_DAYS = 30


def declarations_due_reminder(*, on_date: date) -> QuerySet[BoardDeclaration]:
    """Current declarations that go stale within REMINDER_DAYS of `on_date`, not superseded by a
    later one and not yet reminded about.

    A declaration effective on E is current until `last_current_date(E)`; that is at most
    `on_date + REMINDER_DAYS` exactly when E is before `oldest_current_effective_date` of the day after.
    """
    newer = BoardDeclaration.objects.filter(organisation=OuterRef("organisation")).filter(
        Q(effective_date__gt=OuterRef("effective_date"))
        | Q(effective_date=OuterRef("effective_date"), declared_at__gt=OuterRef("declared_at"))
        | Q(effective_date=OuterRef("effective_date"), declared_at=OuterRef("declared_at"), pk__gt=OuterRef("pk"))
    )
    return (
        BoardDeclaration.objects.filter(
            stale_reminder_sent_at__isnull=True,
            effective_date__lte=on_date,
            effective_date__gte=oldest_current_effective_date(on_date),
            effective_date__lt=oldest_current_effective_date(on_date + timedelta(days=REMINDER_DAYS + 1)),
        )
        .exclude(organisation__sector=Sector.PUBLIC)
        .exclude(Exists(newer))
        .order_by("effective_date", "pk")
    )
