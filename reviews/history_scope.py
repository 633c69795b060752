"""Which Compact each tracked annual review record belongs to, for the change history pages:
unpublished versions are for that Compact's steering group only."""

from django.db.models import Q

SCOPES = {
    "reviews.annualreview": lambda compacts: Q(compact__in=compacts),
    "reviews.reviewaction": lambda compacts: Q(compact__in=compacts),
    "reviews.reviewnarrative": lambda compacts: Q(compact__in=compacts),
}
