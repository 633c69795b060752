"""Officers and the steering group handle complaints through the pages; the queue lists them."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints import services
from complaints.models import Complaint, Party
from tests import factories as f

from .factories import answered_at_stage_1, raise_complaint

pytestmark = pytest.mark.django_db


def test_an_officer_acknowledges_and_replies_and_the_complainant_is_told(world, client_for, emails):
    complaint = raise_complaint(world)
    officer = client_for(world.users["officer"])
    with emails.during():
        assert officer.post(reverse("complaints:acknowledge", args=[complaint.reference])).status_code == 302
        response = officer.post(
            reverse("complaints:reply", args=[complaint.reference]), {"reply": "We are sorry."}, follow=True
        )
    assert "Your reply has been sent to the complainant." in response.content.decode()
    to_group = [m for m in emails.sent if m.to == ["member@forum.example"]]
    assert [m.subject.split(": ", 1)[1] for m in to_group][-2:] == [
        "Your complaint has been acknowledged",
        "You have a reply to your complaint",
    ]
    assert "take your complaint further until" in to_group[-1].body


def test_an_extension_outside_the_limit_is_refused_on_the_page_and_the_complainant_told_of_one_inside(
    world, client_for, emails
):
    complaint = raise_complaint(world)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    stage = complaint.stages.get()
    officer = client_for(world.users["officer"])
    too_late = stage.reply_by + timedelta(days=60)
    response = officer.post(
        reverse("complaints:extend", args=[complaint.reference]),
        {
            "new_date_0": too_late.day,
            "new_date_1": too_late.month,
            "new_date_2": too_late.year,
            "reason": "Busy.",
        },
    )
    assert "at the latest" in response.content.decode()
    from complaints.working_days import add_working_days

    fine = add_working_days(stage.reply_by, 5)
    with emails.during():
        officer.post(
            reverse("complaints:extend", args=[complaint.reference]),
            {
                "new_date_0": fine.day,
                "new_date_1": fine.month,
                "new_date_2": fine.year,
                "reason": "Waiting for files.",
            },
        )
    told = next(m for m in emails.sent if m.to == ["member@forum.example"])
    assert "Waiting for files." in told.body
    assert told.subject.endswith("The reply to your complaint will take longer")


def test_the_steering_group_closes_a_referred_complaint_with_an_outcome(world, client_for):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.complaint_escalate(complaint=complaint, reason="No.")
    services.stage_acknowledge(complaint=complaint, user=colleague)
    services.stage_reply(complaint=complaint, user=colleague, reply="Looked again.")
    services.complaint_escalate(complaint=complaint, reason="Still no.")
    steering = client_for(world.users["steering_member"])
    steering.post(reverse("complaints:acknowledge", args=[complaint.reference]))
    response = steering.post(reverse("complaints:close", args=[complaint.reference]), {"outcome": ""})
    assert "Choose the outcome" in response.content.decode()
    response = steering.post(
        reverse("complaints:close", args=[complaint.reference]),
        {
            "outcome": "partly_upheld",
            "explanation": "Partly right.",
            "learning": "Invite every group.",
        },
        follow=True,
    )
    assert "Partly upheld" in response.content.decode()
    assert Complaint.objects.get().outcome == "partly_upheld"


def test_after_a_referral_the_complainant_is_told_the_independent_steering_group_acts_next(world, client_for):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.complaint_escalate(complaint=complaint, reason="No.")
    services.stage_acknowledge(complaint=complaint, user=colleague)
    services.stage_reply(complaint=complaint, user=colleague, reply="Looked again.")
    services.complaint_escalate(complaint=complaint, reason="Still no.")
    page = client_for(world.users["group_member"]).get(reverse("complaints:detail", args=[complaint.reference]))
    text = " ".join(page.content.decode().split())
    assert "Next: the Northshire Compact steering group, which is independent of Northshire Council, must" in text
    assert "Northshire Council’s steering group" not in text


def test_internal_notes_are_kept_from_the_complainant(world, client_for):
    complaint = raise_complaint(world)
    client_for(world.users["officer"]).post(
        reverse("complaints:note", args=[complaint.reference]), {"text": "Check the mailing list."}
    )
    client_for(world.users["steering_member"]).post(
        reverse("complaints:note", args=[complaint.reference]), {"text": "Steering eyes only.", "audience": "steering"}
    )
    group_page = client_for(world.users["group_member"]).get(reverse("complaints:detail", args=[complaint.reference]))
    officer_page = client_for(world.users["officer"]).get(reverse("complaints:detail", args=[complaint.reference]))
    assert "Check the mailing list." not in group_page.content.decode()
    assert "Check the mailing list." in officer_page.content.decode()
    assert "Steering eyes only." not in officer_page.content.decode()


def _complaints_with_deadlines(world, count):
    today = timezone.localdate()
    for n in range(count):
        complaint = raise_complaint(world, confidential=n % 2 == 0)
        Complaint.objects.filter(pk=complaint.pk).update(next_deadline=today + timedelta(days=n - 2))


@pytest.mark.parametrize("count", [3, 30])
def test_the_queue_costs_the_same_queries_whatever_its_length(world, client_for, django_assert_num_queries, count):
    _complaints_with_deadlines(world, count)
    client = client_for(world.users["officer"])
    # session, user, the officer's memberships, their steering seats (roles), count, one page of
    # complaints (with body and complainant joined), their undertakings (prefetched).
    with django_assert_num_queries(7):
        response = client.get(reverse("complaints:queue"))
    assert response.status_code == 200


def test_the_queue_lists_overdue_complaints_first_and_pages_by_25(world, client_for):
    _complaints_with_deadlines(world, 30)
    client = client_for(world.users["officer"])
    page = client.get(reverse("complaints:queue")).content.decode()
    assert page.count("Overdue") == 2
    deadlines = list(Complaint.objects.order_by("next_deadline").values_list("reference", flat=True))
    assert page.index(deadlines[0]) < page.index(deadlines[1]) < page.index(deadlines[2])
    assert deadlines[-1] not in page
    assert deadlines[-1] in client.get(reverse("complaints:queue") + "?page=2").content.decode()


def test_the_queue_csv_has_every_row_and_escapes_formulas(world, client_for):
    sly = f.OrganisationFactory(name='=HYPERLINK("http://x")')
    f.MembershipFactory(user=world.users["group_member"], organisation=sly)
    from complaints.models import ComplainantKind

    services.complaint_raise(
        respondent=world.council,
        undertakings=[],
        undertakings_not_sure=True,
        what_happened="x",
        happened_on=date(2025, 1, 6),
        outcome_sought="y",
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=False,
        user=world.users["group_member"],
        organisation=sly,
    )
    _complaints_with_deadlines(world, 30)
    response = client_for(world.users["officer"]).get(reverse("complaints:queue-csv"))
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][0] == "Reference"
    assert len(rows) == 32
    assert '\'=HYPERLINK("http://x")' in [r[2] for r in rows]


def test_the_detail_page_costs_a_fixed_number_of_queries(world, client_for, django_assert_num_queries):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    for n in range(5):
        services.complaint_message(
            complaint=complaint, text=f"Message {n}", party=Party.COMPLAINANT, user=world.users["group_member"]
        )
    client = client_for(world.users["officer"])
    # session, user, the complaint and its six prefetches (undertakings cited and found broken,
    # stages and their holds, files, events with their people), roles (2); messages and stages add none.
    with django_assert_num_queries(11):
        response = client.get(reverse("complaints:detail", args=[complaint.reference]))
    assert "Message 4" in response.content.decode()
