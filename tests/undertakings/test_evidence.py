"""Evidence files: type from content, size limit, SHA-256, storage outside the static root."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from undertakings import services
from undertakings.models import EvidenceFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


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
    "name, content, detected",
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("chart.png", PNG, "image/png"),
        ("minutes.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("notes.txt", "Réunion du comité – 12 members attended\n".encode(), "text/plain"),
        # "BM" is also the signature of a bitmap image.
        ("forum.txt", b"BME Voluntary Sector Forum: minutes\n", "text/plain"),
        # The name does not matter: a PDF called .txt is still a PDF.
        ("renamed.txt", PDF, "application/pdf"),
    ],
)
def test_allowed_types_are_recognised_from_their_content(entry, officer, name, content, detected):
    evidence = services.evidence_file_add(entry=entry, user=officer, upload=upload(name, content))
    assert evidence.content_type == detected
    assert evidence.original_name == name
    assert evidence.size == len(content)
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.file.read() == content


@pytest.mark.parametrize(
    "name, content",
    [
        (
            "report.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,
        ),  # a Windows program
        ("archive.pdf", zip_bytes()),  # a plain zip archive
        ("data.txt", bytes(range(256))),  # binary
    ],
)
def test_other_types_are_refused_whatever_their_name(entry, officer, name, content):
    with pytest.raises(ValidationError) as caught:
        services.evidence_file_add(entry=entry, user=officer, upload=upload(name, content))
    assert caught.value.message_dict == {"file": [services.FILE_TYPE_NOT_ALLOWED]}
    assert not EvidenceFile.objects.exists()


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
