"""Factories and builders for compliance tests (shared ones are in tests/factories.py)."""

import datetime

import factory

from tests import factories as f
from undertakings.models import Action, ComplianceEntry, ComplianceReturn, Party, Rating, ReturnStatus


class ComplianceReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplianceReturn

    organisation = factory.SubFactory(f.PublicBodyFactory)
    period = factory.SubFactory(f.ReportingPeriodFactory)
    code = factory.SubFactory(f.CodeFactory, compact=factory.SelfAttribute("..period.compact"))
    status = ReturnStatus.DRAFT


class ComplianceEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplianceEntry

    compliance_return = factory.SubFactory(ComplianceReturnFactory)
    undertaking = factory.SubFactory(f.UndertakingFactory)
    rating = Rating.NOT_ASSESSED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    entry = factory.SubFactory(ComplianceEntryFactory)
    what = "Publish a race equality action plan"
    who = "Head of Communities"
    due_on = datetime.date(2026, 12, 31)


# The shape of the test Code: (section ref, section title, [(ref, party, assessable), …]).
TEST_CODE = [
    ("3.1", "Joint undertakings", [("3.1.1", Party.JOINT, True), ("3.1.2", Party.JOINT, True)]),
    (
        "3.2",
        "Statutory sector undertakings",
        [("3.2.1", Party.PUBLIC, True), ("3.2.2", Party.PUBLIC, True), ("3.2.3", Party.PUBLIC, False)],
    ),
    ("3.3", "Voluntary sector undertakings", [("3.3.1", Party.VOLUNTARY, True)]),
]


def make_code(compact, *, slug="northshire-bme", version="1.0", shape=TEST_CODE, **fields):
    """An adopted Code of `compact`: by default 4 assessable undertakings apply to a public body
    (joint and public) and 3 to a community group (joint and voluntary)."""
    code = f.CodeFactory(compact=compact, slug=slug, version=version, short_title="Northshire BME Code", **fields)
    position = 0
    for section_position, (ref, title, items) in enumerate(shape):
        section = f.SectionFactory(code=code, ref=ref, title=title, position=section_position)
        for item_ref, party, assessable in items:
            f.UndertakingFactory(
                code=code,
                section=section,
                ref=item_ref,
                party=party,
                assessable=assessable,
                position=position,
                text=f"undertaking {item_ref} in plain words",
            )
            position += 1
    return code


def wide_code(compact, count: int, *, slug="wide-code"):
    """An adopted Code with `count` joint undertakings, for query-count tests."""
    return make_code(
        compact, slug=slug, shape=[("1", "All", [(f"1.{n}", Party.JOINT, True) for n in range(1, count + 1)])]
    )
