"""A confidential complainant's files reach the body without the hidden details that name them
(issue 12, item 1), only files of accepted types under a name saying what they are (item 5), and a
visitor who is not signed in cannot fill the server with drafts (item 6)."""

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from celery.schedules import crontab
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from complaints import jobs, services
from complaints.forms.raising import FILES_CLEANED
from complaints.models import Complaint, ComplaintFile, Party
from complaints.schedule import SCHEDULE
from complaints.services.communication import TOO_MANY_FILES_TODAY
from tests.common import samples

from .factories import raise_complaint, text_upload
from .test_raising_views import fill_in_the_complaint

pytestmark = pytest.mark.django_db

FILES_WITH_A_NAME = {
    "minutes.pdf": samples.pdf_bytes,
    "letter.docx": samples.docx_bytes,
    "figures.xlsx": samples.xlsx_bytes,
    "notes.odt": samples.odt_bytes,
    "photo.jpg": samples.jpeg_bytes,
    "chart.png": samples.png_bytes,
}


def _download(client, complaint, file) -> bytes:
    response = client.get(reverse("complaints:file-download", args=[complaint.reference, file.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _hidden_details(name: str, data: bytes) -> str:
    if name.endswith(".pdf"):
        return samples.pdf_details(data)
    if name.endswith((".jpg", ".png")):
        return samples.image_details(data)
    return samples.zip_details(data)


def test_the_body_downloads_an_anonymous_complainants_files_without_her_name_anywhere(world, client, client_for):
    fill_in_the_complaint(client, world, who="anonymous")
    for name, build in FILES_WITH_A_NAME.items():
        data = build()
        assert samples.holds_name(data)  # the name is there to find before the upload
        response = client.post(reverse("complaints:raise-files"), {"file": SimpleUploadedFile(name, data)})
        assert response.status_code == 302, response.content.decode()
    assert client.post(reverse("complaints:raise-check")).status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.confidential and complaint.files.count() == len(FILES_WITH_A_NAME)

    officer = client_for(world.users["officer"])
    for file in complaint.files.all():
        downloaded = _download(officer, complaint, file)
        assert not samples.holds_name(downloaded), file.original_name
        assert samples.NAME not in _hidden_details(file.original_name, downloaded)
        # Only the cleaned copy was kept: storage holds nothing else.
        assert Path(file.file.path).read_bytes() == downloaded and file.size == len(downloaded)


def test_a_file_added_later_to_a_confidential_complaint_is_cleaned_too(world, client_for):
    complaint = raise_complaint(world, confidential=True)
    upload = SimpleUploadedFile("more-minutes.pdf", samples.pdf_bytes())
    file = services.complaint_file_add(
        complaint=complaint, upload=upload, party=Party.COMPLAINANT, user=world.users["group_member"]
    )
    downloaded = _download(client_for(world.users["officer"]), complaint, file)
    assert downloaded.startswith(b"%PDF") and not samples.holds_name(downloaded)
    assert samples.NAME not in samples.pdf_details(downloaded)


def test_a_photo_stands_the_way_it_was_taken_once_its_exif_is_gone(world):
    # Orientation 6: the camera was turned; the picture is shown turned a quarter clockwise.
    upload = SimpleUploadedFile("photo.jpg", samples.jpeg_bytes(orientation=6, size=(40, 20)))
    file = services.draft_file_add(draft_key="k", upload=upload, user=world.users["group_member"])
    with Image.open(file.file.path) as photo:
        assert photo.size == (20, 40)
        red, green, blue = photo.getpixel((10, 5))
        assert red > 200 and blue < 60  # the left half (red) is now on top
        assert not photo.getexif()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("locked.pdf", samples.encrypted_pdf_bytes(), "locked.pdf is protected by a password."),
        ("broken.pdf", samples.broken_pdf_bytes(), "broken.pdf could not be opened: it may be damaged."),
    ],
)
def test_a_file_that_cannot_be_cleaned_is_refused_not_stored(world, client, name, data, message):
    response = client.post(reverse("complaints:raise-files"), {"file": SimpleUploadedFile(name, data)})
    assert message in response.content.decode()
    assert not ComplaintFile.objects.exists()


def test_a_web_page_called_a_pdf_is_refused_saying_what_it_is(world, client):
    page = SimpleUploadedFile("annual-report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    response = client.post(reverse("complaints:raise-files"), {"file": page})
    assert (
        "annual-report.pdf is not a PDF: its content is a web page. Upload the PDF itself." in response.content.decode()
    )
    assert not ComplaintFile.objects.exists()


@pytest.mark.parametrize("name", ["run.hta", "run.bat", "run.js", "page.html", "drawing.svg"])
def test_text_under_a_name_windows_would_run_is_refused(world, name):
    with pytest.raises(ValidationError) as caught:
        services.draft_file_add(draft_key="k", upload=text_upload(name, b"<script>alert(1)</script>"))
    assert f"{name} is a .{name.rsplit('.', 1)[1]} file, which cannot be uploaded here." in str(caught.value)
    assert not ComplaintFile.objects.exists()


def test_text_is_kept_as_txt_or_csv(world):
    notes = services.draft_file_add(draft_key="k", upload=text_upload("notes", b"Our notes"))
    figures = services.draft_file_add(draft_key="k", upload=text_upload("figures.CSV", b"year,count\n2025,3\n"))
    assert (notes.original_name, figures.original_name) == ("notes.txt", "figures.csv")


# Telling the person, after they chose confidentiality --------------------------------------------


def test_the_person_is_told_their_files_are_cleaned_only_after_choosing_confidentiality(world, client):
    fill_in_the_complaint(client, world, who="email", confidential=None, upload=True)
    before = client.get(reverse("complaints:raise-files")).content.decode()
    assert FILES_CLEANED not in before  # the choice is still to come
    assert client.post(reverse("complaints:raise-confidential"), {"confidential": "yes"}).status_code == 302
    check = client.get(reverse("complaints:raise-check")).content.decode()
    assert FILES_CLEANED in check and "govuk-inset-text" in check
    assert FILES_CLEANED in client.get(reverse("complaints:raise-files") + "?change=1").content.decode()


def test_a_complainant_who_is_not_confidential_is_not_told(world, client):
    fill_in_the_complaint(client, world, who="email", confidential="no", upload=True)
    assert FILES_CLEANED not in client.get(reverse("complaints:raise-check")).content.decode()


def test_the_add_a_file_page_of_a_confidential_complaint_says_so(world, client_for):
    complaint = raise_complaint(world, confidential=True)
    page = client_for(world.users["group_member"]).get(reverse("complaints:file-add", args=[complaint.reference]))
    assert FILES_CLEANED in page.content.decode()


# A daily quota per address, and abandoned drafts removed hourly -------------------------------------


def test_a_visitor_may_add_only_the_daily_quota_of_files_from_one_address(world, client, settings):
    settings.COMPLAINT_ANONYMOUS_FILES_PER_DAY = 2
    for _ in range(2):
        assert client.post(reverse("complaints:raise-files"), {"file": text_upload()}).status_code == 302
    # A new draft (a fresh session) from the same address does not start a new count.
    client.cookies.clear()
    response = client.post(reverse("complaints:raise-files"), {"file": text_upload()})
    assert TOO_MANY_FILES_TODAY.format(count=2) in response.content.decode()
    assert ComplaintFile.objects.count() == 2
    # Another address has its own count.
    other = client.post(reverse("complaints:raise-files"), {"file": text_upload()}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_a_refused_file_does_not_use_up_the_quota(world, settings):
    settings.COMPLAINT_ANONYMOUS_FILES_PER_DAY = 1
    with pytest.raises(ValidationError):
        services.draft_file_add(draft_key="a", upload=text_upload("x.pdf", b"not a pdf"), address="192.0.2.1")
    services.draft_file_add(draft_key="a", upload=text_upload(), address="192.0.2.1")
    with pytest.raises(ValidationError) as caught:
        services.draft_file_add(draft_key="b", upload=text_upload(), address="192.0.2.1")
    assert TOO_MANY_FILES_TODAY.format(count=1) in str(caught.value)


def test_people_signed_in_are_not_held_to_the_visitors_quota(world, settings):
    settings.COMPLAINT_ANONYMOUS_FILES_PER_DAY = 1
    for key in ("a", "b", "c"):
        services.draft_file_add(
            draft_key=key, upload=text_upload(), user=world.users["group_member"], address="192.0.2.1"
        )
    assert ComplaintFile.objects.count() == 3


def test_abandoned_drafts_are_removed_with_their_files_after_the_configured_age(
    world, settings, django_capture_on_commit_callbacks
):
    settings.COMPLAINT_DRAFT_MAX_AGE_HOURS = 24
    old = services.draft_file_add(draft_key="old", upload=text_upload(), address="192.0.2.1")
    recent = services.draft_file_add(draft_key="new", upload=text_upload(), address="192.0.2.1")
    sent = raise_complaint(world)
    attached = services.complaint_file_add(complaint=sent, upload=text_upload(), party=Party.COMPLAINANT)
    now = timezone.now()
    ComplaintFile.objects.filter(pk__in=[old.pk, attached.pk]).update(uploaded_at=now - timedelta(hours=25))
    ComplaintFile.objects.filter(pk=recent.pk).update(uploaded_at=now - timedelta(hours=23))
    old_path = Path(old.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.stale_drafts_delete(now=now) == 1
    assert not old_path.exists()
    assert set(ComplaintFile.objects.values_list("pk", flat=True)) == {recent.pk, attached.pk}
    assert Path(recent.file.path).exists() and Path(attached.file.path).exists()

    settings.COMPLAINT_DRAFT_MAX_AGE_HOURS = 12
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.stale_drafts_delete(now=now) == 1
    assert list(ComplaintFile.objects.values_list("pk", flat=True)) == [attached.pk]


def test_the_clean_up_runs_every_hour_through_celery(world, django_capture_on_commit_callbacks):
    from complaints.tasks import delete_stale_drafts

    entry = SCHEDULE["complaints-delete-stale-drafts"]
    assert entry["task"] == "complaints.tasks.delete_stale_drafts"
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab) and schedule.hour == set(range(24)) and len(schedule.minute) == 1
    file = services.draft_file_add(draft_key="old", upload=text_upload(), address="192.0.2.1")
    ComplaintFile.objects.filter(pk=file.pk).update(uploaded_at=timezone.now() - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_stale_drafts.delay().get() == 1
    assert not ComplaintFile.objects.exists() and not Path(file.file.path).exists()


def test_a_cleaned_word_document_is_still_a_word_document(world):
    upload = SimpleUploadedFile("letter.docx", samples.docx_bytes())
    file = services.draft_file_add(draft_key="k", upload=upload, user=world.users["group_member"])
    with zipfile.ZipFile(io.BytesIO(Path(file.file.path).read_bytes())) as docx:
        assert "The council did not reply." in docx.read("word/document.xml").decode()
        assert docx.testzip() is None


def test_files_stored_before_cleaning_are_cleaned_once_by_the_command(world):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    complaint = raise_complaint(world, confidential=True)
    kinds = {
        "minutes.pdf": "application/pdf",
        "letter.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "photo.jpg": "image/jpeg",
        "chart.png": "image/png",
    }
    for name, content_type in kinds.items():
        data = samples.BUILDERS[name]()
        old = ComplaintFile(
            complaint=complaint,
            original_name=name,
            content_type=content_type,
            size=len(data),
            uploaded_by_party=Party.COMPLAINANT,
        )
        old.file.save("upload", ContentFile(data), save=False)
        old.save()
    services.complaint_file_add(complaint=complaint, upload=text_upload(), party=Party.COMPLAINANT)
    locked = ComplaintFile(
        complaint=complaint, original_name="locked.pdf", content_type="application/pdf", size=1, uploaded_by_party="x"
    )
    locked.file.save("upload", ContentFile(samples.encrypted_pdf_bytes()), save=False)
    locked.save()

    out = io.StringIO()
    call_command("clean_complaint_files", stdout=out)
    assert out.getvalue().splitlines() == [
        "4 cleaned, 1 already clean, 0 missing from storage.",
        f"Could not be opened to clean (look at these, nothing was changed): files {locked.pk}.",
    ]
    stored = {file.original_name: Path(file.file.path).read_bytes() for file in complaint.files.all()}
    assert not any(samples.holds_name(data) for name, data in stored.items() if name != "locked.pdf")
    assert all(file.size == Path(file.file.path).stat().st_size for file in complaint.files.exclude(pk=locked.pk))

    # Run again: nothing changes, not even a re-encoded photo.
    out = io.StringIO()
    call_command("clean_complaint_files", stdout=out)
    assert out.getvalue().startswith("0 cleaned, 5 already clean")
    assert {file.original_name: Path(file.file.path).read_bytes() for file in complaint.files.all()} == stored
