"""Demo actions for next year for the Northamptonshire Compact's latest ended period.

No review is built here: building needs the report engine and a worker, and the demo's point is
that the steering group chair (steering@northants.example) builds it with one click."""

import datetime

from django.utils import timezone

from organisations.models import Compact
from undertakings.models import ReportingPeriod

from .models import ReviewAction

ACTIONS = [
    ("Publish every consultation for the full 12 weeks, or record why not on the portal.",
     "Public bodies' consultation leads", (9, 30)),
    ("Bring the board declarations of all voluntary sector signatories up to date.",
     "Northampton African Caribbean Forum and the steering group", (12, 31)),
    ("Hold a joint review with each funded group before any funding is withdrawn.",
     "Funding officers' network", (3, 31)),
]


def load() -> str:
    compact = Compact.objects.filter(slug="northamptonshire").first()
    if compact is None:
        return "reviews: no Northamptonshire Compact (load organisations first)"
    period = (ReportingPeriod.objects.filter(compact=compact, end_date__lt=timezone.localdate())
              .order_by("-end_date").first())
    if period is None:
        return "reviews: no ended reporting period for Northamptonshire"
    created = 0
    for position, (text, owner, (month, day)) in enumerate(ACTIONS, start=1):
        year = period.end_date.year + (0 if month > period.end_date.month else 1)
        _, made = ReviewAction.objects.get_or_create(
            compact=compact, period=period, action=text,
            defaults={"owner": owner, "due": datetime.date(year, month, day), "position": position},
        )
        created += made
    return f"reviews: {created} actions for next year for {compact.name} {period.label}"
