"""Demo organisations, people and Compacts: two Compacts (Northamptonshire, Plymouth), their public
bodies, community groups with boards in every BME-led outcome, and one account for every role.
All people and groups are fictional; board counts and numbers are made up.

The records are in `compacts_and_organisations` and `people`; `load()` here makes them, idempotently,
and is what `load_demo` calls (found by common.apps_modules)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..bme_definitions import bme_definitions_load
from ..identifiers import derive_org_id
from ..models import (
    BoardDeclaration,
    BoardType,
    Compact,
    EthnicGroup,
    LegalForm,
    LocalAuthorityArea,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organisation,
    Sector,
    ServiceArea,
    Signatory,
    SteeringGroupMember,
)
from ..reference import LOCAL_AUTHORITY_AREAS
from .compacts_and_organisations import (
    COMPACT_AREAS,
    COMPACTS,
    GROUPS,
    NORTH_NORTHANTS,
    ORGANISATION_AREAS,
    PLYMOUTH,
    PUBLIC_BODIES,
    UNVERIFIED_GROUPS,
    WEST_NORTHANTS,
)
from .people import DEMO_ACCOUNTS, DEMO_PASSWORD, PENDING_REQUESTS, PEOPLE

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "load"]


def _organisation(slug, verified=True, **fields):
    org_id = derive_org_id(
        charity_number=fields.get("charity_number", ""),
        company_number=fields.get("company_number", ""),
        local_authority_code=fields.get("local_authority_code", ""),
        slug=slug,
    )
    # get_or_create, not update_or_create: a second run must not even add history rows, and an
    # unverified demo group stays as a site admin left it.
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            **fields,
            "org_id": org_id,
            "verified": verified,
            "verified_at": timezone.now() if verified else None,
        },
    )
    return organisation


def _person(email, name, superuser=False):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(email=email, password=DEMO_PASSWORD, full_name=name)
    return user


def load() -> str:
    today = timezone.localdate()
    compacts = {
        slug: Compact.objects.get_or_create(
            slug=slug, defaults={"name": name, "area": area, "description": f"The {area} Compact (demo data)."}
        )[0]
        for slug, name, area in COMPACTS
    }
    # Each Compact's BME-led definition and clause references, from the files beside its Code.
    bme_definitions_load(compacts=list(compacts))
    # The demo's areas are made here too, so the demo works even before load_reference_data.
    local_areas = {
        code: LocalAuthorityArea.objects.get_or_create(code=code, defaults={"name": LOCAL_AUTHORITY_AREAS[code]})[0]
        for code in (NORTH_NORTHANTS, WEST_NORTHANTS, PLYMOUTH)
    }
    for slug, codes in COMPACT_AREAS.items():
        if not compacts[slug].areas.exists():
            compacts[slug].areas.set([local_areas[c] for c in codes if c in local_areas])
    groups_by_name = {g.name: g for g in EthnicGroup.objects.all()}
    areas_by_name = {a.name: a for a in ServiceArea.objects.all()}

    organisations = {}
    for slug, name, body_type, la_code, compact in PUBLIC_BODIES:
        organisations[slug] = _organisation(
            slug,
            name=name,
            sector=Sector.PUBLIC,
            legal_form=LegalForm.STATUTORY,
            public_body_type=body_type,
            local_authority_code=la_code,
            description=f"{name} is a signatory of the {compacts[compact].name}.",
        )
        Signatory.objects.get_or_create(
            compact=compacts[compact],
            organisation=organisations[slug],
            defaults={"signed_on": datetime.date(2021, 4, 1)},
        )

    for slug, name, legal_form, charity, company, board, faith, refugee, communities, areas, compact in GROUPS:
        organisation = _organisation(
            slug,
            name=name,
            sector=Sector.VOLUNTARY,
            legal_form=legal_form,
            charity_number=charity,
            company_number=company,
            faith_based=faith,
            refugee_focus=refugee,
            postcode="NN1 1AA" if compact == "northamptonshire" else "PL1 1AA",
            description=f"{name} is a community organisation in {compacts[compact].area} (demo data).",
        )
        if not organisation.communities_served.exists():
            organisation.communities_served.set([groups_by_name[c] for c in communities if c in groups_by_name])
            organisation.service_areas.set([areas_by_name[a] for a in areas if a in areas_by_name])
        organisations[slug] = organisation
        Signatory.objects.get_or_create(
            compact=compacts[compact], organisation=organisation, defaults={"signed_on": datetime.date(2021, 4, 1)}
        )
        if not organisation.board_declarations.exists():
            for members, bme, undisclosed, days_ago in board:
                BoardDeclaration.objects.create(
                    organisation=organisation,
                    board_type=BoardType.MANAGEMENT_COMMITTEE,
                    effective_date=today - datetime.timedelta(days=days_ago),
                    members=members,
                    bme_members=bme,
                    undisclosed_members=undisclosed,
                )

    for slug, name, legal_form, description, communities, areas in UNVERIFIED_GROUPS:
        organisation = _organisation(
            slug,
            verified=False,
            name=name,
            sector=Sector.VOLUNTARY,
            legal_form=legal_form,
            postcode="NN1 1AA",
            description=description,
        )
        if not organisation.communities_served.exists():
            organisation.communities_served.set([groups_by_name[c] for c in communities if c in groups_by_name])
            organisation.service_areas.set([areas_by_name[a] for a in areas if a in areas_by_name])
        organisations[slug] = organisation

    for slug, organisation in organisations.items():
        # Only filled when empty, so an area a site admin corrected stays as they left it.
        if not organisation.areas.exists() and not organisation.works_nationally:
            organisation.areas.set([local_areas[c] for c in ORGANISATION_AREAS.get(slug, []) if c in local_areas])

    for email, name, org_slug, _role in PEOPLE:
        user = _person(email, name, superuser=email.startswith("admin@"))
        if org_slug:
            Membership.objects.get_or_create(
                user=user,
                organisation=organisations[org_slug],
                defaults={
                    "role": MembershipRole.ADMIN,
                    "status": MembershipStatus.APPROVED,
                    "decided_at": timezone.now(),
                },
            )
        elif email in PENDING_REQUESTS:
            slug, job_title = PENDING_REQUESTS[email]
            Membership.objects.get_or_create(
                user=user,
                organisation=organisations[slug],
                defaults={"status": MembershipStatus.REQUESTED, "job_title": job_title},
            )
        elif email.startswith("steering@"):
            steered = compacts["northamptonshire" if "northants" in email else "plymouth"]
            SteeringGroupMember.objects.get_or_create(
                compact=steered,
                user=user,
                defaults={
                    "role": "Chair" if "northants" in email else "Member",
                    "start_date": datetime.date(2024, 4, 1),
                },
            )
    return f"{len(compacts)} compacts, {len(organisations)} organisations, {len(PEOPLE)} people"
