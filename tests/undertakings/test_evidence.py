"""Evidence files: type from content, size limit, SHA-256, storage outside the static root."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.common import samples
from undertakings import services
from undertakings.models import EvidenceFile

pytestmark = pytest.mark.django_db

PDF = samples.pdf_bytes()
PNG = samples.png_bytes()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("script.js", "alert(1)")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def entry(council_return):
    return council_return.entries.first()


@pytest.mark.parametrize(
    "name, content, detected, stored_name",
    [
        ("plan.pdf", PDF, "application/pdf", "plan.pdf"),
        ("chart.png", PNG, "image/png", "chart.png"),
        (
            "minutes.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "minutes.docx",
        ),
        ("notes.txt", "Réunion du comité – 12 members attended\n".encode(), "text/plain", "notes.txt"),
        # "BM" is also the signature of a bitmap image.
        ("forum.txt", b"BME Voluntary Sector Forum: minutes\n", "text/plain", "forum.txt"),
        ("figures.csv", b"year,grants\n2025,3\n", "text/csv", "figures.csv"),
        # A name without an ending gets the ending of what the file is.
        ("scan", PDF, "application/pdf", "scan.pdf"),
        ("Minutes v2.final", b"Minutes\n", "text/plain", "Minutes v2.final.txt"),
    ],
)
def test_allowed_types_are_recognised_from_their_content(entry, officer, name, content, detected, stored_name):
    evidence = services.evidence_file_add(entry=entry, user=officer, upload=upload(name, content))
    stored = evidence.file.read()
    assert evidence.content_type == detected
    assert evidence.original_name == stored_name
    assert Path(evidence.file.name).suffix == Path(stored_name).suffix
    # Size and fingerprint are the cleaned copy's, the only one kept.
    assert evidence.size == len(stored)
    assert evidence.sha256 == hashlib.sha256(stored).hexdigest()
    assert not samples.holds_name(stored)


@pytest.mark.parametrize(
    "name, content",
    [
        ("archive", zip_bytes()),  # a plain zip archive
        ("data.txt", bytes(range(256))),  # binary
        ("picture.bmp", b"BM" + bytes(range(256)) * 4),  # a bitmap: not one of the accepted images
    ],
)
def test_other_types_are_refused_whatever_their_name(entry, officer, name, content):
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload(name, content))
    assert caught.value.message_dict == {"file": [services.FILE_TYPE_NOT_ALLOWED]}
    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "annual-report.pdf",
            b"<!DOCTYPE html><html><body><script>document.location='https://evil.example'</script></body></html>",
            "annual-report.pdf is not a PDF: its content is a web page. Upload the PDF itself.",
        ),
        (
            "report.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,
            "report.pdf is not a PDF: its content is a Windows program. Upload the PDF itself.",
        ),
        ("archive.pdf", zip_bytes(), "archive.pdf is not a PDF: its content is a zip archive. Upload the PDF itself."),
        ("renamed.txt", PDF, "renamed.txt is not plain text: its content is a PDF. Upload the text file itself."),
        ("photo.jpg", PNG, "photo.jpg is not a JPEG image: its content is a PNG image. Upload the JPEG image itself."),
        (
            "logo.png",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "logo.png is not a PNG image: its content is an SVG drawing.",
        ),
    ],
)
def test_a_name_claiming_another_type_is_refused_saying_what_the_file_is(entry, officer, name, content, message):
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload(name, content))
    assert caught.value.message_dict["file"][0].startswith(message)
    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize(
    "name", ["open-me.hta", "run.bat", "setup.cmd", "app.js", "page.html", "page.htm", "logo.svg", "macro.docm"]
)
def test_text_under_a_name_that_would_run_or_render_is_refused(entry, officer, name):
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload(name, b"<script>alert(1)</script>\n"))
    ending = name.rsplit(".", 1)[1]
    assert caught.value.message_dict == {
        "file": [f"{name} is a .{ending} file, which cannot be uploaded here. {services.FILE_TYPE_NOT_ALLOWED}"]
    }
    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize("name, modern", [("minutes.doc", "docx"), ("budget.xls", "xlsx"), ("slides.ppt", "pptx")])
def test_older_office_files_are_refused_with_a_way_forward(entry, officer, name, modern):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload(name, ole))
    assert caught.value.message_dict == {
        "file": [
            f"{name} is in an older Office format, which we cannot check. Save it as a .{modern} file or a PDF and upload that."
        ]
    }


def test_evidence_files_lose_their_authors_name(entry, officer):
    for name, build in samples.BUILDERS.items():
        evidence = services.evidence_file_add(entry=entry, user=officer, upload=upload(name, build()))
        assert not samples.holds_name(evidence.file.read()), name


def test_files_over_the_size_limit_are_refused(entry, officer, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload("big.txt", b"a" * 1001))
    assert caught.value.message_dict == {"file": [services.FILE_TOO_LARGE.format(limit="1000\xa0bytes")]}
    services.evidence_file_add(entry=entry, user=officer, upload=upload("ok.txt", b"a" * 1000))


def test_the_default_limit_is_ten_megabytes(settings):
    del settings.EVIDENCE_MAX_BYTES
    assert services.evidence_max_bytes() == 10 * 1024 * 1024


def test_an_empty_file_is_refused(entry, officer):
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload("empty.txt", b""))
    assert caught.value.message_dict == {"file": [services.FILE_EMPTY]}


def test_files_are_stored_under_media_root_with_a_random_name_not_the_uploaders(entry, officer):
    evidence = services.evidence_file_add(entry=entry, user=officer, upload=upload("../../static/evil.txt", b"hello"))
    stored = Path(evidence.file.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert "evil" not in stored.name and stored.suffix == ".txt"
    assert evidence.original_name == "evil.txt"


def test_removing_a_file_deletes_it_from_storage(entry, officer, django_capture_on_commit_callbacks):
    evidence = services.evidence_file_add(entry=entry, user=officer, upload=upload("a.txt", b"hello"))
    path = Path(evidence.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_file_remove(evidence=evidence, user=officer)
    assert not path.exists()
    assert not EvidenceFile.objects.exists()


def test_files_cannot_be_added_to_a_submitted_return(council_return, officer):
    from .conftest import fill

    fill(council_return, officer)
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=council_return.entries.first(), user=officer, upload=upload("a.txt", b"x"))
    assert caught.value.messages == [services.RETURN_SUBMITTED_READ_ONLY]


def test_a_file_kept_under_a_dangerous_name_downloads_under_a_safe_one(entry, officer, client_for):
    """Evidence kept before names were checked: an HTML page stored as text under "annual-report.pdf"
    downloads as .txt, so Windows opens it as text."""
    from django.core.files.base import ContentFile
    from django.urls import reverse

    evidence = EvidenceFile(
        entry=entry,
        original_name="annual-report.pdf",
        content_type="text/plain",
        size=6,
        sha256="x",
        uploaded_by=officer,
    )
    evidence.file.save("evidence.txt", ContentFile(b"<html>"), save=False)
    evidence.save()
    old_hta = EvidenceFile(
        entry=entry, original_name="open-me.hta", content_type="text/plain", size=6, sha256="x", uploaded_by=officer
    )
    old_hta.file.save("evidence.txt", ContentFile(b"<html>"), save=False)
    old_hta.save()
    client = client_for(officer)
    for item, expected in ((evidence, "annual-report.txt"), (old_hta, "open-me.txt")):
        response = client.get(reverse("undertakings:evidence-download", args=[item.pk]))
        assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
