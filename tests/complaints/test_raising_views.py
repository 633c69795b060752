"""Raising a complaint through the question pages, as a visitor, a person with an email address,
and a community group."""

import re

import pytest
from django.urls import reverse

from complaints.models import Complaint, ComplaintStatus

from .factories import undertaking_in

pytestmark = pytest.mark.django_db


def fill_in_the_complaint(client, world, *, who: str, confidential: str | None = "yes", upload: bool = False):
    undertaking = undertaking_in(world.compact)
    assert client.get(reverse("complaints:create")).status_code == 200
    assert client.post(reverse("complaints:raise-body"), {"respondent": world.council.pk}).status_code == 302
    search = client.get(reverse("complaints:raise-undertakings") + "?q=procedures").content.decode()
    assert "make complaints procedures known" in search
    assert client.post(reverse("complaints:raise-undertakings"), {"undertakings": [undertaking.pk]}).status_code == 302
    assert (
        client.post(
            reverse("complaints:raise-details"),
            {
                "what_happened": "We were left out of the consultation.",
                "happened_on_0": "3",
                "happened_on_1": "11",
                "happened_on_2": "2025",
                "outcome_sought": "Consult us.",
            },
        ).status_code
        == 302
    )
    if upload:
        from .factories import text_upload

        assert client.post(reverse("complaints:raise-files"), {"file": text_upload("our-notes.txt")}).status_code == 302
    assert client.post(reverse("complaints:raise-contact"), {"who": who, "website": ""}).status_code == 302
    if who == "email":
        assert (
            client.post(
                reverse("complaints:raise-email"), {"name": "Rita Resident", "email": "rita@example.net"}
            ).status_code
            == 302
        )
    if confidential and who != "anonymous":
        assert client.post(reverse("complaints:raise-confidential"), {"confidential": confidential}).status_code == 302
    return undertaking


def test_a_visitor_raises_an_anonymous_complaint_and_is_told_plainly_nobody_can_reply(world, client, emails):
    fill_in_the_complaint(client, world, who="anonymous", upload=True)
    check = client.get(reverse("complaints:raise-check")).content.decode()
    assert "Nobody will be able to reply to you." in check
    assert "our-notes.txt" in check
    with emails.during():
        response = client.post(reverse("complaints:raise-check"))
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    complaint = Complaint.objects.get()
    assert complaint.reference in done
    assert "nobody can reply to you" in done
    link = re.search(r'href="(http://testserver/complaints/[^"]+/follow/[^"]+)"', done).group(1)
    assert client.get(link).status_code == 200
    assert complaint.confidential and complaint.is_anonymous
    assert complaint.files.get().original_name == "our-notes.txt"
    assert all(m.to != [""] for m in emails.sent)
    assert [m.to for m in emails.sent] == [["officer@council.example"]]  # the body only: nobody to reply to


def test_a_visitor_with_an_email_address_confirms_it_before_the_complaint_is_sent(world, client, emails):
    fill_in_the_complaint(client, world, who="email", confidential="yes")
    with emails.during():
        client.post(reverse("complaints:raise-check"))
    complaint = Complaint.objects.get()
    assert complaint.status == ComplaintStatus.UNCONFIRMED
    (confirmation,) = emails.sent
    assert confirmation.to == ["rita@example.net"]
    link = re.search(r"http://\S+/complaints/confirm/\S+/", confirmation.body).group(0)
    path = link.replace("http://127.0.0.1:8000", "")
    assert "Confirm and send my complaint" in client.get(path).content.decode()
    assert Complaint.objects.get().status == ComplaintStatus.UNCONFIRMED  # opening the link alone does nothing
    with emails.during():
        response = client.post(path)
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.STAGE_1
    acknowledgement = next(m for m in emails.sent if m.to == ["rita@example.net"] and "received" in m.subject)
    assert complaint.reference in acknowledgement.subject
    assert "/follow/" in acknowledgement.body
    assert "will not be told who you are" in acknowledgement.body


def test_an_expired_confirmation_link_is_refused(world, client, settings):
    from complaints.tokens import confirmation_token

    from .factories import raise_complaint

    complaint = raise_complaint(world, kind="email", user=None, email="a@example.net")
    settings.COMPLAINT_CONFIRMATION_MAX_AGE = -1
    response = client.get(reverse("complaints:confirm-email", args=[confirmation_token(complaint)]))
    assert response.status_code == 400
    assert "expired or is not valid" in response.content.decode()


