"""common.uploads.accept_upload, the one check for every upload: accepted types only, the stored name
ends in what the file is, a name claiming another type is refused saying so."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from common.uploads import ENDING_REFUSED, accept_upload, safe_download_name
from tests.common import samples

ACCEPTED = ("application/pdf", "image/png", "text/plain")
NOT_ACCEPTED = "The file must be a PDF, a PNG image or plain text."


def check(name, data):
    return accept_upload(SimpleUploadedFile(name, data), accepted=ACCEPTED, not_accepted=NOT_ACCEPTED)


@pytest.mark.parametrize(
    "name, data, stored",
    [
        ("minutes.PDF", samples.pdf_bytes(), "minutes.pdf"),
        ("../../etc/minutes.pdf", samples.pdf_bytes(), "minutes.pdf"),
        ('C:\\Users\\helen\\"chart".png', samples.png_bytes(), "chart.png"),
        ("notes", b"Notes", "notes.txt"),
        ("figures.csv", b"a,b\n1,2\n", "figures.csv"),
        ("v2.final", b"Notes", "v2.final.txt"),
    ],
)
def test_the_stored_name_ends_in_what_the_file_is(name, data, stored):
    assert check(name, data).name == stored


@pytest.mark.parametrize("ending", ["hta", "bat", "js", "html", "svg", "exe", "vbs", "ps1", "lnk"])
def test_names_windows_would_run_are_refused_whatever_is_inside(ending):
    with pytest.raises(ValidationError) as caught:
        check(f"report.{ending}", b"Just some words")
    assert caught.value.message_dict == {
        "file": [ENDING_REFUSED.format(name=f"report.{ending}", ending=ending, accepted=NOT_ACCEPTED)]
    }


def test_a_type_not_on_the_list_is_refused_even_under_its_own_name():
    with pytest.raises(ValidationError) as caught:
        check("photo.jpg", samples.jpeg_bytes())
    assert caught.value.message_dict == {"file": [NOT_ACCEPTED]}


def test_only_the_cleaned_copy_is_returned():
    accepted = check("minutes.pdf", samples.pdf_bytes())
    assert not samples.holds_name(accepted.content)
    assert accepted.size == len(accepted.content) and accepted.as_file().read() == accepted.content


@pytest.mark.parametrize(
    "name, content_type, safe",
    [
        ("annual-report.pdf", "text/plain", "annual-report.txt"),
        ("open-me.hta", "text/plain", "open-me.txt"),
        ("minutes.pdf", "application/pdf", "minutes.pdf"),
        ("photo.jpeg", "image/jpeg", "photo.jpeg".replace(".jpeg", ".jpg")),
        ("Minutes v2.final", "text/plain", "Minutes v2.final.txt"),
        ("old.doc", "application/msword", "old.doc"),
        ("odd", "application/x-unknown", "odd.bin"),
    ],
)
def test_downloads_are_named_by_what_the_file_is(name, content_type, safe):
    assert safe_download_name(name, content_type) == safe
