"""Reads for the invitations page: the organisations an officer may invite, found by filter and read a
page at a time (a metro Compact lists thousands), each marked invited or not, and the invitation
figures."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from organisations.bme_definitions import rule_for
from organisations.models import EthnicGroup, Organisation, ServiceArea

from ..models import Comment, Consultation, Invitation

NOT_INVITED, INVITED = "no", "yes"


@dataclass(frozen=True)
class InviteFilter:
    """What the officer asked for: name contains, BME-led status (an organisations.bme_led.Outcome
    value) under the consultation's Compact's rule, a community served, a service area, and whether
    already invited (NOT_INVITED, INVITED or "" for either)."""

    name: str = ""
    bme_led: str = ""
    community: EthnicGroup | None = None
    service_area: ServiceArea | None = None
    invited: str = ""


@dataclass(frozen=True)
class InvitationFigures:
    invited: int
    responded: int


def _commented(consultation: Consultation, organisation) -> Exists:
    return Exists(Comment.objects.visible().filter(consultation=consultation, organisation=organisation))


def _matching(consultation: Consultation, on_date: date, chosen: InviteFilter) -> QuerySet[Organisation]:
    from . import consultation_compact  # the package's __init__ imports this module at its end

    rule = rule_for(consultation_compact(consultation), on_date)
    qs = Organisation.objects.listed().voluntary().with_bme_led_status(on_date, rule)
    if chosen.name:
        qs = qs.filter(name__icontains=chosen.name)
    if chosen.bme_led:
        qs = qs.filter(bme_led_outcome=chosen.bme_led)
    # Each a single value through the join table: at most one row per organisation, so no DISTINCT
    # (which would sort every annotated row of a metro Compact).
    if chosen.community is not None:
        qs = qs.filter(communities_served=chosen.community)
    if chosen.service_area is not None:
        qs = qs.filter(service_areas=chosen.service_area)
    return qs


def _not_invited(matching: QuerySet[Organisation], consultation: Consultation) -> QuerySet[Organisation]:
    return matching.exclude(consultation_invitations__consultation=consultation).order_by("name", "pk")


def organisations_to_invite(
    *, consultation: Consultation, on_date: date, chosen: InviteFilter = InviteFilter()
) -> QuerySet[Organisation]:
    """Listed voluntary and community organisations matching `chosen` and not yet invited: what the
    "invite" buttons may send to. BME-led status is as of `on_date` under the consultation's Compact's rule."""
    return _not_invited(_matching(consultation, on_date, chosen), consultation)


@dataclass(frozen=True)
class InvitationLists:
    """`listed`: the organisations matching the filter, invited or not as asked, by name, unevaluated
    so the page reads one page of them; each with `invited`, `invitation_sent` (None until the email
    goes) and `responded`. `to_invite`: those matching and not yet invited (what the page may invite)."""

    listed: QuerySet[Organisation]
    to_invite: QuerySet[Organisation]


def organisations_for_invitation(
    *, consultation: Consultation, on_date: date, chosen: InviteFilter = InviteFilter()
) -> InvitationLists:
    matching = _matching(consultation, on_date, chosen)  # the Compact's rule is read once for both
    invitation = Invitation.objects.filter(consultation=consultation, organisation=OuterRef("pk"))
    listed = matching.annotate(
        invited=Exists(invitation),
        invitation_sent=Subquery(invitation.values("sent_at")[:1]),
        responded=_commented(consultation, OuterRef("pk")),
    )
    if chosen.invited == INVITED:
        listed = listed.filter(invited=True)
    elif chosen.invited == NOT_INVITED:
        listed = listed.filter(invited=False)
    return InvitationLists(listed=listed.order_by("name", "pk"), to_invite=_not_invited(matching, consultation))


def invitation_figures(consultation: Consultation) -> InvitationFigures:
    """How many organisations were invited, and how many of them have a visible comment here."""
    figures = consultation.invitations.aggregate(
        invited=Count("pk"),
        responded=Count("pk", filter=Q(_commented(consultation, OuterRef("organisation")))),
    )
    return InvitationFigures(**figures)
