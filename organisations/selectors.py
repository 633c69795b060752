"""Reads about organisations. `bme_led_status` is the one answer to "is this organisation BME-led on
this date?" that funding, the directory, the API and the annual review all use (the directory, CSV
and API filter on `Organisation.objects.with_bme_led_status`, the same rule in SQL)."""

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from .bme_led import (
    BmeLedResult,
    Outcome,
    assess_board,
    decimal_share,
    default_threshold,
    last_current_date,
    no_current_declaration,
    oldest_current_effective_date,
)
from .models import (
    BoardDeclaration,
    Compact,
    EthnicGroup,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organisation,
    Sector,
    ServiceArea,
    Signatory,
)

# Days before a declaration goes stale that its organisation's members are reminded.
REMINDER_DAYS = 30


def current_declaration(*, organisation: Organisation, on_date: date) -> BoardDeclaration | None:
    """The latest declaration effective on or before `on_date` and at most 12 months old then."""
    return (
        BoardDeclaration.objects.filter(
            organisation=organisation,
            effective_date__lte=on_date,
            effective_date__gte=oldest_current_effective_date(on_date),
        )
        .order_by("-effective_date", "-declared_at", "-pk")
        .first()
    )


def _assess(declaration: BoardDeclaration) -> BmeLedResult:
    return assess_board(
        members=declaration.members,
        bme_members=declaration.bme_members,
        undisclosed_members=declaration.undisclosed_members,
        effective_date=declaration.effective_date,
        declaration_id=declaration.pk,
    )


def bme_led_status(*, organisation: Organisation, on_date: date) -> BmeLedResult:
    declaration = current_declaration(organisation=organisation, on_date=on_date)
    if declaration is None:
        return no_current_declaration()
    return _assess(declaration)


@dataclass(frozen=True)
class StatusPeriod:
    """A stretch of days with one status. `declaration` is None for a gap with no current one."""

    start: date
    end: date | None  # None: still running on the day asked about, with no end in sight
    result: BmeLedResult
    declaration: BoardDeclaration | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def status_history(*, organisation: Organisation, on_date: date, declarations=None) -> list[StatusPeriod]:
    """How the organisation's status changed up to `on_date`, newest period first.

    1. Take the declarations effective on or before `on_date`; of several on one day the one
       declared last wins (as in `current_declaration`).
    2. Each counts from its effective date until the next one takes over or it goes stale.
    3. Stale stretches before the next declaration (or up to `on_date`) are "no current declaration".
    For every day covered, the period's result is what `bme_led_status` answers for that day.
    `declarations` may be passed when the caller has already loaded them (any order).
    """
    if declarations is None:
        declarations = BoardDeclaration.objects.filter(organisation=organisation)
    ordered = sorted(
        (d for d in declarations if d.effective_date <= on_date),
        key=lambda d: (d.effective_date, d.declared_at, d.pk),
    )
    winners = [d for i, d in enumerate(ordered) if i + 1 == len(ordered) or ordered[i + 1].effective_date != d.effective_date]
    periods = []
    for i, declaration in enumerate(winners):
        stale_after = last_current_date(declaration.effective_date)
        following = winners[i + 1].effective_date if i + 1 < len(winners) else None
        end = stale_after if following is None else min(stale_after, following - timedelta(days=1))
        periods.append(StatusPeriod(declaration.effective_date, end, _assess(declaration), declaration))
        gap_end = on_date if following is None else following - timedelta(days=1)
        if stale_after < gap_end:
            gap_start = stale_after + timedelta(days=1)
            periods.append(StatusPeriod(gap_start, None if following is None else gap_end, no_current_declaration()))
    return periods[::-1]


# --- The directory, its CSV and the open-data API ------------------------------------------------


