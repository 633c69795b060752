"""Uploaded files and generated PDFs in S3-compatible object storage (issue 17, item 5).

A local S3 server (moto in server mode, on 127.0.0.1 in this process) stands in for the bucket, so
the test needs no outside service. Files go into the bucket, never onto the local disk, and come
back only through the portal's views, after their permission checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from complaints.models import ComplaintFile
from tests.common import samples
from tests.complaints.factories import raise_complaint
from tests.undertakings.factories import make_code
from undertakings import services as undertakings_services
from undertakings.models import EvidenceFile

BUCKET = "compact-portal-test"
KEYS = {"access_key": "testing-key", "secret_key": "testing-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "default_acl": None,
                "file_overwrite": False,
                **KEYS,
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _in_bucket(client, key: str) -> bytes:
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def _nothing_on_disk():
    media = Path(django_settings.MEDIA_ROOT)
    return not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@pytest.mark.django_db
def test_evidence_goes_to_the_bucket_and_comes_back_only_through_the_download_view(world, bucket, client_for):
    officer = world.users["officer"]
    code = make_code(world.compact)
    compliance_return = undertakings_services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    entry = compliance_return.entries.first()
    response = client_for(officer).post(
        reverse("undertakings:evidence-add", args=[entry.pk]),
        {"file": SimpleUploadedFile("minutes.txt", b"Minutes of the joint meeting\n", content_type="text/plain")},
    )
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get()
    assert _in_bucket(bucket, evidence.file.name) == b"Minutes of the joint meeting\n"
    assert _nothing_on_disk()

    download = client_for(officer).get(reverse("undertakings:evidence-download", args=[evidence.pk]))
    assert download.status_code == 200
    assert download.getvalue() == b"Minutes of the joint meeting\n"
    assert 'filename="minutes.txt"' in download["Content-Disposition"]
    # Someone without access is refused by the portal; nothing hands out a bucket address.
    assert client_for(world.users["outsider"]).get(
        reverse("undertakings:evidence-download", args=[evidence.pk])
    ).status_code in (403, 404)
    assert "X-Amz" not in str(download.headers) and "Location" not in download


@pytest.mark.django_db
def test_a_complaint_file_is_cleaned_into_the_bucket_and_downloaded_by_the_body(world, bucket, client_for):
    complaint = raise_complaint(world, confidential=True)
    response = client_for(world.users["group_member"]).post(
        reverse("complaints:file-add", args=[complaint.reference]),
        {"file": SimpleUploadedFile("minutes.pdf", samples.pdf_bytes())},
    )
    assert response.status_code == 302
    file = ComplaintFile.objects.get()
    stored = _in_bucket(bucket, file.file.name)
    assert stored.startswith(b"%PDF") and not samples.holds_name(stored)
    assert _nothing_on_disk()

    officer = client_for(world.users["officer"])
    download = officer.get(reverse("complaints:file-download", args=[complaint.reference, file.pk]))
    assert download.status_code == 200
    assert download.getvalue() == stored
    other = client_for(world.users["other_officer"])
    assert other.get(reverse("complaints:file-download", args=[complaint.reference, file.pk])).status_code == 404


@pytest.mark.django_db
def test_a_missing_object_is_not_found_not_a_server_error(world, bucket, client_for):
    officer = world.users["officer"]
    code = make_code(world.compact)
    entry = undertakings_services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    ).entries.first()
    evidence = undertakings_services.evidence_file_add(
        entry=entry, user=officer, upload=SimpleUploadedFile("notes.txt", b"Notes\n", content_type="text/plain")
    )
    bucket.delete_object(Bucket=BUCKET, Key=evidence.file.name)
    assert client_for(officer).get(reverse("undertakings:evidence-download", args=[evidence.pk])).status_code == 404


def _storages_for(env: dict) -> dict:
    """STORAGES as the settings module builds them from these environment variables."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    base.pop("DATABASE_URL", None)
    # Building the storage too: django-storages refuses an option it does not know.
    code = (
        "import json; from django.conf import settings; from django.core.files.storage import storages; "
        "storages['default']; print(json.dumps(settings.STORAGES['default']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**base, "DJANGO_SETTINGS_MODULE": "compact_portal.settings", **env},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_bucket_is_used_only_when_the_environment_names_one():
    assert _storages_for({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    s3 = _storages_for(
        {
            "AWS_STORAGE_BUCKET_NAME": "portal-files",
            "AWS_S3_ENDPOINT_URL": "http://minio:9000",
            "AWS_ACCESS_KEY_ID": "id",
            "AWS_SECRET_ACCESS_KEY": "secret",
        }
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    options = s3["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["addressing_style"]) == (
        "portal-files",
        "http://minio:9000",
        "path",
    )
    # Private objects: no public ACL, never written over.
    assert options["default_acl"] is None and options["file_overwrite"] is False


@pytest.mark.django_db
def test_a_built_review_pdf_is_stored_in_the_bucket_and_served_to_the_steering_group(
    world, bucket, client_for, django_capture_on_commit_callbacks
):
    from reviews import services as review_services

    with django_capture_on_commit_callbacks(execute=True):
        review = review_services.review_request(
            compact=world.compact, period=world.period, user=world.users["steering_member"]
        )
    review.refresh_from_db()
    assert review.pdf.name.startswith("reviews/northshire/")
    stored = _in_bucket(bucket, review.pdf.name)
    assert stored.startswith(b"%PDF")
    assert _nothing_on_disk()
    url = reverse("reviews:version-pdf", args=[world.compact.slug, world.period.label, review.version])
    download = client_for(world.users["steering_member"]).get(url)
    assert download.status_code == 200 and download.getvalue() == stored
    assert client_for(world.users["outsider"]).get(url).status_code in (403, 404)


def test_empty_values_copied_from_env_example_mean_aws_defaults():
    options = _storages_for({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "", "AWS_S3_ADDRESSING_STYLE": ""})[
        "OPTIONS"
    ]
    assert (options["endpoint_url"], options["addressing_style"], options["access_key"]) == (None, "auto", None)
