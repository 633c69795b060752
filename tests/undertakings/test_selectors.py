"""Reads: the period overview, the matrix, one undertaking's ratings and the annual review summary."""

import datetime
import json

import pytest
from django.utils import timezone

from tests import factories as f
from undertakings import selectors, services
from undertakings.models import ComplianceReturn, Rating
from undertakings.selectors.returns import CARRIED_FORWARD, EXPLANATION_MISSING, NOT_ASSESSED

from .conftest import fill

pytestmark = pytest.mark.django_db


def rate(compliance_return, user, ratings: dict[str, tuple[str, str]]):
    for entry in compliance_return.entries.select_related("undertaking"):
        rating, explanation = ratings.get(entry.undertaking.ref, (Rating.MET, ""))
        services.compliance_entry_update(
            entry=entry, user=user, rating=rating, explanation=explanation, evidence="", links=[]
        )


@pytest.fixture
def reviewed_council(world, council_return, officer, steering):
    """Council: 3.1.1 met, 3.1.2 partly met, 3.2.1 not applicable, 3.2.2 not met with an action; reviewed."""
    rate(
        council_return,
        officer,
        {
            "3.1.2": (Rating.PARTLY_MET, "Only in the funding guide."),
            "3.2.1": (Rating.NOT_APPLICABLE, "We hold no BME sector contracts."),
            "3.2.2": (Rating.NOT_MET, '=HYPERLINK("http://evil") No budget.'),
        },
    )
    entry = council_return.entries.get(undertaking__ref="3.2.2")
    services.action_add(
        entry=entry, user=officer, what="Set aside a budget", who="Finance", due_on=datetime.date(2026, 12, 1)
    )
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    services.compliance_return_accept(compliance_return=council_return, user=steering)
    return council_return


def test_missing_items_say_why_each_entry_blocks_submission(world, council_return, officer):
    entries = list(council_return.entries.order_by("undertaking__position"))
    services.compliance_entry_update(
        entry=entries[0], user=officer, rating=Rating.MET, explanation="", evidence="", links=[]
    )
    model = type(entries[1])
    model.objects.filter(pk=entries[1].pk).update(carried_forward=True, rating=Rating.MET)
    # Written around the service (as an import might): blank reasons still block submission.
    model.objects.filter(pk=entries[2].pk).update(rating=Rating.NOT_MET, explanation="   ")
    missing = selectors.return_missing_items(compliance_return=council_return)
    assert [(m.entry.undertaking.ref, m.reason) for m in missing] == [
        ("3.1.2", CARRIED_FORWARD),
        ("3.2.1", EXPLANATION_MISSING),
        ("3.2.2", NOT_ASSESSED),
    ]


def test_the_overview_lists_every_signatory_started_or_not_with_its_score(world, reviewed_council):
    rows = selectors.period_overview(period=world.period)
    assert [(r.organisation.name, r.compliance_return.status if r.compliance_return else None) for r in rows] == [
        ("Northshire Council", "reviewed"),
        ("Northshire NHS Trust", None),
        ("African Caribbean Forum", None),
    ]
    assert str(rows[0].compliance_return.score) == "50% (1.5 of 3)"


def test_the_matrix_shows_counted_returns_only_with_a_rating_per_cell(world, code, reviewed_council):
    draft = services.compliance_return_start(
        organisation=world.other_body, period=world.period, code=code, user=world.users["other_officer"]
    )
    matrix = selectors.compliance_matrix(period=world.period, code=code)
    assert matrix.returns == [reviewed_council]
    assert draft not in matrix.returns
    cells = {u.ref: [rating for _, rating in row] for u, row in matrix.rows()}
    assert cells == {
        "3.1.1": ["met"],
        "3.1.2": ["partly_met"],
        "3.2.1": ["not_applicable"],
        "3.2.2": ["not_met"],
        "3.3.1": [None],  # a voluntary-sector undertaking: not for a council
    }


def test_an_undertakings_page_shows_every_counted_rating_and_why(world, code, reviewed_council):
    undertaking = code.undertakings.get(ref="3.1.2")
    entries = selectors.undertaking_ratings(undertaking=undertaking, period=world.period)
    assert [(e.compliance_return.organisation.name, e.rating, e.explanation) for e in entries] == [
        ("Northshire Council", "partly_met", "Only in the funding guide.")
    ]


