import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from funding.models import ApplicationStatus, AwardStatus, JointReview, Redistribution
from funding.services import applications as app_services
from funding.services import awards as award_services
from funding.services.applications import application_decide, application_submit
from funding.services.awards import award_create, award_withdraw, joint_review_record, redistribution_record
from funding.services.programmes import CLOSES_BEFORE_OPENING, FUNDER_NOT_PUBLIC, programme_create
from organisations.bme_led import Outcome
from tests import factories as f

from .factories import ApplicationFactory, AwardFactory, FundingProgrammeFactory

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def programme(db):
    return FundingProgrammeFactory(opens_on=TODAY - 100 * DAY, closes_on=TODAY + 10 * DAY, ring_fenced=True)


def submit(programme, applicant, on=TODAY):
    return application_submit(
        programme=programme,
        applicant=applicant,
        project_title="Lunch club",
        amount_requested=Decimal("5000"),
        submitted_on=on,
    )


def test_programme_needs_a_public_body_and_dates_in_order(db):
    with pytest.raises(ValidationError) as caught:
        programme_create(
            funder=f.OrganisationFactory(),
            title="Fund",
            service_area=None,
            kind="grant",
            purpose="project",
            ring_fenced=False,
            budget=None,
            opens_on=TODAY,
            closes_on=TODAY - DAY,
        )
    assert caught.value.message_dict == {"funder": [FUNDER_NOT_PUBLIC], "closes_on": [CLOSES_BEFORE_OPENING]}


def test_bme_led_outcome_is_recorded_on_the_submission_date_and_does_not_shift(programme):
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, members=4, bme_members=3, effective_date=TODAY - 10 * DAY)
    application = submit(programme, group)
    assert application.bme_led_outcome == Outcome.BME_LED
    # The board changes later: the application keeps what was true on the day.
    f.BoardDeclarationFactory(organisation=group, members=4, bme_members=1, effective_date=TODAY)
    application.refresh_from_db()
    assert application.bme_led_outcome == Outcome.BME_LED


@pytest.mark.parametrize(
    "board, status, advice",
    [
        (
            None,
            "Corby Group has no board declaration from the last 12 months",
            "Declare how many of your board members are of BME origin, then apply.",
        ),
        (
            (8, 2, 0),
            "Corby Group is not BME-led today. Its board declaration says 2 of 8 members are of BME origin (25%)."
            " At least 75% must be.",
            "If your board has changed, update your declaration.",
        ),
        (
            (8, 5, 2),
            "We cannot tell if Corby Group is BME-led today: its status is undetermined. Its board declaration"
            " says 5 of 8 members are of BME origin and 2 members did not say.",
            "Ask the 2 members if they are willing to say, then update your declaration.",
        ),
    ],
)
def test_ring_fenced_programme_refuses_an_organisation_that_is_not_bme_led_and_says_what_to_do(
    programme, board, status, advice
):
    group = f.OrganisationFactory(name="Corby Group")
    if board:
        members, bme, undisclosed = board
        f.BoardDeclarationFactory(organisation=group, members=members, bme_members=bme, undisclosed_members=undisclosed)
    with pytest.raises(ValidationError) as caught:
        submit(programme, group)
    message = caught.value.messages[0]
    assert message.startswith(f"{programme.title} is only open to BME-led organisations. ")
    assert status in message and advice in message
    assert caught.value.code == "ring_fenced"
    refusal = app_services.ring_fence_refusal(programme=programme, applicant=group, on_date=TODAY)
    assert refusal.text in message


def test_a_refusal_for_a_past_day_names_the_day(programme):
    group = f.OrganisationFactory(name="Corby Group")
    refusal = app_services.ring_fence_refusal(programme=programme, applicant=group, on_date=datetime.date(2026, 3, 3))
    assert refusal.status.startswith("Corby Group has no board declaration") and "on 3 March 2026" in refusal.status


def test_a_bme_led_organisation_or_an_open_programme_is_not_refused(programme):
    group = f.OrganisationFactory()
    assert app_services.ring_fence_refusal(programme=programme, applicant=group, on_date=TODAY) is not None
    f.BoardDeclarationFactory(organisation=group, members=4, bme_members=3, effective_date=TODAY - DAY)
    assert app_services.ring_fence_refusal(programme=programme, applicant=group, on_date=TODAY) is None
    open_to_all = FundingProgrammeFactory(ring_fenced=False)
    assert (
        app_services.ring_fence_refusal(programme=open_to_all, applicant=f.OrganisationFactory(), on_date=TODAY) is None
    )


def test_a_stale_declaration_counts_as_none(programme):
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, effective_date=TODAY - 400 * DAY)
    with pytest.raises(ValidationError, match="no board declaration from the last 12 months"):
        submit(programme, group)


def test_application_outside_the_programme_window_is_refused(programme):
    programme.ring_fenced = False
    with pytest.raises(ValidationError) as caught:
        submit(programme, f.OrganisationFactory(), on=TODAY - 200 * DAY)
    assert "accepted applications from" in caught.value.message_dict["submitted_on"][0]


def test_a_public_body_cannot_apply(programme):
    with pytest.raises(ValidationError) as caught:
        submit(programme, f.PublicBodyFactory())
    assert caught.value.message_dict["applicant"] == [app_services.PUBLIC_BODY_APPLICANT]


