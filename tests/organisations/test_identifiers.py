import pytest

from organisations.identifiers import (
    derive_org_id,
    is_valid_charity_number,
    is_valid_company_number,
    is_valid_postcode,
    normalise_postcode,
)


@pytest.mark.parametrize(
    "numbers, org_id",
    [
        ({"charity_number": "1123456"}, "GB-CHC-1123456"),
        ({"charity_number": "sc012345"}, "GB-SC-SC012345"),
        ({"charity_number": "NIC100001"}, "GB-NIC-100001"),
        ({"company_number": "1234567"}, "GB-COH-01234567"),
        ({"company_number": "sc123456"}, "GB-COH-SC123456"),
        ({"company_number": "IP28755R"}, "GB-MPR-IP28755R"),
        ({"charity_number": "1123456", "company_number": "01234567"}, "GB-CHC-1123456"),
        ({"local_authority_code": "nnt"}, "GB-LAE-NNT"),
        ({}, "XI-COMPACT-roma-group"),
    ],
)
def test_org_ids_follow_org_id_guide(settings, numbers, org_id):
    settings.PORTAL_ORG_ID_PREFIX = "XI-COMPACT"
    assert derive_org_id(slug="roma-group", **numbers) == org_id


@pytest.mark.parametrize(
    "number, valid",
    [("1123456", True), ("SC012345", True), ("NIC100001", True), ("1123456-1", True), ("12", False), ("ABC", False)],
)
def test_charity_numbers(number, valid):
    assert is_valid_charity_number(number) is valid


@pytest.mark.parametrize(
    "number, valid",
    [
        ("01234567", True),
        ("1234567", True),
        ("SC123456", True),
        ("RS007654", True),
        ("123456789", False),
        ("HELLO", False),
    ],
)
def test_company_numbers(number, valid):
    assert is_valid_company_number(number) is valid


def test_postcodes_are_tidied_and_checked():
    assert normalise_postcode(" nn11aa ") == "NN1 1AA"
    assert is_valid_postcode("pl1 1aa") and is_valid_postcode("SW1A 2AA")
    assert not is_valid_postcode("NN1") and not is_valid_postcode("12345")
