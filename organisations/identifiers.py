"""Organisation identifiers in the org-id.guide scheme, as 360Giving uses them, and the checks on
the numbers people type in to build them."""

import re

from django.conf import settings

# Registers on org-id.guide, by the shape of the number people give us.
_SCOTTISH_CHARITY = re.compile(r"^SC\d{6}$")
_NI_CHARITY = re.compile(r"^NIC\d{5,6}$")
# England and Wales: 6 or 7 digits (older ones 6), with "-1" and so on for linked charities.
_E_AND_W_CHARITY = re.compile(r"^\d{6,8}(-\d+)?$")
# Companies House: 8 characters, all digits or a 2-letter prefix (SC, NI, OC, SO, NC, ...) and 6 digits.
_COMPANY = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")
# Co-operative and community benefit societies (Mutuals Public Register), e.g. IP28755R or RS007654.
_SOCIETY = re.compile(r"^(IP\d+R|RS\d{6})$")
# A UK postcode, loosely (the outward and inward codes); GIR 0AA is the one odd one still in use.
_POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?|GIR) ?(\d[A-Z]{2}|0AA)$")

INVALID_CHARITY_NUMBER = (
    "Enter a charity number like 1123456 (England and Wales), SC012345 (Scotland) or NIC100001 (Northern Ireland)"
)
INVALID_COMPANY_NUMBER = (
    "Enter a company number like 01234567 or SC123456, or a society number like IP12345R or RS001234"
)
INVALID_POSTCODE = "Enter a full UK postcode, like NN1 1AA"


def normalise_number(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def normalise_company_number(value: str) -> str:
    # Companies House numbers are 8 characters; people often drop the leading zeros.
    number = normalise_number(value)
    return number.zfill(8) if number.isdigit() else number


def normalise_postcode(value: str) -> str:
    compact = normalise_number(value)
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def is_valid_charity_number(value: str) -> bool:
    number = normalise_number(value)
    return bool(_E_AND_W_CHARITY.match(number) or _SCOTTISH_CHARITY.match(number) or _NI_CHARITY.match(number))


def is_valid_company_number(value: str) -> bool:
    number = normalise_company_number(value)
    return bool(_COMPANY.match(number) or _SOCIETY.match(number))


def is_valid_postcode(value: str) -> bool:
    return bool(_POSTCODE.match(normalise_postcode(value)))


def company_org_id(company_number: str) -> str:
    number = normalise_company_number(company_number)
    if _SOCIETY.match(number):
        return f"GB-MPR-{number}"
    return f"GB-COH-{number}"


def charity_org_id(charity_number: str) -> str:
    number = normalise_number(charity_number)
    if _SCOTTISH_CHARITY.match(number):
        return f"GB-SC-{number}"
    if number.startswith("NIC"):
        return f"GB-NIC-{number[3:]}"
    return f"GB-CHC-{number}"


def derive_org_id(
    *, charity_number: str = "", company_number: str = "", local_authority_code: str = "", slug: str
) -> str:
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
