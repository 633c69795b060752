"""A confidential complaint never tells the body complained about who complained: not on any page
its officers can open, not in their CSV download, not in any email they get, and not in the figures
the annual review publishes. Each test walks a complaint through its life and reads everything."""

import json
from datetime import date

import pytest
from django.urls import reverse

from complaints import jobs, services
from complaints.models import Party
from complaints.selectors import complaint_figures
from tests import factories as f

from .factories import add_complainant_file, raise_complaint, undertaking_in

pytestmark = pytest.mark.django_db

FILE_NAME = "minutes-forum-meeting-grace.txt"


def identifying(world) -> list[str]:
    member = world.users["group_member"]
    return [member.full_name, member.email, world.group.name, "minutes-forum-meeting", member.full_name.split()[0]]


def officer_pages(client, complaint) -> dict[str, str]:
    """Everything an officer of the body can open about `complaint` right now."""
    ref = complaint.reference
    urls = [reverse("complaints:list"), reverse("complaints:detail", args=[ref])]
    urls += [reverse("complaints:queue") + f"?status={s}" for s in ("open", "closed", "all")]
    urls += [reverse("complaints:queue-csv") + f"?status={s}" for s in ("open", "closed", "all")]
    urls += [
        reverse(f"complaints:{action}", args=[ref])
        for action in ("acknowledge", "reply", "extend", "close", "message", "note", "file-add", "escalate", "withdraw")
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            pages[url] = response.getvalue().decode()
    for file in complaint.files.all():
        response = client.get(reverse("complaints:file-download", args=[ref, file.pk]))
        assert response.status_code == 200
        pages[f"file {file.pk}"] = response["Content-Disposition"]
    return pages


def assert_anonymous_to_body(texts: dict[str, str], world):
    assert texts
    for where, text in texts.items():
        for secret in identifying(world):
            assert secret not in text, f"{secret!r} shown to the body in {where}"


def test_the_body_never_learns_who_raised_a_confidential_complaint(world, client_for, emails) -> None:
    officer, colleague = (
        world.users["officer"],
        f.UserFactory(email="colleague@council.example", full_name="Cara Colleague"),
    )
    f.MembershipFactory(user=colleague, organisation=world.council)
    undertaking = undertaking_in(world.compact)
    seen: dict[str, str] = {}
    with emails.during():
        complaint = raise_complaint(world, undertakings=[undertaking], confidential=True)
        add_complainant_file(complaint, world, name=FILE_NAME)
        services.complaint_message(
            complaint=complaint,
            text="We can meet next week.",
            party=Party.COMPLAINANT,
            user=world.users["group_member"],
        )
    as_officer, as_colleague = client_for(officer), client_for(colleague)
    seen |= officer_pages(as_officer, complaint)

    steps = [
        lambda: services.stage_acknowledge(complaint=complaint, user=officer),
        lambda: services.stage_extend(
            complaint=complaint,
            user=officer,
            new_date=_later_working_day(complaint),
            reason="Waiting for the consultation file.",
        ),
        lambda: services.stage_reply(complaint=complaint, user=officer, reply="We are sorry."),
        lambda: services.complaint_escalate(
            complaint=complaint, reason="We are not satisfied.", user=world.users["group_member"]
        ),
        lambda: services.stage_acknowledge(complaint=complaint, user=colleague),
        lambda: services.stage_reply(complaint=complaint, user=colleague, reply="We have looked again."),
        lambda: services.complaint_escalate(
            complaint=complaint, reason="Still not right.", user=world.users["group_member"]
        ),
        lambda: services.stage_acknowledge(complaint=complaint, user=world.users["steering_member"]),
        lambda: services.complaint_close(
            complaint=complaint,
            user=world.users["steering_member"],
            party=Party.STEERING,
            outcome="partly_upheld",
            explanation="Partly upheld.",
            learning="Invite groups.",
        ),
    ]
    for step in steps:
        with emails.during():
            step()
        seen |= {f"{k} (officer)": v for k, v in officer_pages(as_officer, complaint).items()}
        seen |= {f"{k} (colleague)": v for k, v in officer_pages(as_colleague, complaint).items()}

    to_body = [m for m in emails.sent if set(m.to) & {officer.email, colleague.email}]
    assert {m.subject.split(": ", 1)[1] for m in to_body} >= {
        "New complaint about your organisation",
        "New message from the complainant",
        "A complaint has been escalated to stage 2",
        "A complaint has been referred to the steering group",
    }
    seen |= {f"email {m.subject}": m.subject + m.body for m in to_body}
    assert_anonymous_to_body(seen, world)


def _later_working_day(complaint):
    from complaints.working_days import add_working_days

    return add_working_days(complaint.stages.get().reply_by, 3)


def test_the_steering_group_and_the_group_itself_do_see_who_complained(world, client_for):
    complaint = raise_complaint(world, confidential=True)
    add_complainant_file(complaint, world, name=FILE_NAME)
    for persona in ("steering_member", "group_member"):
        page = (
            client_for(world.users[persona])
            .get(reverse("complaints:detail", args=[complaint.reference]))
            .content.decode()
        )
        assert world.group.name in page
        assert FILE_NAME in page
    steering_csv = client_for(world.users["steering_member"]).get(reverse("complaints:compact-csv")).getvalue().decode()
    assert world.group.name in steering_csv


def test_the_body_sees_who_complained_when_the_complaint_is_not_confidential(world, client_for):
    complaint = raise_complaint(world, confidential=False)
    add_complainant_file(complaint, world, name=FILE_NAME)
    pages = officer_pages(client_for(world.users["officer"]), complaint)
    assert world.group.name in pages[reverse("complaints:detail", args=[complaint.reference])]
    assert FILE_NAME in pages[f"file {complaint.files.get().pk}"]


def test_deadline_reminders_to_the_body_do_not_name_a_confidential_complainant(world, mailoutbox):
    complaint = raise_complaint(world, confidential=True, today=date(2025, 3, 3))
    assert jobs.deadline_reminders_send(today=date(2025, 3, 20)) == 1
    (reminder,) = mailoutbox
    assert complaint.reference in reminder.subject
    assert "Withheld" in reminder.body
    for secret in identifying(world)[:4]:
        assert secret not in reminder.body


def test_the_published_figures_never_name_a_complainant(world):
    undertaking = undertaking_in(world.compact)
    confidential = raise_complaint(world, undertakings=[undertaking], confidential=True, today=date(2025, 6, 2))
    raise_complaint(world, confidential=False, today=date(2025, 6, 3))
    emailed = raise_complaint(
        world, kind="email", user=None, email="resident@example.net", name="Rita Resident", today=date(2025, 6, 4)
    )
    services.complaint_confirm_email(complaint=emailed, today=date(2025, 6, 4))
    services.stage_acknowledge(complaint=confidential, user=world.users["officer"], today=date(2025, 6, 3))
    services.stage_reply(complaint=confidential, user=world.users["officer"], reply="Sorry.", today=date(2025, 6, 5))
    services.complaint_close(
        complaint=confidential,
        user=world.users["officer"],
        party=Party.RESPONDENT,
        outcome="upheld",
        explanation="You were right.",
        learning="Invite every BME group.",
    )
    figures = json.dumps(complaint_figures(compact=world.compact, start=date(2025, 4, 1), end=date(2026, 3, 31)))
    assert "Invite every BME group." in figures
    for secret in identifying(world)[:4] + ["Rita Resident", "resident@example.net"]:
        assert secret not in figures
