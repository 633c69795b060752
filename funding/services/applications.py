from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.dates import long_date
from funding.models import Application, ApplicationStatus, FundingProgramme
from organisations.bme_definitions import rule_between
from organisations.bme_led import Outcome
from organisations.models import Organisation
from organisations.selectors import bme_led_status

PUBLIC_BODY_APPLICANT = (
    "A public body cannot apply to a funding programme: choose a voluntary or community organisation."
)
AMOUNT_NOT_POSITIVE = "Enter an amount of more than £0."
SUBMITTED_IN_FUTURE = "The submission date cannot be in the future."
OUTSIDE_WINDOW = "{programme} accepted applications from {opens} to {closes}."
# A ring-fenced programme says why it refuses and what the organisation can do about it.
RING_FENCED = "{programme} is only open to BME-led organisations. On {day} {applicant} is {outcome}: {explanation}"
RING_FENCED_ACTION = {
    Outcome.NO_CURRENT_DECLARATION: " Declare your board's make-up (a declaration counts for 12 months), then apply again.",
    Outcome.UNDETERMINED: " If board members who did not say are willing to, update your board declaration, then apply again.",
    Outcome.NOT_BME_LED: "",
}
ALREADY_DECIDED = "A decision has already been recorded for this application ({status})."
NOT_A_DECISION = "Choose awarded, declined or withdrawn by the applicant."
DECIDED_BEFORE_SUBMITTED = "The decision date cannot be before the application was submitted ({day})."
DECIDED_IN_FUTURE = "The decision date cannot be in the future."
REASON_NEEDED = "Give the reason for declining, so that the organisation can learn from it."


@transaction.atomic
def application_submit(
    *,
    programme: FundingProgramme,
    applicant: Organisation,
    project_title: str,
    summary: str = "",
    amount_requested: Decimal,
    submitted_on: date,
    user=None,
) -> Application:
    """Record an application, with the applicant's BME-led outcome on the submission date."""
    errors = {}
    if applicant.is_public_body:
        errors["applicant"] = PUBLIC_BODY_APPLICANT
    if amount_requested <= 0:
        errors["amount_requested"] = AMOUNT_NOT_POSITIVE
    if submitted_on > timezone.localdate():
        errors["submitted_on"] = SUBMITTED_IN_FUTURE
    elif not programme.opens_on <= submitted_on <= programme.closes_on:
        errors["submitted_on"] = OUTSIDE_WINDOW.format(
            programme=programme.title, opens=long_date(programme.opens_on), closes=long_date(programme.closes_on)
        )
    if errors:
        raise ValidationError(errors)
    rule = rule_between(funder=programme.funder, organisation=applicant, on_date=submitted_on)
    status = bme_led_status(organisation=applicant, on_date=submitted_on, definition=rule)
    if programme.ring_fenced and status.outcome != Outcome.BME_LED:
        raise ValidationError(
            RING_FENCED.format(
                programme=programme.title,
                day=long_date(submitted_on),
                applicant=applicant.name,
                outcome=status.label.lower(),
                explanation=status.explanation,
            )
            + RING_FENCED_ACTION[status.outcome],
            code="ring_fenced",
        )
    return Application.objects.create(
        programme=programme,
        applicant=applicant,
        project_title=project_title,
        summary=summary,
        amount_requested=amount_requested,
        submitted_on=submitted_on,
        bme_led_outcome=status.outcome,
        bme_led_explanation=status.explanation,
        submitted_by=user,
    )


@transaction.atomic
def application_decide(
    *, application: Application, decision: str, decided_on: date, reason: str = "", user=None
) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(ALREADY_DECIDED.format(status=application.get_status_display().lower()))
    errors = {}
    if decision not in (ApplicationStatus.AWARDED, ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN):
        errors["decision"] = NOT_A_DECISION
    if decided_on > timezone.localdate():
        errors["decided_on"] = DECIDED_IN_FUTURE
    elif decided_on < application.submitted_on:
        errors["decided_on"] = DECIDED_BEFORE_SUBMITTED.format(day=long_date(application.submitted_on))
    if decision == ApplicationStatus.DECLINED and not reason.strip():
        errors["reason"] = REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    application.status = decision
    application.decided_on = decided_on
    application.decision_reason = reason.strip()
    application.decided_by = user
    application.save()
    return application
