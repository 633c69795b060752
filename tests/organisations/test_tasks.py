"""Reminders 30 days before a board declaration goes stale: sent once, to the members, by beat."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from compact_portal.celery import app
from organisations import tasks
from organisations.bme_led import last_current_date
from organisations.models import BoardDeclaration, MembershipRole, MembershipStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(db):
    organisation = f.OrganisationFactory(name="Roma Support Network", slug="roma-support-network")
    f.MembershipFactory(
        organisation=organisation, user=f.UserFactory(email="chair@roma.example"), role=MembershipRole.ADMIN
    )
    f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="member@roma.example"))
    f.MembershipFactory(
        organisation=organisation, user=f.UserFactory(email="waiting@roma.example"), status=MembershipStatus.REQUESTED
    )
    return f.BoardDeclarationFactory(
        organisation=organisation, effective_date=timezone.localdate() - timedelta(days=350)
    )


def test_members_are_reminded_when_their_declaration_is_about_to_go_stale(due, settings):
    settings.SITE_URL = "https://compact.example.org"
    assert tasks.send_due_declaration_reminders() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["chair@roma.example", "member@roma.example"]
    message = mail.outbox[0]
    stale_on = last_current_date(due.effective_date) + timedelta(days=1)
    assert message.subject == f"Roma Support Network: board declaration stops counting on {stale_on:%-d %B %Y}"
    assert "https://compact.example.org/organisations/roma-support-network/declare-board/" in message.body
    assert BoardDeclaration.objects.get(pk=due.pk).stale_reminder_sent_at is not None


def test_the_reminder_is_never_sent_twice_for_the_same_declaration(due):
    tasks.send_due_declaration_reminders()
    tasks.send_due_declaration_reminders()
    assert tasks.send_declaration_reminder(due.pk) == 0  # a second delivery of the task
    assert len(mail.outbox) == 2


def test_a_failed_send_can_be_retried(due, monkeypatch):
    from organisations import notifications

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(notifications, "send_mass_mail", broken)
    with pytest.raises(OSError):
        tasks.send_declaration_reminder.run(due.pk)
    assert BoardDeclaration.objects.get(pk=due.pk).stale_reminder_sent_at is None
    monkeypatch.undo()
    assert tasks.send_declaration_reminder.run(due.pk) == 2


def test_a_new_declaration_gets_its_own_reminder_later(due):
    tasks.send_due_declaration_reminders()
    fresh = f.BoardDeclarationFactory(organisation=due.organisation, effective_date=timezone.localdate())
    assert tasks.send_due_declaration_reminders() == 0
    assert BoardDeclaration.objects.get(pk=fresh.pk).stale_reminder_sent_at is None


def test_beat_runs_the_reminders_every_day():
    app.loader.import_default_modules()
    from compact_portal.celery import collect_beat_schedules

    collect_beat_schedules(app)
    entry = app.conf.beat_schedule["organisations-declaration-reminders"]
    assert entry["task"] == tasks.send_due_declaration_reminders.name
    assert entry["schedule"].hour == {6}
