"""A consultation's document is checked and cleaned by the portal's one upload check (issue 12,
items 1 and 5): the public downloads it without the hidden details that name its author, and a
name claiming another type is refused. Comments on consultations take no files."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consultations.models import Status
from consultations.services import workflow
from tests.common import samples

from .factories import make_consultation

pytestmark = pytest.mark.django_db


def _form(consultation):
    def day(name, value):
        return {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}

    return {
        "title": consultation.title,
        "summary": "s",
        "stage": "implementation",
        "equality_assessment": "planned",
        **day("opens", consultation.opens),
        **day("closes", consultation.closes),
    }


@pytest.mark.parametrize(
    "name, build, details",
    [
        ("Draft plan.pdf", samples.pdf_bytes, samples.pdf_details),
        ("Draft plan.docx", samples.docx_bytes, samples.zip_details),
        ("Draft plan.odt", samples.odt_bytes, samples.zip_details),
    ],
)
def test_the_public_downloads_the_document_without_its_authors_name(world, client_for, name, build, details):
    consultation = make_consultation(world, status=Status.DRAFT)
    officer = client_for(world.users["officer"])
    upload = SimpleUploadedFile(name, build())
    response = officer.post(
        reverse("consultations:edit", args=[consultation.slug]), {**_form(consultation), "document": upload}
    )
    assert response.status_code == 302, response.content.decode()
    consultation.refresh_from_db()
    workflow.consultation_open(consultation=consultation, user=world.users["officer"])

    download = client_for(None).get(reverse("consultations:document", args=[consultation.slug]))
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    assert not samples.holds_name(data)
    assert samples.NAME not in details(data)
    assert download["Content-Disposition"].endswith(f'.{name.rsplit(".", 1)[1]}"')


def test_a_document_whose_name_claims_another_type_is_refused_saying_so(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    page = SimpleUploadedFile("plan.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError) as caught:
        workflow.consultation_update(consultation=consultation, user=world.users["officer"], document=page)
    assert caught.value.message_dict == {
        "document": ["plan.pdf is not a PDF: its content is a web page. Upload the PDF itself."]
    }


def test_an_older_word_document_is_refused_with_a_way_forward(world):
    today = timezone.localdate()
    ole = SimpleUploadedFile("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    with pytest.raises(ValidationError) as caught:
        workflow.consultation_create(
            owner=world.council,
            user=world.users["officer"],
            title="Plan",
            summary="s",
            stage="policy_development",
            opens=today,
            closes=today + timedelta(weeks=12),
            document=ole,
        )
    assert "plan.doc is in an older Office format" in caught.value.message_dict["document"][0]


def test_a_locked_pdf_is_refused_not_published(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    locked = SimpleUploadedFile("plan.pdf", samples.encrypted_pdf_bytes())
    with pytest.raises(ValidationError) as caught:
        workflow.consultation_update(consultation=consultation, user=world.users["officer"], document=locked)
    assert caught.value.message_dict == {
        "document": ["plan.pdf is protected by a password. Upload a copy without a password."]
    }
    consultation.refresh_from_db()
    assert not consultation.document
