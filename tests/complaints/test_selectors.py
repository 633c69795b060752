"""The figures the annual review publishes about complaints."""

import json
from datetime import date

import pytest

from complaints import services
from complaints.models import Party
from complaints.selectors import complaint_figures
from tests import factories as f

from .factories import raise_complaint, undertaking_in

pytestmark = pytest.mark.django_db


def test_complaint_figures_for_a_year(world):
    cited = undertaking_in(world.compact, ref="4.8.1")
    officer = world.users["officer"]
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)

    # 1. Upheld at stage 1, everything on time: acknowledged 2 and answered 7 working days after opening.
    first = raise_complaint(world, undertakings=[cited], today=date(2025, 6, 2))
    services.stage_acknowledge(complaint=first, user=officer, today=date(2025, 6, 4))
    services.stage_reply(complaint=first, user=officer, reply="Sorry.", today=date(2025, 6, 11))
    services.complaint_close(
        complaint=first,
        user=officer,
        party=Party.RESPONDENT,
        outcome="upheld",
        explanation="Yes.",
        learning="Invite every group.",
        undertakings_broken=[cited],
    )
    # 2. Acknowledged late, answered late at stage 1 (9 working days), escalated, open at stage 2.
    second = raise_complaint(world, kind="individual", user="outsider", today=date(2025, 9, 1))
    services.stage_acknowledge(complaint=second, user=officer, today=date(2025, 9, 9))  # due 8 September
    services.stage_reply(complaint=second, user=officer, reply="Sorry.", today=date(2025, 9, 24))  # due 23 September
    services.complaint_escalate(complaint=second, reason="No.", today=date(2025, 9, 25))
    # 3. Withdrawn; 4. received before the year; 5. against the other body, still open.
    third = raise_complaint(world, today=date(2025, 10, 1))
    services.complaint_withdraw(complaint=third)
    raise_complaint(world, today=date(2025, 3, 31))
    raise_complaint(world, respondent=world.other_body, today=date(2026, 3, 31))

    figures = complaint_figures(
        compact=world.compact, start=date(2025, 4, 1), end=date(2026, 3, 31), as_of=date(2026, 4, 1)
    )
    json.dumps(figures)  # publishable as it is
    assert figures["received"] == 4
    assert (figures["open"], figures["closed"]) == (2, 2)
    assert figures["by_stage"] == {"stage_1": 4, "stage_2": 1, "steering_group": 0}
    assert figures["escalations"] == {"to_stage_2": 1, "to_steering_group": 0}
    assert figures["outcomes"] == {"upheld": 1, "partly_upheld": 0, "not_upheld": 0, "resolved": 0, "withdrawn": 1}
    stage_1 = figures["timeliness"]["stage_1"]
    assert stage_1 == {
        "opened": 4,
        "acknowledged": 2,
        # The withdrawn one was never acknowledged nor answered and was withdrawn after both were due:
        # late. The last one, received on 31 March, is not due on 1 April: not counted.
        "acknowledgement_overdue": 1,
        "acknowledgement_due": 3,
        "acknowledged_on_time": 1,
        "acknowledged_on_time_share": 0.3333,
        "answered": 2,
        "reply_overdue": 1,
        "reply_due": 3,
        "answered_on_time": 1,
        "answered_on_time_share": 0.3333,
        "extended": 0,
        "median_working_days_to_reply": 12.0,  # 7 and 17 working days from opening
    }
    assert figures["timeliness"]["steering_group"]["answered_on_time_share"] is None
    council, nhs = figures["by_body"]
    assert (council["organisation"], council["received"], council["upheld"], council["withdrawn"], council["open"]) == (
        "Northshire Council",
        3,
        1,
        1,
        1,
    )
    assert (nhs["organisation"], nhs["received"], nhs["open"]) == ("Northshire NHS Trust", 1, 1)
    assert figures["by_undertaking"] == [
        {"code": "BME Code", "ref": "4.8.1", "text": cited.text, "cited": 1, "found_broken": 1}
    ]
    assert figures["not_sure_of_undertaking"] == 3
    (learning,) = figures["learning"]
    assert learning == {
        "reference": first.reference,
        "body": "Northshire Council",
        "outcome": "Upheld",
        "closed_on": learning["closed_on"],
        "undertakings_broken": ["BME Code 4.8.1"],
        "remedy": "",
        "learning": "Invite every group.",
        "changes_made": "",
    }


def test_figures_for_a_compact_with_no_complaints_are_zeros_and_nones(world):
    figures = complaint_figures(compact=world.compact, start=date(2025, 4, 1), end=date(2026, 3, 31))
    assert figures["received"] == 0
    assert figures["timeliness"]["stage_1"]["median_working_days_to_reply"] is None
    assert figures["by_body"] == figures["learning"] == []
