"""The annual review dataset: every section, JSON-safe, the apps' own figures, empty sections flagged,
and a fixed number of queries whatever the number of rows."""

import datetime
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints import services as complaint_services
from complaints.models import Party
from complaints.selectors.figures import complaint_figures
from funding.selectors.monitoring import funding_monitoring
from organisations.bme_led import Outcome
from organisations.selectors.review import bme_led_summary
from reviews.dataset import DATASET_VERSION, build_dataset
from tests import factories as f
from tests.complaints.factories import raise_complaint
from tests.funding.factories import AwardFactory
from tests.support import build_world
from tests.undertakings.factories import ActionFactory, ComplianceEntryFactory, ComplianceReturnFactory, make_code
from undertakings.models import Rating, ReturnStatus
from undertakings.selectors.summary import compliance_summary

pytestmark = pytest.mark.django_db

BUILT_AT = datetime.datetime(2026, 5, 20, 9, 30, tzinfo=datetime.UTC)
SECTION_IDS = [
    "annual_meeting",
    "year_in_numbers",
    "progress",
    "development",
    "signatories",
    "compliance",
    "funding",
    "consultations",
    "complaints",
    "bme_led",
    "actions",
    "annexes",
]
ACTIONS = [
    {"action": "Hold a workshop on comply-or-explain statements", "owner": "Steering group chair", "due": "2026-09-30"},
    {"action": "Invite every BME-led group to the spring consultations", "owner": "", "due": None},
]
EXPLANATION = "We ran out of budget for interpreters in the second half of the year; a new contract starts in May."


def _rate(compliance_return, code, ratings: dict[str, tuple[str, str]]):
    entries = {}
    for undertaking in code.undertakings.filter(ref__in=ratings):
        rating, explanation = ratings[undertaking.ref]
        entries[undertaking.ref] = ComplianceEntryFactory(
            compliance_return=compliance_return, undertaking=undertaking, rating=rating, explanation=explanation
        )
    return entries


def review_world() -> SimpleNamespace:
    """The standard world with records in every app for the 2025-26 period."""
    world = build_world()
    code = make_code(world.compact)
    # The forum's board as it stood at the end of the period (build_world's declaration is recent).
    f.BoardDeclarationFactory(
        organisation=world.group, members=8, bme_members=7, effective_date=datetime.date(2025, 9, 1)
    )
    # Council: submitted, (2 met + ½ partly met) / 4 = 62.5%. NHS trust: reviewed, 4 of 4 = 100%.
    council_return = ComplianceReturnFactory(
        organisation=world.council, period=world.period, code=code, status=ReturnStatus.SUBMITTED
    )
    entries = _rate(
        council_return,
        code,
        {
            "3.1.1": (Rating.MET, ""),
            "3.1.2": (Rating.PARTLY_MET, EXPLANATION),
            "3.2.1": (Rating.NOT_MET, "No budget this year."),
            "3.2.2": (Rating.MET, ""),
        },
    )
    ActionFactory(entry=entries["3.2.1"], what="Find a budget for interpreters", who="Head of Communities")
    nhs_return = ComplianceReturnFactory(
        organisation=world.other_body, period=world.period, code=code, status=ReturnStatus.REVIEWED
    )
    _rate(nhs_return, code, {ref: (Rating.MET, "") for ref in ["3.1.1", "3.1.2", "3.2.1", "3.2.2"]})
    ComplianceReturnFactory(organisation=world.group, period=world.period, code=code, status=ReturnStatus.DRAFT)
    # Funding: £3,000 to the BME-led forum and £1,000 to another group: 75.0% of the value.
    AwardFactory(
        funder=world.council,
        recipient=world.group,
        amount=Decimal("3000.00"),
        recipient_bme_led_outcome=Outcome.BME_LED,
    )
    AwardFactory(
        funder=world.council,
        recipient=world.other_group,
        amount=Decimal("1000.00"),
        recipient_bme_led_outcome=Outcome.NOT_BME_LED,
    )
    # Complaints: one upheld at stage 1, one still open.
    cited = code.undertakings.get(ref="3.2.1")
    officer = world.users["officer"]
    upheld = raise_complaint(world, undertakings=[cited], today=datetime.date(2025, 6, 2))
    complaint_services.stage_acknowledge(complaint=upheld, user=officer, today=datetime.date(2025, 6, 4))
    complaint_services.stage_reply(complaint=upheld, user=officer, reply="Sorry.", today=datetime.date(2025, 6, 11))
    complaint_services.complaint_close(
        complaint=upheld,
        user=officer,
        party=Party.RESPONDENT,
        outcome="upheld",
        explanation="Yes.",
        learning="Invite every group.",
        undertakings_broken=[cited],
    )
    raise_complaint(world, today=datetime.date(2025, 9, 1))
    world.code = code
    return world


