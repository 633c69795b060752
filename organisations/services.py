"""Every write about organisations, memberships and board declarations.

Services validate, run in a transaction, record who changed what (django-simple-history), queue
emails once the transaction commits, and raise ValidationError with the messages below (tests assert
them). Access is decided by organisations.permissions in the views; `membership_decide` also checks,
because approving someone hands them an organisation.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User

from . import tasks
from .bme_led import validate_board_counts
from .identifiers import derive_org_id, normalise_company_number, normalise_number, normalise_postcode
from .models import (
    BoardDeclaration,
    EthnicGroup,
    LocalAuthorityArea,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organisation,
    Sector,
    ServiceArea,
)
from .permissions import can_decide_membership
from .roles import forget_roles

# Paths under /organisations/ that an organisation's slug must not take.
RESERVED_SLUGS = {"register", "yours", "membership-requests", "public-bodies"}

DUPLICATE_CHARITY = "Charity number {number} is already registered to {name}. Ask to join {name} instead."
DUPLICATE_COMPANY = "Company number {number} is already registered to {name}. Ask to join {name} instead."
DUPLICATE_IDENTIFIER = "The identifier {org_id} is already used by {name}. Ask to join {name} instead."
ALREADY_VERIFIED = "{name} has already been verified."
ALREADY_MEMBER = "You are already a member of {name}."
ALREADY_REQUESTED = "You have already asked to join {name}. Its admin will let you know their decision."
ALREADY_DECIDED = "This request has already been {status}."
NOT_ALLOWED_TO_DECIDE = "Only an admin of {name} or a site admin can decide this request."
FUTURE_EFFECTIVE_DATE = "The date must be today or in the past: declare the board as it is now, not as it will be."
PUBLIC_BODY_HAS_NO_BOARD_TEST = "Public bodies do not have a BME-led status, so there is no board to declare."
SECTOR_CANNOT_CHANGE = (
    "An organisation's sector cannot be changed here: ask a site admin. Public-body standing is granted only by "
    "a site admin or the Compact's steering group."
)

# The profile fields a person edits; everything else (identifier, verification) the portal manages.
PROFILE_FIELDS = (
    "name",
    "sector",
    "legal_form",
    "public_body_type",
    "charity_number",
    "company_number",
    "local_authority_code",
    "postcode",
    "website",
    "email",
    "description",
    "faith_based",
    "refugee_focus",
    "works_nationally",
)


def _clean_fields(fields: dict) -> dict:
    fields = dict(fields)
    fields["name"] = " ".join(fields["name"].split())
    fields["charity_number"] = normalise_number(fields.get("charity_number", ""))
    fields["company_number"] = normalise_company_number(fields.get("company_number", ""))
    fields["local_authority_code"] = normalise_number(fields.get("local_authority_code", ""))
    fields["postcode"] = normalise_postcode(fields.get("postcode", ""))
    if fields["sector"] != Sector.PUBLIC:
        # Only public bodies have a public-body type or a council code.
        fields["public_body_type"] = ""
        fields["local_authority_code"] = ""
    return fields


def _refuse_duplicates(*, fields: dict, org_id: str, exclude_pk: int | None = None) -> None:
    others = Organisation.objects.all() if exclude_pk is None else Organisation.objects.exclude(pk=exclude_pk)
    errors = {}
    if fields["charity_number"]:
        existing = others.filter(charity_number=fields["charity_number"]).first()
        if existing:
            errors["charity_number"] = DUPLICATE_CHARITY.format(number=fields["charity_number"], name=existing.name)
    if fields["company_number"]:
        existing = others.filter(company_number=fields["company_number"]).first()
        if existing:
            errors["company_number"] = DUPLICATE_COMPANY.format(number=fields["company_number"], name=existing.name)
    if not errors:
        existing = others.filter(org_id=org_id).first()
        if existing:
            key = "local_authority_code" if fields["local_authority_code"] else "name"
            errors[key] = DUPLICATE_IDENTIFIER.format(org_id=org_id, name=existing.name)
    if errors:
        raise ValidationError(errors)


def _unique_slug(name: str, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:100] or "organisation"
    slug, n = base, 1
    taken = Organisation.objects.all() if exclude_pk is None else Organisation.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _derive(fields: dict, slug: str) -> str:
    return derive_org_id(
        charity_number=fields["charity_number"],
        company_number=fields["company_number"],
        local_authority_code=fields["local_authority_code"],
        slug=slug,
    )


@transaction.atomic
def organisation_register(
    *,
    user: User,
    name: str,
    sector: str,
    legal_form: str = "",
    public_body_type: str = "",
    charity_number: str = "",
    company_number: str = "",
    local_authority_code: str = "",
    postcode: str = "",
    website: str = "",
    email: str = "",
    description: str = "",
    faith_based: bool = False,
    refugee_focus: bool = False,
    works_nationally: bool = False,
    communities_served: list[EthnicGroup] | tuple = (),
    service_areas: list[ServiceArea] | tuple = (),
    areas: list[LocalAuthorityArea] | tuple = (),
) -> Organisation:
    """Register an organisation. It stays unverified (out of the directory) until a site admin
    verifies it; the person registering it becomes its approved admin. Registering as a public body
    is a claim: its members act as officers only once standing is granted (organisations.standing)."""
    fields = _clean_fields(
        {
            "name": name,
            "sector": sector,
            "legal_form": legal_form,
            "public_body_type": public_body_type,
            "charity_number": charity_number,
            "company_number": company_number,
            "local_authority_code": local_authority_code,
            "postcode": postcode,
            "website": website,
            "email": email,
            "description": description,
            "faith_based": faith_based,
            "refugee_focus": refugee_focus,
            "works_nationally": works_nationally,
        }
    )
    slug = _unique_slug(fields["name"])
    org_id = _derive(fields, slug)
    _refuse_duplicates(fields=fields, org_id=org_id)
    organisation = Organisation(slug=slug, org_id=org_id, verified=False, **fields)
    organisation._history_user = user
    organisation.save()
    organisation.communities_served.set(communities_served)
    organisation.service_areas.set(service_areas)
    # The areas it works in decide which Compact counts it (OrganisationQuerySet.in_compact).
    organisation.areas.set(areas)
    membership = Membership(
        user=user,
        organisation=organisation,
        role=MembershipRole.ADMIN,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
        decided_by=user,
    )
    membership._history_user = user
    membership.save()
    forget_roles(user)
    transaction.on_commit(lambda: tasks.notify_organisation_registered.delay(organisation.pk))
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    user: User,
    communities_served: list[EthnicGroup] | tuple | None = None,
    service_areas: list[ServiceArea] | tuple | None = None,
    areas: list[LocalAuthorityArea] | tuple | None = None,
    **changes,
) -> Organisation:
    """Change profile fields (any of PROFILE_FIELDS). The org-id identifier follows the numbers;
    the slug, and so the profile's address, stays as it was."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"organisation_update() cannot change {sorted(unknown)}")
    # A group that could call itself a public body would hand its members officer powers; the sector
    # is changed only by a site admin (Django admin), and standing granted by organisations.standing.
    if "sector" in changes and changes["sector"] != organisation.sector:
        raise ValidationError({"sector": SECTOR_CANNOT_CHANGE})
    fields = _clean_fields({name: changes.get(name, getattr(organisation, name)) for name in PROFILE_FIELDS})
    org_id = _derive(fields, organisation.slug)
    _refuse_duplicates(fields=fields, org_id=org_id, exclude_pk=organisation.pk)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.org_id = org_id
    organisation._history_user = user
    organisation.save()
    if communities_served is not None:
        organisation.communities_served.set(communities_served)
    if service_areas is not None:
        organisation.service_areas.set(service_areas)
    if areas is not None:
        organisation.areas.set(areas)
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, verified_by: User) -> Organisation:
    """A site admin has checked the organisation is real: it joins the public directory."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.verified:
        raise ValidationError(ALREADY_VERIFIED.format(name=organisation.name))
    organisation.verified = True
    organisation.verified_at = timezone.now()
    organisation.verified_by = verified_by
    organisation._history_user = verified_by
    if organisation.sector == Sector.PUBLIC:
        # For a public body, verifying it is granting it standing: say so in its history.
        organisation._change_reason = "Public-body standing granted by a site admin"
    organisation.save()
    transaction.on_commit(lambda: tasks.notify_organisation_verified.delay(organisation.pk))
    return organisation


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation, job_title: str = "") -> Membership:
    """Ask to join (claim) an organisation; its admins (or site admins) decide. A declined request
    may be made again."""
    membership = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    if membership is not None and membership.status == MembershipStatus.APPROVED:
        raise ValidationError(ALREADY_MEMBER.format(name=organisation.name))
    if membership is not None and membership.status == MembershipStatus.REQUESTED:
        raise ValidationError(ALREADY_REQUESTED.format(name=organisation.name))
    if membership is None:
        membership = Membership(user=user, organisation=organisation)
    membership.role = MembershipRole.MEMBER
    membership.status = MembershipStatus.REQUESTED
    membership.job_title = job_title.strip()
    membership.requested_at = timezone.now()
    membership.decided_at = None
    membership.decided_by = None
    membership._history_user = user
    membership.save()
    transaction.on_commit(lambda: tasks.notify_membership_requested.delay(membership.pk))
    return membership


@transaction.atomic
def membership_decide(
    *, membership: Membership, decided_by: User, approve: bool, role: str = MembershipRole.MEMBER
) -> Membership:
    """Approve (as a member or an admin) or decline a request to join."""
    membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
    if not can_decide_membership(decided_by, membership):
        raise PermissionDenied(NOT_ALLOWED_TO_DECIDE.format(name=membership.organisation.name))
    if membership.status != MembershipStatus.REQUESTED:
        raise ValidationError(ALREADY_DECIDED.format(status=membership.get_status_display().lower()))
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.DECLINED
    membership.role = MembershipRole(role) if approve else MembershipRole.MEMBER
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership._history_user = decided_by
    membership.save()
    transaction.on_commit(lambda: tasks.notify_membership_decided.delay(membership.pk))
    return membership


@transaction.atomic
def board_declaration_create(
    *,
    organisation: Organisation,
    declared_by: User,
    board_type: str,
    effective_date: date,
    members: int,
    bme_members: int,
    undisclosed_members: int,
) -> BoardDeclaration:
    """Record the make-up of the board on a date. Counts only: no individual's ethnicity."""
    if organisation.sector == Sector.PUBLIC:
        raise ValidationError(PUBLIC_BODY_HAS_NO_BOARD_TEST)
    validate_board_counts(members=members, bme_members=bme_members, undisclosed_members=undisclosed_members)
    if effective_date > timezone.localdate():
        raise ValidationError({"effective_date": FUTURE_EFFECTIVE_DATE})
    declaration = BoardDeclaration(
        organisation=organisation,
        board_type=board_type,
        effective_date=effective_date,
        members=members,
        bme_members=bme_members,
        undisclosed_members=undisclosed_members,
        declared_by=declared_by,
    )
    declaration._history_user = declared_by
    declaration.save()
    return declaration
