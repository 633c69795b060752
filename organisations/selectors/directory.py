"""The directory, its CSV, the open-data API and the profile page."""

from collections import defaultdict
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from ..bme_definitions import rule_for
from ..bme_led import BmeLedResult, BmeRule, Outcome
from ..models import BoardDeclaration, Compact, EthnicGroup, LocalAuthorityArea, Organisation, Sector, ServiceArea
from .status import status_among


def directory_organisations(
    *,
    on_date: date,
    query: str = "",
    compact: Compact | None = None,
    sector: str = "",
    status: str = "",
    community: EthnicGroup | None = None,
    service_area: ServiceArea | None = None,
    faith_based: bool | None = None,
    refugee_focus: bool | None = None,
) -> QuerySet[Organisation]:
    """Listed organisations matching the directory's filters, each annotated with its BME-led
    status on `on_date`, with service areas and communities prefetched (two queries for any number).

    Public bodies have no BME-led status (the test is about community organisations' boards), so
    filtering by status leaves them out. With a Compact, only organisations working in its areas,
    each assessed under that Compact's own definition; without, under the portal default.
    """
    organisations = Organisation.objects.listed().with_bme_led_status(on_date, rule_for(compact, on_date))
    if compact is not None:
        organisations = organisations.in_compact(compact)
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(org_id__iexact=query))
    if sector:
        organisations = organisations.filter(sector=sector)
    if status:
        organisations = organisations.exclude(sector=Sector.PUBLIC).filter(bme_led_outcome=status)
    if community is not None:
        organisations = organisations.filter(communities_served=community)
    if service_area is not None:
        organisations = organisations.filter(service_areas=service_area)
    if faith_based is not None:
        organisations = organisations.filter(faith_based=faith_based)
    if refugee_focus is not None:
        organisations = organisations.filter(refugee_focus=refugee_focus)
    return organisations.order_by("name", "pk").prefetch_related(
        Prefetch("service_areas", queryset=ServiceArea.objects.order_by("name")),
        Prefetch("communities_served", queryset=EthnicGroup.objects.order_by("position")),
        Prefetch("areas", queryset=LocalAuthorityArea.objects.order_by("name")),
    )


def mark_transition_periods(organisations, *, on_date: date, definition: BmeRule | None) -> None:
    """Set `bme_led_transition_until` on each of `organisations` (a page of `directory_organisations`)
    that is BME-led only through its Compact's transition period, so the page can say until when;
    one query for the declarations of those shown as BME-led, none when the rule has no such period."""
    if definition is None or not definition.transition_months:
        return
    bme_led = {o.pk: o for o in organisations if o.bme_led_outcome == Outcome.BME_LED}
    declarations = defaultdict(list)
    for declaration in BoardDeclaration.objects.filter(organisation_id__in=bme_led, effective_date__lte=on_date):
        declarations[declaration.organisation_id].append(declaration)
    for pk, organisation in bme_led.items():
        result = status_among(declarations[pk], on_date=on_date, definition=definition)
        organisation.bme_led_transition_until = result.transition_until


def organisation_for_profile(*, slug: str) -> Organisation | None:
    """One organisation with what its profile shows, in four queries whatever its history."""
    return (
        Organisation.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch("communities_served", queryset=EthnicGroup.objects.order_by("position")),
            Prefetch("service_areas", queryset=ServiceArea.objects.order_by("name")),
            Prefetch("areas", queryset=LocalAuthorityArea.objects.order_by("name")),
            Prefetch(
                "board_declarations",
                queryset=BoardDeclaration.objects.select_related("declared_by").order_by(
                    "-effective_date", "-declared_at", "-pk"
                ),
            ),
        )
        .first()
    )


def profile_status(*, organisation: Organisation, on_date: date, definition: BmeRule | None = None) -> BmeLedResult:
    """`bme_led_status` (under `definition`) from declarations already prefetched by `organisation_for_profile`."""
    return status_among(organisation.board_declarations.all(), on_date=on_date, definition=definition)


def organisation_compact(organisation: Organisation) -> Compact | None:
    """The Compact whose rule an organisation's own page uses: the first (by name) covering an area
    it works in; None when it records no such area (the portal default then applies)."""
    return Compact.objects.filter(areas__organisations=organisation).order_by("name", "pk").first()