def build(world, actions=ACTIONS, progress=None) -> dict:
    return build_dataset(
        compact=world.compact, period=world.period, actions=actions, built_at=BUILT_AT, progress=progress
    )


@pytest.fixture
def full_world(db):
    return review_world()


def _figures(dataset) -> dict:
    return {figure["label"]: figure for figure in dataset["year_in_numbers"]["figures"]}


def test_the_dataset_has_every_section_in_order_and_survives_json(full_world):
    dataset = build(full_world)
    assert json.loads(json.dumps(dataset)) == dataset
    assert dataset["version"] == DATASET_VERSION
    assert dataset["compact"] == {"slug": "northshire", "name": "Northshire Compact", "area": "Northshire"}
    assert dataset["period"]["label"] == "2025-26"
    assert (dataset["period"]["start_date"], dataset["period"]["end_date"]) == ("2025-04-01", "2026-03-31")
    assert dataset["built_at"] == "2026-05-20T09:30:00+00:00"
    assert [s["id"] for s in dataset["sections"]] == SECTION_IDS
    assert [s["id"] for s in dataset["sections"] if s["empty"]] == [
        "annual_meeting",
        "progress",
        "development",
        "consultations",
    ]
    for key in [k for k in SECTION_IDS if k != "annexes"] + ["representation", "open_data"]:
        assert key in dataset


def test_no_floats_anywhere(full_world):
    def walk(value):
        assert not isinstance(value, float), value
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(build(full_world))


def test_year_in_numbers_prints_each_headline_figure(full_world):
    figures = _figures(build(full_world))
    assert figures["Signatories"]["display"] == "3 signatories"
    assert (figures["Compliance returns submitted"]["value"], figures["Compliance returns submitted"]["display"]) == (
        2,
        "2 of 3",
    )
    assert figures["Compliance returns reviewed"]["display"] == "1"
    # Mean of 62.5% and 100%.
    assert figures["Average compliance score"] == {
        "label": "Average compliance score",
        "value": "81.3",
        "display": "81.3%",
    }
    assert figures["Share of funding value to BME-led organisations"]["display"] == "75.0%"
    assert figures["Complaints received"]["value"] == 2
    assert figures["Complaints upheld in full or in part"]["display"] == "1"
    assert figures["BME-led organisations"]["display"] == "1"
    assert figures["Consultations"]["display"] == "0"
    assert figures["Representatives on boards"]["display"] == "0"


def test_key_figures_are_the_apps_own(full_world):
    world = full_world
    dataset = build(world)
    start, end = world.period.start_date, world.period.end_date
    assert dataset["funding"]["figures"] == funding_monitoring(start=start, end=end, compact=world.compact).as_dict()
    summary = compliance_summary(compact=world.compact, period=world.period)
    assert dataset["compliance"]["statements"] == summary["statements"]
    assert len(dataset["compliance"]["bodies"]) == len(summary["bodies"]) == 3
    complaints = complaint_figures(compact=world.compact, start=start, end=end)
    assert (dataset["complaints"]["received"], dataset["complaints"]["outcomes"]) == (
        complaints["received"],
        complaints["outcomes"],
    )
    bme = bme_led_summary(compact=world.compact, on_date=end)
    assert dataset["bme_led"]["voluntary_organisations"] == bme["voluntary_organisations"]
    assert [o["name"] for o in dataset["bme_led"]["bme_led_organisations"]] == ["African Caribbean Forum"]


def test_every_comply_or_explain_statement_is_kept_in_full(full_world):
    statements = build(full_world)["compliance"]["statements"]
    assert [(s["organisation"], s["undertaking_ref"], s["rating"]) for s in statements] == [
        ("Northshire Council", "3.1.2", "partly_met"),
        ("Northshire Council", "3.2.1", "not_met"),
    ]
    assert statements[0]["explanation"] == EXPLANATION


def test_bodies_show_their_score_and_how_it_was_computed(full_world):
    bodies = {b["organisation"]: b for b in build(full_world)["compliance"]["bodies"]}
    assert bodies["Northshire Council"]["score_display"] == "62.5% (2.5 of 4)"
    assert bodies["Northshire NHS Trust"]["score_display"] == "100% (4 of 4)"
    assert bodies["African Caribbean Forum"]["counted"] is False


