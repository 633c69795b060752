"""Contact details of complaints closed more than the retention period ago are removed daily; the
complaint is kept."""

from datetime import date

import pytest

from complaints import retention, services
from complaints.models import ComplainantKind, Complaint, Event, Party
from tests.complaints.factories import add_complainant_file, raise_complaint

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def by_email(world, closed_on):
    complaint = raise_complaint(
        world,
        kind=ComplainantKind.EMAIL,
        user=None,
        name="Amina Yusuf",
        email="amina@example.org",
        today=date(2024, 12, 2),
    )
    services.complaint_confirm_email(complaint=complaint, today=date(2024, 12, 2))
    services.complaint_withdraw(complaint=Complaint.objects.get(pk=complaint.pk), today=closed_on)
    return Complaint.objects.get(pk=complaint.pk)


def test_contact_details_of_complaints_closed_over_12_months_ago_are_removed_and_the_complaint_kept(world):
    old = by_email(world, closed_on=date(2025, 5, 30))
    recent = by_email(world, closed_on=date(2025, 6, 2))
    open_one = raise_complaint(world, kind=ComplainantKind.EMAIL, user=None, name="Open Person", email="o@example.org")

    assert retention.contact_details_remove(today=TODAY) == 1

    old.refresh_from_db()
    assert (old.complainant_name, old.complainant_email, old.complainant_user) == ("", "", None)
    assert old.reference and old.what_happened and old.outcome == "withdrawn"
    recent.refresh_from_db()
    assert recent.complainant_email == "amina@example.org"
    open_one.refresh_from_db()
    assert open_one.complainant_email == "o@example.org"
    assert retention.contact_details_remove(today=TODAY) == 0  # nothing left: safe to run again


def test_the_account_link_and_whose_files_and_messages_they_were_go_too(world):
    complaint = raise_complaint(world, today=date(2024, 12, 2))
    add_complainant_file(complaint, world)
    services.complaint_withdraw(complaint=complaint, user=world.users["group_member"], today=date(2025, 1, 6))
    nonce = Complaint.objects.get(pk=complaint.pk).follow_up_nonce

    retention.contact_details_remove(today=TODAY)

    complaint.refresh_from_db()
    assert complaint.complainant_user is None
    assert complaint.complainant_organisation == world.group  # an organisation is not a person
    assert complaint.follow_up_nonce != nonce
    assert not complaint.files.filter(uploaded_by__isnull=False).exists()
    assert not Event.objects.filter(complaint=complaint, party=Party.COMPLAINANT, actor__isnull=False).exists()


def test_the_period_is_a_setting(world, settings):
    settings.COMPLAINT_CONTACT_RETENTION_MONTHS = 3
    complaint = by_email(world, closed_on=date(2026, 2, 1))
    assert retention.contact_details_remove(today=TODAY) == 1
    complaint.refresh_from_db()
    assert complaint.complainant_email == ""


def test_the_removal_runs_daily_from_the_beat_schedule():
    from compact_portal.celery import app
    from complaints.schedule import SCHEDULE

    entry = SCHEDULE["complaints-remove-old-contact-details"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
