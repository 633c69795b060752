"""Factories for the shared records every app's tests build on. App-specific factories live in
tests/<app>/factories.py and import from here."""

import datetime

import factory
from django.utils.text import slugify

from accounts.models import User
from organisations.identifiers import derive_org_id
from organisations.models import (
    BoardDeclaration,
    BoardType,
    Compact,
    LegalForm,
    LocalAuthorityArea,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organisation,
    PublicBodyType,
    Sector,
    Signatory,
    SteeringGroupMember,
)
from undertakings.models import Code, CodeStatus, Party, ReportingPeriod, Section, Undertaking

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class LocalAuthorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthorityArea
        django_get_or_create = ["code"]

    # A made-up ONS-shaped code: tests never rely on a real area's code.
    code = "E06999001"
    name = "Northshire"


def _set_areas(obj, create, extracted):
    """`areas=[...]` sets the areas; left out, the record is in Northshire, the area every
    default CompactFactory covers, so tests that do not care about areas share one Compact area.
    Pass `areas=[]` for "area not recorded"."""
    if not create or (extracted is None and obj.areas.exists()):  # a get_or_create hit keeps its areas
        return
    obj.areas.set(extracted if extracted is not None else [LocalAuthorityAreaFactory()])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Community Group {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:120])
    sector = Sector.VOLUNTARY
    legal_form = LegalForm.UNINCORPORATED
    org_id = factory.LazyAttribute(
        lambda o: derive_org_id(
            charity_number=o.charity_number,
            company_number=o.company_number,
            local_authority_code=o.local_authority_code,
            slug=o.slug,
        )
    )
    charity_number = ""
    company_number = ""
    local_authority_code: str | factory.Sequence = ""  # PublicBodyFactory numbers them
    postcode = "NN1 1AA"
    verified = True

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        _set_areas(obj, create, extracted)


class PublicBodyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Borough Council {n}")
    sector = Sector.PUBLIC
    legal_form = LegalForm.STATUTORY
    public_body_type = PublicBodyType.LOCAL_AUTHORITY
    local_authority_code = factory.Sequence(lambda n: f"E0700{n:04d}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER
    status = MembershipStatus.APPROVED


class BoardDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardDeclaration

    organisation = factory.SubFactory(OrganisationFactory)
    board_type = BoardType.MANAGEMENT_COMMITTEE
    effective_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    members = 8
    bme_members = 7
    undisclosed_members = 0


class CompactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Compact
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Compact {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    area = "Northshire"

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        _set_areas(obj, create, extracted)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    compact = factory.SubFactory(CompactFactory)
    organisation = factory.SubFactory(PublicBodyFactory)
    signed_on = datetime.date(2020, 4, 1)


class SteeringGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SteeringGroupMember

    compact = factory.SubFactory(CompactFactory)
    user = factory.SubFactory(UserFactory)
    start_date = datetime.date(2020, 4, 1)


class CodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Code

    compact = factory.SubFactory(CompactFactory)
    slug = factory.Sequence(lambda n: f"code-{n}")
    version = "1.0"
    title = factory.Sequence(lambda n: f"BME Code of Good Practice {n}")
    short_title = factory.LazyAttribute(lambda o: o.title)
    status = CodeStatus.ADOPTED


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    code = factory.SubFactory(CodeFactory)
    ref = factory.Sequence(lambda n: f"{n + 1}")
    title = factory.Sequence(lambda n: f"Section {n + 1}")
    position = factory.Sequence(lambda n: n)


class UndertakingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Undertaking

    section = factory.SubFactory(SectionFactory)
    code = factory.SelfAttribute("section.code")
    ref = factory.Sequence(lambda n: f"9.{n + 1}")
    party = Party.JOINT
    text = factory.Sequence(lambda n: f"work together on undertaking number {n}")
    position = factory.Sequence(lambda n: n)


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    compact = factory.SubFactory(CompactFactory)
    label = "2025-26"
    start_date = datetime.date(2025, 4, 1)
    end_date = datetime.date(2026, 3, 31)
    returns_due = datetime.date(2026, 6, 30)