def test_the_compliance_summary_for_the_annual_review(world, code, reviewed_council, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        summary = selectors.compliance_summary(
            compact=world.compact, period=world.period, as_of=datetime.date(2026, 7, 1)
        )
    json.dumps(summary)  # plain data all the way down
    # Given in on the day the test runs: on time only before the returns were due (30 June 2026).
    council = summary["bodies"][0]
    submitted_on = council.pop("submitted_on")
    assert submitted_on == timezone.localtime(reviewed_council.submitted_at).date().isoformat()
    assert council.pop("on_time") is (submitted_on <= "2026-06-30")
    # Not started, and not yet late on 1 July 2026? It is: the returns were due on 30 June.
    assert summary["bodies"][1]["on_time"] is False

    assert summary["period"]["label"] == "2025-26"
    assert summary["codes"] == [{"slug": code.slug, "version": "1.0", "title": code.title}]
    assert summary["bodies"][0] == {
        "organisation": "Northshire Council",
        "organisation_slug": "northshire-council",
        "sector": "public",
        "code": "Northshire BME Code",
        "status": "reviewed",
        "status_label": "Reviewed",
        "counted": True,
        "score": {"numerator": "1.5", "denominator": 3, "percent": "50%"},
    }
    assert summary["bodies"][1]["status"] == "not_started" and summary["bodies"][1]["score"] is None
    by_ref = {u["ref"]: u for u in summary["undertakings"]}
    assert by_ref["3.2.2"]["counts"] == {
        "met": 0,
        "partly_met": 0,
        "not_met": 1,
        "not_applicable": 0,
        "not_assessed": 0,
    }
    assert by_ref["3.2.2"]["party"] == "public"
    assert "3.2.3" not in by_ref  # not assessable
    assert [(s["undertaking_ref"], s["rating"]) for s in summary["statements"]] == [
        ("3.1.2", "partly_met"),
        ("3.2.1", "not_applicable"),
        ("3.2.2", "not_met"),
    ]
    assert summary["statements"][0]["explanation"] == "Only in the funding guide."
    assert summary["actions"] == [
        {
            "organisation": "Northshire Council",
            "undertaking_ref": "3.2.2",
            "what": "Set aside a budget",
            "who": "Finance",
            "due": "2026-12-01",
            "overdue": False,
        }
    ]


def test_the_summary_leaves_drafts_and_returned_returns_out_of_the_figures(
    world, code, council_return, officer, steering
):
    fill(council_return, officer)
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    services.compliance_return_send_back(compliance_return=council_return, user=steering, comments="More evidence")
    summary = selectors.compliance_summary(compact=world.compact, period=world.period)
    assert summary["bodies"][0]["status"] == "returned" and summary["bodies"][0]["counted"] is False
    assert all(sum(u["counts"].values()) == 0 for u in summary["undertakings"])


def test_the_summary_needs_a_period_of_the_same_compact(world):
    other = f.ReportingPeriodFactory(compact=f.CompactFactory(name="Elsewhere"))
    with pytest.raises(ValueError):
        selectors.compliance_summary(compact=world.compact, period=other)


def test_returns_to_start_lists_open_periods_and_adopted_codes_not_yet_started(world, code, council_return):
    owed = selectors.returns_to_start(organisation_ids={world.council.pk, world.group.pk})
    assert [(o.organisation.name, o.period.label) for o in owed] == [("African Caribbean Forum", "2025-26")]
    assert ComplianceReturn.objects.count() == 1


def test_overdue_actions_count_given_in_returns_and_the_to_do_list_asks_for_drafts_and_latest_copies(
    world, code, officer
):
    today = datetime.date(2026, 7, 15)
    last = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
    )
    old = services.compliance_return_start(organisation=world.council, period=last, code=code, user=officer)
    fill(old, officer)
    services.compliance_return_submit(compliance_return=old, user=officer)
    old.entries.first().actions.create(what="Train the grants team", who="Head", due_on=datetime.date(2025, 1, 1))
    draft = services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )
    draft.entries.last().actions.create(what="Publish the plan", who="Policy lead", due_on=datetime.date(2026, 5, 1))

    def overdue(**options):
        return [
            (a.what, a.entry.compliance_return.period.label)
            for a in selectors.overdue_actions(organisation_ids=[world.council.pk], today=today, **options)
        ]

    # The returns page and the steering group: returns given in only, the carried action where it was promised.
    assert overdue() == [("Train the grants team", "2024-25")]
    # The officer's to-do list: each action once, where it is followed up now, drafts included.
    assert overdue(in_drafts=True, latest_copies_only=True) == [
        ("Train the grants team", "2025-26"),
        ("Publish the plan", "2025-26"),
    ]
