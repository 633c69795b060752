"""Organisation identifiers in the org-id.guide scheme, as 360Giving uses them."""

import re

from django.conf import settings

# Registers on org-id.guide, by the shape of the number people give us.
_SCOTTISH_CHARITY = re.compile(r"^SC\d{6}$")
_NI_CHARITY = re.compile(r"^(NIC)?\d{5,6}$")
_E_AND_W_CHARITY = re.compile(r"^\d{6,8}(-\d+)?$")
# Co-operative and community benefit societies (Mutuals Public Register), e.g. IP28755R or RS007654.
_SOCIETY = re.compile(r"^(IP\d+R|RS\d{6}|IP\d{5}R)$")


def normalise_number(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def company_org_id(company_number: str) -> str:
    number = normalise_number(company_number)
    if _SOCIETY.match(number):
        return f"GB-MPR-{number}"
    # Companies House numbers are 8 characters; people often drop the leading zeros.
    if number.isdigit():
        number = number.zfill(8)
    return f"GB-COH-{number}"


def charity_org_id(charity_number: str) -> str:
    number = normalise_number(charity_number)
    if _SCOTTISH_CHARITY.match(number):
        return f"GB-SC-{number}"
    if number.startswith("NIC"):
        return f"GB-NIC-{number[3:]}"
    return f"GB-CHC-{number}"


def derive_org_id(*, charity_number: str = "", company_number: str = "", local_authority_code: str = "", slug: str) -> str:
    """The identifier an organisation is known by in exports.

    1. A registered charity number wins (GB-CHC / GB-SC / GB-NIC);
    2. then a company or society number (GB-COH with leading zeros kept, or GB-MPR);
    3. then an English local authority code (GB-LAE);
    4. otherwise the portal issues one from its own prefix and the organisation's slug.
    """
    if normalise_number(charity_number):
        return charity_org_id(charity_number)
    if normalise_number(company_number):
        return company_org_id(company_number)
    if normalise_number(local_authority_code):
        return f"GB-LAE-{normalise_number(local_authority_code)}"
    return f"{settings.PORTAL_ORG_ID_PREFIX}-{slug}"
