"""The BME representative rule: a BME-led organisation on the date, or a community other than White British."""

import datetime

import pytest

from organisations.models import WHITE_BRITISH_CODE
from representation.rules import is_bme_representative
from tests import factories as f

from .factories import WHITE_BRITISH, RepresentativeFactory, group

ON = datetime.date(2026, 3, 31)


def test_the_white_british_code_is_the_one_in_the_reference_data(db):
    assert group(WHITE_BRITISH_CODE).name == "English, Welsh, Scottish, Northern Irish or British"


def test_nobody_with_no_organisation_and_no_community_is_a_bme_representative(db):
    assert not is_bme_representative(RepresentativeFactory(), on_date=ON)


def test_representing_only_white_british_is_not_enough(db):
    person = RepresentativeFactory(communities=[group(WHITE_BRITISH)])
    assert not is_bme_representative(person, on_date=ON)


@pytest.mark.parametrize("code", ["black-caribbean", "asian-pakistani", "white-roma", "white-irish", "other-arab"])
def test_representing_any_other_community_counts(db, code):
    person = RepresentativeFactory(communities=[group(WHITE_BRITISH), group(code)])
    assert is_bme_representative(person, on_date=ON)


def test_coming_from_an_organisation_that_is_bme_led_on_the_date_counts(db):
    organisation = f.OrganisationFactory()
    f.BoardDeclarationFactory(
        organisation=organisation, members=4, bme_members=3, effective_date=datetime.date(2026, 1, 1)
    )
    person = RepresentativeFactory(organisation=organisation)
    assert is_bme_representative(person, on_date=ON)
    # Before the declaration took effect there was none current: not BME-led then.
    assert not is_bme_representative(person, on_date=datetime.date(2025, 12, 31))
    # More than 12 months later the declaration is stale.
    assert not is_bme_representative(person, on_date=datetime.date(2027, 1, 2))


def test_an_organisation_that_is_not_bme_led_does_not_count(db):
    organisation = f.OrganisationFactory()
    f.BoardDeclarationFactory(
        organisation=organisation, members=4, bme_members=2, effective_date=datetime.date(2026, 1, 1)
    )
    assert not is_bme_representative(RepresentativeFactory(organisation=organisation), on_date=ON)
