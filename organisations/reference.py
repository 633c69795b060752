"""Reference data every deployment needs: ONS 2021 ethnic groups, a starting list of service areas and
local authority areas.
Loading is idempotent (update_or_create on stable codes), so it is safe on every `make run`."""

from django.db import transaction
from django.utils.text import slugify

from .models import EthnicGroup, LocalAuthorityArea, ServiceArea

# ONS 2021 Census, England and Wales: 5 high-level groups, 19 detailed groups.
ONS_2021_ETHNIC_GROUPS = {
    "Asian, Asian British or Asian Welsh": ["Bangladeshi", "Chinese", "Indian", "Pakistani", "Other Asian"],
    "Black, Black British, Black Welsh, Caribbean or African": ["African", "Caribbean", "Other Black"],
    "Mixed or Multiple ethnic groups": [
        "White and Asian",
        "White and Black African",
        "White and Black Caribbean",
        "Other Mixed or Multiple ethnic groups",
    ],
    "White": [
        "English, Welsh, Scottish, Northern Irish or British",
        "Irish",
        "Gypsy or Irish Traveller",
        "Roma",
        "Other White",
    ],
    "Other ethnic group": ["Arab", "Any other ethnic group"],
}

SERVICE_AREAS = [
    "Advice and advocacy",
    "Arts, culture and heritage",
    "Children and young people",
    "Community cohesion",
    "Domestic abuse",
    "Education and training",
    "Employment and skills",
    "Faith and belief",
    "Health and social care",
    "Housing and homelessness",
    "Infrastructure and capacity building",
    "Legal advice and immigration",
    "Mental health",
    "Older people",
    "Sport and recreation",
    "Volunteering",
    "Women and girls",
]


# Local authority areas by ONS (GSS) code: the areas the demo Compacts cover and their neighbours.
# A deployment adds its own through the admin; codes are the ONS ones, names as ONS publishes them.
LOCAL_AUTHORITY_AREAS = {
    "E06000061": "North Northamptonshire",
    "E06000062": "West Northamptonshire",
    "E06000042": "Milton Keynes",
    "E06000026": "Plymouth",
    "E06000027": "Torbay",
    "E06000052": "Cornwall",
    "E10000008": "Devon",
}


def _group_code(high_level: str, name: str) -> str:
    return slugify(f"{high_level.split(',')[0].split(' ')[0]} {name}")[:60]


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    position = 0
    for high_level, names in ONS_2021_ETHNIC_GROUPS.items():
        for name in names:
            position += 1
            EthnicGroup.objects.update_or_create(
                code=_group_code(high_level, name),
                defaults={"name": name, "high_level_group": high_level, "position": position},
            )
    for name in SERVICE_AREAS:
        ServiceArea.objects.update_or_create(slug=slugify(name), defaults={"name": name})
    for code, name in LOCAL_AUTHORITY_AREAS.items():
        LocalAuthorityArea.objects.update_or_create(code=code, defaults={"name": name})
    return {
        "ethnic_groups": EthnicGroup.objects.count(),
        "service_areas": ServiceArea.objects.count(),
        "local_authority_areas": LocalAuthorityArea.objects.count(),
    }
