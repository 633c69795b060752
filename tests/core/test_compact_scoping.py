"""Two Compacts on one deployment with look-alike records (the same names, different areas): every
section of each Compact's annual review dataset names only its own organisations, bodies, awards,
consultations, complaints and boards, and counts each record once."""

import datetime
import json
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from organisations.bme_led import Outcome
from organisations.models import MembershipRole
from representation.selectors import board_list, pool_figures
from reviews.dataset import build_dataset
from tests import factories as f
from tests.complaints.factories import raise_complaint
from tests.consultations.factories import make_consultation
from tests.funding.factories import AwardFactory
from tests.representation.factories import AppointmentFactory, BoardFactory, RepresentativeFactory
from tests.undertakings.factories import ComplianceReturnFactory, make_code
from undertakings.models import ReturnStatus

pytestmark = pytest.mark.django_db


def twin(key: str, area_code: str, shared_funder=None) -> SimpleNamespace:
    """One Compact's records. Organisations carry the same names in every twin; only their
    identifiers (slug, charity number) and areas differ, so a leak shows up as the other's identifier."""
    today = timezone.localdate()
    area = f.LocalAuthorityAreaFactory(code=area_code, name=f"Area {key}")
    compact = f.CompactFactory(name=f"{key} Compact", slug=f"{key.lower()}-compact", areas=[area])
    council = f.PublicBodyFactory(name="City Council", slug=f"city-council-{key}", areas=[area])
    group = f.OrganisationFactory(name="Chinese Community Centre", slug=f"ccc-{key}", areas=[area])
    other_group = f.OrganisationFactory(name="Polish Saturday School", slug=f"pss-{key}", areas=[area])
    for organisation in (council, group, other_group):
        f.SignatoryFactory(compact=compact, organisation=organisation)
    f.BoardDeclarationFactory(organisation=group, members=4, bme_members=4, effective_date=today)
    f.BoardDeclarationFactory(organisation=other_group, members=4, bme_members=0, effective_date=today)
    officer = f.UserFactory(email=f"officer@{key.lower()}.example")
    f.MembershipFactory(user=officer, organisation=council, role=MembershipRole.ADMIN)
    member = f.UserFactory(email=f"member@{key.lower()}.example")
    f.MembershipFactory(user=member, organisation=group, role=MembershipRole.ADMIN)
    period = f.ReportingPeriodFactory(
        compact=compact,
        label="this-year",
        start_date=today - datetime.timedelta(days=100),
        end_date=today + datetime.timedelta(days=100),
    )
    world = SimpleNamespace(
        key=key,
        compact=compact,
        period=period,
        council=council,
        group=group,
        other_group=other_group,
        users={"officer": officer, "group_member": member},
    )
    code = make_code(compact, slug=f"code-{key.lower()}")
    ComplianceReturnFactory(organisation=council, period=period, code=code, status=ReturnStatus.SUBMITTED)
    AwardFactory(
        funder=council,
        recipient=group,
        amount=Decimal("3000.00"),
        award_date=today,
        identifier=f"360G-{key}-1",
        recipient_bme_led_outcome=Outcome.BME_LED,
    )
    if shared_funder is not None:
        f.SignatoryFactory(compact=compact, organisation=shared_funder)
        AwardFactory(
            funder=shared_funder,
            recipient=other_group,
            amount=Decimal("500.00"),
            award_date=today,
            identifier=f"360G-{key}-shared",
            recipient_bme_led_outcome=Outcome.NOT_BME_LED,
        )
    world.consultation = make_consultation(world, title="Review of the grants scheme")
    world.complaint = raise_complaint(world, today=today)
    board = BoardFactory(name=f"Health Partnership {key}", slug=f"health-{key.lower()}", compact=compact)
    person = RepresentativeFactory(name=f"Rep {key}", organisation=group)
    AppointmentFactory(board=board, representative=person, start_date=today - datetime.timedelta(days=10))
    world.board = board
    world.markers = [
        council.org_id,
        group.org_id,
        other_group.org_id,
        f"360G-{key}-1",
        world.consultation.slug,
        world.complaint.reference,
        board.name,
        person.name,
    ]
    return world


@pytest.fixture
def twins():
    regional = f.PublicBodyFactory(name="Regional NHS Trust", slug="regional-nhs", areas=[])
    shire = twin("Shire", "E06999201", shared_funder=regional)
    seaport = twin("Seaport", "E06999202", shared_funder=regional)
    # The regional funder works in both areas and signed both Compacts.
    regional.areas.set([*shire.compact.areas.all(), *seaport.compact.areas.all()])
    return shire, seaport


def _names(text: str, marker: str) -> bool:
    # A whole identifier, so "grants-scheme" is not found inside "grants-scheme-2".
    return re.search(re.escape(marker) + r"(?![\w-])", text) is not None


def _dataset(world) -> dict:
    # Built today, inside the twins' period (dated around today): a review judges BME-led status on a
    # day no later than its build, so a build dated before the boards' declarations would find none.
    return build_dataset(compact=world.compact, period=world.period, actions=[], built_at=timezone.now())


def test_no_section_of_a_review_names_a_record_of_the_other_compact(twins):
    for own, other in (twins, twins[::-1]):
        dataset = _dataset(own)
        for section in ("signatories", "compliance", "funding", "consultations", "complaints", "bme_led"):
            text = json.dumps(dataset[section])
            for marker in other.markers:
                assert not _names(text, marker), f"{own.key}'s {section} section names {marker} of {other.key}"
        text = json.dumps(dataset)
        for marker in own.markers[:2]:
            assert _names(text, marker)


def test_each_review_counts_each_record_once(twins):
    for world in twins:
        dataset = _dataset(world)
        figures = dataset["funding"]["figures"]
        # Its own award and the regional funder's award in its own area; never the other twin's.
        assert figures["awards"] == 2
        assert figures["awarded_value"] == "3500.00"
        bme = dataset["bme_led"]
        assert bme["voluntary_organisations"]["total"] == 2
        assert [o["org_id"] for o in bme["bme_led_organisations"]] == [world.group.org_id]
        assert dataset["consultations"]["totals"]["consultations"] == 1
        assert dataset["signatories"]["total"] == 4


def test_board_lists_and_pool_figures_keep_to_the_compact(twins):
    shire, seaport = twins
    today = timezone.localdate()
    unattached = BoardFactory(name="Seaport Youth Forum", slug="seaport-youth", compact=None)
    unattached.convening_organisation = seaport.council
    unattached.save()
    assert {b.name for b in board_list(on_date=today, compact=shire.compact)} == {shire.board.name}
    assert {b.name for b in board_list(on_date=today, compact=seaport.compact)} == {
        seaport.board.name,
        unattached.name,
    }
    pool = pool_figures(on_date=today, compact=shire.compact)
    assert [figures.board.name for figures in pool.boards] == [shire.board.name]
    assert pool.distinct_representatives == 1
