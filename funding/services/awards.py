"""Awards, their withdrawal, and the joint review (§6.7) and redistribution (§6.5) that follow."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.dates import long_date
from funding.dates import whole_months
from funding.models import (
    Application,
    ApplicationStatus,
    Award,
    AwardStatus,
    JointReview,
    Redistribution,
)
from organisations.models import Organisation, Sector
from organisations.selectors import bme_led_status_between

NOT_AWARDED = "An award can only be made for an application whose decision is “awarded”."
ALREADY_HAS_AWARD = "This application already has an award ({identifier})."
AMOUNT_NOT_POSITIVE = "Enter an amount of more than £0."
AWARDED_BEFORE_DECISION = "The award date cannot be before the decision ({day})."
AWARD_IN_FUTURE = "The award date cannot be in the future."
END_BEFORE_START = "The planned end date must be the same as or after the planned start date."
ALREADY_WITHDRAWN = "This award was withdrawn on {day}."
WITHDRAWN_BEFORE_AWARD = "The withdrawal date cannot be before the award date ({day})."
WITHDRAWN_IN_FUTURE = "The withdrawal date cannot be in the future."
WITHDRAWAL_REASON_NEEDED = "Give the reason for withdrawing the award."
REVIEW_ALREADY_COMPLETE = "This joint review was completed on {day} and can no longer be changed."
REVIEW_INCOMPLETE = "To complete the joint review, fill in: {missing}."
REVIEW_HELD_IN_FUTURE = "The review date cannot be in the future."
REVIEW_NOT_AGREED = "Both the funder and the organisation must agree the record before the review is complete."
REDISTRIBUTION_ALREADY_COMPLETE = "This redistribution record was completed on {day} and can no longer be changed."
REDISTRIBUTION_INCOMPLETE = "To complete the record, fill in: {missing}."
ALTERNATIVE_NOT_VCS = "Funding can only be redistributed to a voluntary or community organisation."
ALTERNATIVE_IS_RECIPIENT = "Choose an organisation other than the one whose award was withdrawn."
AMOUNT_WITHOUT_ALTERNATIVE = "Say which organisation the funding went to, or leave the amount empty."
REDISTRIBUTED_TOO_MUCH = "The amount redistributed cannot be more than the withdrawn award (£{amount:,})."


def grant_identifier(number: int) -> str:
    """360G-<prefix>-<number>: the portal's 360Giving prefix and the award's own number."""
    return f"{getattr(settings, 'GRANT_ID_PREFIX', '360G-compactportal')}-{number}"


def _planned(planned_start: date | None, planned_end: date | None) -> int | None:
    if planned_start and planned_end:
        if planned_end < planned_start:
            raise ValidationError({"planned_end": END_BEFORE_START})
        return whole_months(planned_start, planned_end)
    return None


@transaction.atomic
def award_create(
    *,
    application: Application,
    title: str,
    description: str,
    amount: Decimal,
    award_date: date,
    planned_start: date | None = None,
    planned_end: date | None = None,
    user=None,
) -> Award:
    """Award an application, recording the recipient's BME-led outcome on the award date."""
    application = Application.objects.select_for_update().select_related("programme").get(pk=application.pk)
    if application.status != ApplicationStatus.AWARDED:
        raise ValidationError(NOT_AWARDED)
    existing = Award.objects.filter(application=application).first()
    if existing:
        raise ValidationError(ALREADY_HAS_AWARD.format(identifier=existing.identifier))
    errors = {}
    if amount <= 0:
        errors["amount"] = AMOUNT_NOT_POSITIVE
    if award_date > timezone.localdate():
        errors["award_date"] = AWARD_IN_FUTURE
    elif application.decided_on is not None and award_date < application.decided_on:
        errors["award_date"] = AWARDED_BEFORE_DECISION.format(day=long_date(application.decided_on))
    if errors:
        raise ValidationError(errors)
    planned_months = _planned(planned_start, planned_end)
    status = bme_led_status_between(
        funder=application.programme.funder, organisation=application.applicant, on_date=award_date
    )
    award = Award.objects.create(
        identifier=f"pending-{application.pk}",
        title=title,
        description=description,
        amount=amount,
        award_date=award_date,
        planned_start=planned_start,
        planned_end=planned_end,
        planned_months=planned_months,
        recipient=application.applicant,
        funder=application.programme.funder,
        programme=application.programme,
        application=application,
        recipient_bme_led_outcome=status.outcome,
        recipient_bme_rule=status.rule_label,
        created_by=user,
    )
    # The number is the award's own, known once it is saved; an imported grant that happens to
    # hold the same identifier keeps it, and this award takes the next free suffix.
    identifier, suffix = grant_identifier(award.pk), 1
    while Award.objects.filter(identifier=identifier).exists():
        suffix += 1
        identifier = f"{grant_identifier(award.pk)}-{suffix}"
    award.identifier = identifier
    award.save(update_fields=["identifier"])
    return award


