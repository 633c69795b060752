"""Everything the portal holds about one organisation, for its admin to download (UK GDPR right of
access, and so an organisation can check what it has told the portal).

Each app that keeps records about organisations has an `organisation_data.py` with `sections(
organisation) -> dict[str, list[dict]]`; the download view finds them at run time
(common.apps_modules), so this app needs no import pointing the wrong way. Sections must never say
who raised a confidential complaint against the organisation (complaints/organisation_data.py).
"""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from .models import BoardDeclaration, Membership, Organisation, Signatory


def plain(value):
    """A JSON-writable copy of one value from `QuerySet.values()`."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (Decimal, Fraction, float)):
        return str(value)
    return str(value)


def records(queryset, *, fields=None, exclude=()) -> list[dict]:
    """Rows of `queryset` as plain dicts: `fields` (lookups allowed), or every concrete field but
    those in `exclude`."""
    if fields is None:
        fields = [
            f.attname
            for f in queryset.model._meta.concrete_fields
            if f.name not in exclude and f.attname not in exclude
        ]
    return [{key: plain(value) for key, value in row.items()} for row in queryset.values(*fields)]


def sections(organisation: Organisation) -> dict[str, list[dict]]:
    return {
        "profile": records(Organisation.objects.filter(pk=organisation.pk)),
        "service_areas": records(organisation.service_areas.all(), fields=["slug", "name"]),
        "communities_served": records(organisation.communities_served.all(), fields=["code", "name"]),
        "board_declarations": records(BoardDeclaration.objects.filter(organisation=organisation).order_by("pk")),
        "memberships": records(
            Membership.objects.filter(organisation=organisation).order_by("pk"),
            fields=[
                "user__full_name",
                "user__email",
                "role",
                "status",
                "job_title",
                "requested_at",
                "decided_at",
                "decided_by__full_name",
            ],
        ),
        "compacts_signed": records(
            Signatory.objects.filter(organisation=organisation).order_by("pk"),
            fields=["compact__name", "compact__slug"],
        ),
    }