def test_declining_needs_a_reason_and_a_decision_is_made_once(db):
    application = ApplicationFactory(submitted_on=TODAY - 5 * DAY)
    with pytest.raises(ValidationError) as caught:
        application_decide(application=application, decision=ApplicationStatus.DECLINED, decided_on=TODAY)
    assert caught.value.message_dict["reason"] == [app_services.REASON_NEEDED]
    application_decide(application=application, decision=ApplicationStatus.AWARDED, decided_on=TODAY)
    with pytest.raises(ValidationError, match="already been recorded"):
        application_decide(application=application, decision=ApplicationStatus.DECLINED, decided_on=TODAY, reason="x")


def test_award_takes_the_portal_grant_identifier_and_the_status_on_the_award_date(db, settings):
    settings.GRANT_ID_PREFIX = "360G-northshire"
    group = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=group, members=10, bme_members=2, effective_date=TODAY - 3 * DAY)
    application = ApplicationFactory(
        applicant=group,
        status=ApplicationStatus.AWARDED,
        decided_on=TODAY - 2 * DAY,
        bme_led_outcome=Outcome.NO_CURRENT_DECLARATION,
    )
    award = award_create(
        application=application,
        title="Lunch club",
        description="Weekly lunch club",
        amount=Decimal("4000"),
        award_date=TODAY,
        planned_start=TODAY,
        planned_end=TODAY + 3 * 365 * DAY,
    )
    assert award.identifier == f"360G-northshire-{award.pk}"
    assert award.recipient_bme_led_outcome == Outcome.NOT_BME_LED
    assert award.funder == application.programme.funder and award.is_multi_year
    with pytest.raises(ValidationError, match="already has an award"):
        award_create(application=application, title="Again", description="x", amount=Decimal("1"), award_date=TODAY)


def test_an_undecided_application_cannot_be_awarded(db):
    with pytest.raises(ValidationError) as caught:
        award_create(
            application=ApplicationFactory(), title="t", description="d", amount=Decimal("1"), award_date=TODAY
        )
    assert caught.value.messages == [award_services.NOT_AWARDED]


def test_withdrawal_opens_a_joint_review_and_a_redistribution_record(db):
    award = AwardFactory(award_date=TODAY - 30 * DAY)
    with pytest.raises(ValidationError) as caught:
        award_withdraw(award=award, withdrawn_on=TODAY, reason=" ")
    assert caught.value.message_dict["reason"] == [award_services.WITHDRAWAL_REASON_NEEDED]
    award_withdraw(award=award, withdrawn_on=TODAY, reason="The project stopped")
    award.refresh_from_db()
    assert award.status == AwardStatus.WITHDRAWN
    assert JointReview.objects.filter(award=award, completed_on=None).exists()
    assert Redistribution.objects.filter(award=award, completed_on=None).exists()


def test_joint_review_completes_only_with_every_part_agreed(db):
    review = JointReview.objects.create(award=AwardFactory(status=AwardStatus.WITHDRAWN, withdrawn_on=TODAY))
    parts = {
        "held_on": TODAY,
        "causes": "Venue closed",
        "lessons": "Plan premises",
        "support_needs": "Help with premises",
    }
    with pytest.raises(ValidationError, match="fill in: the lessons"):
        joint_review_record(review=review, **{**parts, "lessons": ""}, agreed_by_both=True, complete=True)
    with pytest.raises(ValidationError) as caught:
        joint_review_record(review=review, **parts, agreed_by_both=False, complete=True)
    assert caught.value.message_dict["agreed_by_both"] == [award_services.REVIEW_NOT_AGREED]
    joint_review_record(review=review, **parts, agreed_by_both=True, complete=True)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        joint_review_record(review=review, **parts, agreed_by_both=True, complete=False)


def test_redistribution_records_the_alternatives_status_and_checks_the_amount(db):
    award = AwardFactory(amount=Decimal("3000"), status=AwardStatus.WITHDRAWN, withdrawn_on=TODAY)
    record = Redistribution.objects.create(award=award)
    alternative = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=alternative)
    with pytest.raises(ValidationError) as caught:
        redistribution_record(
            redistribution=record,
            alternative_considered=True,
            alternative=alternative,
            amount=Decimal("5000"),
            outcome="Given to another group",
            complete=True,
        )
    assert "cannot be more than the withdrawn award" in caught.value.message_dict["amount"][0]
    redistribution_record(
        redistribution=record,
        alternative_considered=True,
        alternative=alternative,
        amount=Decimal("3000"),
        outcome="Given to another group",
        complete=True,
    )
    record.refresh_from_db()
    assert record.is_complete and record.alternative_bme_led_outcome == Outcome.BME_LED


def test_awards_past_their_planned_end_are_marked_completed(db):
    finished = AwardFactory(planned_start=TODAY - 400 * DAY, planned_end=TODAY - DAY)
    running = AwardFactory(planned_start=TODAY - DAY, planned_end=TODAY + DAY)
    assert award_services.awards_mark_completed() == 1
    finished.refresh_from_db(), running.refresh_from_db()
    assert (finished.status, running.status) == (AwardStatus.COMPLETED, AwardStatus.ACTIVE)
