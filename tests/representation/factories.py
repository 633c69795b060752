"""Factories for boards, representatives and appointments."""

import datetime

import factory

from organisations.models import Compact, EthnicGroup
from representation.models import Appointment, AppointmentMethod, Board, ConsentMethod, Representative
from tests import factories as f

WHITE_BRITISH = "white-english-welsh-scottish-northern-irish-or-british"


def group(code: str) -> EthnicGroup:
    """An ONS group by code (tests/representation/conftest.py loads the reference data)."""
    return EthnicGroup.objects.get(code=code)


def default_compact() -> Compact:
    """The standard world's Compact (tests.support.build_world) when there is one, or a test Compact:
    boards and representatives made without saying share one, so a seat can be given."""
    return Compact.objects.filter(slug="northshire").first() or f.CompactFactory.create(
        name="Test Compact", slug="test"
    )


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Partnership Board {n}")
    slug = factory.Sequence(lambda n: f"partnership-board-{n}")
    compact = factory.LazyFunction(default_compact)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Representative {n}")
    compact = factory.LazyFunction(default_compact)
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
