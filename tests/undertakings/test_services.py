"""Compliance returns through their services: starting, comply or explain, carrying forward, and
every workflow transition."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests import factories as f
from undertakings import services
from undertakings.models import ComplianceReturn, Rating, ReturnEvent, ReturnStatus
from undertakings.services import (
    CODE_NOT_ADOPTED,
    COMMENTS_REQUIRED,
    EXPLANATION_REQUIRED,
    NO_PREVIOUS_RETURN,
    NOT_A_SIGNATORY,
    NOT_WAITING_FOR_REVIEW,
    PERIOD_CLOSED,
    RETURN_EXISTS,
    RETURN_INCOMPLETE,
    RETURN_LOCKED,
    RETURN_SUBMITTED_READ_ONLY,
)

from .conftest import fill
from .factories import make_code

pytestmark = pytest.mark.django_db


def messages(exc_info) -> list[str]:
    return exc_info.value.messages


def update(entry, user, rating, explanation="", evidence="", links=()):
    return services.compliance_entry_update(
        entry=entry, user=user, rating=rating, explanation=explanation, evidence=evidence, links=list(links)
    )


def submitted(council_return, officer):
    fill(council_return, officer)
    return services.compliance_return_submit(compliance_return=council_return, user=officer)


# --- Starting a return -----------------------------------------------------------------------


def test_a_public_body_gets_one_entry_per_assessable_joint_and_public_undertaking(council_return):
    refs = list(council_return.entries.values_list("undertaking__ref", flat=True))
    assert refs == ["3.1.1", "3.1.2", "3.2.1", "3.2.2"]  # 3.2.3 is not assessable; 3.3.1 is voluntary
    assert set(council_return.entries.values_list("rating", flat=True)) == {Rating.NOT_ASSESSED}
    assert council_return.status == ReturnStatus.DRAFT
    assert list(council_return.events.values_list("kind", flat=True)) == [ReturnEvent.Kind.STARTED]


def test_a_community_group_gets_joint_and_voluntary_undertakings(world, code):
    group_return = services.compliance_return_start(
        organisation=world.group, period=world.period, code=code, user=world.users["group_member"]
    )
    assert list(group_return.entries.values_list("undertaking__ref", flat=True)) == ["3.1.1", "3.1.2", "3.3.1"]


def test_a_body_cannot_start_two_returns_for_the_same_period_and_code(world, code, council_return, officer):
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)
    assert messages(caught) == [
        RETURN_EXISTS.format(organisation=world.council, code=code.short_title, period=world.period.label)
    ]


def test_an_organisation_that_has_not_signed_the_compact_makes_no_return(world, code, officer):
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_start(organisation=world.other_group, period=world.period, code=code, user=officer)
    assert messages(caught) == [
        NOT_A_SIGNATORY.format(organisation=world.other_group, compact=world.compact, period=world.period.label)
    ]


def test_a_signatory_that_withdrew_before_the_period_makes_no_return(world, code, officer):
    world.council.signatory_records.update(withdrawn_on=datetime.date(2025, 1, 31))
    with pytest.raises(ValidationError):
        services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)


def test_returns_are_made_against_adopted_codes_only(world, officer):
    draft = make_code(world.compact, slug="draft-code", status="consultation")
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_start(organisation=world.council, period=world.period, code=draft, user=officer)
    assert messages(caught) == [CODE_NOT_ADOPTED.format(code=draft, status="under consultation")]


def test_a_closed_period_accepts_no_new_returns(world, code, officer):
    world.period.is_open = False
    world.period.save()
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)
    assert messages(caught) == [PERIOD_CLOSED.format(period="2025-26")]


# --- Comply or explain -----------------------------------------------------------------------


@pytest.mark.parametrize("rating", [Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE])
def test_a_rating_other_than_met_needs_an_explanation(council_return, officer, rating):
    entry = council_return.entries.first()
    with pytest.raises(ValidationError) as caught:
        update(entry, officer, rating, explanation="   ")
    assert caught.value.message_dict == {"explanation": [EXPLANATION_REQUIRED]}
    entry.refresh_from_db()
    assert entry.rating == Rating.NOT_ASSESSED


def test_met_needs_no_explanation_and_explained_ratings_are_saved(council_return, officer):
    first, second = council_return.entries.all()[:2]
    update(first, officer, Rating.MET)
    update(second, officer, Rating.NOT_MET, explanation="  No budget this year; planned for 2026-27.  ")
    second.refresh_from_db()
    assert (second.rating, second.explanation) == (Rating.NOT_MET, "No budget this year; planned for 2026-27.")
    assert second.updated_by == officer


def test_evidence_links_must_be_web_addresses(council_return, officer):
    entry = council_return.entries.first()
    with pytest.raises(ValidationError) as caught:
        update(entry, officer, Rating.MET, links=["https://example.org/plan.pdf", "javascript:alert(1)"])
    assert caught.value.message_dict == {"links": [services.LINK_INVALID.format(line=2)]}
    update(entry, officer, Rating.MET, links=["https://example.org/plan.pdf", ""])
    entry.refresh_from_db()
    assert entry.links == ["https://example.org/plan.pdf"]


def test_progress_counts_assessed_entries(council_return, officer):
    update(council_return.entries.first(), officer, Rating.MET)
    fresh = ComplianceReturn.objects.get(pk=council_return.pk)
    assert (fresh.assessed_count, fresh.total_count) == (1, 4)


# --- Submitting ------------------------------------------------------------------------------


def test_a_return_with_unassessed_entries_cannot_be_submitted(council_return, officer):
    update(council_return.entries.first(), officer, Rating.MET)
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_submit(compliance_return=council_return, user=officer)
    assert messages(caught) == [RETURN_INCOMPLETE.format(count=3)]
    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.DRAFT


def test_submitting_a_complete_return_records_who_and_when_and_tells_the_steering_group(
    council_return, officer, steering, django_capture_on_commit_callbacks
):
    fill(council_return, officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.compliance_return_submit(compliance_return=council_return, user=officer)

    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.SUBMITTED
    assert council_return.submitted_at is not None
    event = council_return.events.last()
    assert (event.kind, event.by) == (ReturnEvent.Kind.SUBMITTED, officer)
    assert [m.to for m in mail.outbox] == [[steering.email]]
    assert "Northshire Council" in mail.outbox[0].subject


def test_a_submitted_return_is_read_only_for_its_body(council_return, officer):
    submitted(council_return, officer)
    entry = council_return.entries.first()
    with pytest.raises(ValidationError) as caught:
        update(entry, officer, Rating.NOT_MET, explanation="Changed my mind")
    assert messages(caught) == [RETURN_SUBMITTED_READ_ONLY]
    with pytest.raises(ValidationError):
        services.compliance_return_submit(compliance_return=council_return, user=officer)
    with pytest.raises(ValidationError):
        services.action_add(entry=entry, user=officer, what="x", who="y", due_on=datetime.date(2027, 1, 1))


def test_a_return_cannot_be_submitted_once_the_period_is_closed(council_return, officer):
    fill(council_return, officer)
    council_return.period.is_open = False
    council_return.period.save()
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_submit(compliance_return=council_return, user=officer)
    assert messages(caught) == [PERIOD_CLOSED.format(period="2025-26")]


# --- Review ----------------------------------------------------------------------------------


def test_the_steering_group_returns_a_return_with_comments_and_the_body_is_told(
    council_return, officer, steering, django_capture_on_commit_callbacks
):
    submitted(council_return, officer)

    with django_capture_on_commit_callbacks(execute=True):
        services.compliance_return_send_back(
            compliance_return=council_return, user=steering, comments="Please give evidence for 3.2.1."
        )

    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.RETURNED
    assert council_return.steering_comments == "Please give evidence for 3.2.1."
    event = council_return.events.last()
    assert (event.kind, event.by, event.comments) == (
        ReturnEvent.Kind.RETURNED,
        steering,
        "Please give evidence for 3.2.1.",
    )
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "Please give evidence for 3.2.1." in mail.outbox[0].body


def test_returning_needs_comments(council_return, officer, steering):
    submitted(council_return, officer)
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_send_back(compliance_return=council_return, user=steering, comments=" ")
    assert caught.value.message_dict == {"comments": [COMMENTS_REQUIRED]}


def test_a_returned_return_can_be_changed_and_submitted_again(council_return, officer, steering):
    submitted(council_return, officer)
    services.compliance_return_send_back(compliance_return=council_return, user=steering, comments="Fix 3.1.1")
    update(council_return.entries.first(), officer, Rating.PARTLY_MET, explanation="Plan agreed, not yet published.")

    services.compliance_return_submit(compliance_return=council_return, user=officer)

    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.SUBMITTED
    assert list(council_return.events.values_list("kind", flat=True)) == [
        "started",
        "submitted",
        "returned",
        "resubmitted",
    ]


def test_accepting_a_return_locks_it(council_return, officer, steering):
    submitted(council_return, officer)
    services.compliance_return_accept(compliance_return=council_return, user=steering, comments="Thank you.")

    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.REVIEWED
    assert council_return.reviewed_at is not None
    assert council_return.events.last().kind == ReturnEvent.Kind.ACCEPTED
    with pytest.raises(ValidationError) as caught:
        update(council_return.entries.first(), officer, Rating.MET)
    assert messages(caught) == [RETURN_LOCKED]
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_send_back(compliance_return=council_return, user=steering, comments="Reopen")
    assert messages(caught) == [NOT_WAITING_FOR_REVIEW.format(status="reviewed")]


@pytest.mark.parametrize("review", ["accept", "send_back"])
def test_only_a_submitted_return_can_be_reviewed(council_return, steering, review):
    with pytest.raises(ValidationError) as caught:
        if review == "accept":
            services.compliance_return_accept(compliance_return=council_return, user=steering)
        else:
            services.compliance_return_send_back(compliance_return=council_return, user=steering, comments="No")
    assert messages(caught) == [NOT_WAITING_FOR_REVIEW.format(status="draft")]


# --- Start from last year --------------------------------------------------------------------


@pytest.fixture
def last_year(world, code, officer, steering):
    """A reviewed 2024-25 return of the council: 3.1.1 met, 3.1.2 partly met with an open action, 3.2.1 not applicable."""
    period = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
        returns_due=datetime.date(2025, 6, 30),
    )
    old = services.compliance_return_start(organisation=world.council, period=period, code=code, user=officer)
    entries = {e.undertaking.ref: e for e in old.entries.select_related("undertaking")}
    update(
        entries["3.1.1"], officer, Rating.MET, evidence="Race equality plan 2024", links=["https://example.org/plan"]
    )
    update(entries["3.1.2"], officer, Rating.PARTLY_MET, explanation="Mentioned in some publications only.")
    update(entries["3.2.1"], officer, Rating.NOT_APPLICABLE, explanation="We fund no BME groups.")
    update(entries["3.2.2"], officer, Rating.MET)
    services.action_add(
        entry=entries["3.1.2"],
        user=officer,
        what="Add the Code to the funding guide",
        who="Grants team",
        due_on=datetime.date(2025, 9, 30),
    )
    done = services.action_add(
        entry=entries["3.1.2"], user=officer, what="Brief staff", who="HR", due_on=datetime.date(2025, 5, 1)
    )
    services.action_update(action=done, user=officer, what=done.what, who=done.who, due_on=done.due_on, done=True)
    services.compliance_return_submit(compliance_return=old, user=officer)
    services.compliance_return_accept(compliance_return=old, user=steering)
    return old


def test_starting_from_last_year_copies_answers_marked_carried_forward(world, code, officer, last_year):
    new = services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )

    entries = {e.undertaking.ref: e for e in new.entries.select_related("undertaking")}
    assert entries["3.1.1"].rating == Rating.MET and entries["3.1.1"].carried_forward
    assert entries["3.1.1"].evidence == "Race equality plan 2024"
    assert entries["3.1.1"].links == ["https://example.org/plan"]
    assert (entries["3.1.2"].rating, entries["3.1.2"].explanation) == (
        Rating.PARTLY_MET,
        "Mentioned in some publications only.",
    )
    assert new.carried_forward_from == last_year
    # Only the unfinished action comes along.
    assert list(entries["3.1.2"].actions.values_list("what", flat=True)) == ["Add the Code to the funding guide"]
    assert new.events.get().comments == "Started from the 2024-25 return."
    # Last year's return is untouched.
    assert not last_year.entries.filter(carried_forward=True).exists()


def test_a_return_with_unconfirmed_carried_forward_entries_cannot_be_submitted(world, code, officer, last_year):
    new = services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_submit(compliance_return=new, user=officer)
    assert messages(caught) == [RETURN_INCOMPLETE.format(count=4)]


def test_saving_an_entry_confirms_it_whether_changed_or_not(world, code, officer, last_year):
    new = services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )
    for entry in new.entries.all():
        update(entry, officer, entry.rating, explanation=entry.explanation, evidence=entry.evidence, links=entry.links)
    assert not new.entries.filter(carried_forward=True).exists()
    services.compliance_return_submit(compliance_return=new, user=officer)
    new.refresh_from_db()
    assert new.status == ReturnStatus.SUBMITTED


def test_starting_from_last_year_without_a_previous_return_is_refused(world, code, officer):
    with pytest.raises(ValidationError) as caught:
        services.compliance_return_start(
            organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
        )
    assert messages(caught) == [NO_PREVIOUS_RETURN]
    assert not ComplianceReturn.objects.exists()


# --- Actions ---------------------------------------------------------------------------------


def test_actions_need_what_and_who_and_record_when_done(council_return, officer):
    entry = council_return.entries.first()
    with pytest.raises(ValidationError) as caught:
        services.action_add(entry=entry, user=officer, what=" ", who="", due_on=datetime.date(2026, 9, 30))
    assert caught.value.message_dict == {"what": [services.WHAT_REQUIRED], "who": [services.WHO_REQUIRED]}
    action = services.action_add(
        entry=entry, user=officer, what="Publish plan", who="Policy team", due_on=datetime.date(2026, 9, 30)
    )
    services.action_update(
        action=action, user=officer, what="Publish plan", who="Policy team", due_on=action.due_on, done=True
    )
    action.refresh_from_db()
    assert action.done and action.done_on is not None
    services.action_remove(action=action, user=officer)
    assert not entry.actions.exists()


# --- Periods ---------------------------------------------------------------------------------


def test_a_period_is_the_uk_financial_year_with_returns_due_three_months_after(world):
    period = services.reporting_period_create(compact=world.compact, start_year=2026)
    assert (period.label, period.start_date, period.end_date, period.returns_due) == (
        "2026-27",
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
        datetime.date(2027, 6, 30),
    )
    with pytest.raises(ValidationError) as caught:
        services.reporting_period_create(compact=world.compact, start_year=2026)
    assert messages(caught) == [services.PERIOD_EXISTS.format(compact=world.compact, label="2026-27")]


def test_workflow_changes_made_with_notifications_suppressed_send_no_email(
    council_return, officer, django_capture_on_commit_callbacks
):
    fill(council_return, officer)
    with django_capture_on_commit_callbacks(execute=True), services.notifications_suppressed():
        services.compliance_return_submit(compliance_return=council_return, user=officer)
    assert mail.outbox == []