def test_the_steering_groups_actions_are_kept_in_order(full_world):
    actions = build(full_world)["actions"]
    assert actions["empty"] is False
    assert [(a["action"], a["owner"], a["due"], a["due_display"]) for a in actions["items"]] == [
        (ACTIONS[0]["action"], "Steering group chair", "2026-09-30", "30 September 2026"),
        (ACTIONS[1]["action"], "", None, "No date set"),
    ]


def test_sections_with_no_records_say_so(full_world):
    dataset = build(full_world, actions=[])
    # Consultations and representation have no records in this world.
    assert dataset["consultations"]["empty"] is True
    assert dataset["representation"]["empty"] is True
    assert dataset["actions"]["empty"] is True
    for key in ["signatories", "compliance", "funding", "complaints", "bme_led"]:
        assert dataset[key]["empty"] is False, key


def test_a_compact_with_nothing_recorded_flags_every_section_empty(db):
    compact = f.CompactFactory(name="Empty Compact", slug="empty")
    period = f.ReportingPeriodFactory(compact=compact)
    dataset = build_dataset(compact=compact, period=period, actions=[], built_at=BUILT_AT)
    json.dumps(dataset)
    for key in [
        "signatories",
        "compliance",
        "funding",
        "consultations",
        "complaints",
        "bme_led",
        "representation",
        "actions",
    ]:
        assert dataset[key]["empty"] is True, key
    figures = _figures(dataset)
    assert figures["Average compliance score"]["display"] == "No returns counted"
    assert figures["Share of funding value to BME-led organisations"]["display"] == "No awards"
    assert dataset["compliance"]["chart"] is None


def test_progress_is_reported_after_each_section(full_world):
    calls = []
    build(full_world, progress=lambda percent, message: calls.append((percent, message)))
    percents = [p for p, _ in calls]
    assert percents == sorted(percents) and percents[-1] == 100 and len(calls) == 11
    assert "Gathering funding figures" in [m for _, m in calls]


def test_charts_are_svg_data_uris_with_alt_text_stating_the_figures(full_world):
    funding = build(full_world)["funding"]
    share = funding["share_chart"]
    assert share["src"].startswith("data:image/svg+xml;base64,")
    assert share["alt"] == (
        "Bar chart: Share of funding to BME-led organisations. By number of awards: 50.0%; By value of awards: 75.0%."
    )


def _queries(world) -> int:
    with CaptureQueriesContext(connection) as captured:
        build(world)
    return len(captured)


def test_queries_do_not_grow_with_rows(full_world):
    # signatories 1; compliance summary 8 (overview 3, codes, counts, undertakings, statements,
    # actions); funding 7; complaints 4 (complaints + 3 prefetches); BME-led 3 (organisations,
    # communities prefetch, ethnic groups) = 23 with the stand-ins for consultations and
    # representation (0 queries); the ceiling leaves room for their real selectors' few queries and
    # for the complaints app's handling part (stages, holds, extensions, self-assessment).
    before = _queries(full_world)
    world = full_world
    for n in range(5):
        body = f.PublicBodyFactory()
        f.SignatoryFactory(compact=world.compact, organisation=body)
        submitted = ComplianceReturnFactory(
            organisation=body, period=world.period, code=world.code, status=ReturnStatus.SUBMITTED
        )
        _rate(submitted, world.code, {"3.1.1": (Rating.NOT_MET, f"Reason {n}"), "3.2.1": (Rating.MET, "")})
        group = f.OrganisationFactory()
        f.BoardDeclarationFactory(
            organisation=group, members=4, bme_members=4, effective_date=datetime.date(2025, 9, 1)
        )
        AwardFactory(funder=body, recipient=group, amount=Decimal("500.00"))
        raise_complaint(world, respondent=body, today=datetime.date(2025, 7, 1))
    after = _queries(world)
    assert after == before
    assert before <= 40, before


def test_the_communities_no_bme_led_organisation_serves_leave_out_white_british(full_world):
    from django.core.management import call_command

    call_command("load_reference_data", verbosity=0)  # the 19 ONS 2021 groups
    without = build(full_world)["bme_led"]["communities_without"]
    assert "Irish" in without and "Roma" in without
    assert "English, Welsh, Scottish, Northern Irish or British" not in without
