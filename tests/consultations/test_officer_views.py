"""Officer pages: edit, sections, events, invitations by filter, showing a hidden comment again."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from consultations import services
from consultations.models import Consultation, ConsultationEvent, Invitation, Status
from consultations.services import workflow

from .factories import make_consultation

pytestmark = pytest.mark.django_db


def _date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_an_officer_changes_the_details_and_the_rules_still_apply(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT)
    client = client_for(world.users["officer"])
    url = reverse("consultations:edit", args=[consultation.slug])
    assert "Review of the grants scheme" in client.get(url).content.decode()  # the form is filled in
    data = {
        "title": "New title",
        "summary": "s",
        "stage": "implementation",
        "equality_assessment": "not_needed",
        **_date_fields("opens", consultation.opens),
        **_date_fields("closes", consultation.closes),
    }
    page = client.post(url, data).content.decode()
    assert "Say why an equality impact assessment is not needed." in page
    response = client.post(url, {**data, "equality_assessment_reason": "No change to services."})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.title == "New title" and consultation.stage == "implementation"


def test_sections_are_added_in_order_and_refs_are_unique(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT, sections=1)
    client = client_for(world.users["officer"])
    url = reverse("consultations:sections", args=[consultation.slug])
    assert client.post(url, {"ref": "2", "title": "Money", "text": "How grants are paid."}).status_code == 302
    page = client.post(url, {"ref": "2", "title": "Again"}).content.decode()
    assert workflow.SECTION_REF_TAKEN.format(ref="2") in page
    assert list(consultation.sections.values_list("ref", flat=True)) == ["1", "2"]


def test_events_must_fall_while_the_consultation_is_open(world, client_for):
    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    url = reverse("consultations:events", args=[consultation.slug])
    late = consultation.closes + timedelta(days=1)
    page = client.post(url, {**_date_fields("date", late), "place": "Town hall"}).content.decode()
    assert workflow.EVENT_OUTSIDE in page
    day = consultation.opens + timedelta(days=10)
    assert client.post(url, {**_date_fields("date", day), "place": "Town hall"}).status_code == 302
    assert ConsultationEvent.objects.get().place == "Town hall"
    detail = client_for(None).get(reverse("consultations:detail", args=[consultation.slug])).content.decode()
    assert "Town hall" in detail


def test_invitations_filter_by_bme_led_status_and_show_who_responded(
    world, client_for, django_capture_on_commit_callbacks
):
    for organisation in (world.group, world.other_group):
        organisation.verified = True
        organisation.email = f"{organisation.slug}@example.org"
        organisation.save()
    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    url = reverse("consultations:invitations", args=[consultation.slug])
    filtered = client.get(url, {"bme_led": "bme_led"}).content.decode()
    assert "African Caribbean Forum" in filtered and "Polish Community Centre" not in filtered
    # One green button: "Send invitations"; "Filter" is secondary.
    assert re.search(r'class="govuk-button govuk-button--secondary"[^>]*>\s*Filter', filtered)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url + "?bme_led=bme_led", {"organisations": [world.group.pk]})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["african-caribbean-forum@example.org"]]
    services.comment_add_for_organisation(
        consultation=consultation, user=world.users["group_member"], organisation=world.group, text="Thanks for asking."
    )
    page = client.get(url).content.decode()
    assert "1 organisation invited; 1 of them has commented." in page
    row = page.split("African Caribbean Forum")[1].split("</tr>")[0]
    assert "Invited" in row and "has commented" in row
    assert f'type="checkbox" value="{world.group.pk}"' not in page  # not offered twice
    assert Invitation.objects.get().sent_at is not None


def test_a_hidden_comment_is_shown_again_after_confirmation(world, client_for):
    consultation = make_consultation(world)
    comment = services.comment_add_anonymous(consultation=consultation, text="Borderline")
    services.comment_hide(comment=comment, user=world.users["officer"], reason="Check first")
    client = client_for(world.users["officer"])
    url = reverse("consultations:comment-unhide", args=[consultation.slug, comment.pk])
    assert "Show this comment again?" in client.get(url).content.decode()
    client.post(url)
    comment.refresh_from_db()
    assert not comment.hidden


def test_another_bodys_officer_cannot_hide_comments(world, client_for):
    consultation = make_consultation(world)
    comment = services.comment_add_anonymous(consultation=consultation, text="Fine")
    response = client_for(world.users["other_officer"]).post(
        reverse("consultations:comment-hide", args=[consultation.slug, comment.pk]), {"reason": "Don't like it"}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.hidden


def test_a_site_admin_may_start_a_consultation_for_any_public_body(world, client_for):
    page = client_for(world.users["site_admin"]).get(reverse("consultations:create")).content.decode()
    assert "Northshire Council" in page and "Northshire NHS Trust" in page
    officer_page = client_for(world.users["officer"]).get(reverse("consultations:create")).content.decode()
    assert "Northshire NHS Trust" not in officer_page
    assert Consultation.objects.count() == 0


def test_the_document_is_checked_by_content_and_downloaded_through_the_portal(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.common.samples import pdf_bytes

    consultation = make_consultation(world, status=Status.DRAFT)
    client = client_for(world.users["officer"])
    url = reverse("consultations:edit", args=[consultation.slug])
    data = {
        "title": "T",
        "summary": "s",
        "stage": "implementation",
        "equality_assessment": "planned",
        **_date_fields("opens", consultation.opens),
        **_date_fields("closes", consultation.closes),
    }
    fake = SimpleUploadedFile("plan", b"MZ\x90\x00 a program", content_type="application/pdf")
    page = client.post(url, {**data, "document": fake}).content.decode()
    assert workflow.DOCUMENT_TYPE in page
    real = SimpleUploadedFile("Our Plan.pdf", pdf_bytes())
    assert client.post(url, {**data, "document": real}).status_code == 302
    consultation.refresh_from_db()
    assert consultation.document.name.endswith(".pdf")
    download = client.get(reverse("consultations:document", args=[consultation.slug]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_for(None).get(reverse("consultations:document", args=[consultation.slug])).status_code == 404
