"""Reads behind the list pages, each a fixed number of queries however many rows."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from funding.models import Application, Award, FundingProgramme, JointReview, Redistribution
from organisations.models import Organisation, Signatory
from organisations.roles import roles_for

from .scope import funding_scope


# Only a public body with standing (organisations.standing) publishes: what an unverified body
# recorded stays off the public lists, the CSV and the 360Giving open data.
def programme_list(*, funder: Organisation | None = None, open_on: date | None = None) -> QuerySet:
    programmes = (
        FundingProgramme.objects.filter(funder__verified=True)
        .select_related("funder", "service_area")
        .annotate(application_count=Count("applications", distinct=True))
        .order_by("-opens_on", "title")
    )
    if funder is not None:
        programmes = programmes.filter(funder=funder)
    if open_on is not None:
        programmes = programmes.open_on(open_on)
    return programmes


def applications_for_user(user) -> QuerySet:
    roles = roles_for(user)
    applications = Application.objects.select_related("programme__funder", "applicant")
    if roles.is_site_admin:
        return applications
    visible = Q(programme__funder_id__in=roles.officer_of) | Q(applicant_id__in=roles.member_of)
    if roles.is_steering:
        visible |= Q(
            programme__funder_id__in=Signatory.objects.filter(compact_id__in=roles.steering_compacts).values(
                "organisation_id"
            )
        )
    return applications.filter(visible)


def award_list(
    *, funder: Organisation | None = None, start: date | None = None, end: date | None = None, compact=None
) -> QuerySet:
    """Awards, of one funder and/or one Compact (by a signatory on the award's date to an organisation
    in its areas, as the monitoring figures count them: `funding_scope`)."""
    awards = Award.objects.with_parties().filter(funding_scope(funder, compact))
    if start is not None:
        awards = awards.filter(award_date__gte=start)
    if end is not None:
        awards = awards.filter(award_date__lte=end)
    return awards


def award_funders() -> QuerySet[Organisation]:
    """Organisations that have made an award, by name, for the awards list's filter. An EXISTS per
    organisation, not a DISTINCT over every award joined to its funder (90,000 rows at metro scale)."""
    # Only bodies with standing: an unverified "public body" publishes nothing, its name included.
    return (
        Organisation.objects.with_standing()
        .filter(Exists(Award.objects.filter(funder=OuterRef("pk"))))
        .order_by("name")
    )


def todo_for_user(user) -> tuple[list[JointReview], list[Redistribution]]:
    """Joint reviews and redistribution records not yet completed for the person's bodies' awards."""
    bodies = roles_for(user).officer_of
    reviews = JointReview.objects.filter(award__funder_id__in=bodies, completed_on__isnull=True).select_related(
        "award__recipient", "award__funder"
    )
    redistributions = Redistribution.objects.filter(
        award__funder_id__in=bodies, completed_on__isnull=True
    ).select_related("award__recipient", "award__funder")
    return list(reviews.order_by("award__withdrawn_on")), list(redistributions.order_by("award__withdrawn_on"))
