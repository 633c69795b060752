"""`manage.py generate_metro` makes the metro benchmark data set: counts that scale, the same rows on
every run, and pages that work on it."""

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from complaints.models import Complaint
from consultations.models import Comment, Consultation, Response
from demo import metro
from funding.models import Award
from organisations.models import Compact, Organisation, Sector
from undertakings.models import ComplianceEntry, ComplianceReturn

pytestmark = pytest.mark.django_db

SCALE = 0.002


def fingerprint() -> str:
    """A digest of what the data says (not its primary keys or creation times)."""
    parts = [
        Organisation.objects.order_by("slug").values_list("slug", "name", "sector", "faith_based"),
        Award.objects.order_by("identifier").values_list(
            "identifier", "amount", "award_date", "funder__slug", "recipient__slug", "recipient_bme_led_outcome"
        ),
        ComplianceEntry.objects.order_by(
            "compliance_return__organisation__slug", "compliance_return__period__label", "undertaking__ref"
        ).values_list(
            "compliance_return__organisation__slug",
            "compliance_return__period__label",
            "undertaking__ref",
            "rating",
            "explanation",
        ),
        Comment.objects.order_by("consultation__slug", "position").values_list(
            "consultation__slug", "position", "text", "organisation__slug", "channel"
        ),
        Response.objects.order_by("consultation__slug", "text").values_list(
            "consultation__slug", "disposition", "text"
        ),
        Complaint.objects.order_by("reference").values_list("reference", "respondent__slug", "status", "received_on"),
    ]
    digest = hashlib.sha256()
    for rows in parts:
        for row in rows:
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_the_counts_follow_the_scale_and_two_runs_make_the_same_data():
    expected = metro.counts(SCALE)
    with transaction.atomic():
        call_command("generate_metro", scale=SCALE, stdout=open("/dev/null", "w"))
        first = fingerprint()
        assert Compact.objects.count() == 4
        # Every organisation works in its Compact's area, and so counts in that Compact only.
        in_compacts = [
            set(Organisation.objects.in_compact(c).values_list("pk", flat=True)) for c in Compact.objects.all()
        ]
        assert sum(len(ids) for ids in in_compacts) == Organisation.objects.count() == len(set().union(*in_compacts))
        assert Organisation.objects.filter(sector=Sector.PUBLIC).count() == expected["public_bodies"]
        assert Organisation.objects.filter(sector=Sector.VOLUNTARY).count() == expected["groups"]
        assert ComplianceReturn.objects.count() == expected["returns"]
        assert ComplianceEntry.objects.count() == expected["returns"] * metro.ENTRIES_PER_RETURN
        assert Award.objects.count() == expected["awards"] == round(90009 * SCALE)
        assert Consultation.objects.count() == expected["consultations"]
        assert Comment.objects.count() == expected["comments"] == round(60161 * SCALE)
        assert Complaint.objects.count() == expected["complaints"] == round(15005 * SCALE)
        biggest = max(Consultation.objects.all(), key=lambda c: c.comments.count())
        assert biggest.comments.count() == expected["big_consultation_comments"]
        transaction.set_rollback(True)
    assert not Compact.objects.exists()
    call_command("generate_metro", scale=SCALE, stdout=open("/dev/null", "w"))
    assert fingerprint() == first


def test_full_scale_sizes_are_the_ones_measured_in_the_issue():
    full = metro.counts(1)
    assert (full["organisations"], full["public_bodies"], full["returns"], full["awards"]) == (6014, 80, 1615, 90009)
    assert (full["consultations"], full["comments"], full["complaints"]) == (203, 60161, 15005)


def test_a_second_run_on_the_same_database_is_refused():
    call_command("generate_metro", scale=SCALE, stdout=open("/dev/null", "w"))
    with pytest.raises(CommandError, match="already"):
        call_command("generate_metro", scale=SCALE, stdout=open("/dev/null", "w"))


def test_the_generated_data_opens_in_the_pages_it_is_made_to_measure(client):
    call_command("generate_metro", scale=SCALE, stdout=open("/dev/null", "w"))
    consultation = Consultation.objects.get(slug="metro-consultation-0")
    for url in (
        reverse("funding:award-list"),
        reverse("organisations:directory"),
        reverse("consultations:detail", args=[consultation.slug]),
        reverse("consultations:response", args=[consultation.slug]),
    ):
        assert client.get(url).status_code == 200, url
    csv_text = client.get(reverse("funding:award-csv")).getvalue().decode()
    assert csv_text.count("360G-metro-") == Award.objects.count()
