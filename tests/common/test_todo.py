"""The home page's task list (common.todo and each app's todo.py): what is due, for whom, linked to
the page where it is done, the most urgent first; nothing of another Compact or another body."""

from datetime import UTC, date, timedelta

import pytest
from django.urls import reverse

from common.todo import todo_for
from tests import factories as f
from tests.undertakings.factories import make_code
from undertakings import services as returns
from undertakings.models import Action

TODAY = date(2026, 7, 15)  # the 2025-26 returns were due on 30 June 2026


@pytest.fixture
def code(world):
    return make_code(world.compact)


def titles(user, today=TODAY):
    return [t.title for t in todo_for(user, today).tasks]


def test_an_officer_is_told_to_start_an_overdue_return_with_its_due_date(world, code):
    tasks = todo_for(world.users["officer"], TODAY).tasks
    start = next(t for t in tasks if t.title.startswith("Start the 2025-26 return"))
    assert start.title == "Start the 2025-26 return for Northshire Council"
    assert start.due == date(2026, 6, 30) and start.is_overdue(TODAY)
    assert start.url == reverse("undertakings:return-start", args=[world.council.slug, world.period.pk, code.pk])
    # The other body's return is not this officer's task.
    assert not any("Northshire NHS Trust" in t for t in titles(world.users["officer"]))


def test_a_return_sent_back_and_an_overdue_action_are_tasks_for_the_body(world, code):
    officer, steering = world.users["officer"], world.users["steering_member"]
    compliance_return = returns.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    entry = compliance_return.entries.first()
    Action.objects.create(entry=entry, what="Train the grants team", who="Head of grants", due_on=date(2026, 5, 1))
    Action.objects.create(entry=entry, what="Publish the plan", who="Policy lead", due_on=date(2026, 9, 1))
    assert f"Overdue action on undertaking {entry.undertaking.ref}: Train the grants team" in titles(officer)
    assert not any("Publish the plan" in t for t in titles(officer))
    assert "Finish and submit the 2025-26 return for Northshire Council" in titles(officer)

    for e in compliance_return.entries.all():
        returns.compliance_entry_update(entry=e, user=officer, rating="met", explanation="", evidence="", links=[])
    returns.compliance_return_submit(compliance_return=compliance_return, user=officer)
    assert "Review the 2025-26 return from Northshire Council" in titles(steering)
    returns.compliance_return_send_back(compliance_return=compliance_return, user=steering, comments="Add evidence.")
    assert "Make the changes asked for and resubmit the 2025-26 return for Northshire Council" in titles(officer)
    assert not any(t.startswith("Review") for t in titles(steering))


def test_another_compacts_steering_group_is_not_asked_to_review(world, code):
    officer = world.users["officer"]
    compliance_return = returns.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    for e in compliance_return.entries.all():
        returns.compliance_entry_update(entry=e, user=officer, rating="met", explanation="", evidence="", links=[])
    returns.compliance_return_submit(compliance_return=compliance_return, user=officer)
    elsewhere = f.SteeringGroupMemberFactory(compact=f.CompactFactory(name="Southshire Compact")).user
    assert titles(elsewhere) == []


def test_a_group_is_told_before_its_board_declaration_lapses(world):
    member = world.users["group_member"]
    world.group.board_declarations.update(effective_date=date(2025, 8, 1))  # counts until 1 August 2026
    task = next(t for t in todo_for(member, TODAY).tasks if "board declaration" in t.title)
    assert task.title == "Update African Caribbean Forum's board declaration"
    assert task.due == date(2026, 8, 1) and not task.is_overdue(TODAY)
    assert task.detail == "The last one stops counting after 1 August 2026."
    assert task.url == reverse("organisations:declare-board", args=[world.group.slug])
    assert not any("board declaration" in t for t in titles(member, today=date(2026, 6, 1)))
    lapsed = next(t for t in todo_for(member, date(2026, 8, 2)).tasks if "board declaration" in t.title)
    assert lapsed.is_overdue(date(2026, 8, 2))


def test_tasks_come_most_urgent_first_and_undated_last(world, code):
    officer = world.users["officer"]
    compliance_return = returns.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    entry = compliance_return.entries.first()
    Action.objects.create(entry=entry, what="Earliest", who="A", due_on=date(2026, 1, 10))
    f.MembershipFactory(user=f.UserFactory(email="new@council.example"), organisation=world.council, status="requested")
    tasks = todo_for(officer, TODAY).tasks
    dues = [t.due for t in tasks]
    assert tasks[0].title.endswith("Earliest")
    assert dues == sorted(dues, key=lambda d: (d is None, d or TODAY))
    assert tasks[-1].title == "Decide new@council.example's request to join Northshire Council"


@pytest.mark.django_db
def test_the_home_page_lists_the_tasks_or_says_there_are_none(world, code, client_for):
    page = client_for(world.users["officer"]).get(reverse("home")).content.decode()
    assert "Your tasks" in page
    assert "Start the 2025-26 return for Northshire Council" in page
    assert 'href="' + reverse("undertakings:return-start", args=[world.council.slug, world.period.pk, code.pk]) in page
    outsider = client_for(world.users["outsider"]).get(reverse("home")).content.decode()
    assert "Nothing is waiting for you." in outsider
    assert "Your tasks" not in client_for(None).get(reverse("home")).content.decode()


