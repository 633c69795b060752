"""Demo organisations, people and Compacts: two Compacts (Northamptonshire, Plymouth), their public
bodies, community groups with boards in every BME-led outcome, and one account for every role.
All people and groups are fictional; board counts and numbers are made up."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from .bme_definitions import bme_definitions_load
from .identifiers import derive_org_id
from .models import (
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
    PublicBodyType,
    Sector,
    ServiceArea,
    Signatory,
    SteeringGroupMember,
)
from .reference import LOCAL_AUTHORITY_AREAS

DEMO_PASSWORD = "compact-demo-2026"

COMPACTS = [
    ("northamptonshire", "Northamptonshire Compact", "Northamptonshire"),
    ("plymouth", "Plymouth Compact", "Plymouth"),
]

# The local authority areas (ONS codes, loaded by load_reference_data) each demo Compact covers.
NORTH_NORTHANTS, WEST_NORTHANTS, PLYMOUTH = "E06000061", "E06000062", "E06000026"
COMPACT_AREAS = {"northamptonshire": [NORTH_NORTHANTS, WEST_NORTHANTS], "plymouth": [PLYMOUTH]}

# Where each demo organisation works. Every demo organisation has an entry: an organisation with no
# area is counted in no Compact. Countywide bodies serve both Northamptonshire unitary areas.
ORGANISATION_AREAS = {
    "west-northamptonshire-council": [WEST_NORTHANTS],
    "north-northamptonshire-council": [NORTH_NORTHANTS],
    "nhs-northamptonshire": [NORTH_NORTHANTS, WEST_NORTHANTS],
    "northamptonshire-police": [NORTH_NORTHANTS, WEST_NORTHANTS],
    "plymouth-city-council": [PLYMOUTH],
    "northampton-african-caribbean-forum": [WEST_NORTHANTS],
    "wellingborough-bangladeshi-welfare": [NORTH_NORTHANTS],
    "corby-roma-support-network": [NORTH_NORTHANTS],
    "kettering-refugee-welcome": [NORTH_NORTHANTS],
    "daventry-chinese-community-centre": [WEST_NORTHANTS],
    "northants-sikh-youth-project": [NORTH_NORTHANTS, WEST_NORTHANTS],
    "plymouth-and-devon-race-equality-council": [PLYMOUTH],
    "plymouth-eastern-european-women": [PLYMOUTH],
    "northampton-polish-saturday-school": [WEST_NORTHANTS],
}

PUBLIC_BODIES = [
    # slug, name, type, LA code, compact
    (
        "west-northamptonshire-council",
        "West Northamptonshire Council",
        PublicBodyType.LOCAL_AUTHORITY,
        "WNT",
        "northamptonshire",
    ),
    (
        "north-northamptonshire-council",
        "North Northamptonshire Council",
        PublicBodyType.LOCAL_AUTHORITY,
        "NNT",
        "northamptonshire",
    ),
    ("nhs-northamptonshire", "NHS Northamptonshire Integrated Care Board", PublicBodyType.NHS, "", "northamptonshire"),
    ("northamptonshire-police", "Northamptonshire Police", PublicBodyType.POLICE, "", "northamptonshire"),
    ("plymouth-city-council", "Plymouth City Council", PublicBodyType.LOCAL_AUTHORITY, "PLY", "plymouth"),
]

# slug, name, legal form, charity no, company no, board declarations [(members, bme, undisclosed, days ago)],
# faith, refugee, communities (ONS names), service areas, compact. Between them the boards give every
# outcome: BME-led (one exactly at 75%, one that changed from not BME-led), not BME-led, undetermined,
# and no current declaration (a stale one, and none at all); one is due its 30-day reminder.
GROUPS = [
    (
        "northampton-african-caribbean-forum",
        "Northampton African Caribbean Forum",
        LegalForm.CIO,
        "1180001",
        "",
        [(8, 5, 0, 420), (8, 7, 0, 60)],
        False,
        False,
        ["African", "Caribbean"],
        ["Advice and advocacy", "Community cohesion"],
        "northamptonshire",
    ),
    (
        "wellingborough-bangladeshi-welfare",
        "Wellingborough Bangladeshi Welfare Association",
        LegalForm.CHARITABLE_COMPANY,
        "1180002",
        "07123456",
        [(12, 9, 0, 345)],
        True,
        False,
        ["Bangladeshi"],
        ["Older people", "Health and social care"],
        "northamptonshire",
    ),
    (
        "corby-roma-support-network",
        "Corby Roma Support Network",
        LegalForm.UNINCORPORATED,
        "",
        "",
        [(6, 3, 2, 90)],
        False,
        False,
        ["Roma", "Gypsy or Irish Traveller"],
        ["Education and training", "Advice and advocacy"],
        "northamptonshire",
    ),
    (
        "kettering-refugee-welcome",
        "Kettering Refugee Welcome",
        LegalForm.CIO,
        "1180004",
        "",
        [(10, 4, 0, 30)],
        False,
        True,
        ["Arab", "Other Asian", "African"],
        ["Legal advice and immigration", "Housing and homelessness"],
        "northamptonshire",
    ),
    (
        "daventry-chinese-community-centre",
        "Daventry Chinese Community Centre",
        LegalForm.CHARITABLE_COMPANY,
        "1180005",
        "05432109",
        [(5, 5, 0, 450)],
        False,
        False,
        ["Chinese"],
        ["Arts, culture and heritage", "Older people"],
        "northamptonshire",
    ),
    (
        "northants-sikh-youth-project",
        "Northamptonshire Sikh Youth Project",
        LegalForm.CIC,
        "",
        "12345678",
        [],
        True,
        False,
        ["Indian"],
        ["Children and young people", "Sport and recreation"],
        "northamptonshire",
    ),
    (
        "plymouth-and-devon-race-equality-council",
        "Plymouth and Devon Race Equality Council",
        LegalForm.CHARITABLE_COMPANY,
        "1180007",
        "04123456",
        [(9, 8, 0, 120)],
        False,
        False,
        ["African", "Pakistani", "Other Mixed or Multiple ethnic groups"],
        ["Advice and advocacy", "Infrastructure and capacity building"],
        "plymouth",
    ),
    (
        "plymouth-eastern-european-women",
        "Plymouth Eastern European Women's Group",
        LegalForm.UNINCORPORATED,
        "",
        "",
        [(4, 3, 0, 180)],
        False,
        False,
        ["Other White", "Roma"],
        ["Women and girls", "Employment and skills"],
        "plymouth",
    ),
]

# email, name, organisation slug (None for steering/admin), role label
PEOPLE = [
    (
        "officer@westnorthants.example",
        "Priya Shah",
        "west-northamptonshire-council",
        "Public-body officer, West Northamptonshire Council",
    ),
    (
        "officer@nhs-northants.example",
        "Tom Ellis",
        "nhs-northamptonshire",
        "Public-body officer, NHS Northamptonshire ICB",
    ),
    (
        "officer@plymouth.example",
        "Morwenna Hext",
        "plymouth-city-council",
        "Public-body officer, Plymouth City Council",
    ),
    (
        "group@acforum.example",
        "Abena Mensah",
        "northampton-african-caribbean-forum",
        "Community group member (BME-led group)",
    ),
    (
        "group@roma-corby.example",
        "Milan Horvath",
        "corby-roma-support-network",
        "Community group member (undetermined status)",
    ),
    (
        "group@pdrec.example",
        "Yusuf Okafor",
        "plymouth-and-devon-race-equality-council",
        "Community group member (Plymouth)",
    ),
    ("steering@northants.example", "Hannah Reid", None, "Steering group chair, Northamptonshire Compact"),
    ("steering@plymouth.example", "Kwame Asante", None, "Steering group member, Plymouth Compact"),
    ("admin@portal.example", "Site Admin", None, "Site admin (Django admin)"),
    ("volunteer@acforum.example", "Kofi Boateng", None, "Has asked to join the African Caribbean Forum"),
    (
        "chair@polish-school.example",
        "Ewa Nowak",
        "northampton-polish-saturday-school",
        "Admin of a newly registered, unverified group",
    ),
]

# Registered but not yet verified by a site admin: out of the directory until then.
UNVERIFIED_GROUPS = [
    (
        "northampton-polish-saturday-school",
        "Northampton Polish Saturday School",
        LegalForm.UNINCORPORATED,
        "Saturday school teaching Polish language and culture to children in Northampton (demo data).",
        ["Other White"],
        ["Children and young people", "Education and training"],
    ),
]

# email: (organisation slug, job title) for requests to join still waiting for the admin's decision.
PENDING_REQUESTS = {"volunteer@acforum.example": ("northampton-african-caribbean-forum", "Volunteer coordinator")}

DEMO_ACCOUNTS = [(email, role) for email, _, _, role in PEOPLE]


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