@transaction.atomic
def award_withdraw(*, award: Award, withdrawn_on: date, reason: str, user=None) -> Award:
    """Withdraw an award and open its joint review and redistribution record."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.status == AwardStatus.WITHDRAWN:
        raise ValidationError(ALREADY_WITHDRAWN.format(day=long_date(award.withdrawn_on)))
    errors = {}
    if withdrawn_on > timezone.localdate():
        errors["withdrawn_on"] = WITHDRAWN_IN_FUTURE
    elif withdrawn_on < award.award_date:
        errors["withdrawn_on"] = WITHDRAWN_BEFORE_AWARD.format(day=long_date(award.award_date))
    if not reason.strip():
        errors["reason"] = WITHDRAWAL_REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    award.status = AwardStatus.WITHDRAWN
    award.withdrawn_on = withdrawn_on
    award.withdrawal_reason = reason.strip()
    award.save()
    JointReview.objects.get_or_create(award=award)
    Redistribution.objects.get_or_create(award=award)
    return award


@transaction.atomic
def joint_review_record(
    *,
    review: JointReview,
    held_on: date | None,
    causes: str,
    lessons: str,
    support_needs: str,
    agreed_by_both: bool,
    complete: bool,
    user=None,
) -> JointReview:
    """Save the joint review; `complete` closes it, which needs every part and both sides' agreement."""
    review = JointReview.objects.select_for_update().get(pk=review.pk)
    if review.is_complete:
        raise ValidationError(REVIEW_ALREADY_COMPLETE.format(day=long_date(review.completed_on)))
    if held_on and held_on > timezone.localdate():
        raise ValidationError({"held_on": REVIEW_HELD_IN_FUTURE})
    if complete:
        missing = [
            label
            for label, value in (
                ("the date it was held", held_on),
                ("the causes", causes.strip()),
                ("the lessons", lessons.strip()),
                ("the support needed", support_needs.strip()),
            )
            if not value
        ]
        if missing:
            raise ValidationError(REVIEW_INCOMPLETE.format(missing=", ".join(missing)))
        if not agreed_by_both:
            raise ValidationError({"agreed_by_both": REVIEW_NOT_AGREED})
    review.held_on = held_on
    review.causes, review.lessons, review.support_needs = causes.strip(), lessons.strip(), support_needs.strip()
    review.agreed_by_both = agreed_by_both
    if complete:
        review.completed_on = timezone.localdate()
        review.completed_by = user
    review.save()
    return review


@transaction.atomic
def redistribution_record(
    *,
    redistribution: Redistribution,
    alternative_considered: bool | None,
    alternative: Organisation | None,
    amount: Decimal | None,
    outcome: str,
    complete: bool,
    user=None,
) -> Redistribution:
    """Save what happened to withdrawn funding; on completion the alternative organisation's BME-led
    outcome that day is recorded with it."""
    redistribution = Redistribution.objects.select_for_update().select_related("award").get(pk=redistribution.pk)
    award = redistribution.award
    if redistribution.is_complete:
        raise ValidationError(REDISTRIBUTION_ALREADY_COMPLETE.format(day=long_date(redistribution.completed_on)))
    errors = {}
    if alternative is not None and alternative.sector != Sector.VOLUNTARY:
        errors["alternative"] = ALTERNATIVE_NOT_VCS
    elif alternative is not None and alternative.pk == award.recipient_id:
        errors["alternative"] = ALTERNATIVE_IS_RECIPIENT
    if amount is not None:
        if amount <= 0:
            errors["amount"] = AMOUNT_NOT_POSITIVE
        elif amount > award.amount:
            errors["amount"] = REDISTRIBUTED_TOO_MUCH.format(amount=award.amount)
        elif alternative is None:
            errors["alternative"] = AMOUNT_WITHOUT_ALTERNATIVE
    if errors:
        raise ValidationError(errors)
    if complete:
        missing = [
            label
            for label, value in (
                ("whether an alternative BME-led organisation was considered", alternative_considered is not None),
                ("what happened", outcome.strip()),
            )
            if not value
        ]
        if missing:
            raise ValidationError(REDISTRIBUTION_INCOMPLETE.format(missing=", ".join(missing)))
    redistribution.alternative_considered = alternative_considered
    redistribution.alternative = alternative
    redistribution.amount = amount
    redistribution.outcome = outcome.strip()
    if complete:
        today = timezone.localdate()
        redistribution.completed_on = today
        redistribution.completed_by = user
        redistribution.alternative_bme_led_outcome = (
            bme_led_status_between(funder=redistribution.award.funder, organisation=alternative, on_date=today).outcome
            if alternative
            else ""
        )
    redistribution.save()
    return redistribution


def awards_mark_completed(*, today: date | None = None) -> int:
    """Active awards whose planned end has passed are completed (run daily)."""
    today = today or timezone.localdate()
    finished = Award.objects.filter(status=AwardStatus.ACTIVE, planned_end__lt=today)
    count = 0
    for award in finished:  # one by one, so that each change is in the award's history
        award.status = AwardStatus.COMPLETED
        award.save(update_fields=["status"])
        count += 1
    return count
