"""Factories for funding records. Awards and applications take the BME-led outcome they were
recorded with as a plain value, as the services would have recorded it on the day."""

import datetime
from decimal import Decimal

import factory

from funding.models import (
    Application,
    ApplicationStatus,
    Award,
    AwardStatus,
    FundingProgramme,
    JointReview,
    Redistribution,
)
from organisations.bme_led import Outcome
from tests import factories as f


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme

    funder = factory.SubFactory(f.PublicBodyFactory)
    title = factory.Sequence(lambda n: f"Community Grants {n}")
    opens_on = datetime.date(2025, 4, 1)
    closes_on = datetime.date(2026, 3, 31)
    budget = Decimal("100000.00")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    programme = factory.SubFactory(FundingProgrammeFactory)
    applicant = factory.SubFactory(f.OrganisationFactory)
    project_title = factory.Sequence(lambda n: f"Project {n}")
    amount_requested = Decimal("5000.00")
    submitted_on = datetime.date(2025, 5, 1)
    bme_led_outcome = Outcome.BME_LED
    status = ApplicationStatus.SUBMITTED

    class Params:
        decided = factory.Trait(decided_on=datetime.date(2025, 6, 1))


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    identifier = factory.Sequence(lambda n: f"360G-test-{n}")
    title = factory.Sequence(lambda n: f"Grant {n}")
    description = "A grant for community work."
    amount = Decimal("1000.00")
    award_date = datetime.date(2025, 6, 1)
    recipient = factory.SubFactory(f.OrganisationFactory)
    funder = factory.SubFactory(f.PublicBodyFactory)
    recipient_bme_led_outcome = Outcome.BME_LED
    status = AwardStatus.ACTIVE


class JointReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointReview

    award = factory.SubFactory(AwardFactory, status=AwardStatus.WITHDRAWN, withdrawn_on=datetime.date(2025, 9, 1))


class RedistributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redistribution

    award = factory.SubFactory(AwardFactory, status=AwardStatus.WITHDRAWN, withdrawn_on=datetime.date(2025, 9, 1))