def test_a_group_member_raises_a_complaint_for_their_group_and_gets_an_acknowledgement(world, client_for, emails):
    client = client_for(world.users["group_member"])
    fill_in_the_complaint(client, world, who=f"org:{world.group.pk}", confidential="no")
    with emails.during():
        client.post(reverse("complaints:raise-check"))
    complaint = Complaint.objects.get()
    assert (complaint.complainant_organisation, complaint.confidential) == (world.group, False)
    acknowledgement = next(m for m in emails.sent if m.to == ["member@forum.example"])
    assert acknowledgement.subject == f"{complaint.reference}: We have received your complaint"
    assert complaint.reference in client.get(reverse("complaints:list")).content.decode()


def test_a_robot_that_fills_in_the_hidden_field_is_thanked_and_nothing_is_kept(world, client):
    fill_in_the_complaint(client, world, who="anonymous")
    client.post(reverse("complaints:raise-contact"), {"who": "anonymous", "website": "http://spam.example"})
    response = client.post(reverse("complaints:raise-check"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert not Complaint.objects.exists()


def test_too_many_complaints_from_one_address_get_a_clear_429(world, client, settings):
    settings.COMPLAINT_RATE_LIMIT = 2
    for _ in range(2):
        fill_in_the_complaint(client, world, who="anonymous")
        assert client.post(reverse("complaints:raise-check")).status_code == 302
    fill_in_the_complaint(client, world, who="anonymous")
    response = client.post(reverse("complaints:raise-check"))
    assert response.status_code == 429
    assert "Too many complaints have been sent from your connection" in response.content.decode()
    assert Complaint.objects.count() == 2


def test_unanswered_questions_are_listed_and_the_complaint_is_not_sent(world, client):
    client.post(reverse("complaints:raise-body"), {"respondent": world.council.pk})
    page = client.get(reverse("complaints:raise-check")).content.decode()
    assert "You still need to answer" in page
    assert "Send complaint" not in page
    response = client.post(reverse("complaints:raise-check"))
    assert "Answer every question before sending the complaint." in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_date_in_the_future_gets_a_clear_error(world, client):
    response = client.post(
        reverse("complaints:raise-details"),
        {
            "what_happened": "x",
            "happened_on_0": "1",
            "happened_on_1": "1",
            "happened_on_2": "2099",
            "outcome_sought": "y",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The date it happened must be today or in the past" in page


def test_a_file_that_is_not_an_allowed_kind_is_refused(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("complaints:raise-files"), {"file": SimpleUploadedFile("run.exe", b"MZ\x90\x00")})
    assert "The file must be a PDF" in response.content.decode()


def test_plain_text_that_opens_with_a_file_signature_is_still_text(world, client):
    # "BM" is a bitmap's signature: notes beginning "BME …" were refused as an image not allowed.
    from .factories import text_upload

    upload = text_upload("bme-forum-notes.txt", b"BME Forum notes: the council never replied.")
    assert client.post(reverse("complaints:raise-files"), {"file": upload}).status_code == 302


def test_text_still_needs_a_txt_name(world, client):
    from .factories import text_upload

    response = client.post(reverse("complaints:raise-files"), {"file": text_upload("notes.html", b"<p>Notes</p>")})
    assert "The file must be a PDF" in response.content.decode()


# A chosen file is never dropped (issue 18): "Continue" posts the same form as "Upload file".


def test_continue_with_a_chosen_file_uploads_it_and_moves_on(world, client):
    from complaints.models import ComplaintFile

    from .factories import text_upload

    response = client.post(
        reverse("complaints:raise-files"), {"file": text_upload("forum.txt"), "continue": "Continue"}
    )
    assert response.status_code == 302
    assert response.url == reverse("complaints:raise-contact")
    assert list(ComplaintFile.objects.values_list("original_name", flat=True)) == ["forum.txt"]


def test_continue_with_a_refused_file_stays_and_says_why(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("complaints:raise-files"),
        {"file": SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "continue": "Continue"},
    )
    assert response.status_code == 200
    assert "The file must be a PDF" in response.content.decode()


def test_continue_without_a_file_moves_on_and_back_to_check_when_changing(world, client):
    assert client.post(reverse("complaints:raise-files"), {"continue": "Continue"}).url == reverse(
        "complaints:raise-contact"
    )
    changing = client.post(reverse("complaints:raise-files") + "?change=1", {"continue": "Continue"})
    assert changing.url == reverse("complaints:raise-check")


def test_the_files_page_has_one_green_button(world, client):
    page = client.get(reverse("complaints:raise-files")).content.decode()
    buttons = re.findall(r'<(?:button|input)[^>]*class="govuk-button[^"]*"', page)
    primary = [b for b in buttons if "govuk-button--secondary" not in b]
    assert len(primary) == 1 and 'name="continue"' in primary[0]