@pytest.mark.parametrize("actions", [1, 4])
def test_the_home_page_costs_the_same_queries_however_many_tasks(
    world, code, client_for, django_assert_num_queries, actions
):
    officer = world.users["officer"]
    compliance_return = returns.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    for n, entry in enumerate(compliance_return.entries.all()[:actions]):
        Action.objects.create(entry=entry, what=f"Action {n}", who="A", due_on=date.today() - timedelta(days=n + 1))
    client = client_for(officer)
    client.get(reverse("home"))
    # session, user, memberships, steering seats; organisations: groups, declarations, requests;
    # returns: signatories, periods, codes, started, unfinished, overdue actions; consultations: 2
    with django_assert_num_queries(14):
        assert client.get(reverse("home")).content.decode().count("Overdue action") == actions


def test_a_complaint_waiting_for_the_body_is_its_officers_task_and_nobody_elses(world):
    from tests.complaints.factories import raise_complaint

    complaint = raise_complaint(world)
    officer_tasks = [t for t in todo_for(world.users["officer"], TODAY).tasks if t.title.startswith("Complaint")]
    assert [t.title for t in officer_tasks] == [f"Complaint {complaint.reference} against Northshire Council: stage 1"]
    assert officer_tasks[0].due == complaint.next_deadline
    for persona in ("group_member", "other_officer", "steering_member"):
        assert not any(t.startswith("Complaint") for t in titles(world.users[persona]))


def test_an_action_carried_into_this_years_return_is_one_task_not_two(world, code):
    officer = world.users["officer"]
    last = f.ReportingPeriodFactory(
        compact=world.compact, label="2024-25", start_date=date(2024, 4, 1), end_date=date(2025, 3, 31)
    )
    old = returns.compliance_return_start(organisation=world.council, period=last, code=code, user=officer)
    for e in old.entries.all():
        returns.compliance_entry_update(entry=e, user=officer, rating="met", explanation="", evidence="", links=[])
    Action.objects.create(entry=old.entries.first(), what="Train the grants team", who="Head", due_on=date(2025, 1, 1))
    returns.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )
    assert Action.objects.filter(what="Train the grants team").count() == 2
    assert sum("Train the grants team" in t for t in titles(officer)) == 1


def _submitted(world, code, count: int):
    """`count` public bodies' returns waiting for the steering group, the first submitted longest ago."""
    from datetime import datetime

    from tests.undertakings.factories import ComplianceReturnFactory
    from undertakings.models import ReturnStatus

    for n in range(count):
        ComplianceReturnFactory(
            organisation=f.PublicBodyFactory(name=f"Body {n:03}"),
            period=world.period,
            code=code,
            status=ReturnStatus.SUBMITTED,
            submitted_at=datetime(2026, 5, 1, tzinfo=UTC) + timedelta(days=n),
        )


@pytest.mark.parametrize("waiting", [8, 30])
def test_returns_to_review_are_summed_up_after_the_longest_waiting_few_in_the_same_queries(
    world, code, client_for, django_assert_num_queries, waiting
):
    from common.todo import TASKS_SHOWN_PER_KIND

    _submitted(world, code, waiting)
    client = client_for(world.users["steering_member"])
    client.get(reverse("home"))
    # session, user, memberships, steering seats; returns: the first few waiting and how many;
    # complaints referred (a member of no group and officer of no body: nothing else is asked)
    with django_assert_num_queries(7):
        page = client.get(reverse("home")).content.decode()
    shown = [f"Review the 2025-26 return from Body {n:03}" for n in range(TASKS_SHOWN_PER_KIND)]
    for title in shown:
        assert title in page
    assert f"Body {TASKS_SHOWN_PER_KIND:03}" not in page  # the rest are counted, not listed
    rest = waiting - TASKS_SHOWN_PER_KIND
    assert f'href="{reverse("undertakings:return-list")}">{rest} more returns waiting for review' in page
    assert f"{waiting} things waiting for you, the most urgent first." in page


def test_complaints_are_summed_up_after_the_most_urgent_saying_how_many_more_are_overdue(world):
    from common.todo import More, todo_for
    from tests.complaints.factories import raise_complaint

    for day in range(7):  # overdue by TODAY
        raise_complaint(world, today=date(2026, 5, 1) + timedelta(days=day))
    for _ in range(2):  # not yet due
        raise_complaint(world, today=TODAY)
    todo = todo_for(world.users["officer"], TODAY)
    complaints = [t for t in todo.tasks if t.title.startswith("Complaint")]
    assert len(complaints) == 5 and all(t.is_overdue(TODAY) for t in complaints)
    assert [t.due for t in complaints] == sorted(t.due for t in complaints)  # the most overdue first
    assert todo.more == [More("complaints about your organisation", reverse("complaints:queue"), count=4, overdue=2)]
    assert todo.total == len(todo.tasks) + 4


def test_requests_to_join_are_summed_up_after_the_longest_waiting_few(world):
    from common.todo import More, todo_for

    for n in range(7):
        f.MembershipFactory(
            user=f.UserFactory(email=f"new{n}@council.example"), organisation=world.council, status="requested"
        )
    todo = todo_for(world.users["officer"], TODAY)
    asked = [t.title for t in todo.tasks if t.title.startswith("Decide")]
    assert asked == [f"Decide new{n}@council.example's request to join Northshire Council" for n in range(5)]
    assert More("requests to join your organisations", reverse("organisations:mine"), count=2) in todo.more
