"""The demo Compacts, the local areas they cover, and their organisations: public bodies, community
groups (verified, with boards in every BME-led outcome) and one group waiting to be verified.
All groups are fictional; board counts and numbers are made up."""

from ..models import LegalForm, PublicBodyType

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