def directory_organisations(
    *,
    on_date: date,
    query: str = "",
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
    filtering by status leaves them out.
    """
    organisations = Organisation.objects.listed().with_bme_led_status(on_date)
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
    )


def organisation_for_profile(*, slug: str) -> Organisation | None:
    """One organisation with what its profile shows, in four queries whatever its history."""
    return (
        Organisation.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch("communities_served", queryset=EthnicGroup.objects.order_by("position")),
            Prefetch("service_areas", queryset=ServiceArea.objects.order_by("name")),
            Prefetch(
                "board_declarations",
                queryset=BoardDeclaration.objects.select_related("declared_by").order_by(
                    "-effective_date", "-declared_at", "-pk"
                ),
            ),
        )
        .first()
    )


def profile_status(*, organisation: Organisation, on_date: date) -> BmeLedResult:
    """`bme_led_status` from declarations already prefetched by `organisation_for_profile`."""
    for declaration in organisation.board_declarations.all():  # newest first
        if oldest_current_effective_date(on_date) <= declaration.effective_date <= on_date:
            return _assess(declaration)
        if declaration.effective_date < oldest_current_effective_date(on_date):
            break
    return no_current_declaration()


# --- People and memberships ----------------------------------------------------------------------


def memberships_for_user(*, user) -> QuerySet[Membership]:
    """A person's memberships (approved, requested and declined), with their organisations."""
    return user.memberships.select_related("organisation").order_by("organisation__name")


def membership_requests_to_decide(*, user, is_site_admin: bool) -> QuerySet[Membership]:
    """Pending requests this person may decide: for organisations they administer, or all of them
    for a site admin."""
    requests = Membership.objects.filter(status=MembershipStatus.REQUESTED).select_related("user", "organisation")
    if not is_site_admin:
        administered = Membership.objects.filter(
            user=user, status=MembershipStatus.APPROVED, role=MembershipRole.ADMIN
        ).values("organisation_id")
        requests = requests.filter(organisation_id__in=administered)
    return requests.order_by("requested_at", "pk")


def organisations_awaiting_verification() -> QuerySet[Organisation]:
    return Organisation.objects.filter(verified=False).order_by("created_at", "pk")


# --- Reminders -----------------------------------------------------------------------------------


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


# --- The annual review ---------------------------------------------------------------------------


def _counts_by_outcome(outcomes: list[str]) -> dict:
    by_outcome = {outcome.value: 0 for outcome in Outcome}
    for outcome in outcomes:
        by_outcome[outcome] += 1
    total = len(outcomes)
    share = Fraction(by_outcome[Outcome.BME_LED], total) if total else Fraction(0)
    return {"total": total, "by_outcome": by_outcome, "bme_led_share": decimal_share(share)}


def bme_led_summary(*, compact: Compact, on_date: date) -> dict:
    """BME-led organisations in a Compact's area on a date, for the annual review. JSON-serialisable.

    Shape::

        {
          "compact": {"slug": "northshire", "name": "Northshire Compact"},
          "on_date": "2026-03-31",
          "threshold": "0.75",
          "signatories": {                 # voluntary and community organisations that had signed
            "total": 3,                    # the Compact and not withdrawn on `on_date`
            "by_outcome": {"bme_led": 2, "not_bme_led": 0, "undetermined": 1, "no_current_declaration": 0},
            "bme_led_share": "0.6666",     # BME-led / total as a decimal string (rounded down), "0" if none
          },
          "voluntary_organisations": {...same keys...},   # every listed voluntary and community organisation
          "bme_led_organisations": [       # by name
            {"name": "African Caribbean Forum", "org_id": "GB-CHC-1123456", "signatory": true,
             "communities_served": ["African", "Caribbean"]},
          ],
          "communities": [                 # all 19 ONS 2021 groups in census order
            {"code": "black-african", "name": "African",
             "high_level_group": "Black, Black British, Black Welsh, Caribbean or African",
             "bme_led_organisations": 1},  # how many BME-led organisations serve it (0: none does)
          ],
        }

    Public bodies and private companies are left out: the test is about community organisations.
    """
    signed = Signatory.objects.filter(compact=compact, signed_on__lte=on_date).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on_date)
    )
    organisations = list(
        Organisation.objects.listed()
        .voluntary()
        .with_bme_led_status(on_date)
        .annotate(signatory=Exists(signed.filter(organisation=OuterRef("pk"))))
        .prefetch_related(Prefetch("communities_served", queryset=EthnicGroup.objects.order_by("position")))
        .order_by("name", "pk")
    )
    bme_led = [o for o in organisations if o.bme_led_outcome == Outcome.BME_LED]
    served = {}
    for organisation in bme_led:
        for group in organisation.communities_served.all():
            served[group.pk] = served.get(group.pk, 0) + 1
    return {
        "compact": {"slug": compact.slug, "name": compact.name},
        "on_date": on_date.isoformat(),
        "threshold": decimal_share(default_threshold()),
        "signatories": _counts_by_outcome([o.bme_led_outcome for o in organisations if o.signatory]),
        "voluntary_organisations": _counts_by_outcome([o.bme_led_outcome for o in organisations]),
        "bme_led_organisations": [
            {
                "name": o.name,
                "org_id": o.org_id,
                "signatory": o.signatory,
                "communities_served": [g.name for g in o.communities_served.all()],
            }
            for o in bme_led
        ],
        "communities": [
            {
                "code": group.code,
                "name": group.name,
                "high_level_group": group.high_level_group,
                "bme_led_organisations": served.get(group.pk, 0),
            }
            for group in EthnicGroup.objects.order_by("position")
        ],
    }
