"""Two Compacts on one deployment with look-alike records (the same names, different areas): every
section of each Compact's annual review dataset names only its own organisations, bodies, awards,
consultations, complaints and boards, and counts each record once."""

import datetime
import json
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
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


def twin(key: str, area_code: str, shared_funder=None, slug: str | None = None) -> SimpleNamespace:
    """One Compact's records. Organisations carry the same names in every twin; only their
    identifiers (slug, charity number) and areas differ, so a leak shows up as the other's identifier."""
    today = timezone.localdate()
    area = f.LocalAuthorityAreaFactory(code=area_code, name=f"Area {key}")
    compact = f.CompactFactory(name=f"{key} Compact", slug=slug or f"{key.lower()}-compact", areas=[area])
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


# --- Each Compact's own definition in funding -----------------------------------------------------


@pytest.fixture
def demo_compacts():
    """The two demo Compacts' slugs, so the definition files beside their Codes load."""
    from organisations.bme_definitions import bme_definitions_load

    northants_area = f.LocalAuthorityAreaFactory(code="E06000061", name="North Northamptonshire")
    plymouth_area = f.LocalAuthorityAreaFactory(code="E06000026", name="Plymouth")
    northants = f.CompactFactory(name="Northamptonshire Compact", slug="northamptonshire", areas=[northants_area])
    plymouth = f.CompactFactory(name="Plymouth Compact", slug="plymouth", areas=[plymouth_area])
    bme_definitions_load()
    return (northants, northants_area), (plymouth, plymouth_area)


def _refugee_group_award(compact, area, today):
    from organisations.models import EthnicGroup

    african, _ = EthnicGroup.objects.get_or_create(
        code="black-african", defaults={"name": "African", "high_level_group": "Black", "position": 6}
    )
    funder = f.PublicBodyFactory(name="Council", slug=f"council-{compact.slug}", areas=[area])
    f.SignatoryFactory(compact=compact, organisation=funder)
    group = f.OrganisationFactory(
        name="Refugee Welcome", slug=f"refugee-{compact.slug}", areas=[area], refugee_focus=True
    )
    group.communities_served.set([african])
    f.BoardDeclarationFactory(organisation=group, members=10, bme_members=4, effective_date=today)
    AwardFactory(funder=funder, recipient=group, award_date=today, recipient_bme_led_outcome=Outcome.NOT_BME_LED)


def test_a_refugee_group_counts_as_bme_sector_in_funding_figures_only_where_the_code_says_so(demo_compacts):
    from funding.selectors.monitoring import funding_monitoring

    today = timezone.localdate()
    for compact, area in demo_compacts:
        _refugee_group_award(compact, area, today)
    (northants, _), (plymouth, _) = demo_compacts
    north = funding_monitoring(start=today, end=today, compact=northants)
    south = funding_monitoring(start=today, end=today, compact=plymouth)
    # Northamptonshire §6.10.5: refugee and faith groups are part of the BME sector.
    assert (north.awards, north.bme_led_awards, north.bme_sector_includes_serving_organisations) == (1, 1, True)
    assert north.bme_rule == "Northamptonshire Compact BME-led definition 1.0"
    # Plymouth's draft §1.3 counts only BME-led organisations.
    assert (south.awards, south.bme_led_awards, south.bme_sector_includes_serving_organisations) == (1, 0, False)


def test_an_award_keeps_the_rule_it_was_judged_under(demo_compacts):
    from funding.models import ApplicationStatus
    from funding.services.awards import award_create
    from tests.funding.factories import ApplicationFactory, FundingProgrammeFactory

    today = timezone.localdate()
    results = {}
    for compact, area in demo_compacts:
        funder = f.PublicBodyFactory(name="Council", slug=f"council-{compact.slug}", areas=[area])
        f.SignatoryFactory(compact=compact, organisation=funder)
        group = f.OrganisationFactory(name="Forum", slug=f"forum-{compact.slug}", areas=[area])
        # 5 of 8: more than half (Northamptonshire's reading), below 75% (Plymouth §1.3).
        f.BoardDeclarationFactory(organisation=group, members=8, bme_members=5, effective_date=today)
        application = ApplicationFactory(
            programme=FundingProgrammeFactory(funder=funder),
            applicant=group,
            status=ApplicationStatus.AWARDED,
            decided_on=today,
        )
        award = award_create(
            application=application, title="Grant", description="A grant", amount=Decimal("100"), award_date=today
        )
        results[compact.slug] = (award.recipient_bme_led_outcome, award.recipient_bme_rule)
    assert results == {
        "northamptonshire": (Outcome.BME_LED, "Northamptonshire Compact BME-led definition 1.0"),
        "plymouth": (Outcome.NOT_BME_LED, "Plymouth Compact BME-led definition 1.0"),
    }


