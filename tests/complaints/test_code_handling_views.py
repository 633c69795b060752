"""The pages for complaints made another way, holds, learning and the self-assessment, as each
persona sees them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints import services
from complaints.code_requirements import REQUIREMENTS
from complaints.models import Complaint

from .factories import answered_at_stage_1, raise_complaint

pytestmark = pytest.mark.django_db


def _date(prefix, value):
    return {f"{prefix}_0": value.day, f"{prefix}_1": value.month, f"{prefix}_2": value.year}


def record_form(world, **extra):
    today = timezone.localdate()
    return {
        "respondent": world.council.pk,
        "channel": "letter",
        **_date("received_on", today - timedelta(days=2)),
        "what_happened": "The library stopped stocking Polish newspapers without asking anyone.",
        **_date("happened_on", today - timedelta(days=20)),
        "outcome_sought": "Ask readers first.",
        "who": "recorded",
        "name": "Piotr Zielinski",
        "email": "",
        "phone": "",
        "address": "1 High Street, Northshire",
        "confidential": "no",
        **extra,
    }


def test_an_officer_records_a_letter_and_is_given_the_reference(world, client_for):
    officer = client_for(world.users["officer"])
    assert "Record a complaint made another way" in officer.get(reverse("complaints:record")).content.decode()
    response = officer.post(reverse("complaints:record"), record_form(world), follow=True)
    complaint = Complaint.objects.get()
    page = response.content.decode()
    assert complaint.reference in page and "Open the complaint" in page
    assert "No link was emailed" in page
    detail = officer.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()
    assert "By letter" in detail and "1 High Street, Northshire" in detail and "Piotr Zielinski" in detail
    assert "Olu Officer (Northshire Council)" in detail


def test_the_page_refuses_a_confidential_complaint_about_the_officers_own_body(world, client_for):
    officer = client_for(world.users["officer"])
    response = officer.post(reverse("complaints:record"), record_form(world, confidential="yes"))
    assert "steering group, which can record it for them" in response.content.decode()
    assert not Complaint.objects.exists()


def test_another_bodys_officer_records_a_confidential_complaint_and_cannot_open_it(world, client_for):
    other = client_for(world.users["other_officer"])
    form = record_form(world, confidential="yes", email="piotr@example.net", send_link="on")
    done = other.post(reverse("complaints:record"), form, follow=True).getvalue().decode()
    complaint = Complaint.objects.get()
    assert "has been emailed a link" in done and "Open the complaint" not in done
    assert other.get(reverse("complaints:detail", args=[complaint.reference])).status_code == 404
    # The council sees the complaint but nothing that points to who made it.
    council = client_for(world.users["officer"])
    for url in (
        reverse("complaints:detail", args=[complaint.reference]),
        reverse("complaints:queue"),
        reverse("complaints:queue-csv"),
    ):
        content = council.get(url).getvalue().decode()
        for secret in ("Piotr", "piotr@example.net", "High Street", "Nia Other", "Northshire NHS Trust"):
            assert secret not in content, f"{secret} shown to the council on {url}"
    # Nobody else can open the page that confirmed it.
    assert council.get(reverse("complaints:record-done")).status_code == 404


def test_the_body_puts_a_complaint_on_hold_and_resumes_it(world, client_for):
    complaint = raise_complaint(world)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    officer = client_for(world.users["officer"])
    url = reverse("complaints:pause", args=[complaint.reference])
    refused = officer.post(url, {"reason": "waiting_for_information", "explanation": "Minutes."}).content.decode()
    assert "only when the complainant has agreed" in refused
    officer.post(url, {"reason": "waiting_for_information", "explanation": "Minutes.", "agreed_with_complainant": "on"})
    page = officer.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()
    assert "On hold since" in page and ">Resume<" in page and ">Reply<" not in page
    queue = officer.get(reverse("complaints:queue")).content.decode()
    assert "On hold" in queue
    group = client_for(world.users["group_member"])
    assert (
        "Waiting for information from the complainant. Minutes."
        in group.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()
    )
    response = officer.post(reverse("complaints:resume", args=[complaint.reference]), follow=True)
    assert "The complaint has resumed and its deadline has moved." in response.content.decode()
    assert not complaint.stages.get().is_paused


def test_the_steering_group_sees_holds_and_extensions_past_the_limit(world, client_for):
    complaint = raise_complaint(world)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    stage = complaint.stages.get()
    from complaints.working_days import add_working_days

    officer = client_for(world.users["officer"])
    late = add_working_days(stage.original_reply_by, 15)
    url = reverse("complaints:extend", args=[complaint.reference])
    refused = officer.post(url, {**_date("new_date", late), "reason": "Busy."}).content.decode()
    assert "beyond the Complaint Handling Code’s limit" in refused
    officer.post(url, {**_date("new_date", late), "reason": "Busy.", "beyond_limit_reason": "Legal advice awaited."})
    steering = client_for(world.users["steering_member"])
    page = steering.get(reverse("complaints:holds-extensions")).content.decode()
    assert complaint.reference in page and "Legal advice awaited." in page


def test_learning_is_asked_for_when_closing_and_can_be_added_afterwards(world, client_for):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    officer = client_for(world.users["officer"])
    close_url = reverse("complaints:close", args=[complaint.reference])
    refused = officer.post(close_url, {"outcome": "upheld", "explanation": "Sorry."}).content.decode()
    assert "Enter what was learned from the complaint" in refused
    officer.post(close_url, {"outcome": "upheld", "explanation": "Sorry.", "learning": "Ask groups first."})
    page = officer.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()
    assert "Ask groups first." in page and "Record what was learned" in page
    officer.post(
        reverse("complaints:learning", args=[complaint.reference]),
        {"learning": "Ask groups first.", "changes_made": "A new consultation list."},
    )
    complaint.refresh_from_db()
    assert complaint.changes_made == "A new consultation list."
    assert (
        client_for(world.users["group_member"])
        .get(reverse("complaints:learning", args=[complaint.reference]))
        .status_code
        == 403
    )


def test_the_steering_group_completes_its_self_assessment(world, client_for):
    steering = client_for(world.users["steering_member"])
    listing = steering.get(reverse("complaints:self-assessments")).content.decode()
    assert world.period.label in listing and "Not started" in listing
    url = reverse("complaints:self-assessment", args=[world.period.pk])
    form = {f"{r.key}_assessment": "met" for r in REQUIREMENTS}
    form |= {f"{r.key}_evidence": f"Evidence {r.key}" for r in REQUIREMENTS}
    steering.post(url, {"definition_assessment": "met", "definition_evidence": "Published."})
    assert "In progress" in steering.get(reverse("complaints:self-assessments")).content.decode()
    refused = steering.post(url, {**form, "complete": "on"}).content.decode()
    assert "Enter the steering group’s statement" in refused
    steering.post(url, {**form, "statement": "We meet the Code.", "complete": "on"})
    page = steering.get(url).content.decode()
    assert "Completed on" in page and "We meet the Code." in page and "Evidence timescales" in page
    # The officer of a body is no part of it.
    assert client_for(world.users["officer"]).get(url).status_code == 404


def test_an_officer_sees_the_link_to_record_a_complaint_and_a_group_member_does_not(world, client_for):
    link = reverse("complaints:record")
    assert link in client_for(world.users["other_officer"]).get(reverse("complaints:list")).content.decode()
    assert link not in client_for(world.users["group_member"]).get(reverse("complaints:list")).content.decode()
