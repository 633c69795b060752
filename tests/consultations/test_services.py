"""Consultation services: the status workflow, the 12-week rules, comments of three kinds,
moderation, responses to several comments, the pending-response guard, invitations and reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations import jobs, services
from consultations.models import AuthorKind, Comment, Consultation, Disposition, Invitation, Status
from consultations.services import comments as comment_rules
from consultations.services import responses as response_rules
from consultations.services import workflow
from tests import factories as f

from .factories import comment_from_group, make_consultation

pytestmark = pytest.mark.django_db


def _close(consultation):
    Consultation.objects.filter(pk=consultation.pk).update(status=Status.CLOSED)
    consultation.refresh_from_db()
    return consultation


def _messages(exc_info) -> list[str]:
    return exc_info.value.messages


# --- The 12-week rules and the workflow ---------------------------------------------------------


def test_a_consultation_shorter_than_12_weeks_needs_a_reason(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.consultation_create(
            owner=world.council,
            user=world.users["officer"],
            title="Quick",
            summary="s",
            stage="implementation",
            opens=today,
            closes=today + timedelta(weeks=11, days=6),
        )
    assert exc.value.message_dict == {"shorter_reason": [workflow.SHORTER_REASON_REQUIRED]}
    consultation = services.consultation_create(
        owner=world.council,
        user=world.users["officer"],
        title="Quick",
        summary="s",
        stage="implementation",
        opens=today,
        closes=today + timedelta(weeks=11, days=6),
        shorter_reason="Statutory deadline in March.",
    )
    assert consultation.is_shorter and consultation.weeks == 11 and consultation.status == Status.DRAFT


def test_twelve_weeks_exactly_needs_no_reason_and_the_response_is_due_12_weeks_after_closing(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    assert not consultation.is_shorter and consultation.weeks == 12
    assert consultation.response_due == consultation.closes + timedelta(weeks=12)


def test_closing_date_must_follow_opening_date(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.consultation_create(
            owner=world.council, user=None, title="T", summary="s", stage="evaluation", opens=today, closes=today
        )
    assert exc.value.message_dict == {"closes": [workflow.CLOSES_BEFORE_OPENS]}


def test_only_a_public_body_runs_a_consultation(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.consultation_create(
            owner=world.group,
            user=None,
            title="T",
            summary="s",
            stage="evaluation",
            opens=today,
            closes=today + timedelta(weeks=12),
        )
    assert _messages(exc) == [workflow.OWNER_NOT_PUBLIC_BODY]


def test_equality_assessment_not_needed_needs_a_reason(world):
    with pytest.raises(ValidationError) as exc:
        make_consultation(world, status=Status.DRAFT, equality_assessment="not_needed")
    assert exc.value.message_dict == {"equality_assessment_reason": [workflow.ASSESSMENT_REASON_REQUIRED]}


def test_opening_later_than_planned_is_checked_against_12_weeks(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    with pytest.raises(ValidationError) as exc:
        services.consultation_open(consultation=consultation, user=None, today=consultation.opens + timedelta(days=3))
    assert exc.value.message_dict == {"shorter_reason": [workflow.SHORTER_REASON_REQUIRED]}
    assert Consultation.objects.get(pk=consultation.pk).status == Status.DRAFT


def test_a_draft_with_nothing_to_comment_on_cannot_open(world):
    consultation = make_consultation(world, status=Status.DRAFT, sections=0)
    with pytest.raises(ValidationError) as exc:
        services.consultation_open(consultation=consultation, user=None)
    assert _messages(exc) == [workflow.NOTHING_TO_COMMENT_ON]


def test_workflow_goes_draft_open_closed_published(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    services.consultation_open(consultation=consultation, user=None, today=consultation.opens)
    assert consultation.status == Status.OPEN
    with pytest.raises(ValidationError) as exc:
        services.consultation_open(consultation=consultation, user=None)
    assert _messages(exc) == [workflow.NOT_DRAFT]
    with pytest.raises(ValidationError) as exc:
        services.consultation_publish_response(consultation=consultation, user=None)
    assert _messages(exc) == [workflow.NOT_CLOSED]
    services.consultation_close(consultation=consultation, user=None, today=consultation.closes)
    assert consultation.status == Status.CLOSED
    published = services.consultation_publish_response(
        consultation=consultation, user=None, today=consultation.closes + timedelta(days=20)
    )
    assert published.status == Status.PUBLISHED
    assert published.response_published_on == consultation.closes + timedelta(days=20)


def test_closing_early_shortens_it_and_then_needs_a_reason(world):
    consultation = make_consultation(world)
    early = consultation.opens + timedelta(weeks=6)
    with pytest.raises(ValidationError) as exc:
        services.consultation_close(consultation=consultation, user=None, today=early)
    assert exc.value.message_dict == {"shorter_reason": [workflow.SHORTER_REASON_REQUIRED]}
    consultation.refresh_from_db()
    services.consultation_close(consultation=consultation, user=None, today=early, shorter_reason="Plan withdrawn.")
    consultation.refresh_from_db()
    assert consultation.closes == early and consultation.weeks == 6 and consultation.status == Status.CLOSED


def _dates_not_recorded(consultation):
    """As the loader leaves a consultation whose source file gives no dates."""
    Consultation.objects.filter(pk=consultation.pk).update(opens=None, closes=None)
    consultation.refresh_from_db()
    return consultation


def test_a_draft_with_no_closing_date_recorded_cannot_open_until_it_has_one(world):
    consultation = _dates_not_recorded(make_consultation(world, status=Status.DRAFT))
    with pytest.raises(ValidationError) as exc:
        services.consultation_open(consultation=consultation, user=None)
    assert _messages(exc) == [workflow.CLOSES_NOT_SET]
    assert Consultation.objects.get(pk=consultation.pk).status == Status.DRAFT


def test_an_open_consultation_with_no_dates_recorded_closes_today(world):
    consultation = _dates_not_recorded(make_consultation(world))
    today = timezone.localdate()
    services.consultation_close(consultation=consultation, user=None, today=today)
    consultation.refresh_from_db()
    assert consultation.status == Status.CLOSED and consultation.closes == today and consultation.opens is None


# --- Comments ---------------------------------------------------------------------------------


def test_three_kinds_of_comment_and_who_the_public_sees(world):
    consultation = make_consultation(world)
    sections = list(consultation.sections.all())
    group = comment_from_group(world, consultation, sections=sections)
    person = services.comment_add_individual(consultation=consultation, user=world.users["outsider"], text="Mine.")
    nobody = services.comment_add_anonymous(consultation=consultation, text="Anon.", sections=sections[1:])
    assert [c.author_kind for c in (group, person, nobody)] == [
        AuthorKind.ORGANISATION,
        AuthorKind.INDIVIDUAL,
        AuthorKind.ANONYMOUS,
    ]
    assert group.published_author == "African Caribbean Forum"
    assert person.published_author == "An individual" and person.author == world.users["outsider"]
    assert nobody.published_author == "Anonymous" and nobody.author is None
    assert list(group.sections.order_by("comment_links__order")) == sections
    assert person.sections.count() == 0  # the whole document
    assert group.received_on == timezone.localdate()


def test_only_a_member_may_comment_for_an_organisation(world):
    consultation = make_consultation(world)
    with pytest.raises(ValidationError) as exc:
        services.comment_add_for_organisation(
            consultation=consultation, user=world.users["outsider"], organisation=world.group, text="Pretending."
        )
    assert exc.value.message_dict == {"organisation": [comment_rules.NOT_A_MEMBER]}


def test_comments_only_while_open_and_not_empty(world):
    draft = make_consultation(world, status=Status.DRAFT, title="Draft one")
    with pytest.raises(ValidationError) as exc:
        services.comment_add_anonymous(consultation=draft, text="Too early")
    assert _messages(exc) == [comment_rules.NOT_OPEN_FOR_COMMENTS]
    consultation = make_consultation(world)
    with pytest.raises(ValidationError) as exc:
        services.comment_add_anonymous(consultation=consultation, text="   ")
    assert exc.value.message_dict == {"text": [comment_rules.EMPTY_COMMENT]}


def test_a_comment_cannot_cite_another_consultations_section(world):
    consultation = make_consultation(world)
    other = make_consultation(world, title="Other one")
    with pytest.raises(ValidationError) as exc:
        services.comment_add_anonymous(consultation=consultation, text="x", sections=list(other.sections.all()))
    assert exc.value.message_dict == {"sections": [comment_rules.WRONG_SECTION]}


def test_hiding_needs_a_reason_keeps_the_comment_and_can_be_undone(world):
    consultation = make_consultation(world)
    comment = services.comment_add_anonymous(consultation=consultation, text="Rude words")
    officer = world.users["officer"]
    with pytest.raises(ValidationError) as exc:
        services.comment_hide(comment=comment, user=officer, reason=" ")
    assert exc.value.message_dict == {"reason": [comment_rules.HIDE_REASON_REQUIRED]}
    services.comment_hide(comment=comment, user=officer, reason="Abusive language")
    stored = Comment.objects.get(pk=comment.pk)
    assert stored.hidden and stored.hidden_reason == "Abusive language" and stored.hidden_by == officer
    assert not Comment.objects.visible().filter(pk=comment.pk).exists()
    services.comment_unhide(comment=stored, user=officer)
    assert Comment.objects.visible().filter(pk=comment.pk).exists()
    assert stored.history.filter(hidden_reason="Abusive language").exists()


# --- Responses --------------------------------------------------------------------------------


def test_one_response_answers_several_comments(world):
    consultation = make_consultation(world)
    a = comment_from_group(world, consultation, text="First")
    b = services.comment_add_anonymous(consultation=consultation, text="Second")
    response = services.response_create(
        consultation=consultation,
        user=world.users["officer"],
        comments=[a, b],
        disposition=Disposition.ALREADY_COVERED,
        text="See 4.1",
        where="4.1",
    )
    assert set(response.comments.all()) == {a, b}
    assert consultation.comments.pending().count() == 0


def test_already_covered_needs_where_and_responses_need_comments(world):
    consultation = make_consultation(world)
    a = comment_from_group(world, consultation)
    with pytest.raises(ValidationError) as exc:
        services.response_create(
            consultation=consultation, user=None, comments=[a], disposition=Disposition.ALREADY_COVERED, text="Covered"
        )
    assert exc.value.message_dict == {"where": [response_rules.WHERE_REQUIRED]}
    with pytest.raises(ValidationError) as exc:
        services.response_create(consultation=consultation, user=None, comments=[], disposition="noted", text="x")
    assert exc.value.message_dict == {"comments": [response_rules.NO_COMMENTS_CHOSEN]}


def test_a_hidden_comment_gets_no_response(world):
    consultation = make_consultation(world)
    a = services.comment_add_anonymous(consultation=consultation, text="Spam")
    services.comment_hide(comment=a, user=None, reason="Spam")
    a.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.response_create(consultation=consultation, user=None, comments=[a], disposition="noted", text="x")
    assert exc.value.message_dict == {"comments": [response_rules.HIDDEN_COMMENT]}


# --- Invitations and reminders ----------------------------------------------------------------


def test_invitations_are_emailed_when_open_and_once_only(world, django_capture_on_commit_callbacks):
    world.group.email = "hello@forum.example"
    world.group.save()
    consultation = make_consultation(world, status=Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(consultation=consultation, user=None, organisations=[world.group])
    assert mail.outbox == []  # a draft's invitations wait for it to open
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_open(consultation=consultation, user=None, today=consultation.opens)
    assert [m.to for m in mail.outbox] == [["hello@forum.example"]]
    assert Invitation.objects.get().sent_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(consultation=consultation, user=None, organisations=[world.group])
    assert len(mail.outbox) == 1 and Invitation.objects.count() == 1


def test_reminders_go_to_the_owners_officers_once_per_state(world):
    consultation = _close(make_consultation(world))
    due = consultation.response_due
    assert jobs.response_reminders_send(today=due - timedelta(days=20)) == 0
    assert jobs.response_reminders_send(today=due - timedelta(days=14)) == 1
    assert mail.outbox[-1].to == ["officer@council.example"] and "due soon" in mail.outbox[-1].subject.lower()
    assert jobs.response_reminders_send(today=due - timedelta(days=3)) == 0
    assert jobs.response_reminders_send(today=due + timedelta(days=1)) == 1
    assert "overdue" in mail.outbox[-1].subject.lower()
    assert jobs.response_reminders_send(today=due + timedelta(days=2)) == 0
    consultation.refresh_from_db()
    assert consultation.response_overdue(due + timedelta(days=1))
    assert consultation.due_soon_reminder_sent_at and consultation.overdue_reminder_sent_at


def test_a_published_response_gets_no_reminder(world):
    consultation = make_consultation(world, status=Status.PUBLISHED)
    assert jobs.response_reminders_send(today=consultation.response_due + timedelta(days=5)) == 0
    assert not consultation.response_overdue(consultation.response_due + timedelta(days=5))


def test_another_bodys_officer_is_not_reminded(world):
    other = f.UserFactory(email="x@nhs.example")
    f.MembershipFactory(user=other, organisation=world.other_body)
    consultation = _close(make_consultation(world))
    jobs.response_reminders_send(today=consultation.response_due + timedelta(days=1))
    assert all("x@nhs.example" not in m.to for m in mail.outbox)


def test_comments_stop_after_the_closing_date_and_the_daily_task_closes_it(world):
    consultation = make_consultation(world)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens=consultation.opens - timedelta(weeks=13), closes=consultation.opens - timedelta(days=1)
    )
    consultation.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.comment_add_anonymous(consultation=consultation, text="Too late")
    assert _messages(exc) == [comment_rules.NOT_OPEN_FOR_COMMENTS]
    assert jobs.consultations_close_due(today=consultation.closes) == 0
    assert jobs.consultations_close_due(today=consultation.closes + timedelta(days=1)) == 1
    consultation.refresh_from_db()
    assert consultation.status == Status.CLOSED