# --- Each Code's own references -------------------------------------------------------------------

NORTHAMPTONSHIRE_REFERENCES = ["§10.2", "§10.3", "§4.8", "§6.10", "§6.5", "§6.7", "§5.5"]


def test_plymouths_review_cites_no_clause_of_northamptonshires_code(db):
    from organisations.bme_definitions import bme_definitions_load
    from reviews.report import render_html

    northants = twin("Northants", "E06000062", slug="northamptonshire")
    plymouth = twin("Plymouth", "E06000026", slug="plymouth")
    bme_definitions_load()
    plymouth_html = render_html(_dataset(plymouth))
    for reference in NORTHAMPTONSHIRE_REFERENCES:
        assert reference not in plymouth_html
    assert "it must give its reasons." in plymouth_html  # the sentence stays, without a reference
    northants_html = render_html(_dataset(northants))
    assert "it must give its reasons (§10.2)." in northants_html
    # Each review states its own Compact's rule, and Northamptonshire's says it is the portal's reading.
    assert "BME-led when at least 75.0% of its board" in plymouth_html
    assert "BME-led when more than 50.0% of its board" in northants_html
    assert "the portal&#x27;s reading of the Code" in northants_html.replace("'", "&#x27;")
    assert "portal&#x27;s reading" not in plymouth_html.replace("'", "&#x27;")


def test_funding_pages_cite_the_compacts_own_clauses(db, client):
    from organisations.bme_definitions import bme_definitions_load

    twin("Northants", "E06000062", slug="northamptonshire")
    twin("Plymouth", "E06000026", slug="plymouth")
    bme_definitions_load()
    monitoring = reverse("funding:monitoring")
    plymouth_page = client.get(monitoring, {"compact": "plymouth"}).content.decode()
    northants_page = client.get(monitoring, {"compact": "northamptonshire"}).content.decode()
    assert "§6.10" not in plymouth_page and "§6.4" not in plymouth_page
    assert "(Code §6.10)" in northants_page and "(§6.4)" in northants_page
    assert "refugee and faith groups" in northants_page and "refugee and faith groups" not in plymouth_page


# --- Lists filtered by Compact --------------------------------------------------------------------


def test_board_pages_and_open_grants_filter_by_compact_and_refuse_an_unknown_one(twins, client):
    shire, seaport = twins
    boards = client.get(reverse("representation:board-list"), {"compact": shire.compact.slug}).content.decode()
    assert shire.board.name in boards and seaport.board.name not in boards
    overview = client.get(reverse("representation:overview"), {"compact": seaport.compact.slug}).content.decode()
    assert seaport.compact.name in overview
    unknown = client.get(reverse("representation:board-list"), {"compact": "nowhere"}).content.decode()
    assert "There is no Compact “nowhere”" in unknown
    grants = client.get(reverse("funding:grants-api"), {"compact": shire.compact.slug}).json()
    identifiers = {grant["id"] for grant in grants["grants"]}
    assert identifiers == {"360G-Shire-1", "360G-Shire-shared"}
    refused = client.get(reverse("funding:grants-api"), {"compact": "nowhere"})
    assert refused.status_code == 400 and "There is no Compact “nowhere”" in refused.json()["errors"]["compact"][0]
    monitoring = client.get(reverse("funding:monitoring-api"), {"compact": "nowhere"})
    assert monitoring.status_code == 400
