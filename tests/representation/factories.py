"""Factories for boards, representatives and appointments."""

import datetime

import factory

from organisations.models import EthnicGroup
from representation.models import Appointment, AppointmentMethod, Board, ConsentMethod, Representative
from tests import factories as f

WHITE_BRITISH = "white-english-welsh-scottish-northern-irish-or-british"


def group(code: str) -> EthnicGroup:
    """An ONS group by code (tests/representation/conftest.py loads the reference data)."""
    return EthnicGroup.objects.get(code=code)


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Partnership Board {n}")
    slug = factory.Sequence(lambda n: f"partnership-board-{n}")
    compact = factory.SubFactory(f.CompactFactory)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Representative {n}")
    consent_given_on = datetime.date(2025, 1, 6)
    consent_method = ConsentMethod.WRITTEN
    publish_name = True

    @factory.post_generation
    def communities(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.communities.set(extracted)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    board = factory.SubFactory(BoardFactory)
    representative = factory.SubFactory(RepresentativeFactory)
    role = "Member"
    method = AppointmentMethod.APPOINTED
    start_date = datetime.date(2025, 4, 1)
